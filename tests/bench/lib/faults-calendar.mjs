// Calendar writes under a crash (faults.mjs): .ics imports (one D1 batch each: all events or none),
// events with attendees (the rows, then the attendees' invitation notifications), and e-mail guests
// answering on their /g/<token> pages (the guest row, then the organizer's notification). After the
// restart each is checked through the API: whole or absent, and an answer's status and notification
// either both there or neither. There is no CSV import in Kontor yet, so none is tested.
import { request } from "./http.mjs";
import { sleep } from "./pool.mjs";

const DAY = 86_400_000;
const IMPORT_SIZE = 100;
const ATTENDEES = 3;
const iso = (ms) => new Date(ms).toISOString();
const icsTime = (ms) => iso(ms).replace(/[-:]/g, "").replace(/\.\d{3}/, "");
// ECONNREFUSED never reached the server; a reset or timeout may or may not have been applied.
const outcome = (status) => (status === 200 || status === 201 ? "acked" : typeof status === "number" ? "rejected" : status === "ECONNREFUSED" ? "refused" : "unknown");

function icsFile(runId, k, dayMs) {
  const ev = Array.from({ length: IMPORT_SIZE }, (_, i) =>
    ["BEGIN:VEVENT", `UID:fault-${runId}-${k}-${i}@faults.test`, "DTSTAMP:20261101T000000Z", `DTSTART:${icsTime(dayMs + i * 600_000)}`, `DTEND:${icsTime(dayMs + i * 600_000 + 300_000)}`, `SUMMARY:FaultImport ${runId} ${k} #${i}`, "END:VEVENT"].join("\r\n"),
  );
  return ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Kontor faults//EN", ...ev, "END:VCALENDAR", ""].join("\r\n");
}

