import { describe, it, expect } from "vitest";
import { env } from "cloudflare:workers";
import { runDurableObjectAlarm, runInDurableObject, SELF } from "cloudflare:test";
import { newPortal, newEmployee, expectError, mailbox, readJson } from "./helpers";
import { openSocket } from "./live-helpers";
import { calendarsOf, parseIcs, personalCalendarId } from "./calendar-helpers";
import type { Env } from "../../worker/env";

const e = env as unknown as Env;

async function setup() {
  const p = await newPortal({ plan: "basic" });
  const bob = await newEmployee(p, "Bob Busy");
  const cal = await personalCalendarId(p.admin);
  return { ...p, bob, cal };
}

const list = async (c: any, from: string, to: string) => (await c.json("GET", `/api/v1/calendar/events?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`)).body.items;

describe("CAL-1 events and series", () => {
  it("a weekly Berlin series stays at 09:00 local across the DST change, and the list expands it", async () => {
    const p = await setup();
    const res = await p.admin.json("POST", "/api/v1/calendar/events", {
      calendarId: p.cal, title: "Standup", start: "2026-03-23T09:00:00+01:00", end: "2026-03-23T09:15:00+01:00", timeZone: "Europe/Berlin", rrule: "FREQ=WEEKLY;BYDAY=MO;COUNT=3",
    });
    expect(res.status).toBe(201);
    const items = await list(p.admin, "2026-03-01T00:00:00Z", "2026-05-01T00:00:00Z");
    expect(items.map((i: any) => i.start)).toEqual(["2026-03-23T08:00:00.000Z", "2026-03-30T07:00:00.000Z", "2026-04-06T07:00:00.000Z"]);
    expect(items.every((i: any) => i.seriesId === res.body.event.id)).toBe(true);
  });

  it("edits one occurrence, this-and-following, or all", async () => {
    const p = await setup();
    const id = (await p.admin.json("POST", "/api/v1/calendar/events", { calendarId: p.cal, title: "Daily", start: "2030-01-07T10:00:00Z", end: "2030-01-07T10:30:00Z", rrule: "FREQ=DAILY;COUNT=6" })).body.event.id;
    const range = ["2030-01-01T00:00:00Z", "2030-02-01T00:00:00Z"] as const;
    const moved = await p.admin.json("PATCH", `/api/v1/calendar/events/${id}?scope=this&occurrence=2030-01-08T10:00:00Z`, { start: "2030-01-08T15:00:00Z", title: "Daily (late)" });
    expect(moved.status).toBe(200);
    let items = await list(p.admin, ...range);
    expect(items.map((i: any) => i.start.slice(0, 16))).toEqual(["2030-01-07T10:00", "2030-01-08T15:00", "2030-01-09T10:00", "2030-01-10T10:00", "2030-01-11T10:00", "2030-01-12T10:00"]);
    expect(items[1].title).toBe("Daily (late)");
    await p.admin.json("PATCH", `/api/v1/calendar/events/${id}?scope=following&occurrence=2030-01-10T10:00:00Z`, { start: "2030-01-10T08:00:00Z" });
    items = await list(p.admin, ...range);
    expect(items.map((i: any) => i.start.slice(11, 16))).toEqual(["10:00", "15:00", "10:00", "08:00", "08:00", "08:00"]);
    await p.admin.json("PATCH", `/api/v1/calendar/events/${id}?scope=all`, { title: "Renamed" });
    items = await list(p.admin, ...range);
    expect(items.filter((i: any) => i.title === "Renamed")).toHaveLength(2);
    await p.admin.json("DELETE", `/api/v1/calendar/events/${id}?scope=this&occurrence=2030-01-09T10:00:00Z`);
    expect(await list(p.admin, ...range)).toHaveLength(5);
    expectError(await p.admin.json("PATCH", `/api/v1/calendar/events/${id}?scope=this`, { title: "x" }), 400);
  });

  it("validates input and hides other portals' events", async () => {
    const p = await setup();
    expectError(await p.admin.json("POST", "/api/v1/calendar/events", { calendarId: p.cal, title: "x", start: "2030-01-01T10:00:00Z", end: "2030-01-01T09:00:00Z" }), 400);
    expectError(await p.admin.json("POST", "/api/v1/calendar/events", { calendarId: p.cal, title: "x", start: "2030-01-01 10:00", end: "2030-01-01T11:00:00Z" }), 400);
    expectError(await p.admin.json("POST", "/api/v1/calendar/events", { calendarId: p.cal, title: "x", start: "2030-01-01T10:00:00Z", end: "2030-01-01T11:00:00Z", rrule: "FREQ=SOMETIMES" }), 400);
    expectError(await p.admin.json("POST", "/api/v1/calendar/events", { calendarId: p.cal, title: "x", start: "2030-01-01T10:00:00Z", end: "2030-01-01T11:00:00Z", timeZone: "Mars/Olympus" }), 400);
    expectError(await p.admin.json("POST", "/api/v1/calendar/events", { calendarId: "nope", title: "x", start: "2030-01-01T10:00:00Z", end: "2030-01-01T11:00:00Z" }), 404);
    expectError(await p.admin.json("GET", "/api/v1/calendar/events?from=2030-01-01T00:00:00Z&to=2040-01-01T00:00:00Z"), 400);
    const other = await newPortal();
    const foreignCal = await personalCalendarId(other.admin);
    const foreign = (await other.admin.json("POST", "/api/v1/calendar/events", { calendarId: foreignCal, title: "Theirs", start: "2030-01-01T10:00:00Z", end: "2030-01-01T11:00:00Z" })).body.event.id;
    expectError(await p.admin.json("GET", `/api/v1/calendar/events/${foreign}`), 404);
    expectError(await p.admin.json("PATCH", `/api/v1/calendar/events/${foreign}`, { title: "x" }), 404);
    expectError(await p.admin.json("POST", "/api/v1/calendar/events", { calendarId: foreignCal, title: "x", start: "2030-01-01T10:00:00Z", end: "2030-01-01T11:00:00Z" }), 404);
  });

  it("reminders fire through the UserHub alarm, in-app and by e-mail", async () => {
    const p = await setup();
    const start = new Date(Date.now() + 3 * 3_600_000);
    const event = (await p.admin.json("POST", "/api/v1/calendar/events", { calendarId: p.cal, title: "Call Acme", start: start.toISOString(), end: new Date(start.getTime() + 1_800_000).toISOString(), reminders: [15] })).body.event;
    const tenantId = (await e.CONTROL.prepare("SELECT id FROM tenants WHERE slug = ?").bind(p.slug).first<{ id: string }>())!.id;
    const hub = e.USER_HUB.get(e.USER_HUB.idFromName(`${tenantId}:${p.adminId}`));
    const items = await hub.listScheduled();
    expect(items).toEqual([{ id: `event:${event.id}:15`, at: start.getTime() - 15 * 60_000, kind: "event.reminder" }]);
    await runInDurableObject(hub, (_i, state) => state.storage.setAlarm(Date.now() - 1).then(() => state.storage.sql.exec("UPDATE schedule SET at = ?1", Date.now() - 1)));
    await runDurableObjectAlarm(hub);
    const notes = (await p.admin.json("GET", "/api/v1/notifications")).body.items;
    expect(notes.find((n: any) => n.type === "calendar.reminder")?.data).toMatchObject({ eventId: event.id, title: "Call Acme" });
    expect((await mailbox(p.email)).some((m) => m.subject === "Reminder: Call Acme")).toBe(true);
  });
});

