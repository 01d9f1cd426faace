// CAL-1..5 in the browser, the reference guest flow end to end: the organizer confirms a sender address with the
// code from the dev mailbox, drags out a meeting with a colleague and an e-mail guest, the guest declines on the
// edge page in a browser of their own, the organizer sees it live, moves the meeting (the guest gets the update)
// and cancels it (the guest gets the cancellation).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, newPage, shot, url, uiLogin, http, apiLogin, ROOT_HOST, DEMO_HOST } from "./helpers.mjs";

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

const stamp = Date.now().toString(36);
const senderEmail = `sam.${stamp}@sales-demo.test`;
const guestEmail = `gina.${stamp}@client.test`;

/** Mails to an address (newest first), waiting until one matches. */
async function waitMail(to, match, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const r = await http(ROOT_HOST, "GET", `/api/v1/dev/mail?to=${encodeURIComponent(to)}`);
    const hit = (r.body?.items ?? []).find(match);
    if (hit) return hit;
    await new Promise((res) => setTimeout(res, 300));
  }
  throw new Error(`no matching mail to ${to}`);
}
const ics = (m) => m.attachments?.find((a) => a.contentType.startsWith("text/calendar"))?.content ?? "";

/** A Tuesday a week or more ahead (the guest link must not have expired), some weeks later for a fresh week. */
function futureTuesday(weeks = 0) {
  const d = new Date(Date.now() + (8 + 7 * weeks) * 86_400_000);
  d.setUTCDate(d.getUTCDate() + ((2 - d.getUTCDay() + 7) % 7));
  return d.toISOString().slice(0, 10);
}

