// CHAT-1…5 in Chromium: two people chat live, nothing is lost to a reload or a dropped connection,
// a three-person video call connects with fake media, and a fifth caller is told the call is full.
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { e2eTest, newPage, shot, url, apiLogin, http, DEMO_HOST } from "./helpers.mjs";

const EMAILS = { anna: "admin@demo.test", sam: "sales.head@demo.test", rita: "sales.rep@demo.test", dave: "dev@demo.test", lena: "dev.lead@demo.test" };
const nonce = Date.now().toString(36);

let browser;
before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
    ],
  });
});
after(async () => browser?.close());

const cookies = {};
const cookieOf = async (who) => (cookies[who] ??= await apiLogin(DEMO_HOST, EMAILS[who]));
const api = async (who, method, path, body) => {
  const r = await http(DEMO_HOST, method, path, { cookie: await cookieOf(who), body });
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};
const userId = async (who) => (await api(who, "GET", "/api/v1/me")).user.id;

/** A signed-in page (the session cookie from the API; the sign-in screen has its own tests). */
async function pageFor(who, path, { slow = false } = {}) {
  const page = await newPage(browser);
  // Four peers encoding and decoding video on a small CI machine: give the call's steps more time.
  if (slow) page.setDefaultTimeout(90_000);
  const [name, value] = (await cookieOf(who)).split("=");
  await page.context().addCookies([{ name, value, domain: DEMO_HOST.split(":")[0], path: "/" }]);
  // Under load the local dev server has now and then answered a page with a bare 500 (seen twice in a row
  // in one full run): try the page up to three times before calling it a failure.
  for (let attempt = 1; ; attempt++) {
    const res = await page.goto(url(DEMO_HOST, path)).catch((e) => (attempt < 3 ? null : Promise.reject(e)));
    if (res?.ok() || attempt >= 3) return page;
    await page.waitForTimeout(2000);
  }
}

const bubbles = (page, text) => page.locator("[data-testid=message]", { hasText: text });
const send = async (page, text) => {
  await page.getByTestId("composer").fill(text);
  await page.getByTestId("composer").press("Enter");
};
const historyCount = async (who, chatId, text) =>
  (await api(who, "GET", `/api/v1/chats/${chatId}/messages?limit=200`)).messages.filter((m) => m.text === text).length;

