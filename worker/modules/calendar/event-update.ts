import { inList, insertRows } from "../../../db/lists";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { eventAttendees, eventGuests, events } from "../../../db/schema/calendar";
import type { ActorContext } from "../../context";
import { badRequest } from "../../lib/errors";
import { newId } from "../../lib/crypto";
import { nowIso } from "../../lib/time";
import { notify } from "../notifications/service";
import { remainingRule, untilBefore } from "./recurrence";
import { writableCalendar } from "./calendars";
import { mailGuests } from "./guests";
import { reminderAudience, scheduleReminders, unscheduleReminders } from "./reminders";
import type { EventRow } from "./event-view";
import {
  activeGuests, assertColleagues, attendeeIdsOf, editableEvent, eventDetail, guestPrerequisites, guestRows, normalizeTimes, revokeGuestStatements, untilFor,
} from "./event-write";
import type { updateEventSchema } from "./schemas";

type Patch = z.infer<typeof updateEventSchema>;
type Scope = { scope: "all" | "this" | "following"; occurrence?: string };

/** Changes guests must hear about (the seed: time, place or attendees), which raise SEQUENCE. */
const SIGNIFICANT: (keyof Patch)[] = ["title", "start", "end", "timeZone", "allDay", "rrule", "location", "attendeeIds", "guests", "description"];

function occurrenceOf(e: EventRow, scope: Scope): Date {
  if (!scope.occurrence) throw badRequest("Say which occurrence (occurrence=<its start>).", "validation", "occurrence");
  return new Date(scope.occurrence);
}

/** Applies a patch to a row: times move together when only the start is given. */
function patched(e: EventRow, patch: Patch): EventRow {
  const duration = Date.parse(e.endUtc) - Date.parse(e.startUtc);
  const start = patch.start ?? e.startUtc;
  const end = patch.end ?? (patch.start ? new Date(Date.parse(patch.start) + duration).toISOString() : e.endUtc);
  const allDay = patch.allDay ?? e.allDay;
  const times = normalizeTimes({ start, end, allDay });
  const next: EventRow = {
    ...e,
    title: patch.title ?? e.title, description: patch.description ?? e.description, location: patch.location ?? e.location,
    timeZone: patch.timeZone ?? e.timeZone, allDay, rrule: patch.rrule === undefined ? e.rrule : patch.rrule,
    importance: patch.importance ?? e.importance, privacy: patch.privacy ?? e.privacy, reminders: patch.reminders ?? e.reminders,
    options: patch.options ?? e.options, calendarId: patch.calendarId ?? e.calendarId,
    startUtc: times.start.toISOString(), endUtc: times.end.toISOString(), updatedAt: nowIso(),
  };
  next.untilUtc = untilFor(next.rrule, times.start, times.end, next.timeZone);
  return next;
}

export async function updateEvent(ctx: ActorContext, id: string, patch: Patch, scope: Scope) {
  const e = await editableEvent(ctx, id);
  if (patch.calendarId) await writableCalendar(ctx, patch.calendarId);
  if (patch.attendeeIds) await assertColleagues(ctx, patch.attendeeIds.filter((u) => u !== e.organizerId));
  if (e.rrule && scope.scope === "this") return updateOccurrence(ctx, e, patch, occurrenceOf(e, scope));
  if (e.rrule && scope.scope === "following") return splitSeries(ctx, e, patch, occurrenceOf(e, scope));
  return updateWhole(ctx, e, patch);
}

