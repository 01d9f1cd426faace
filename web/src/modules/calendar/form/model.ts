import { createEventSchema } from "../../../../../worker/modules/calendar/schemas";
import { checkWith } from "../../../lib/validate";
import { t } from "../i18n";
import type { CalEvent, EventInput, EventPatch } from "../data";
import { fromRrule, rruleDay, toRrule, type Repeat } from "../rrule";
import { addDays, dayOf, instantAt, isoWithOffset, parts, tz, utcDayOf, wallMinutes, weekday, type DayKey } from "../time";

export interface Person {
  id: string;
  name: string;
  hasPhoto?: boolean;
}
export interface Guest {
  email: string;
  firstName: string;
  lastName: string;
  status?: string;
  invited?: boolean;
}

/** What the form edits; times are wall-clock in the event's own time zone. */
export interface FormState {
  title: string;
  calendarId: string;
  allDay: boolean;
  startDate: DayKey;
  startTime: string;
  endDate: DayKey;
  endTime: string;
  timeZone: string;
  repeat: Repeat;
  location: string;
  description: string;
  importance: "low" | "normal" | "high";
  privacy: "public" | "private";
  reminders: number[];
  attendees: Person[];
  guests: Guest[];
  notifyOnDecision: boolean;
  guestsSeeAttendees: boolean;
}

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
export const minutesOf = (s: string) => {
  const [h, m] = s.split(":").map(Number);
  return (h || 0) * 60 + (m || 0);
};

function times(start: number, end: number, allDay: boolean, zone: string) {
  if (allDay) {
    const a = utcDayOf(new Date(start).toISOString());
    const b = addDays(utcDayOf(new Date(end).toISOString()), -1);
    return { startDate: a, endDate: b < a ? a : b, startTime: "09:00", endTime: "10:00" };
  }
  return { startDate: dayOf(start, zone), startTime: hhmm(wallMinutes(start, zone)), endDate: dayOf(end, zone), endTime: hhmm(wallMinutes(end, zone)) };
}

export function blankState(start: number, end: number, allDay: boolean, calendarId: string): FormState {
  const zone = tz();
  const t0 = times(start, end, allDay, zone);
  return {
    title: "", calendarId, allDay, ...t0, timeZone: zone, repeat: fromRrule(null, rruleDay(weekday(t0.startDate))),
    location: "", description: "", importance: "normal", privacy: "public", reminders: [15], attendees: [], guests: [],
    notifyOnDecision: true, guestsSeeAttendees: false,
  };
}

/** The form for an existing event; a series shows the occurrence that was opened. */
export function stateOf(e: CalEvent, occurrence: string | null): FormState {
  const d = e.details!;
  const start = occurrence ? Date.parse(occurrence) : Date.parse(e.start);
  const end = start + Date.parse(e.end) - Date.parse(e.start);
  const t0 = times(start, end, e.allDay, e.timeZone);
  return {
    title: e.title ?? "", calendarId: e.calendarId, allDay: e.allDay, ...t0, timeZone: e.timeZone,
    repeat: fromRrule(d.rrule, rruleDay(weekday(t0.startDate))), location: d.location, description: d.description,
    importance: d.importance, privacy: e.privacy, reminders: [...d.reminders],
    attendees: d.attendees.filter((a) => a.userId !== d.organizerId).map((a) => ({ id: a.userId, name: a.name })),
    guests: d.guests.map((g) => ({ email: g.email, firstName: g.firstName, lastName: g.lastName, status: g.status, invited: g.invited })),
    notifyOnDecision: d.options.notifyOnDecision, guestsSeeAttendees: d.options.guestsSeeAttendees,
  };
}

/** Start and end as instants (all-day: UTC dates, end exclusive, as the server stores them). */
export function instants(s: FormState): { start: number; end: number } {
  if (s.allDay) {
    const p = parts(s.startDate);
    const q = parts(s.endDate);
    return { start: Date.UTC(p.y, p.m0, p.d), end: Date.UTC(q.y, q.m0, q.d + 1) };
  }
  return { start: instantAt(s.startDate, minutesOf(s.startTime), s.timeZone), end: instantAt(s.endDate, minutesOf(s.endTime), s.timeZone) };
}

export function toInput(s: FormState): EventInput {
  const { start, end } = instants(s);
  const iso = (ms: number) => (s.allDay ? new Date(ms).toISOString() : isoWithOffset(ms, s.timeZone));
  return {
    calendarId: s.calendarId, title: s.title.trim(), description: s.description, location: s.location.trim(),
    start: iso(start), end: iso(end), timeZone: s.timeZone, allDay: s.allDay, rrule: toRrule(s.repeat),
    importance: s.importance, privacy: s.privacy, reminders: [...new Set(s.reminders)].sort((a, b) => a - b),
    attendeeIds: s.attendees.map((a) => a.id),
    guests: s.guests.map((g) => ({ email: g.email, firstName: g.firstName, lastName: g.lastName })),
    options: { notifyOnDecision: s.notifyOnDecision, guestsSeeAttendees: s.guestsSeeAttendees },
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const sorted = (ids: string[]) => [...ids].sort();

/** Only what changed: guests hear about changes of time, place or people, and nothing else raises SEQUENCE. */
export function diff(before: EventInput, after: EventInput): EventPatch {
  const out: Record<string, unknown> = {};
  const keys = ["calendarId", "title", "description", "location", "timeZone", "allDay", "rrule", "importance", "privacy", "reminders", "options", "guests"] as const;
  for (const k of keys) if (!same(before[k], after[k])) out[k] = after[k];
  if (Date.parse(before.start) !== Date.parse(after.start) || before.allDay !== after.allDay) out.start = after.start;
  if (Date.parse(before.end) !== Date.parse(after.end) || before.allDay !== after.allDay) out.end = after.end;
  if (!same(sorted(before.attendeeIds ?? []), sorted(after.attendeeIds ?? []))) out.attendeeIds = after.attendeeIds;
  return out as EventPatch;
}

/** Field errors as you type, from the server's own schema, in the user's language. */
export const check = (s: FormState) => checkWith<EventInput>(createEventSchema, { end: t("form.endBeforeStart") })(toInput(s)) as Partial<Record<string, string>>;
