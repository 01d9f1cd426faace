// Issue 5: (a) the week view of a user with 5 000 events (4 900 single events over a year and 100
// daily/weekly series, all made through POST /api/v1/calendar/events, a few at a time; timed);
// (b) the planner for 30 attendees over a week (goal p50 < 50 ms), with and without that busy
// user among them; (c) the e-mail guest page /g/<token>: time to first byte (goal p50 < 10 ms),
// after the whole guest flow: sender address confirmed with the mailed code, event with a guest,
// link taken from the guest's mail in the dev mailbox.
import http from "node:http";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "../lib/http.mjs";
import { goal, round, summarize } from "../lib/stats.mjs";
import { mapLimit } from "../lib/pool.mjs";
import { confirmSender, guestPath } from "../lib/mail.mjs";
import { adminSession, benchUsers } from "../lib/users.mjs";
import { requestFloor, settle } from "../lib/baseline.mjs";

export const name = "calendar";
export const description = "week view at 5 000 events, planner for 30 attendees (goal p50 < 50 ms), guest page TTFB (goal p50 < 10 ms)";
export const order = 80;
export const timeoutMs = 10 * 60_000;

const SINGLES = 4_900;
const SERIES = 100;
const CREATE_CONCURRENCY = 4;
const API_BUDGET_MS = 150_000;
const PLANNER_USERS = 30;
const MEETINGS = 40;
const MEETING_SIZE = 8;
const N = 150;
const MAX_MS = 12_000;
const DAY = 86_400_000;
const GOAL_PLANNER_P50_MS = 50;
const GOAL_GUEST_TTFB_P50_MS = 10;

const iso = (ms) => new Date(ms).toISOString();
const pick = (s) => ({ count: s.count, p50: s.p50, p90: s.p90, p99: s.p99, max: s.max });

/** Sequential GETs over one keep-alive connection (bounded in count and time). */
async function serial(port, path, { cookie, headers, check, n = N, maxMs = MAX_MS }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const ms = [];
  const ttfb = [];
  let sample = null;
  const statuses = {};
  const t0 = performance.now();
  try {
    for (let i = 0; i < n + 3 && performance.now() - t0 < maxMs; i++) {
      const res = await request({ port, path, cookie, headers, agent, timeoutMs: 30_000 });
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      if (i === 0) {
        sample = res;
        const problem = check(res);
        if (problem) return { error: problem, statuses };
      }
      if (res.status !== sample.status) return { error: `GET ${path} answered ${res.status} after ${sample.status}: ${res.body.slice(0, 200)}`, statuses };
      if (i >= 3) {
        ms.push(res.ms);
        ttfb.push(res.ttfbMs);
      }
    }
  } finally {
    agent.destroy();
  }
  return { ...pick(summarize(ms)), ttfb: pick(summarize(ttfb)), bytes: Buffer.byteLength(sample.body), statuses };
}

/**
 * Writes `bodies` as copies of the API-made event `templateId` (same calendar, organizer, options,
 * reminders…; own id, uid, title and times) into the demo portal's shard (kontor-shard-0, where
 * db/seed puts the demo tenant), with the organizer's attendance row as createEvent writes it.
 */