describe("CAL-2 meetings and the planner", () => {
  it("attendees answer; the organizer is notified live", async () => {
    const p = await setup();
    const live = await openSocket(p.admin, "/api/v1/live");
    const event = (await p.admin.json("POST", "/api/v1/calendar/events", { calendarId: p.cal, title: "Plan", start: "2030-02-01T10:00:00Z", end: "2030-02-01T11:00:00Z", attendeeIds: [p.bob.id] })).body.event;
    expect((await list(p.bob.client, "2030-02-01T00:00:00Z", "2030-02-02T00:00:00Z"))[0]).toMatchObject({ id: event.id, details: { myStatus: "pending" } });
    const answered = await p.bob.client.json("POST", `/api/v1/calendar/events/${event.id}/respond`, { answer: "maybe" });
    expect(answered.body.event.details.myStatus).toBe("maybe");
    const note = await live.next((f) => f.type === "notification" && f.item.type === "calendar.answer");
    expect(note.item.data).toMatchObject({ answer: "maybe", userId: p.bob.id });
    expectError(await p.admin.json("POST", `/api/v1/calendar/events/${event.id}/respond`, { answer: "yes" }), 400);
    live.close();
  });

  it("shows busy time without private details and proposes the first slot where all are free", async () => {
    const p = await setup();
    const bobCal = await personalCalendarId(p.bob.client);
    // Monday 2030-01-07, portal in UTC with work hours 09:00–18:00.
    await p.bob.client.json("POST", "/api/v1/calendar/events", { calendarId: bobCal, title: "Therapy", privacy: "private", start: "2030-01-07T09:00:00Z", end: "2030-01-07T10:30:00Z" });
    await p.admin.json("POST", "/api/v1/calendar/events", { calendarId: p.cal, title: "Budget", start: "2030-01-07T10:30:00Z", end: "2030-01-07T11:00:00Z" });
    const res = await p.admin.json("GET", `/api/v1/calendar/planner?userIds=${p.adminId},${p.bob.id}&from=2030-01-07T00:00:00Z&to=2030-01-08T00:00:00Z&duration=60`);
    expect(res.status).toBe(200);
    expect(res.body.busy[p.bob.id]).toEqual([{ start: "2030-01-07T09:00:00.000Z", end: "2030-01-07T10:30:00.000Z" }]);
    expect(JSON.stringify(res.body)).not.toContain("Therapy");
    expect(res.body.firstFree).toEqual({ start: "2030-01-07T11:00:00.000Z", end: "2030-01-07T12:00:00.000Z" });
    // Bob's private event is busy, never readable, for the admin too.
    const seen = await list(p.admin, "2030-01-07T00:00:00Z", "2030-01-08T00:00:00Z");
    expect(JSON.stringify(seen)).not.toContain("Therapy");
    expectError(await p.admin.json("GET", `/api/v1/calendar/planner?userIds=nobody&from=2030-01-07T00:00:00Z&to=2030-01-08T00:00:00Z`), 404);
  });
});