e2eTest("two colleagues chat live: messages, typing, read ticks and unread badges without reloading", async () => {
  const sam = await pageFor("sam", "/messenger");
  await sam.getByTestId("chat-list").waitFor();
  await shot(sam, "80-messenger-empty");
  await sam.getByTestId("new-chat").click();
  await sam.getByTestId("new-direct").click();
  await sam.getByTestId("people-search").fill("Rita");
  await sam.getByTestId("person-option").filter({ hasText: "Rita Reps" }).click();
  await sam.waitForURL(/\/messenger\/[^/]+$/);
  const chatId = new URL(sam.url()).pathname.split("/").pop();
  await sam.getByTestId("conversation").waitFor();
  assert.equal(await sam.getByTestId("chat-title").textContent(), "Rita Reps");

  const rita = await pageFor("rita", `/messenger/${chatId}`);
  await rita.getByTestId("conversation").waitFor();
  await rita.getByTestId("composer").waitFor();

  await send(sam, `Hi Rita, the Q3 deck is ready ${nonce}`);
  await bubbles(rita, `the Q3 deck is ready ${nonce}`).waitFor();
  await rita.getByTestId("composer").pressSequentially("Tha", { delay: 60 });
  await sam.getByTestId("typing").filter({ hasText: "Rita is typing" }).waitFor();
  await rita.getByTestId("composer").fill(`Thanks Sam! Looking at it now ${nonce}`);
  await rita.getByTestId("composer").press("Enter");
  await bubbles(sam, `Looking at it now ${nonce}`).waitFor();
  // Rita has seen Sam's message: Sam's tick turns into the double "read" tick.
  await bubbles(sam, `the Q3 deck is ready ${nonce}`).locator("[data-testid=message-status][data-state=read]").waitFor();

  // A reaction and a reply arrive live on the other side.
  const samMsg = bubbles(rita, `the Q3 deck is ready ${nonce}`);
  await samMsg.hover();
  await samMsg.getByTestId("react-button").click();
  await rita.getByTestId("reaction-option").first().click();
  await bubbles(sam, `the Q3 deck is ready ${nonce}`).getByTestId("reaction").waitFor();
  await bubbles(sam, `Looking at it now ${nonce}`).hover();
  await bubbles(sam, `Looking at it now ${nonce}`).getByTestId("reply-button").click();
  await sam.getByTestId("composer-context").waitFor();
  await send(sam, `Great, comments by Friday please ${nonce}`);
  await bubbles(rita, `comments by Friday please ${nonce}`).filter({ hasText: "Thanks Sam!" }).waitFor();

  // Rita goes back to her list: Sam's next messages show up as an unread badge there, no reload.
  await rita.goto(url(DEMO_HOST, "/messenger"));
  await rita.locator(`[data-testid=chat-row][data-chat-id="${chatId}"]`).waitFor();
  await send(sam, `One more thing ${nonce}`);
  await send(sam, `The numbers are on slide 4 ${nonce}`);
  await rita.locator(`[data-testid=chat-row][data-chat-id="${chatId}"] [data-testid=chat-unread]`).filter({ hasText: "2" }).waitFor({ timeout: 35_000 });

  // A group chat and a public one, so the list screenshot shows what a working day looks like.
  const ids = await Promise.all(["rita", "dave", "lena"].map(userId));
  const group = (await api("sam", "POST", "/api/v1/chats", { type: "group", title: `Sales × Dev ${nonce}`, memberIds: ids, visibility: "public" })).chat;
  await api("dave", "POST", `/api/v1/chats/${group.id}/messages`, { clientId: `e2e-${nonce}-g1`, text: "Release notes for the CRM import are up." });
  await sam.goto(url(DEMO_HOST, `/messenger/${chatId}`));
  await bubbles(sam, `slide 4 ${nonce}`).waitFor();
  await sam.locator(`[data-testid=chat-row][data-chat-id="${group.id}"]`).waitFor();
  await shot(sam, "81-messenger-conversation");
  await shot(rita, "82-messenger-chat-list");
  await rita.locator(`[data-testid=chat-row][data-chat-id="${chatId}"]`).click();
  await rita.locator(`[data-testid=chat-row][data-chat-id="${chatId}"] [data-testid=chat-unread]`).waitFor({ state: "detached", timeout: 10_000 });
  await sam.context().close();
  await rita.context().close();
});

e2eTest("nothing is lost: a reload right after sending, and messages typed while the connection is down", async () => {
  const rita = await userId("rita");
  const chatId = (await api("dave", "POST", "/api/v1/chats", { type: "direct", userId: rita })).chat.id;
  const page = await pageFor("dave", `/messenger/${chatId}`);
  await page.getByTestId("composer").waitFor();
  await page.locator("[data-testid=status-line]").waitFor();

  const first = `Sent, then reloaded ${nonce}`;
  await send(page, first);
  await bubbles(page, first).waitFor();
  await page.reload();
  await bubbles(page, first).locator("[data-testid=message-status][data-state=sent], [data-testid=message-status][data-state=read]").waitFor();
  await page.waitForTimeout(800);
  assert.equal(await bubbles(page, first).count(), 1);
  assert.equal(await historyCount("dave", chatId, first), 1);

  // The socket stays open under network emulation, so the app closes it on "offline" itself.
  await page.context().setOffline(true);
  await page.getByTestId("chat-offline").waitFor();
  const typed = [`Written offline one ${nonce}`, `Written offline two ${nonce}`];
  for (const text of typed) await send(page, text);
  await bubbles(page, typed[1]).locator("[data-testid=message-status][data-state=pending]").waitFor();
  await shot(page, "83-messenger-offline-pending");
  await page.reload().catch(() => undefined); // offline: the reload fails; the outbox is in IndexedDB
  await page.context().setOffline(false);
  await page.goto(url(DEMO_HOST, `/messenger/${chatId}`));
  for (const text of typed) await bubbles(page, text).locator("[data-testid=message-status]:not([data-state=pending])").waitFor();
  await page.waitForTimeout(800);
  for (const text of typed) {
    assert.equal(await bubbles(page, text).count(), 1, text);
    assert.equal(await historyCount("dave", chatId, text), 1, text);
  }
  const seqs = (await api("rita", "GET", `/api/v1/chats/${chatId}/messages?limit=200`)).messages.filter((m) => typed.includes(m.text)).map((m) => m.text);
  assert.deepEqual(seqs, typed, "in the order they were written");
  await page.context().close();
});

