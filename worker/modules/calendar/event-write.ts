import { inList, insertRows } from "../../../db/lists";
import { and, eq, isNull, sql, countDistinct } from "drizzle-orm";
import type { z } from "zod";
import { eventAttendees, eventGuests, events } from "../../../db/schema/calendar";
import { users } from "../../../db/schema/people";
import type { ActorContext } from "../../context";
import { AppError, badRequest, conflict, forbidden, notFound } from "../../lib/errors";
import { newId } from "../../lib/crypto";
import { nowIso } from "../../lib/time";
import { PLAN_LIMITS } from "../portal/plans";
import { notify } from "../notifications/service";
import { publishFeedEvent } from "../feed/events";
import { assertRepeats, validateRule, seriesEnd } from "./recurrence";
import { writableCalendar } from "./calendars";
import { chosenSender } from "./senders";
import { mailGuests, revokeGuestStatements, type GuestRow } from "./guests";
import { scheduleReminders } from "./reminders";
import { eventAccess, eventDto, eventPeople, findEvent, type EventRow } from "./event-view";
import type { createEventSchema, guestSchema } from "./schemas";

type Guest = z.infer<typeof guestSchema>;

export async function eventDetail(ctx: ActorContext, e: EventRow) {
  const view = await eventAccess(ctx, e);
  return eventDto(e, await eventPeople(ctx, [e.parentId ?? e.id]), view);
}

export function normalizeTimes(input: { start: string; end: string; allDay: boolean }) {
  let start = new Date(input.start);
  let end = new Date(input.end);
  if (input.allDay) {
    start = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()));
    end = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth(), end.getUTCDate()));
    if (end <= start) end = new Date(start.getTime() + 86_400_000);
  }
  if (end <= start) throw badRequest("The event must end after it starts.", "validation", "end");
  return { start, end };
}

/** Events live between these years: listings expand series from their start, and reminders are alarms (which end in 2189). */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2100;
const inRange = (d: Date) => !Number.isNaN(d.getTime()) && d.getUTCFullYear() >= FIRST_YEAR && d.getUTCFullYear() <= LAST_YEAR;

export function untilFor(rrule: string | null | undefined, start: Date, end: Date, timeZone: string): string | null {
  if (!inRange(start) || !inRange(end)) throw badRequest(`Events must take place between ${FIRST_YEAR} and ${LAST_YEAR}.`, "validation", "start");
  if (!rrule) return end.toISOString();
  try {
    validateRule(rrule);
    assertRepeats(rrule, start, timeZone);
    return seriesEnd(rrule, start, end.getTime() - start.getTime(), timeZone)?.toISOString() ?? null;
  } catch (e) {
    throw badRequest(`The repeat rule is not valid: ${(e as Error).message}`, "validation", "rrule");
  }
}

export async function assertColleagues(ctx: ActorContext, ids: string[]) {
  if (!ids.length) return;
  const found = await ctx.db.select({ id: users.id }).from(users).where(and(eq(users.tenantId, ctx.tenant.id), eq(users.status, "active"), inList(users.id, ids))).all();
  if (found.length !== new Set(ids).size) throw notFound("User");
}

/** CAL-3: guests need a confirmed sender; the free plan allows 10 events with guests per portal. */
export async function guestPrerequisites(ctx: ActorContext, eventIdToIgnore: string | null) {
  const sender = await chosenSender(ctx);
  if (!sender) throw conflict("sender_required", "Set and confirm the address invitations are sent from (calendar settings) before inviting guests.");
  const limit = PLAN_LIMITS[ctx.tenant.plan].guestEvents;
  if (limit !== null) {
    const used = await ctx.db
      .select({ n: countDistinct(eventGuests.eventId) })
      .from(eventGuests)
      .where(and(eq(eventGuests.tenantId, ctx.tenant.id), eventIdToIgnore ? sql`${eventGuests.eventId} <> ${eventIdToIgnore}` : undefined))
      .get();
    if ((used?.n ?? 0) >= limit) throw new AppError(403, "plan_limit", `The free plan allows ${limit} events with e-mail guests per portal. Upgrade to invite more guests.`);
  }
  return { name: sender.name, email: sender.email };
}

