import { inList } from "../../../db/lists";
import { and, eq, or, gt, lt, isNull, exists, sql } from "drizzle-orm";
import { events, eventAttendees, eventGuests } from "../../../db/schema/calendar";
import { users } from "../../../db/schema/people";
import type { ActorContext, ServiceContext } from "../../context";
import { notFound } from "../../lib/errors";
import { occurrences } from "./recurrence";
import { visibleCalendars } from "./calendars";

export type EventRow = typeof events.$inferSelect;

export async function findEvent(ctx: ServiceContext, id: string): Promise<EventRow> {
  const e = await ctx.db.select().from(events).where(and(eq(events.tenantId, ctx.tenant.id), eq(events.id, id))).get();
  if (!e) throw notFound("Event");
  return e;
}

export async function eventPeople(ctx: ServiceContext, eventIds: string[]) {
  if (!eventIds.length) return grouped([], []);
  const [attendees, guests] = await ctx.db.batch([
    ctx.db
      .select({ eventId: eventAttendees.eventId, userId: eventAttendees.userId, status: eventAttendees.status, name: users.name, email: users.email })
      .from(eventAttendees)
      .innerJoin(users, and(eq(users.tenantId, eventAttendees.tenantId), eq(users.id, eventAttendees.userId)))
      .where(and(eq(eventAttendees.tenantId, ctx.tenant.id), inList(eventAttendees.eventId, eventIds))),
    ctx.db.select().from(eventGuests).where(and(eq(eventGuests.tenantId, ctx.tenant.id), inList(eventGuests.eventId, eventIds), isNull(eventGuests.removedAt))),
  ]);
  return grouped(attendees, guests);
}

/** Attendees and guests by event, so a week of hundreds of occurrences does not scan the lists per item. */
function grouped<A extends { eventId: string }, G extends { eventId: string }>(attendees: A[], guests: G[]) {
  const by = <T extends { eventId: string }>(list: T[]) => {
    const map = new Map<string, T[]>();
    for (const x of list) {
      const items = map.get(x.eventId);
      if (items) items.push(x);
      else map.set(x.eventId, [x]);
    }
    return map;
  };
  return { attendees, guests, attendeesOf: by(attendees), guestsOf: by(guests) };
}

/** Who may read an event fully: its organizer, attendees, and readers of its calendar (unless private). */
export async function eventAccess(ctx: ActorContext, e: EventRow) {
  const cals = await visibleCalendars(ctx);
  const cal = cals.find((c) => c.id === e.calendarId);
  const attendee = await ctx.db
    .select({ status: eventAttendees.status })
    .from(eventAttendees)
    .where(and(eq(eventAttendees.tenantId, ctx.tenant.id), eq(eventAttendees.eventId, e.parentId ?? e.id), eq(eventAttendees.userId, ctx.actor.id)))
    .get();
  const involved = e.organizerId === ctx.actor.id || Boolean(attendee);
  if (!cal && !involved) throw notFound("Event");
  const full = involved || cal?.access === "owner" || e.privacy === "public";
  const canEdit = e.organizerId === ctx.actor.id || cal?.access === "owner" || cal?.access === "write";
  return { full, canEdit, myStatus: attendee?.status ?? null };
}

/** The shape every calendar answer uses; private details become "busy" for those who may not see them. */
export function eventDto(e: EventRow, people: Awaited<ReturnType<typeof eventPeople>>, view: { full: boolean; canEdit: boolean; myStatus: string | null }, occurrenceStart?: Date) {
  const start = occurrenceStart ?? new Date(e.startUtc);
  const end = new Date(start.getTime() + (Date.parse(e.endUtc) - Date.parse(e.startUtc)));
  const seriesId = e.parentId ?? e.id;
  const base = {
    id: e.id,
    occurrenceId: e.rrule ? `${e.id}:${start.toISOString()}` : e.id,
    seriesId: e.rrule || e.parentId ? seriesId : null,
    calendarId: e.calendarId,
    start: start.toISOString(),
    end: end.toISOString(),
    timeZone: e.timeZone,
    allDay: e.allDay,
    status: e.status,
    privacy: e.privacy,
  };
  if (!view.full) return { ...base, title: null, busy: true as const, details: null };
  return {
    ...base,
    title: e.title,
    busy: true as const,
    details: {
      description: e.description,
      location: e.location,
      rrule: e.rrule,
      importance: e.importance,
      reminders: e.reminders,
      options: e.options,
      attachments: e.attachments,
      organizerId: e.organizerId,
      uid: e.uid,
      sequence: e.sequence,
      attendees: (people.attendeesOf.get(seriesId) ?? []).map((a) => ({ userId: a.userId, name: a.name, status: a.status })),
      guests: (people.guestsOf.get(seriesId) ?? []).map((g) => ({ id: g.id, email: g.email, firstName: g.firstName, lastName: g.lastName, status: g.status, invited: g.mailedSequence !== null })),
      myStatus: view.myStatus,
      canEdit: view.canEdit,
    },
  };
}
export type EventDto = ReturnType<typeof eventDto>;