/** Drags with real pointer events from one point to another. */
async function drag(page, from, to) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 2, from.y + 6, { steps: 2 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

test("sender address, meeting with a colleague and a guest, live answer, update and cancellation", async () => {
  const day = futureTuesday(1 + Math.floor(Math.random() * 40));
  const page = await newPage(browser);
  await uiLogin(page, DEMO_HOST, "sales.head@demo.test");

  // 1. Calendar settings: a new sender address, shared with all employees, confirmed with the mailed code.
  await page.goto(url(DEMO_HOST, "/calendar/settings"));
  await page.getByTestId("sender-add").click();
  await page.getByTestId("sender-email").fill(senderEmail);
  await page.getByTestId("sender-form").getByText("Available to all employees").click();
  await page.getByTestId("sender-send").click();
  await page.getByTestId("sender-code").waitFor();
  const codeMail = await waitMail(senderEmail, (m) => /\b\d{6}\b/.test(m.text));
  await page.getByTestId("sender-code").fill(codeMail.text.match(/\b(\d{6})\b/)[1]);
  await page.getByTestId("sender-confirm").click();
  await page.getByTestId("sender-current").filter({ hasText: senderEmail }).waitFor();
  await page.locator(`[data-sender="${senderEmail}"]`).getByText("shared").waitFor();
  await shot(page, "cal-5-settings");

  // 2. Week view: drag on empty time (10:00–11:00) opens the form with those times.
  await page.goto(url(DEMO_HOST, `/calendar?view=week&date=${day}`));
  const column = page.locator(`[data-testid="cal-week"] [data-day="${day}"]`);
  await column.waitFor();
  const box = await column.boundingBox();
  const hour = box.height / 24;
  await drag(page, { x: box.x + box.width / 2, y: box.y + 10 * hour + 4 }, { x: box.x + box.width / 2, y: box.y + 11 * hour - 4 });
  const form = page.getByTestId("event-form");
  await form.waitFor();
  assert.equal(await page.getByTestId("start-time").inputValue(), "10:00");
  assert.equal(await page.getByTestId("end-time").inputValue(), "11:00");

  // 3. The meeting: title, place, a colleague, a guest (highlighted; nothing is sent before saving).
  await page.getByTestId("event-title").fill("Contract review");
  await page.getByTestId("event-location").fill("Room 1");
  await page.getByTestId("attendee-search").fill("Rita");
  await page.getByRole("option", { name: /Rita Reps/ }).click();
  await form.locator('[data-attendee="Rita Reps"]').waitFor();
  await page.getByTestId("invite-guest").click();
  await page.getByTestId("guest-email").fill(guestEmail);
  await page.getByTestId("guest-first").fill("Gina");
  await page.getByTestId("guest-last").fill("Guest");
  await page.getByTestId("guest-invite").click();
  const guestChip = form.locator(`[data-guest="${guestEmail}"]`);
  await guestChip.waitFor();
  assert.match(await guestChip.getAttribute("class"), /bg-warning-soft/);
  const early = await http(ROOT_HOST, "GET", `/api/v1/dev/mail?to=${encodeURIComponent(guestEmail)}`);
  assert.equal(early.body.items.length, 0, "nothing is mailed before the event is saved");
  await page.locator('[data-planner-row="Rita Reps"]').waitFor();
  await page.getByTestId("planner-status").filter({ hasText: /First free slot/ }).waitFor();
  await page.getByTestId("planner").scrollIntoViewIfNeeded();
  await shot(page, "cal-3-form-planner");
  await page.getByTestId("event-save").click();
  await form.waitFor({ state: "detached" });
  const block = page.locator('[data-testid="cal-week"] [data-title="Contract review"]');
  await block.waitFor();

  // 4. The guest's invitation (METHOD:REQUEST), opened in a browser of their own; they decline.
  const invite = await waitMail(guestEmail, (m) => /METHOD:REQUEST/.test(ics(m)));
  assert.match(ics(invite), /SEQUENCE:0/);
  const link = invite.links.find((l) => l.includes("/g/")).replace(/[)>.,]+$/, "");

  await block.click();
  const panel = page.getByTestId("event-panel");
  await panel.waitFor();
  assert.match(page.url(), /\/calendar\/event\//);
  const guestRow = panel.locator(`[data-guest="${guestEmail}"]`);
  await guestRow.waitFor();
  assert.equal(await guestRow.getAttribute("data-status"), "pending");
  const bell = page.getByTestId("notification-bell");
  const bellBefore = await bell.getAttribute("aria-label");

  const guest = await newPage(browser);
  await guest.goto(link);
  await guest.getByRole("heading", { name: "Contract review" }).waitFor();
  assert.match(await guest.locator("body").textContent(), /Room 1/);
  await shot(guest, "cal-6-guest-page");
  await guest.getByRole("button", { name: "Decline" }).click();
  await guest.getByText("You declined.").waitFor();
  await shot(guest, "cal-7-guest-declined");
  await guest.context().close();

  // 5. Live: the open panel shows the answer and the bell counts the notification, without a reload.
  await panel.locator(`[data-guest="${guestEmail}"][data-status="declined"]`).waitFor({ timeout: 10_000 });
  await page.waitForFunction((before) => document.querySelector('[data-testid="notification-bell"]')?.getAttribute("aria-label") !== before, bellBefore, { timeout: 10_000 });
  assert.match(await bell.getAttribute("aria-label"), /unread/);
  await shot(page, "cal-4-panel-live-answer");

  // 6. Move the meeting by drag and drop (10:00 → 14:00): the guest gets the update, SEQUENCE 1.
  await page.getByTestId("slider-close").click();
  await panel.waitFor({ state: "detached" });
  const b = await block.boundingBox();
  await drag(page, { x: b.x + b.width / 2, y: b.y + 8 }, { x: b.x + b.width / 2, y: b.y + 8 + 4 * hour });
  await page.getByText("Event moved.").waitFor();
  const update = await waitMail(guestEmail, (m) => /METHOD:REQUEST/.test(ics(m)) && /SEQUENCE:1/.test(ics(m)));
  assert.match(ics(update), new RegExp(`DTSTART:${berlin(day, 14).replace(/[-:]|\.000/g, "")}`));

  // 7. Cancel: the dialog says guests get a cancellation; they get METHOD:CANCEL.
  await block.click();
  await panel.waitFor();
  await page.getByTestId("panel-cancel").click();
  const dialog = page.getByRole("alertdialog").or(page.getByRole("dialog").filter({ hasText: "Cancel this event?" }));
  await dialog.getByText(/receive a cancellation/).waitFor();
  await page.getByTestId("confirm").click();
  await page.getByText("Event cancelled.").waitFor();
  const cancel = await waitMail(guestEmail, (m) => /METHOD:CANCEL/.test(ics(m)));
  assert.match(ics(cancel), /SEQUENCE:2/);
  await block.waitFor({ state: "detached" });
  await page.context().close();
});

/** An instant of a wall-clock time in Berlin (the demo users' zone), whatever the DST offset that day. */
function berlin(day, h, m = 0) {
  const [y, mo, d] = day.split("-").map(Number);
  for (const off of [1, 2]) {
    const ms = Date.UTC(y, mo - 1, d, h - off, m);
    const hh = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Berlin", hour: "2-digit", hourCycle: "h23" }).format(ms);
    if (Number(hh) === h) return new Date(ms).toISOString();
  }
  throw new Error("no such time");
}
const addDays = (day, n) => new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** A realistic week for Sam: a daily stand-up, overlapping meetings, a trade fair, an invitation, others' private time. */
async function seedWeek(tuesday) {
  const sam = await apiLogin(DEMO_HOST, "sales.head@demo.test");
  const anna = await apiLogin(DEMO_HOST, "admin@demo.test");
  const cals = async (c) => (await http(DEMO_HOST, "GET", "/api/v1/calendar/calendars", { cookie: c })).body.items;
  const own = (await cals(sam)).find((c) => c.kind === "personal").id;
  const annaOwn = (await cals(anna)).find((c) => c.kind === "personal").id;
  const company = (await cals(anna)).find((c) => c.kind === "company").id;
  const people = (await http(DEMO_HOST, "GET", "/api/v1/people/users?limit=50", { cookie: sam })).body.items;
  const id = (prefix) => people.find((p) => p.name.startsWith(prefix)).id;
  const mon = addDays(tuesday, -1);
  const at = (n, h, m = 0) => berlin(addDays(mon, n), h, m);
  const events = [
    [sam, { calendarId: own, title: "Stand-up", start: at(0, 8, 45), end: at(0, 9), rrule: "FREQ=DAILY;COUNT=5" }],
    [sam, { calendarId: own, title: "Pipeline review", start: at(0, 9, 30), end: at(0, 11), location: "Room 2", attendeeIds: [id("Rita")] }],
    [sam, { calendarId: own, title: "Call with Acme", start: at(0, 10, 30), end: at(0, 11, 30) }],
    [sam, { calendarId: own, title: "Lunch with Globex", start: at(0, 12), end: at(0, 13, 30), location: "Bistro Mitte" }],
    [sam, { calendarId: own, title: "Demo for Initech", start: at(1, 13), end: at(1, 14, 30), location: "Video call" }],
    [sam, { calendarId: own, title: "Trade fair Berlin", start: `${addDays(mon, 2)}T00:00:00Z`, end: `${addDays(mon, 4)}T00:00:00Z`, allDay: true }],
    [sam, { calendarId: own, title: "Quarter planning", start: at(3, 14), end: at(3, 16), importance: "high", attendeeIds: [id("Rita"), id("Max")] }],
    [anna, { calendarId: annaOwn, title: "1:1 Anna / Sam", start: at(1, 10), end: at(1, 10, 45), attendeeIds: [id("Sam")] }],
    [anna, { calendarId: company, title: "Board meeting", privacy: "private", start: at(4, 9), end: at(4, 12) }],
    [anna, { calendarId: company, title: "Company party", start: at(4, 17), end: at(4, 21) }],
  ];
  for (const [cookie, body] of events) {
    const r = await http(DEMO_HOST, "POST", "/api/v1/calendar/events", { cookie, body: { timeZone: "Europe/Berlin", ...body } });
    assert.equal(r.status, 201, JSON.stringify(r.body));
  }
}

test("month, week, day and agenda views: a realistic week, the keyboard, private time as busy", async () => {
  // Some months ahead, in the middle of its month so the month view shows the week among others.
  let weeks = 60 + Math.floor(Math.random() * 40);
  while (!/-(0[89]|1\d|2[01])$/.test(futureTuesday(weeks))) weeks++;
  const day = futureTuesday(weeks);
  await seedWeek(day);
  const page = await newPage(browser);
  await uiLogin(page, DEMO_HOST, "sales.head@demo.test");
  await page.goto(url(DEMO_HOST, `/calendar?view=week&date=${day}`));
  await page.locator('[data-testid="cal-week"] [data-title="Pipeline review"]').waitFor();
  // Others' private time is "Busy" without its title; the stand-up repeats every day.
  assert.equal(await page.locator('[data-testid="cal-week"] [data-title="Board meeting"]').count(), 0);
  await page.locator('[data-testid="cal-week"] [data-title="Busy"]').waitFor();
  assert.equal(await page.locator('[data-testid="cal-week"] [data-title="Stand-up"]').count(), 5);
  await shot(page, "cal-2-week");

  await page.goto(url(DEMO_HOST, `/calendar?view=month&date=${day}`));
  const cell = page.locator(`[data-testid="cal-month"] [data-day-focus="${day}"]`);
  await cell.waitFor();
  await page.locator('[data-testid="cal-month"] [data-title="Quarter planning"]').waitFor();
  await shot(page, "cal-1-month");
  await cell.focus();
  await page.keyboard.press("ArrowRight");
  await page.waitForURL((u) => u.searchParams.get("date") === addDays(day, 1));
  await page.keyboard.press("ArrowUp");
  await page.waitForURL((u) => u.searchParams.get("date") === addDays(day, -6));
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowLeft");
  await page.waitForURL((u) => u.searchParams.get("date") === day);
  await page.keyboard.press("Enter");
  await page.waitForURL((u) => u.searchParams.get("view") === "day");
  await page.getByTestId("cal-day").waitFor();
  await page.locator('[data-testid="cal-day"] [data-title="Demo for Initech"]').focus();
  await page.keyboard.press("Enter");
  await page.getByTestId("event-panel").getByText("Video call").waitFor();
  await page.keyboard.press("Escape");
  await page.getByTestId("event-panel").waitFor({ state: "detached" });
  await page.getByTestId("cal-view-agenda").click();
  await page.getByTestId("cal-agenda").getByText("Trade fair Berlin").first().waitFor();
  await shot(page, "cal-8-agenda");
  await page.context().close();
});
