// Stored and reflected XSS (issue #6 part 4): every name, title and text the app renders carries payloads
// (tests/e2e/xss-data.mjs); each screen that shows them is opened in Chromium with window.__xss recording
// any payload that runs, dialogs caught, CSP violations reported, and the DOM searched for anything a
// payload could have planted (CSP would stop an inline handler, so its presence alone is the bug).
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { e2eTest, launch, newPage, shot, url } from "./helpers.mjs";
import { hostilePortal, FIELDS, X } from "./xss-data.mjs";

let browser, P;
before(async () => {
  browser = await launch();
  P = await hostilePortal();
});
after(async () => browser?.close());

/** A page that records every payload that runs, every dialog and every CSP violation. */
async function trapPage(opts = {}) {
  const page = await newPage(browser, opts);
  const fired = [];
  await page.exposeFunction("__xssReport", (what) => fired.push(what));
  await page.addInitScript(() => {
    window.__xss = (n) => window.__xssReport(`payload ${n}`);
    document.addEventListener("securitypolicyviolation", (e) => window.__xssReport(`CSP ${e.violatedDirective}: ${e.blockedURI} ${e.sample ?? ""}`));
  });
  page.on("dialog", (d) => {
    fired.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return { page, fired };
}

async function signedIn(cookie = P.cookie) {
  const t = await trapPage();
  const [name, value] = cookie.split("=");
  await t.page.context().addCookies([{ name, value, url: url(P.host, "/") }]);
  return t;
}

/** What a payload could have planted, besides running: elements, handlers and script links. */
const planted = () =>
  [
    ...[...document.querySelectorAll("img[src='x'], iframe, object, embed, svg[onload], script:not([src])")].map((e) => `<${e.tagName.toLowerCase()}>`),
    ...[...document.querySelectorAll("*")].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName}[${a.name}]`)),
    ...[...document.querySelectorAll("a[href], [src], form[action]")].map((e) => e.getAttribute("href") ?? e.getAttribute("src") ?? e.getAttribute("action")).filter((u) => /^\s*(javascript|data|vbscript):/i.test(u)).map((u) => `url ${u}`),
  ];

/** Opens a screen, waits for its content (and for the hostile text shown as text), checks and shoots it. */
async function visit(t, path, { ready, text, name }) {
  await t.page.goto(url(P.host, path));
  if (ready) await t.page.locator(ready).first().waitFor();
  if (text) await t.page.getByText(text, { exact: false }).first().waitFor();
  await t.page.waitForTimeout(400);
  await shot(t.page, `xss-${name}`);
  await check(t, path);
}

async function check(t, where) {
  const dom = await t.page.evaluate(planted);
  const fields = t.fired.map((f) => f.replace(/payload (\d+)/, (m, n) => `${m} (${FIELDS[n] ?? "?"})`));
  assert.deepEqual({ where, fired: fields, planted: dom }, { where, fired: [], planted: [] });
}

const shown = (n) => `onerror=window.__xss(${n})`; // payload text, visible only if rendered as text

e2eTest("self-test: the trap sees a payload that lands, even one the CSP stops", async () => {
  const t = await signedIn();
  await t.page.goto(url(P.host, "/feed"));
  await t.page.locator('[data-testid="post"]').first().waitFor();
  await t.page.evaluate(() => {
    window.__xss(0);
    document.body.insertAdjacentHTML("beforeend", "<img src=x onerror=window.__xss(0)>");
  });
  await t.page.waitForTimeout(500);
  const dom = await t.page.evaluate(planted);
  assert.ok(t.fired.includes("payload 0"), `recorded: ${t.fired}`);
  assert.ok(t.fired.some((f) => f.startsWith("CSP")), `the CSP reports the blocked handler: ${t.fired}`);
  assert.ok(dom.includes("<img>") && dom.includes("IMG[onerror]"), `planted: ${dom}`);
});

e2eTest("stored payloads in the feed, comments, polls and notifications stay text", async () => {
  const t = await signedIn();
  await visit(t, "/feed", { ready: '[data-testid="post"]', text: "Rich 9", name: "01-feed" });
  await t.page.getByTestId("poll").first().waitFor();
  await t.page.getByText("Rich 14", { exact: false }).first().waitFor();
  await t.page.getByText(shown(8), { exact: false }).first().waitFor(); // the title, as text
  await check(t, "/feed comments");
  await visit(t, `/feed?post=${P.post.id}`, { ready: '[data-testid="post"]', text: shown(10), name: "02-feed-post" });
  // Editing puts the stored HTML back into a contenteditable: the one other place HTML is parsed.
  await t.page.getByTestId("post-menu").first().click();
  await t.page.getByRole("menuitem", { name: "Edit" }).click();
  await t.page.getByTestId("post-editor").getByText("Rich 9", { exact: false }).waitFor();
  await t.page.waitForTimeout(300);
  await shot(t.page, "xss-02b-feed-edit");
  await check(t, "post editor");
  await t.page.keyboard.press("Escape");
  await t.page.getByTestId("notification-bell").click();
  await t.page.getByRole("dialog").getByText("Eve", { exact: false }).first().waitFor();
  await t.page.waitForTimeout(300);
  await shot(t.page, "xss-03-notifications");
  await check(t, "notification drawer");
});

e2eTest("stored payloads in the messenger stay text", async () => {
  const t = await signedIn();
  await visit(t, "/messenger", { ready: '[data-testid="chat-list"]', text: shown(15).replace("onerror", "onload").replace("img src=x ", ""), name: "04-chat-list" });
  await visit(t, `/messenger/${P.chat.id}`, { ready: '[data-testid="message-text"]', text: shown(18), name: "05-chat" });
  const links = await t.page.getByTestId("message-text").locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  assert.ok(links.every((h) => /^https?:\/\//.test(h)), `chat links: ${links}`);
});

e2eTest("stored payloads in people, structure and administration stay text", async () => {
  const t = await signedIn();
  await visit(t, "/company/people", { ready: '[data-testid="directory-list"]', text: shown(5), name: "06-directory" });
  await visit(t, `/company/people/${P.colleague.id}`, { ready: '[data-testid="profile-name"]', text: shown(5), name: "07-profile-colleague" });
  await visit(t, `/company/people/${P.me.id}`, { ready: '[data-testid="profile-name"]', text: shown(2), name: "08-profile-me" });
  const tel = await t.page.locator('a[href^="tel:"]').evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  assert.ok(tel.every((h) => h.startsWith("tel:")), `phone links: ${tel}`);
  await visit(t, "/company/structure", { ready: '[data-testid="dept-title"]', text: "Eve", name: "09-structure" });
  await visit(t, "/admin/people", { ready: '[data-testid="admin-people"]', text: shown(5), name: "10-admin-people" });
  await visit(t, "/admin/settings", { ready: "main form", name: "11-admin-settings" });
  await visit(t, "/account", { ready: "main", name: "12-account" });
});

e2eTest("stored payloads in the calendar stay text", async () => {
  const t = await signedIn();
  await visit(t, `/calendar?view=week&date=${P.day}`, { ready: "main", text: shown(20), name: "13-calendar-week" });
  await visit(t, `/calendar/event/${encodeURIComponent(P.event.id)}?view=week&date=${P.day}`, { ready: '[data-testid="event-panel"]', text: shown(22), name: "14-calendar-event" });
  await t.page.getByTestId("panel-guests").getByText(shown(23), { exact: false }).waitFor();
  await check(t, "event panel guests");
  await t.page.getByTestId("panel-edit").click();
  await t.page.getByRole("dialog", { name: "Edit event" }).getByText(shown(23), { exact: false }).waitFor();
  await t.page.waitForTimeout(400);
  await shot(t.page, "xss-14b-calendar-edit");
  await check(t, "event form");
  await t.page.keyboard.press("Escape");
  await visit(t, `/calendar?view=agenda&date=${P.day}`, { ready: "main", text: shown(20), name: "15-calendar-agenda" });
});

e2eTest("the guest page and the public sign-in page keep the payloads inert", async () => {
  const guest = await trapPage();
  await guest.page.goto(P.guestLink);
  await guest.page.getByText(shown(20), { exact: false }).first().waitFor();
  await shot(guest.page, "xss-16-guest-page");
  await check(guest, "guest page");
  await guest.page.getByRole("button").first().click(); // Accept: the organizer's notification names the guest
  await guest.page.waitForURL(/saved=1/);
  await check(guest, "guest page after answering");
  const anon = await trapPage();
  await visit(anon, `/sign-in?email=${encodeURIComponent(X.attr(26))}&next=${encodeURIComponent(X.js(26))}`, { ready: "form", name: "17-sign-in" });
  const t = await signedIn();
  await t.page.goto(url(P.host, "/feed"));
  await t.page.getByTestId("notification-bell").click();
  await t.page.getByRole("dialog").getByText(shown(23), { exact: false }).first().waitFor();
  await check(t, "notification of the guest's answer");
});

e2eTest("reflected payloads in addresses stay text, and ?next= never leaves the portal", async () => {
  const t = await signedIn();
  const q = encodeURIComponent(X.attr(26));
  await visit(t, `/company/people?q=${q}`, { ready: "main", name: "18-directory-query" });
  await visit(t, `/feed?post=${q}`, { ready: "main", name: "19-feed-query" });
  await visit(t, `/calendar?event=${q}&view=${q}&date=${q}`, { ready: "main", name: "20-calendar-query" });
  await visit(t, `/messenger/${q}`, { ready: "main", name: "21-messenger-query" });
  for (const next of ["//evil.test", "/\\evil.test", "/\t/evil.test", "https://evil.test", X.js(26)]) {
    const s = await trapPage();
    await s.page.goto(url(P.host, `/sign-in?next=${encodeURIComponent(next)}`));
    await s.page.getByLabel("E-mail").fill(P.email);
    await s.page.getByLabel("Password", { exact: true }).fill(P.password);
    await s.page.getByRole("button", { name: "Sign in" }).click();
    await s.page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
    await s.page.locator("main").first().waitFor();
    assert.equal(new URL(s.page.url()).host, P.host, `after ?next=${next}: ${s.page.url()}`);
    await check(s, `sign-in with next=${next}`);
    await s.page.context().close();
  }
});
