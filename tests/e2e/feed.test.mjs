// The live feed (issue 3): two people in two browsers; posts, likes, comments and mentions arrive without
// a reload; a department post stays inside its department; the notification drawer; posting rights.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, newPage, shot, url, uiLogin, apiLogin, http, DEMO_HOST } from "./helpers.mjs";

const SAM = "sales.head@demo.test"; // Sam Seller, Sales
const RITA = "sales.rep@demo.test"; // Rita Reps, Sales
const DAVE = "dev@demo.test"; // Dave Coder, Development
const LIVE_MS = 1000;

let browser;
before(async () => {
  browser = await launch();
  for (const email of [SAM, RITA, DAVE, "admin@demo.test"]) {
    await http(DEMO_HOST, "PATCH", "/api/v1/me", { cookie: await apiLogin(DEMO_HOST, email), body: { language: "en" } });
  }
  // A little history so the feed looks like a working company's.
  const admin = await apiLogin(DEMO_HOST, "admin@demo.test");
  const lead = await apiLogin(DEMO_HOST, "dev.lead@demo.test");
  const poll = await http(DEMO_HOST, "POST", "/api/v1/feed/posts", {
    cookie: admin,
    body: { text: "<p>We are planning the <b>summer party</b>. Which day suits you best?</p>", audience: { company: true }, poll: { question: "Summer party: which Friday?", options: ["June 12", "June 19", "June 26"] } },
  });
  assert.equal(poll.status, 201);
  const release = await http(DEMO_HOST, "POST", "/api/v1/feed/posts", {
    cookie: lead,
    body: { text: "<p>Release 4.2 is live!</p><ul><li>Faster search</li><li>Dark theme</li><li>Calendar invitations by e-mail</li></ul><p>Thanks to everyone who tested it!</p>", audience: { company: true } },
  });
  await http(DEMO_HOST, "PUT", `/api/v1/feed/posts/${release.body.post.id}/like`, { cookie: admin });
  await http(DEMO_HOST, "POST", `/api/v1/feed/posts/${release.body.post.id}/comments`, { cookie: admin, body: { text: "<p>Great work, team!</p>" } });
});
after(async () => browser?.close());

/** Signs in and waits until the feed page holds its live socket. */
async function feedPage(email) {
  const page = await newPage(browser);
  await uiLogin(page, DEMO_HOST, email);
  await page.waitForURL(/\/feed/);
  await page.locator('[data-testid="feed"][data-live="live"]').waitFor();
  await page.getByTestId("feed-list").getByTestId("post").first().waitFor();
  return page;
}

// The newest post with this text (the list is newest first; a kept state may hold older runs).
const postByText = (page, text) => page.getByTestId("post").filter({ hasText: text }).first();
const unread = async (page) => Number(await page.getByTestId("notification-bell").getAttribute("data-unread"));

test("a post, a like, a comment and a mention arrive live in the other browser", async () => {
  const sam = await feedPage(SAM);
  const rita = await feedPage(RITA);
  const ritaUnread = await unread(rita);
  await shot(sam, "feed-01-home");

  // Sam writes a post mentioning Rita, with the editor's @ search.
  await sam.getByTestId("composer-open").click();
  const editor = sam.getByTestId("post-editor");
  await editor.pressSequentially("Quarterly numbers are in: we beat the target by 12%. ");
  await editor.pressSequentially("@Rit");
  await sam.getByRole("option", { name: /Rita Reps/ }).click();
  await editor.pressSequentially("please share the details with the team.");
  await shot(sam, "feed-02-composer");
  await sam.getByTestId("publish").click();
  // Own posts appear at once.
  const own = postByText(sam, "Quarterly numbers are in");
  await own.waitFor();
  const posted = Date.now();

  // Rita sees it within a second: the "1 new post" bar (her page does not jump), and her bell rises.
  const bar = rita.getByTestId("new-posts");
  await bar.waitFor({ timeout: LIVE_MS + 500 });
  assert.ok(Date.now() - posted < LIVE_MS + 500, `arrived after ${Date.now() - posted} ms`);
  assert.match(await bar.textContent(), /1 new post/);
  await rita.locator(`[data-testid="notification-bell"][data-unread="${ritaUnread + 1}"]`).waitFor({ timeout: LIVE_MS * 2 });
  await bar.click();
  const onRita = postByText(rita, "Quarterly numbers are in");
  await onRita.waitFor();
  assert.equal(await onRita.locator("a[data-mention]").textContent(), "@Rita Reps");

  // Rita likes and comments: Sam sees both without reloading.
  const samUnread = await unread(sam);
  await onRita.getByTestId("like").click();
  await own.getByTestId("like-count").filter({ hasText: "1 like" }).waitFor({ timeout: LIVE_MS + 500 });
  await onRita.getByTestId("comment-input").fill("Congratulations, great quarter!");
  await onRita.getByTestId("comment-input").press("Enter");
  await own.getByTestId("comments").getByText("Congratulations, great quarter!").waitFor({ timeout: LIVE_MS + 500 });
  await own.getByTestId("comment-count").filter({ hasText: "1 comment" }).waitFor();
  await sam.locator(`[data-testid="notification-bell"][data-unread="${samUnread + 1}"]`).waitFor({ timeout: LIVE_MS * 2 });
  await shot(sam, "feed-03-live-like-comment");

  // The poll: results only after voting.
  const poll = postByText(rita, "Summer party: which Friday?");
  assert.equal(await poll.getByTestId("poll-voters").count(), 0);
  await poll.getByText("June 19").click();
  await poll.getByTestId("vote").click();
  await poll.getByTestId("poll-voters").filter({ hasText: "1 person voted" }).waitFor();

  // Rita's notification drawer: the mention, in words, leading to the post.
  await rita.getByTestId("notification-bell").click();
  const drawer = rita.getByRole("dialog", { name: "Notifications" });
  const mention = drawer.getByText("Sam Seller mentioned you in a post", { exact: false }).first();
  await mention.waitFor();
  await shot(rita, "feed-04-notifications");
  await mention.click();
  await rita.waitForURL(/\/feed\?post=/);
  await postByText(rita, "Quarterly numbers are in").waitFor();
  assert.equal(await rita.getByTestId("post").count(), 1);
  await shot(rita, "feed-05-single-post");

  await sam.context().close();
  await rita.context().close();
});