/** All notifications of a user (every page). */
async function notificationsOf(port, cookie) {
  const out = [];
  let cursor = null;
  for (let p = 0; p < 200; p++) {
    const res = await request({ port, path: `/api/v1/notifications?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, cookie });
    if (res.status !== 200) throw new Error(`GET /api/v1/notifications answered ${res.status}`);
    const page = res.json();
    out.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return out;
}

async function eventsOn(port, cookie, dayMs, prefix) {
  const res = await request({ port, path: `/api/v1/calendar/events?from=${encodeURIComponent(iso(dayMs))}&to=${encodeURIComponent(iso(dayMs + DAY))}`, cookie, timeoutMs: 30_000 });
  if (res.status !== 200) throw new Error(`GET /api/v1/calendar/events answered ${res.status}: ${res.body.slice(0, 200)}`);
  return res.json().items.filter((e) => e.title?.startsWith(prefix));
}

/** admin: organizer {id, cookie}; calendarId: the admin's; attendees: [{id, cookie}]; guests: [{email, path}] of `guestEventId`. */
export function calendarTraffic(ctx, { admin, calendarId, attendees, guests, guestEventId, runId, baseDay }) {
  const { port } = ctx;
  const phase = { stop: true };
  const imports = []; // {k, day, state}
  const created = []; // {k, state, id}
  const answers = new Map(guests.map((g) => [g.email, []])); // email → [{answer, state}]
  const eventDay = baseDay + 400 * DAY;
  let nextImport = 0;
  let nextEvent = 0;

  const importOne = async () => {
    const k = nextImport++;
    const day = baseDay + k * DAY;
    const rec = { k, day, state: "sent" };
    imports.push(rec);
    const res = await request({ port, method: "POST", path: `/api/v1/calendar/calendars/${calendarId}/import`, cookie: admin.cookie, body: icsFile(runId, k, day), headers: { "content-type": "text/calendar", "x-kontor-request": "1" }, timeoutMs: 60_000 }).catch((e) => ({ status: e.code ?? "error" }));
    rec.state = outcome(res.status);
    rec.status = res.status;
    if (rec.state === "rejected") rec.body = String(res.body ?? "").slice(0, 200);
    if (rec.state === "acked" && res.json().imported !== IMPORT_SIZE) rec.state = "short";
  };
  const createOne = async () => {
    const k = nextEvent++;
    const start = eventDay + k * 300_000;
    const rec = { k, state: "sent" };
    created.push(rec);
    const body = { calendarId, title: `FaultEvent ${runId} ${k}`, start: iso(start), end: iso(start + 240_000), attendeeIds: attendees.map((a) => a.id) };
    const res = await request({ port, method: "POST", path: "/api/v1/calendar/events", cookie: admin.cookie, body, timeoutMs: 60_000 }).catch((e) => ({ status: e.code ?? "error" }));
    rec.state = outcome(res.status);
    rec.status = res.status;
    if (rec.state === "rejected") rec.body = String(res.body ?? "").slice(0, 200);
  };
  const answer = async (g) => {
    const list = answers.get(g.email);
    const a = list.length % 2 ? "decline" : "accept";
    const rec = { answer: a === "accept" ? "accepted" : "declined", state: "sent" };
    list.push(rec);
    const res = await request({ port, method: "POST", path: g.path, body: { answer: a }, timeoutMs: 60_000 }).catch((e) => ({ status: e.code ?? "error" }));
    rec.state = outcome(res.status);
    rec.status = res.status;
    if (rec.state === "rejected") rec.body = String(res.body ?? "").slice(0, 200);
  };

  return {
    imports, created, answers,
    async run() {
      phase.stop = false;
      const loop = async (fn, gapMs) => {
        while (!phase.stop) {
          await fn();
          await sleep(gapMs);
        }
      };
      await Promise.all([loop(importOne, 50), loop(createOne, 50), ...guests.map((g) => loop(() => answer(g), 20))]);
    },
    stop: () => void (phase.stop = true),
    async verify() {
      const bad = (list) => list.filter((x) => x.state === "rejected").map((x) => `${x.status} ${x.body}`).slice(0, 5);
      // .ics imports: each day holds all IMPORT_SIZE events of its file or none.
      const imp = { attempted: imports.length, acked: 0, whole: 0, absent: 0, partial: 0, ackedButMissing: 0, rejected: bad(imports) };
      for (const r of imports) {
        const n = (await eventsOn(port, admin.cookie, r.day, `FaultImport ${runId} ${r.k} #`)).length;
        if (r.state === "acked") imp.acked++;
        if (n === IMPORT_SIZE) imp.whole++;
        else if (n === 0) imp.absent++;
        else imp.partial++;
        if (r.state === "acked" && n !== IMPORT_SIZE) imp.ackedButMissing++;
      }
      // Events with attendees: every found event has all its attendees, and each attendee its invitation.
      const found = await eventsOn(port, admin.cookie, eventDay, `FaultEvent ${runId} `);
      const invited = await Promise.all(attendees.map(async (a) => new Set((await notificationsOf(port, a.cookie)).filter((n) => n.type === "calendar.invited").map((n) => n.data.eventId))));
      const ev = { attempted: created.length, acked: created.filter((c) => c.state === "acked").length, found: found.length, ackedButMissing: 0, missingAttendees: 0, missingInvitations: 0, rejected: bad(created) };
      const titles = new Set(found.map((e) => e.title));
      for (const c of created) if (c.state === "acked" && !titles.has(`FaultEvent ${runId} ${c.k}`)) ev.ackedButMissing++;
      for (const e of found) {
        if ((e.details?.attendees?.length ?? 0) !== ATTENDEES + 1) ev.missingAttendees++;
        for (const set of invited) if (!set.has(e.id)) ev.missingInvitations++;
      }
      // Guest answers: the guest's status and the organizer's notifications agree.
      const res = await request({ port, path: `/api/v1/calendar/events/${guestEventId}`, cookie: admin.cookie });
      if (res.status !== 200) throw new Error(`GET /api/v1/calendar/events/${guestEventId} answered ${res.status}`);
      const status = new Map(res.json().event.details.guests.map((g) => [g.email, g.status]));
      const notes = (await notificationsOf(port, admin.cookie)).filter((n) => n.type === "calendar.guest_answer" && n.data.eventId === guestEventId).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      const ga = { guests: guests.length, attempted: 0, acked: 0, unknown: 0, applied: 0, notApplied: 0, staleStatus: 0, ackedWithoutNotification: 0, statusWithoutNotification: 0, extraNotifications: 0, rejected: [] };
      for (const g of guests) {
        const list = answers.get(g.email);
        const acked = list.filter((x) => x.state === "acked").length;
        const lastAcked = list.map((x) => x.state).lastIndexOf("acked");
        const unknown = list.filter((x, i) => x.state === "unknown" && i > lastAcked);
        const mine = notes.filter((n) => n.data.guestEmail === g.email);
        const now = status.get(g.email);
        ga.attempted += list.length;
        ga.acked += acked;
        ga.unknown += unknown.length;
        if (ga.rejected.length < 5) ga.rejected.push(...bad(list));
        const allowed = new Set([lastAcked >= 0 ? list[lastAcked].answer : null, ...unknown.map((x) => x.answer)].filter(Boolean));
        if (lastAcked >= 0 && !allowed.has(now)) ga.staleStatus++;
        if (unknown.length) (now === list[lastAcked]?.answer ? ga.notApplied++ : ga.applied++);
        if (mine.length < acked) ga.ackedWithoutNotification++;
        if (mine.length > acked + unknown.length) ga.extraNotifications++;
        if (mine.length && mine.at(-1).data.answer !== now) ga.statusWithoutNotification++;
      }
      return { icsImports: imp, eventsWithAttendees: ev, guestAnswers: ga };
    },
  };
}