/** "All" (or a single event): one row changes; guests get an update, new guests an invitation. */
async function updateWhole(ctx: ActorContext, e: EventRow, patch: Patch) {
  const significant = SIGNIFICANT.some((k) => patch[k] !== undefined);
  const next = { ...patched(e, patch), sequence: significant ? e.sequence + 1 : e.sequence };
  const seriesId = e.parentId ?? e.id;
  const before = await reminderAudience(ctx, e);
  const oldAttendees = await attendeeIdsOf(ctx, seriesId);
  const oldGuests = await activeGuests(ctx, seriesId);
  const wantedAttendees = patch.attendeeIds ? [...new Set(patch.attendeeIds)].filter((u) => u !== e.organizerId) : null;
  const addedAttendees = wantedAttendees?.filter((u) => !oldAttendees.includes(u)) ?? [];
  const removedAttendees = wantedAttendees ? oldAttendees.filter((u) => u !== e.organizerId && !wantedAttendees.includes(u)) : [];
  const wantedEmails = patch.guests ? new Set(patch.guests.map((g) => g.email)) : null;
  const removedGuests = wantedEmails ? oldGuests.filter((g) => !wantedEmails.has(g.email)) : [];
  const newGuests = patch.guests ? guestRows(ctx, seriesId, patch.guests.filter((g) => !oldGuests.some((o) => o.email === g.email))) : [];
  const sender = newGuests.length || oldGuests.length ? await guestPrerequisites(ctx, oldGuests.length ? seriesId : null) : null;
  const t = ctx.tenant.id;
  await ctx.db.batch([
    ctx.db.update(events).set(next).where(and(eq(events.tenantId, t), eq(events.id, e.id))),
    ...insertRows(ctx.db, eventAttendees, addedAttendees.map((userId) => ({ tenantId: t, eventId: seriesId, userId, status: "pending" as const }))),
    ...(removedAttendees.length ? [ctx.db.delete(eventAttendees).where(and(eq(eventAttendees.tenantId, t), eq(eventAttendees.eventId, seriesId), inList(eventAttendees.userId, removedAttendees)))] : []),
    ...insertRows(ctx.db, eventGuests, newGuests),
    ...(removedGuests.length ? revokeGuestStatements(ctx, removedGuests.map((g) => g.id)) : []),
  ]);
  const attendeeIds = wantedAttendees ?? oldAttendees.filter((u) => u !== e.organizerId);
  const keptGuests = oldGuests.filter((g) => !removedGuests.includes(g));
  const allGuests = [...keptGuests, ...newGuests];
  if (sender) {
    if (significant) await mailGuests(ctx, next, "update", keptGuests, sender, attendeeIds, allGuests);
    await mailGuests(ctx, next, "invite", newGuests, sender, attendeeIds, allGuests);
    await mailGuests(ctx, { ...next, status: "cancelled" }, "cancel", removedGuests, sender, attendeeIds, allGuests);
  }
  if (significant) await notify(ctx, attendeeIds.filter((u) => !addedAttendees.includes(u)), "calendar.updated", { eventId: e.id, title: next.title, start: next.startUtc });
  await notify(ctx, addedAttendees, "calendar.invited", { eventId: e.id, title: next.title, start: next.startUtc, organizerName: ctx.actor.name });
  await scheduleReminders(ctx, next, before);
  return eventDetail(ctx, next);
}

/** "This occurrence": an exception row overrides it (same UID, RECURRENCE-ID = its original start). */
async function updateOccurrence(ctx: ActorContext, series: EventRow, patch: Patch, occurrence: Date) {
  const duration = Date.parse(series.endUtc) - Date.parse(series.startUtc);
  const base: EventRow = {
    ...series, id: newId(), parentId: series.id, recurrenceStartUtc: occurrence.toISOString(), rrule: null, exdates: [],
    startUtc: occurrence.toISOString(), endUtc: new Date(occurrence.getTime() + duration).toISOString(), sequence: series.sequence + 1,
    createdAt: nowIso(),
  };
  const row = { ...patched(base, { ...patch, rrule: null, attendeeIds: undefined, guests: undefined }), sequence: series.sequence + 1 };
  await ctx.db.insert(events).values(row);
  const guests = await activeGuests(ctx, series.id);
  if (guests.length) {
    const sender = await guestPrerequisites(ctx, series.id);
    await mailGuests(ctx, row, "update", guests, sender, await attendeeIdsOf(ctx, series.id), guests);
  }
  return eventDetail(ctx, row);
}