test("a post for the Sales department is not seen by a developer, live or after a reload", async () => {
  const sam = await feedPage(SAM);
  const rita = await feedPage(RITA);
  const dave = await feedPage(DAVE);

  await sam.getByTestId("composer-open").click();
  await sam.getByTestId("post-editor").pressSequentially("Sales only: the new price list is in the drive.");
  const audience = sam.getByTestId("audience");
  await audience.getByRole("button", { name: "Remove Whole company" }).click();
  await audience.getByTestId("audience-add").click();
  await sam.getByTestId("audience-search").fill("Sal");
  await sam.locator('[data-audience-option="Sales"]').click();
  await sam.keyboard.press("Escape");
  await audience.getByText("Sales", { exact: true }).waitFor();
  await shot(sam, "feed-06-department-audience");
  await sam.getByTestId("publish").click();
  const own = postByText(sam, "Sales only: the new price list");
  await own.waitFor();
  assert.equal(await own.locator('[data-audience="department"]').textContent(), "Sales");

  await rita.getByTestId("new-posts").waitFor({ timeout: LIVE_MS + 500 });
  await dave.waitForTimeout(LIVE_MS);
  assert.equal(await dave.getByTestId("new-posts").count(), 0, "no bar for Dave");
  await dave.reload();
  await dave.locator('[data-testid="feed"][data-live="live"]').waitFor();
  await dave.getByTestId("post").first().waitFor();
  assert.equal(await dave.getByTestId("post").filter({ hasText: "Sales only" }).count(), 0, "Dave does not read the Sales post");

  for (const p of [sam, rita, dave]) await p.context().close();
});

test("offline: the header says so; after reconnecting, what was missed waits in the bar", async () => {
  const rita = await feedPage(RITA);
  await rita.context().setOffline(true);
  const indicator = rita.getByTestId("live-indicator");
  await indicator.waitFor();
  assert.equal(await indicator.getAttribute("data-status"), "offline");
  await shot(rita, "feed-08-offline");
  const sam = await apiLogin(DEMO_HOST, SAM);
  const text = `Posted while Rita was offline (${Date.now().toString(36)})`;
  const missed = await http(DEMO_HOST, "POST", "/api/v1/feed/posts", { cookie: sam, body: { text: `<p>${text}</p>`, audience: { company: true } } });
  assert.equal(missed.status, 201);
  await rita.context().setOffline(false);
  await rita.getByTestId("new-posts").waitFor({ timeout: 20_000 });
  await indicator.waitFor({ state: "detached" });
  await rita.getByTestId("new-posts").click();
  await postByText(rita, text).waitFor();
  await rita.context().close();
});

test("posting to the whole company can be limited; the composer says so and keeps the text", async () => {
  const admin = await apiLogin(DEMO_HOST, "admin@demo.test");
  const set = (feedPosting) => http(DEMO_HOST, "PATCH", "/api/v1/portal/settings", { cookie: admin, body: { feedPosting } });
  assert.equal((await set({ mode: "list", userIds: [] })).status, 200);
  try {
    const dave = await feedPage(DAVE);
    await dave.getByTestId("composer-open").click();
    await dave.getByTestId("post-editor").pressSequentially("Hello everyone!");
    await dave.getByTestId("publish").click();
    await dave.getByRole("alert").filter({ hasText: "You may not post to the whole company" }).waitFor();
    assert.match(await dave.getByTestId("post-editor").textContent(), /Hello everyone!/);
    await shot(dave, "feed-07-posting-restricted");
    await dave.context().close();
  } finally {
    await set({ mode: "everyone", userIds: [] });
  }
});