export function guestRows(ctx: ActorContext, eventId: string, guests: Guest[]): GuestRow[] {
  const now = nowIso();
  const seen = new Set<string>();
  return guests
    .filter((g) => (seen.has(g.email) ? false : (seen.add(g.email), true)))
    .map((g) => ({ tenantId: ctx.tenant.id, id: newId(), eventId, email: g.email, firstName: g.firstName, lastName: g.lastName, status: "pending" as const, respondedAt: null, mailedSequence: null, removedAt: null, createdAt: now }));
}

export async function createEvent(ctx: ActorContext, input: z.infer<typeof createEventSchema>) {
  await writableCalendar(ctx, input.calendarId);
  const { start, end } = normalizeTimes(input);
  const untilUtc = untilFor(input.rrule, start, end, input.timeZone);
  const attendeeIds = [...new Set(input.attendeeIds)].filter((u) => u !== ctx.actor.id);
  await assertColleagues(ctx, attendeeIds);
  const sender = input.guests.length ? await guestPrerequisites(ctx, null) : null;
  const id = newId();
  const now = nowIso();
  const row: EventRow = {
    tenantId: ctx.tenant.id, id, calendarId: input.calendarId, organizerId: ctx.actor.id, uid: `${id}@${ctx.tenant.slug}.kontor`, sequence: 0,
    title: input.title, description: input.description, location: input.location, startUtc: start.toISOString(), endUtc: end.toISOString(),
    timeZone: input.timeZone, allDay: input.allDay, rrule: input.rrule ?? null, exdates: [], untilUtc, parentId: null, recurrenceStartUtc: null,
    importance: input.importance, privacy: input.privacy, reminders: [...new Set(input.reminders)], options: input.options, attachments: [],
    status: "confirmed", createdAt: now, updatedAt: now,
  };
  const guests = guestRows(ctx, id, input.guests);
  await ctx.db.batch([
    ctx.db.insert(events).values(row),
    ...insertRows(ctx.db, eventAttendees, [
      { tenantId: ctx.tenant.id, eventId: id, userId: ctx.actor.id, status: "accepted", respondedAt: now },
      ...attendeeIds.map((userId) => ({ tenantId: ctx.tenant.id, eventId: id, userId, status: "pending" as const })),
    ]),
    ...insertRows(ctx.db, eventGuests, guests),
  ]);
  // Nothing goes to guests before the event is saved; now it is.
  if (sender) await mailGuests(ctx, row, "invite", guests, sender, attendeeIds, guests);
  await notify(ctx, attendeeIds, "calendar.invited", { eventId: id, title: row.title, start: row.startUtc, organizerName: ctx.actor.name });
  await scheduleReminders(ctx, row);
  await publishFeedEvent(ctx, {
    eventType: "event.created",
    actorId: ctx.actor.id,
    audience: [ctx.actor.id, ...attendeeIds].map((u) => `u:${u}`),
    title: row.title,
    data: { eventId: id, start: row.startUtc, end: row.endUtc },
  });
  return eventDetail(ctx, row);
}

export async function editableEvent(ctx: ActorContext, id: string) {
  const e = await findEvent(ctx, id);
  const view = await eventAccess(ctx, e);
  if (!view.full) throw notFound("Event");
  if (!view.canEdit) throw forbidden("not_organizer", "Only the organizer or the calendar's owner can change this event.");
  if (e.status === "cancelled") throw conflict("cancelled", "This event was cancelled.");
  return e;
}

export async function activeGuests(ctx: ActorContext, eventId: string) {
  return ctx.db.select().from(eventGuests).where(and(eq(eventGuests.tenantId, ctx.tenant.id), eq(eventGuests.eventId, eventId), isNull(eventGuests.removedAt))).all();
}

export async function attendeeIdsOf(ctx: ActorContext, eventId: string) {
  const rows = await ctx.db.select({ userId: eventAttendees.userId }).from(eventAttendees).where(and(eq(eventAttendees.tenantId, ctx.tenant.id), eq(eventAttendees.eventId, eventId))).all();
  return rows.map((r) => r.userId);
}

export { revokeGuestStatements };