describe("CAL-5 import and feeds", () => {
  it("imports an .ics file and publishes a private, revocable feed", async () => {
    const p = await setup();
    const ics = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", "BEGIN:VEVENT", "UID:imp-1@test", "DTSTART:20300301T090000Z", "DTEND:20300301T100000Z", "SUMMARY:Imported", "RRULE:FREQ=DAILY;COUNT=2", "END:VEVENT", "END:VCALENDAR"].join("\r\n");
    const imported = await p.admin.request("POST", `/api/v1/calendar/calendars/${p.cal}/import`, ics, { "content-type": "application/json" });
    expect(imported.status).toBe(201);
    expect(await imported.json()).toMatchObject({ imported: 1 });
    expect(await list(p.admin, "2030-03-01T00:00:00Z", "2030-03-05T00:00:00Z")).toHaveLength(2);
    expectError(await p.admin.json("POST", `/api/v1/calendar/calendars/${p.cal}/import`, "not a calendar", { "content-type": "application/json" }), 400);
    const { url } = (await p.admin.json("POST", `/api/v1/calendar/calendars/${p.cal}/feed`)).body;
    const feed = await SELF.fetch(url);
    expect(feed.headers.get("content-type")).toContain("text/calendar");
    const parsed = parseIcs(await feed.text());
    expect(parsed).toMatchObject({ method: "PUBLISH", summary: "Imported", rrule: "FREQ=DAILY;COUNT=2" });
    await p.admin.json("DELETE", `/api/v1/calendar/calendars/${p.cal}/feed`);
    const revoked = await SELF.fetch(url);
    expect(revoked.status).toBe(404);
    await revoked.text();
    expect((await calendarsOf(p.admin)).map((c) => c.kind).sort()).toEqual(["company", "personal"]);
  });
});

describe("CAL-1 attachments", () => {
  const attach = (c: any, eventId: string, name: string, bytes: number) => {
    const form = new FormData();
    form.append("file", new File([new Uint8Array(bytes)], name, { type: "application/octet-stream" }));
    return c.request("POST", `/api/v1/calendar/events/${eventId}/attachments`, form, { "x-kontor-request": "1" });
  };

  it("up to 10 MB each; parallel uploads to one event all stay listed, and removing one keeps the rest", async () => {
    const p = await setup();
    const id = (await p.admin.json("POST", "/api/v1/calendar/events", { calendarId: p.cal, title: "Files", start: "2030-05-06T10:00:00Z", end: "2030-05-06T11:00:00Z" })).body.event.id;
    expect((await attach(p.admin, id, "big.bin", 4 * 1024 * 1024)).status).toBe(201); // above the API's general 3 MB limit
    expectError(await readJson(await attach(p.admin, id, "huge.bin", 10 * 1024 * 1024 + 1)), 413, "too_large");
    const parallel = await Promise.all(["a", "b", "c", "d"].map((n) => attach(p.admin, id, `${n}.txt`, 10)));
    expect(parallel.map((r: Response) => r.status)).toEqual([201, 201, 201, 201]);
    let files = (await p.admin.json("GET", `/api/v1/calendar/events/${id}`)).body.event.details.attachments;
    expect(files.map((f: { name: string }) => f.name).sort()).toEqual(["a.txt", "b.txt", "big.bin", "c.txt", "d.txt"]);
    const a = files.find((f: { name: string }) => f.name === "a.txt");
    expect((await p.admin.request("DELETE", `/api/v1/calendar/events/${id}/attachments/${a.id}`)).status).toBe(200);
    files = (await p.admin.json("GET", `/api/v1/calendar/events/${id}`)).body.event.details.attachments;
    expect(files.map((f: { name: string }) => f.name).sort()).toEqual(["b.txt", "big.bin", "c.txt", "d.txt"]);
  });
});