const playing = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("video[data-testid=remote-video]")].filter((v) => {
      const s = v.srcObject;
      return s instanceof MediaStream && s.getVideoTracks().some((t) => t.readyState === "live") && v.readyState >= 2 && !v.paused && v.videoWidth > 0;
    }).length,
  );

e2eTest("a three-person video call connects with fake media; a fifth caller is told the call is full", async () => {
  const ids = await Promise.all(["sam", "rita", "dave", "lena"].map(userId));
  const chat = (await api("anna", "POST", "/api/v1/chats", { type: "group", title: `Weekly sync ${nonce}`, memberIds: ids, visibility: "private" })).chat;
  await api("sam", "POST", `/api/v1/chats/${chat.id}/messages`, { clientId: `e2e-${nonce}-c1`, text: "Agenda: pipeline review, then the release date. Joining the call now." });
  const who = ["anna", "sam", "rita", "dave", "lena"];
  const pages = {};
  for (const w of who) {
    pages[w] = await pageFor(w, `/messenger/${chat.id}`, { slow: true });
    await pages[w].getByTestId("composer").waitFor();
  }
  await pages.anna.getByTestId("call-start").click();
  await pages.anna.getByTestId("call-view").waitFor();
  for (const w of ["sam", "rita"]) {
    await pages[w].getByTestId("call-banner").waitFor();
    await pages[w].getByTestId("call-join").click();
    await pages[w].getByTestId("call-view").waitFor();
  }
  for (const w of ["anna", "sam", "rita"]) {
    await pages[w].waitForFunction(
      () =>
        [...document.querySelectorAll("video[data-testid=remote-video]")].filter(
          (v) => v.srcObject instanceof MediaStream && v.srcObject.getVideoTracks().some((t) => t.readyState === "live") && v.readyState >= 2 && v.videoWidth > 0,
        ).length === 2,
      null,
      { timeout: 90_000 },
    );
    assert.equal(await playing(pages[w]), 2, `${w} sees two remote streams playing`);
  }
  await pages.anna.getByTestId("call-mute").click();
  await pages.sam.locator("[data-testid=remote-tile]", { hasText: "Anna Admin" }).locator('[aria-label="Microphone off"]').waitFor();
  await shot(pages.anna, "84-messenger-call");

  await pages.dave.getByTestId("call-join").click();
  await pages.dave.getByTestId("call-view").waitFor();
  await pages.anna.waitForFunction(() => document.querySelectorAll("[data-testid=remote-tile]").length === 3);
  await pages.lena.getByTestId("call-banner").filter({ hasText: "4 participants" }).waitFor();
  await pages.lena.getByTestId("call-join").click();
  await pages.lena.getByTestId("call-full").waitFor();
  assert.match(await pages.lena.getByTestId("call-full").textContent(), /The call is full/);
  assert.equal(await pages.lena.getByTestId("call-view").count(), 0);
  await shot(pages.lena, "85-messenger-call-full");

  // Someone leaves: the others' grids shrink, and the banner tells Lena there is room again.
  await pages.dave.getByTestId("call-leave").click();
  await pages.anna.waitForFunction(() => document.querySelectorAll("[data-testid=remote-tile]").length === 2);
  await pages.lena.getByTestId("call-banner").filter({ hasText: "3 participants" }).waitFor();
  for (const w of who) await pages[w].context().close();
});
