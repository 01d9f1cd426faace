import { batchAll, insertRows } from "../../../db/lists";
import ICAL from "ical.js";
import { and, eq } from "drizzle-orm";
import { events, eventAttendees } from "../../../db/schema/calendar";
import { users } from "../../../db/schema/people";
import type { ActorContext, ServiceContext } from "../../context";
import { badRequest } from "../../lib/errors";
import { newId } from "../../lib/crypto";
import { nowIso } from "../../lib/time";
import { buildIcs } from "../../lib/ics";
import { writableCalendar, type CalendarRow } from "./calendars";
import { untilFor } from "./event-write";
import type { EventRow } from "./event-view";

const MAX_EVENTS = 2000;

/** CAL-5: events from an .ics file into a calendar; recurring ones keep their rule. */
export async function importIcs(ctx: ActorContext, calendarId: string, text: string) {
  await writableCalendar(ctx, calendarId);
  let vevents: ICAL.Component[];
  try {
    vevents = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent");
  } catch {
    throw badRequest("This is not a valid iCalendar (.ics) file.", "invalid_ics", "file");
  }
  if (vevents.length > MAX_EVENTS) throw badRequest(`At most ${MAX_EVENTS} events per import.`, "too_many", "file");
  const rows: EventRow[] = [];
  const skipped: { uid: string | null; reason: string }[] = [];
  const now = nowIso();
  for (const v of vevents) {
    const ev = new ICAL.Event(v);
    if (ev.isRecurrenceException()) {
      skipped.push({ uid: ev.uid, reason: "exception of a series" });
      continue;
    }
    const startTime = ev.startDate;
    if (!startTime) {
      skipped.push({ uid: ev.uid, reason: "no start" });
      continue;
    }
    const allDay = startTime.isDate;
    const start = startTime.toJSDate();
    const end = ev.endDate ? ev.endDate.toJSDate() : new Date(start.getTime() + (allDay ? 86_400_000 : 3_600_000));
    const rruleProp = v.getFirstPropertyValue("rrule") as ICAL.Recur | null;
    const rrule = rruleProp ? rruleProp.toString() : null;
    const timeZone = startTime.zone?.tzid && startTime.zone.tzid !== "floating" && startTime.zone.tzid !== "UTC" && isZone(startTime.zone.tzid) ? startTime.zone.tzid : "UTC";
    const id = newId();
    try {
      rows.push({
        tenantId: ctx.tenant.id, id, calendarId, organizerId: ctx.actor.id, uid: ev.uid || `${id}@${ctx.tenant.slug}.kontor`, sequence: ev.sequence ?? 0,
        title: (ev.summary || "(no title)").slice(0, 255), description: (ev.description ?? "").slice(0, 20_000), location: (ev.location ?? "").slice(0, 500),
        startUtc: start.toISOString(), endUtc: (end > start ? end : new Date(start.getTime() + 3_600_000)).toISOString(), timeZone, allDay,
        rrule, exdates: [], untilUtc: untilFor(rrule, start, end > start ? end : new Date(start.getTime() + 3_600_000), timeZone), parentId: null, recurrenceStartUtc: null,
        importance: "normal", privacy: "public", reminders: [], options: { notifyOnDecision: false, guestsSeeAttendees: false }, attachments: [],
        status: "confirmed", createdAt: now, updatedAt: now,
      });
    } catch (e) {
      skipped.push({ uid: ev.uid, reason: (e as Error).message });
    }
  }
  // One batch, so an import lands whole or not at all.
  await batchAll(ctx.db, [
    ...insertRows(ctx.db, events, rows),
    ...insertRows(ctx.db, eventAttendees, rows.map((r) => ({ tenantId: ctx.tenant.id, eventId: r.id, userId: ctx.actor.id, status: "accepted" as const, respondedAt: now }))),
  ]);
  return { imported: rows.length, skipped };
}

function isZone(tz: string) {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** CAL-5: the calendar as an iCalendar feed for other apps (METHOD:PUBLISH). */
export async function calendarFeed(ctx: ServiceContext, calendar: CalendarRow) {
  const rows = await ctx.db.select().from(events).where(and(eq(events.tenantId, ctx.tenant.id), eq(events.calendarId, calendar.id), eq(events.status, "confirmed"))).all();
  const organizers = new Map(
    (await ctx.db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.tenantId, ctx.tenant.id)).all()).map((u) => [u.id, u]),
  );
  return buildIcs(
    "PUBLISH",
    rows.map((r) => ({
      uid: r.uid, sequence: r.sequence, title: r.title, description: r.description, location: r.location, start: new Date(r.startUtc), end: new Date(r.endUtc),
      timeZone: r.timeZone, allDay: r.allDay, rrule: r.rrule, exdates: r.exdates, status: r.status, updatedAt: new Date(r.updatedAt),
      organizer: { name: organizers.get(r.organizerId)?.name ?? "", email: organizers.get(r.organizerId)?.email ?? "" },
      attendees: [], recurrenceId: r.recurrenceStartUtc ? new Date(r.recurrenceStartUtc) : null,
    })),
    calendar.name,
  );
}