/** Rows (single events, series, exceptions) that may touch [from, to) in the given calendars or involve a user. */
export async function rowsInRange(ctx: ServiceContext, opts: { calendarIds: string[]; userIds: string[]; from: Date; to: Date }) {
  const t = ctx.tenant.id;
  const inCalendars = opts.calendarIds.length ? inList(events.calendarId, opts.calendarIds) : undefined;
  const involved = opts.userIds.length
    ? or(
        inList(events.organizerId, opts.userIds),
        exists(
          ctx.db
            .select({ one: sql`1` })
            .from(eventAttendees)
            .where(and(eq(eventAttendees.tenantId, t), eq(eventAttendees.eventId, sql`coalesce(${events.parentId}, ${events.id})`), inList(eventAttendees.userId, opts.userIds), sql`${eventAttendees.status} <> 'declined'`)),
        ),
      )
    : undefined;
  return ctx.db
    .select()
    .from(events)
    .where(
      and(
        eq(events.tenantId, t),
        eq(events.status, "confirmed"),
        or(inCalendars, involved),
        lt(events.startUtc, opts.to.toISOString()),
        or(isNull(events.untilUtc), gt(events.untilUtc, opts.from.toISOString())),
      ),
    )
    .all();
}

/** Expands series into occurrences, leaving out those replaced by exceptions or removed. */
export function expand(rows: EventRow[], from: Date, to: Date): { row: EventRow; start: Date }[] {
  const overridden = new Set(rows.filter((r) => r.parentId && r.recurrenceStartUtc).map((r) => `${r.parentId}:${r.recurrenceStartUtc}`));
  const out: { row: EventRow; start: Date }[] = [];
  for (const r of rows) {
    const duration = Date.parse(r.endUtc) - Date.parse(r.startUtc);
    if (!r.rrule) {
      if (Date.parse(r.startUtc) < to.getTime() && Date.parse(r.endUtc) > from.getTime()) out.push({ row: r, start: new Date(r.startUtc) });
      continue;
    }
    for (const start of occurrences({ rrule: r.rrule, start: new Date(r.startUtc), durationMs: duration, timeZone: r.timeZone, from, to, exdates: r.exdates })) {
      if (!overridden.has(`${r.id}:${start.toISOString()}`)) out.push({ row: r, start });
    }
  }
  return out.sort((a, b) => a.start.getTime() - b.start.getTime());
}

export async function listEvents(ctx: ActorContext, q: { from: Date; to: Date; calendarIds?: string[] }) {
  const cals = await visibleCalendars(ctx);
  const ids = q.calendarIds ? cals.filter((c) => q.calendarIds!.includes(c.id)).map((c) => c.id) : cals.map((c) => c.id);
  const rows = await rowsInRange(ctx, { calendarIds: ids, userIds: q.calendarIds ? [] : [ctx.actor.id], from: q.from, to: q.to });
  const people = await eventPeople(ctx, [...new Set(rows.map((r) => r.parentId ?? r.id))]);
  const access = new Map(cals.map((c) => [c.id, c.access]));
  const items = expand(rows, q.from, q.to).map(({ row, start }) => {
    const seriesId = row.parentId ?? row.id;
    const mine = people.attendeesOf.get(seriesId)?.find((a) => a.userId === ctx.actor.id);
    const involved = row.organizerId === ctx.actor.id || Boolean(mine);
    const calAccess = access.get(row.calendarId);
    const view = {
      full: involved || calAccess === "owner" || row.privacy === "public",
      canEdit: row.organizerId === ctx.actor.id || calAccess === "owner" || calAccess === "write",
      myStatus: mine?.status ?? null,
    };
    return eventDto(row, people, view, start);
  });
  return { items, calendars: cals.map(({ feedTokenHash: _f, tenantId: _t, ...c }) => ({ ...c, hasFeed: Boolean(_f) })) };
}