function copyEvents(ctx, templateId, bodies, runId) {
  const q = (v) => `'${String(v).replace(/'/g, "''")}'`;
  const cols = "tenant_id, id, calendar_id, organizer_id, uid, sequence, title, description, location, start_utc, end_utc, time_zone, all_day, rrule, exdates, until_utc, parent_id, recurrence_start_utc, importance, privacy, reminders, options, attachments, status, created_at, updated_at";
  let sql = "";
  for (let i = 0; i < bodies.length; i += 500) {
    const values = bodies
      .slice(i, i + 500)
      .map((b, j) => {
        const id = `bench-${runId}-${i + j}`;
        return `(${q(id)}, ${q(`${id}@demo.kontor`)}, ${q(b.title)}, ${q(new Date(b.start).toISOString())}, ${q(new Date(b.end).toISOString())})`;
      })
      .join(",\n");
    sql += `INSERT INTO events (${cols})
WITH v(id, uid, title, s, e) AS (VALUES ${values})
SELECT t.tenant_id, v.id, t.calendar_id, t.organizer_id, v.uid, 0, v.title, t.description, t.location, v.s, v.e, t.time_zone, t.all_day, NULL, t.exdates, v.e, NULL, NULL,
       t.importance, t.privacy, t.reminders, t.options, t.attachments, t.status, t.created_at, t.updated_at
FROM v, events t WHERE t.tenant_id = 'demo-tenant' AND t.id = ${q(templateId)};\n`;
  }
  sql += `INSERT INTO event_attendees (tenant_id, event_id, user_id, status, responded_at)
SELECT tenant_id, id, organizer_id, 'accepted', created_at FROM events WHERE tenant_id = 'demo-tenant' AND id LIKE ${q(`bench-${runId}-%`)};\n`;
  const dir = mkdtempSync(join(tmpdir(), "kontor-bench-cal-"));
  const file = join(dir, "events.sql");
  try {
    writeFileSync(file, sql);
    ctx.wrangler(["d1", "execute", "kontor-shard-0", "--local", "--persist-to", ctx.stateDir, "--file", file]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The 5xx answer's body with the request id, for the report. */
const brief = (res) => `${res.status} ${res.body.slice(0, 240)}`;

export async function run(ctx) {
  const { port } = ctx;
  const settledBeforeMs = await settle(ctx); // a backlog left by an earlier suite
  const runId = Date.now().toString(36);
  const setup = { settledBeforeMs };
  const problems = [];
  const admin = await adminSession(ctx);
  let t = performance.now();
  const { users } = await benchUsers(ctx, PLANNER_USERS - 1);
  setup.usersMs = Math.round(performance.now() - t);

  const cals = await request({ port, path: "/api/v1/calendar/calendars", cookie: admin.cookie });
  if (cals.status !== 200) throw new Error(`GET /api/v1/calendar/calendars answered ${brief(cals)}`);
  const personal = cals.json().items.find((c) => c.kind === "personal" && (c.ownerId === undefined || c.ownerId === admin.id));
  if (!personal) throw new Error(`no personal calendar in ${cals.body.slice(0, 300)}`);

  // The busy week: next Monday 00:00 UTC. The year of single events is centred on it.
  const now = Date.now();
  const today = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate());
  const weekStart = today + (((8 - new Date(today).getUTCDay()) % 7) || 7) * DAY;
  const weekEnd = weekStart + 7 * DAY;
  const yearStart = weekStart - 182 * DAY;

  // --events=N makes fewer single events (for developing the suite); the report says how many.
  const singles = Number(ctx.options.events) > 0 ? Math.min(SINGLES, Number(ctx.options.events)) : SINGLES;
  const bodies = [];
  for (let i = 0; i < singles; i++) {
    const day = Math.floor((i * 365) / singles);
    const start = yearStart + day * DAY + (7 + (i % 11)) * 3_600_000 + (i % 4) * 15 * 60_000;
    bodies.push({ calendarId: personal.id, title: `Bench event ${i}`, start: iso(start), end: iso(start + (30 + (i % 3) * 15) * 60_000), timeZone: "Europe/Berlin" });
  }
  for (let i = 0; i < SERIES; i++) {
    // All series run through the busy week: they start 1–40 days before it; half end by COUNT after it.
    const start = weekStart - (1 + (i % 40)) * DAY + (8 + (i % 9)) * 3_600_000 + 30 * 60_000;
    const daily = i % 2 === 0;
    const rrule = daily ? (i % 4 === 0 ? "FREQ=DAILY;COUNT=90" : "FREQ=DAILY") : i % 4 === 1 ? "FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=60" : "FREQ=WEEKLY;BYDAY=TU,TH";
    bodies.push({ calendarId: personal.id, title: `Bench series ${i}`, start: iso(start), end: iso(start + 30 * 60_000), timeZone: "Europe/Berlin", rrule });
  }

  // (a) 5 000 events. POST /api/v1/calendar/events takes ~100 ms of server time each here (it also
  // schedules reminders and publishes a feed item), so 5 000 of them alone would take 8–9 minutes.
  // Through the API go the 100 series and every single event of the five weeks around the busy one;
  // the other singles (far from the measured weeks; they weigh only in the range queries) are copies
  // of an API-made event written straight into the local D1 (wrangler d1 execute). With --attach
  // (no state dir) or --all-api, every event goes through the API.
  // Series and the busy week's singles go first; after API_BUDGET_MS the rest (other weeks) is copied too.
  const near = (b) => b.rrule || (Date.parse(b.start) >= weekStart - 14 * DAY && Date.parse(b.start) < weekStart + 21 * DAY);
  const essential = (b) => b.rrule || (Date.parse(b.start) >= weekStart && Date.parse(b.start) < weekEnd);
  const allApi = !ctx.stateDir || ctx.options["all-api"] === true;
  const viaApi = (allApi ? bodies : bodies.filter(near)).sort((a, b) => Number(essential(b)) - Number(essential(a)));
  const copies = allApi ? [] : bodies.filter((b) => !near(b));
  const deferred = [];
  t = performance.now();
  const createStatuses = {};
  const createMs = [];
  let firstCreateError = null;
  let templateId = null;
  await mapLimit(viaApi, CREATE_CONCURRENCY, async (body) => {
    if (ctx.stateDir && !allApi && !essential(body) && templateId && performance.now() - t > API_BUDGET_MS) return void deferred.push(body);
    let res;
    for (let attempt = 0; attempt < 2; attempt++) {
      res = await request({ port, method: "POST", path: "/api/v1/calendar/events", cookie: admin.cookie, body, timeoutMs: 60_000 }).catch((e) => ({ status: e.code ?? "error", body: String(e), ms: 0 }));
      if (res.status === 201 || (typeof res.status === "number" && res.status < 500)) break;
    }
    createStatuses[res.status] = (createStatuses[res.status] ?? 0) + 1;
    createMs.push(res.ms);
    if (res.status === 201 && !body.rrule) templateId ??= res.json().event.id;
    if (res.status !== 201) {
      firstCreateError ??= brief(res);
      if (createStatuses[res.status] > 50) throw new Error(`POST /api/v1/calendar/events keeps failing: ${firstCreateError}`);
    }
  });
  copies.push(...deferred);
  setup.createViaApi = viaApi.length - deferred.length;
  setup.createViaApiMs = Math.round(performance.now() - t);
  setup.createRatePerS = round((setup.createViaApi / setup.createViaApiMs) * 1000, 1);
  setup.createStatuses = createStatuses;
  setup.createLatencyMs = pick(summarize(createMs));
  if (firstCreateError) problems.push(`POST /api/v1/calendar/events: ${firstCreateError}`);
  ctx.log(`calendar: created ${setup.createViaApi} events through the API in ${setup.createViaApiMs} ms (${setup.createRatePerS}/s) ${JSON.stringify(createStatuses)}`);
  if (copies.length) {
    if (!templateId) throw new Error("no single event was created through the API to copy");
    t = performance.now();
    copyEvents(ctx, templateId, copies, runId);
    setup.copiedInD1 = copies.length;
    setup.copyInD1Ms = Math.round(performance.now() - t);
    ctx.log(`calendar: copied ${copies.length} more single events in D1 in ${setup.copyInD1Ms} ms`);
  }

  // (b) meetings in the busy week (working hours, Mon–Fri) with attendees from the 29 others.
  t = performance.now();
  const meetingStatuses = {};
  await mapLimit(Array.from({ length: MEETINGS }, (_, i) => i), CREATE_CONCURRENCY, async (i) => {
    const start = weekStart + (i % 5) * DAY + (8 + (i % 8)) * 3_600_000;
    const attendeeIds = Array.from({ length: MEETING_SIZE }, (_, j) => users[(i * 3 + j * 5) % users.length].id);
    const res = await request({
      port, method: "POST", path: "/api/v1/calendar/events", cookie: admin.cookie, timeoutMs: 60_000,
      body: { calendarId: personal.id, title: `Bench meeting ${i}`, start: iso(start), end: iso(start + 60 * 60_000), timeZone: "Europe/Berlin", attendeeIds: [...new Set(attendeeIds)] },
    });
    meetingStatuses[res.status] = (meetingStatuses[res.status] ?? 0) + 1;
    if (res.status !== 201) problems.push(`POST /api/v1/calendar/events with attendees: ${brief(res)}`);
  });
  setup.meetingsMs = Math.round(performance.now() - t);
  setup.meetingStatuses = meetingStatuses;

  const load1mBefore = round(loadavg()[0]);
  const floor = await requestFloor(ctx);
  const range = `from=${encodeURIComponent(iso(weekStart))}&to=${encodeURIComponent(iso(weekEnd))}`;
  const ok200 = (what) => (res) => (res.status !== 200 ? `${what} answered ${brief(res)}` : null);

  // (a) the week view.
  const week = await serial(port, `/api/v1/calendar/events?${range}`, { cookie: admin.cookie, check: ok200("GET /api/v1/calendar/events (busy week)") });
  let weekItems = null;
  if (week.error) problems.push(week.error);
  else weekItems = (await request({ port, path: `/api/v1/calendar/events?${range}`, cookie: admin.cookie })).json().items.length;
  // How many distinct events (singles + series) each measured range holds: what the server loads.
  const distinctIn = (from, to) =>
    bodies.filter((b) => {
      const s0 = Date.parse(b.start);
      if (!b.rrule) return s0 < to && Date.parse(b.end) > from;
      const count = /COUNT=(\d+)/.exec(b.rrule)?.[1];
      const last = count ? s0 + (b.rrule.includes("DAILY") ? Number(count) : (Number(count) / 3) * 7) * DAY : Infinity;
      return s0 < to && last > from;
    }).length;
  // The same week as seen by a colleague who has a few of the meetings in it.
  const colleagueWeek = await serial(port, `/api/v1/calendar/events?${range}`, { cookie: users[0].cookie, check: ok200("GET /api/v1/calendar/events (a colleague's week)"), n: 60, maxMs: 6_000 });
  if (colleagueWeek.error) problems.push(colleagueWeek.error);
  // One day of the busy week (Wednesday): fewer distinct events than the week, for when the week fails.
  const dayRange = `from=${encodeURIComponent(iso(weekStart + 2 * DAY))}&to=${encodeURIComponent(iso(weekStart + 3 * DAY))}`;
  const busyDay = await serial(port, `/api/v1/calendar/events?${dayRange}`, { cookie: admin.cookie, check: ok200("GET /api/v1/calendar/events (busy day)"), n: 60, maxMs: 6_000 });
  if (busyDay.error) problems.push(busyDay.error);
  // A quiet week for comparison: one with only the year's singles in it, ~26 weeks later.
  const quietRange = `from=${encodeURIComponent(iso(weekStart + 26 * 7 * DAY - 7 * DAY))}&to=${encodeURIComponent(iso(weekStart + 26 * 7 * DAY))}`;
  const quietWeek = await serial(port, `/api/v1/calendar/events?${quietRange}`, { cookie: admin.cookie, check: ok200("GET /api/v1/calendar/events (quiet week)"), n: 60, maxMs: 6_000 });
  if (quietWeek.error) problems.push(quietWeek.error);

  // (b) the planner: the busy organizer and 29 colleagues; then 30 colleagues without him.
  const plannerPath = (ids) => `/api/v1/calendar/planner?userIds=${ids.join(",")}&${range}&duration=60`;
  const withBusy = [admin.id, ...users.map((u) => u.id)];
  const demoOthers = (await request({ port, path: "/api/v1/people/users?limit=50&q=demo.test", cookie: admin.cookie })).json().items.map((u) => u.id).filter((id) => id !== admin.id && !users.some((u) => u.id === id));
  const withoutBusy = [...users.map((u) => u.id), ...demoOthers].slice(0, PLANNER_USERS);
  const plannerCheck = (res) => (res.status !== 200 ? `GET /api/v1/calendar/planner answered ${brief(res)}` : !res.json().busy ? "no busy map" : null);
  const planner = await serial(port, plannerPath(withBusy), { cookie: admin.cookie, check: plannerCheck });
  if (planner.error) problems.push(`${planner.error} (30 users incl. the one with 5 000 events)`);
  const plannerQuiet = await serial(port, plannerPath(withoutBusy), { cookie: admin.cookie, check: plannerCheck });
  if (plannerQuiet.error) problems.push(`${plannerQuiet.error} (${withoutBusy.length} users without him)`);

  // (c) the guest page.
  t = performance.now();
  const guestSetup = await guestLink(ctx, admin, personal.id, runId, weekStart);
  setup.guestFlowMs = Math.round(performance.now() - t);
  const guest = await serial(port, guestSetup.path, {
    headers: { "accept-language": "en-US,en;q=0.9" },
    n: 300,
    maxMs: 10_000,
    check: (res) => (res.status !== 200 ? `GET /g/<token> answered ${brief(res)}` : !res.body.includes(guestSetup.title) ? "the guest page does not show the event title" : null),
  });
  if (guest.error) problems.push(guest.error);
  // The same page for a wrong token: the cheapest answer of that route, for comparison.
  const wrong = await serial(port, "/g/not-a-real-token-0000000000000000", { n: 100, maxMs: 5_000, check: (res) => (res.status >= 500 ? `GET /g/<wrong token> answered ${brief(res)}` : null) });

  const val = (x, k = "p50") => (x && !x.error ? x[k] : null);
  return {
    events: {
      singles, series: SERIES, meetings: MEETINGS, busyWeek: [iso(weekStart), iso(weekEnd)], busyWeekItems: weekItems,
      distinctEvents: { busyWeek: distinctIn(weekStart, weekEnd) + MEETINGS, busyDay: distinctIn(weekStart + 2 * DAY, weekStart + 3 * DAY) + MEETINGS / 5, quietWeek: distinctIn(weekStart + 25 * 7 * DAY, weekStart + 26 * 7 * DAY) },
    },
    weekView: week,
    colleagueWeekView: colleagueWeek,
    busyDayView: busyDay,
    quietWeekView: quietWeek,
    planner30WithBusyUser: planner,
    planner30Colleagues: { users: withoutBusy.length, ...plannerQuiet },
    guestPage: guest.error ? guest : { p50: guest.ttfb.p50, p90: guest.ttfb.p90, p99: guest.ttfb.p99, count: guest.ttfb.count, fullResponseP50: guest.p50, bytes: guest.bytes },
    guestPageWrongToken: wrong.error ? wrong : { ttfbP50: wrong.ttfb.p50, statuses: wrong.statuses },
    floor,
    problems,
    setup,
    load1mBefore,
    goals: [
      goal(`planner, 30 attendees, p50 < ${GOAL_PLANNER_P50_MS} ms (incl. the 5 000-event user)`, val(planner), GOAL_PLANNER_P50_MS, { unit: "ms" }),
      goal(`planner, 30 colleagues, p50 < ${GOAL_PLANNER_P50_MS} ms`, val(plannerQuiet), GOAL_PLANNER_P50_MS, { unit: "ms" }),
      goal(`guest page TTFB p50 < ${GOAL_GUEST_TTFB_P50_MS} ms`, guest.error ? null : guest.ttfb.p50, GOAL_GUEST_TTFB_P50_MS, { unit: "ms" }),
      goal("week view at 5 000 events answers 200", week.error ? 0 : 1, 1, { higherIsBetter: true }),
    ],
  };
}

/** The seed flow up to the guest's link: sender address + code, event with a guest, link from the mail. */
async function guestLink(ctx, admin, calendarId, runId, weekStart) {
  const { port } = ctx;
  await confirmSender(ctx, admin, `bench.sender.${runId}@demo.test`);
  const guestEmail = `bench.guest.${runId}@example.test`;
  const title = `Bench guest meeting ${runId}`;
  const start = weekStart + 2 * DAY + 14 * 3_600_000;
  const ev = await request({
    port, method: "POST", path: "/api/v1/calendar/events", cookie: admin.cookie,
    body: { calendarId, title, start: iso(start), end: iso(start + 3_600_000), timeZone: "Europe/Berlin", location: "Room 1", description: "Bench guest page", guests: [{ email: guestEmail, firstName: "Gina", lastName: "Guest" }] },
  });
  if (ev.status !== 201) throw new Error(`POST /api/v1/calendar/events with a guest answered ${brief(ev)}`);
  return { path: await guestPath(ctx, guestEmail), title };
}

export function rows(m) {
  const f = (s) => (!s ? "–" : s.error ? `ERROR ${s.error.slice(0, 160)}` : `${s.p50} / ${s.p99} (${s.count} req, ${s.bytes} B)`);
  return [
    [`week view, busy week (${m.events.distinctEvents.busyWeek} events${m.events.busyWeekItems ? `, ${m.events.busyWeekItems} items` : ""}) p50 / p99 (ms)`, f(m.weekView)],
    [`day view, its Wednesday (${m.events.distinctEvents.busyDay} events) p50 / p99 (ms)`, f(m.busyDayView)],
    [`week view, quiet week (${m.events.distinctEvents.quietWeek} events) p50 / p99 (ms)`, f(m.quietWeekView)],
    ["week view, busy week as a colleague p50 / p99 (ms)", f(m.colleagueWeekView)],
    ["planner 30 users incl. the busy one p50 / p99 (ms)", f(m.planner30WithBusyUser)],
    [`planner ${m.planner30Colleagues.users} colleagues p50 / p99 (ms)`, f(m.planner30Colleagues)],
    ["guest page TTFB p50 / p99 (ms)", m.guestPage.error ? `ERROR ${m.guestPage.error}` : `${m.guestPage.p50} / ${m.guestPage.p99} (${m.guestPage.count} req; full response p50 ${m.guestPage.fullResponseP50})`],
    ["guest page, wrong token TTFB p50 (ms)", m.guestPageWrongToken.error ? "ERROR" : m.guestPageWrongToken.ttfbP50],
    ["request floor p50 (404 through the worker, ms)", m.floor.p50],
    ["setup: events through the API (ms, events/s)", `${m.setup.createViaApi} in ${m.setup.createViaApiMs} (${m.setup.createRatePerS}/s; ${JSON.stringify(m.setup.createStatuses)})`],
    ["setup: events copied in D1 (ms)", m.setup.copiedInD1 ? `${m.setup.copiedInD1} in ${m.setup.copyInD1Ms}` : "none"],
    ["setup: 40 meetings / guest flow (ms)", `${m.setup.meetingsMs} / ${m.setup.guestFlowMs}`],
    ["problems", m.problems.length ? m.problems.join(" | ").slice(0, 400) : "none"],
  ];
}
