import { describe, it, expect } from "vitest";
import { env } from "cloudflare:workers";
import { newPortal, shardOf, expectError } from "./helpers";
import { confirmSender, personalCalendarId } from "./calendar-helpers";
import type { Env } from "../../worker/env";

// D1 binds at most 100 parameters per statement. Every list the API accepts is exercised here at
// its schema's maximum, so a query that binds one parameter per item fails this suite, not a user.

const e = env as unknown as Env;

/** A portal with `count` active employees written straight into its shard (the API would hash a password each). */
async function crowdedPortal(count: number) {
  const p = await newPortal({ plan: "professional" });
  const tenant = (await e.CONTROL.prepare("SELECT id FROM tenants WHERE slug = ?").bind(p.slug).first<{ id: string }>())!.id;
  const ids = Array.from({ length: count }, (_, i) => `crowd${i.toString().padStart(4, "0")}`);
  await shardOf(p.shard)
    .prepare(
      `INSERT INTO users (tenant_id, id, email, name, business_user, created_at)
       SELECT ?1, value, value || '@crowd.test', 'Crowd ' || value, 1, '2026-01-01T00:00:00.000Z' FROM json_each(?2)`,
    )
    .bind(tenant, JSON.stringify(ids))
    .run();
  return { ...p, ids };
}

describe("lists at their schema maximum stay under D1's parameter limit", () => {
  it("group chats: 500 members at creation, then 500 more added at once", async () => {
    const p = await crowdedPortal(1000);
    const created = await p.admin.json("POST", "/api/v1/chats", { type: "group", title: "Everyone", memberIds: p.ids.slice(0, 500), visibility: "public" });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const added = await p.admin.json("POST", `/api/v1/chats/${created.body.chat.id}/members`, { userIds: p.ids.slice(500) });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    const listed = await p.admin.json("GET", "/api/v1/chats");
    expect(listed.body.items.find((c: any) => c.id === created.body.chat.id).memberCount).toBe(1001);
    // One unknown id among 500 refuses the whole request and writes nothing.
    const bad = await p.admin.json("POST", "/api/v1/chats", { type: "group", title: "Broken", memberIds: [...p.ids.slice(0, 499), "nobody"], visibility: "public" });
    expectError(bad, 404);
    expect((await p.admin.json("GET", "/api/v1/chats")).body.items.some((c: any) => c.title === "Broken")).toBe(false);
  });

  it("feed: a post to 200 people with 100 mentions is stored and listed with all 300 readers", async () => {
    const p = await crowdedPortal(300);
    const post = await p.admin.json("POST", "/api/v1/feed/posts", {
      text: "<p>All hands</p>", audience: { userIds: p.ids.slice(0, 200) }, mentions: p.ids.slice(200, 300),
    });
    expect(post.status, JSON.stringify(post.body)).toBe(201);
    const feed = await p.admin.json("GET", "/api/v1/feed");
    expect(feed.status).toBe(200);
    expect(feed.body.items[0].audience.filter((a: any) => a.kind === "user")).toHaveLength(300);
  });

  it("calendar: 200 attendees and 50 guests, then every attendee swapped; week view and planner over them", async () => {
    const p = await crowdedPortal(400);
    await confirmSender(p.admin, `org@${p.slug}.test`);
    const cal = await personalCalendarId(p.admin);
    const guests = Array.from({ length: 50 }, (_, i) => ({ email: `guest${i}@outside.test`, firstName: `Guest${i}` }));
    const created = await p.admin.json("POST", "/api/v1/calendar/events", {
      calendarId: cal, title: "Town hall", start: "2030-01-07T10:00:00Z", end: "2030-01-07T11:00:00Z", attendeeIds: p.ids.slice(0, 200), guests,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.event.id;
    const swapped = await p.admin.json("PATCH", `/api/v1/calendar/events/${id}?scope=all`, { attendeeIds: p.ids.slice(200, 400), guests: guests.slice(0, 10) });
    expect(swapped.status, JSON.stringify(swapped.body)).toBe(200);
    // 150 events in one week: the week view loads people for all of them.
    for (let i = 0; i < 150; i += 50) {
      await Promise.all(
        Array.from({ length: 50 }, (_, k) =>
          p.admin.json("POST", "/api/v1/calendar/events", { calendarId: cal, title: `Slot ${i + k}`, start: `2030-01-08T${String(8 + ((i + k) % 10)).padStart(2, "0")}:00:00Z`, end: `2030-01-08T${String(8 + ((i + k) % 10)).padStart(2, "0")}:30:00Z` }),
        ),
      );
    }
    const week = await p.admin.json("GET", `/api/v1/calendar/events?from=2030-01-06T00:00:00Z&to=2030-01-13T00:00:00Z`);
    expect(week.status, JSON.stringify(week.body)).toBe(200);
    expect(week.body.items).toHaveLength(151);
    const planner = await p.admin.json("GET", `/api/v1/calendar/planner?userIds=${p.ids.slice(200, 400).join(",")}&from=2030-01-07T00:00:00Z&to=2030-01-14T00:00:00Z`);
    expect(planner.status, JSON.stringify(planner.body)).toBe(200);
    expect(planner.body.busy[p.ids[250]]).toEqual([{ start: "2030-01-07T10:00:00.000Z", end: "2030-01-07T11:00:00.000Z" }]);
  });

  it("calendar: an .ics file with 2 000 events imports whole", async () => {
    const p = await newPortal();
    const cal = await personalCalendarId(p.admin);
    const vevents = Array.from({ length: 2000 }, (_, i) => {
      const day = new Date(Date.UTC(2031, 0, 1) + i * 3_600_000).toISOString().replace(/[-:]/g, "").slice(0, 15);
      return ["BEGIN:VEVENT", `UID:bulk-${i}@test`, `DTSTART:${day}Z`, `DTEND:${day.slice(0, 11)}30${day.slice(13)}Z`, `SUMMARY:Bulk ${i}`, "END:VEVENT"];
    });
    const ics = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", ...vevents.flat(), "END:VCALENDAR"].join("\r\n");
    const res = await p.admin.request("POST", `/api/v1/calendar/calendars/${cal}/import`, ics, { "content-type": "application/json" });
    expect(res.status, await res.clone().text()).toBe(201);
    expect(await res.json()).toMatchObject({ imported: 2000, skipped: [] });
  });
});