/** "This and following": the series ends before the occurrence; a new series with the changes starts there. */
async function splitSeries(ctx: ActorContext, series: EventRow, patch: Patch, occurrence: Date) {
  if (occurrence.getTime() <= Date.parse(series.startUtc)) return updateWhole(ctx, series, patch);
  const cutRule = untilBefore(series.rrule!, occurrence);
  const cut = { ...series, rrule: cutRule, sequence: series.sequence + 1, updatedAt: nowIso() };
  cut.untilUtc = untilFor(cutRule, new Date(series.startUtc), new Date(series.endUtc), series.timeZone);
  const duration = Date.parse(series.endUtc) - Date.parse(series.startUtc);
  const id = newId();
  const startFrom: EventRow = {
    ...series, id, uid: `${id}@${ctx.tenant.slug}.kontor`, sequence: 0, startUtc: occurrence.toISOString(),
    rrule: remainingRule(series.rrule!, new Date(series.startUtc), series.timeZone, occurrence),
    endUtc: new Date(occurrence.getTime() + duration).toISOString(), exdates: [], createdAt: nowIso(),
  };
  const tail = { ...patched(startFrom, { ...patch, attendeeIds: undefined, guests: undefined }), sequence: 0 };
  const t = ctx.tenant.id;
  const attendees = await ctx.db.select().from(eventAttendees).where(and(eq(eventAttendees.tenantId, t), eq(eventAttendees.eventId, series.id))).all();
  const guests = await activeGuests(ctx, series.id);
  const tailGuests = guests.map((g) => ({ ...g, id: newId(), eventId: id, mailedSequence: null, createdAt: nowIso() }));
  await ctx.db.batch([
    ctx.db.update(events).set(cut).where(and(eq(events.tenantId, t), eq(events.id, series.id))),
    ctx.db.insert(events).values(tail),
    ...insertRows(ctx.db, eventAttendees, attendees.map((a) => ({ ...a, eventId: id }))),
    ...insertRows(ctx.db, eventGuests, tailGuests),
  ]);
  if (guests.length) {
    const sender = await guestPrerequisites(ctx, series.id);
    const attendeeIds = attendees.map((a) => a.userId).filter((u) => u !== series.organizerId);
    await mailGuests(ctx, cut, "update", guests, sender, attendeeIds, guests);
    await mailGuests(ctx, tail, "invite", tailGuests, sender, attendeeIds, tailGuests);
  }
  await scheduleReminders(ctx, cut, await reminderAudience(ctx, series));
  await scheduleReminders(ctx, tail);
  return eventDetail(ctx, tail);
}

/** Cancelling sends METHOD:CANCEL to guests; one occurrence becomes an EXDATE; the record stays. */
export async function cancelEvent(ctx: ActorContext, id: string, scope: Scope) {
  const e = await editableEvent(ctx, id);
  const seriesId = e.parentId ?? e.id;
  const guests = await activeGuests(ctx, seriesId);
  const attendeeIds = (await attendeeIdsOf(ctx, seriesId)).filter((u) => u !== e.organizerId);
  const sender = guests.length ? await guestPrerequisites(ctx, seriesId) : null;
  const before = await reminderAudience(ctx, e);
  const t = ctx.tenant.id;
  if (e.rrule && scope.scope !== "all") {
    const occurrence = occurrenceOf(e, scope);
    if (scope.scope === "following" && occurrence.getTime() > Date.parse(e.startUtc)) {
      const rule = untilBefore(e.rrule, occurrence);
      const cut = { ...e, rrule: rule, sequence: e.sequence + 1, updatedAt: nowIso(), untilUtc: untilFor(rule, new Date(e.startUtc), new Date(e.endUtc), e.timeZone) };
      await ctx.db.update(events).set(cut).where(and(eq(events.tenantId, t), eq(events.id, e.id)));
      if (sender) await mailGuests(ctx, cut, "update", guests, sender, attendeeIds, guests);
      await scheduleReminders(ctx, cut, before);
      return;
    }
    if (scope.scope === "this") {
      const next = { ...e, exdates: [...new Set([...e.exdates, occurrence.toISOString()])], sequence: e.sequence + 1, updatedAt: nowIso() };
      await ctx.db.update(events).set(next).where(and(eq(events.tenantId, t), eq(events.id, e.id)));
      if (sender) {
        const duration = Date.parse(e.endUtc) - Date.parse(e.startUtc);
        const instance = { ...next, rrule: null, exdates: [], recurrenceStartUtc: occurrence.toISOString(), startUtc: occurrence.toISOString(), endUtc: new Date(occurrence.getTime() + duration).toISOString() };
        await mailGuests(ctx, instance, "cancel", guests, sender, attendeeIds, guests);
      }
      await scheduleReminders(ctx, next, before);
      return;
    }
  }
  const cancelled = { ...e, status: "cancelled" as const, sequence: e.sequence + 1, updatedAt: nowIso() };
  await ctx.db.update(events).set({ status: "cancelled", sequence: cancelled.sequence, updatedAt: cancelled.updatedAt }).where(and(eq(events.tenantId, t), eq(events.id, e.id)));
  if (sender) await mailGuests(ctx, cancelled, "cancel", guests, sender, attendeeIds, guests);
  await unscheduleReminders(ctx, e.id, before.userIds, before.minutes);
  await notify(ctx, attendeeIds, "calendar.cancelled", { eventId: e.id, title: e.title, start: e.startUtc });
}
