import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { TZDate } from "@date-fns/tz";

export interface IcsPerson {
  name: string;
  email: string;
  status?: "pending" | "accepted" | "declined" | "maybe";
}

export interface IcsEvent {
  uid: string;
  sequence: number;
  title: string;
  description: string;
  location: string;
  start: Date;
  end: Date;
  timeZone: string;
  allDay: boolean;
  rrule: string | null;
  exdates: string[];
  status: "confirmed" | "cancelled";
  url?: string;
  organizer: IcsPerson;
  attendees: IcsPerson[];
  updatedAt: Date;
  /** For exceptions of a series: the original start of the overridden occurrence. */
  recurrenceId?: Date | null;
}

/**
 * A person's name as an iCalendar parameter (CN="…"). RFC 5545 has no escape inside a quoted parameter:
 * ical-generator writes `"` as `\"`, which readers take as the end of the quote, so a name like
 * `x";…:mailto:attacker@…` would rewrite the ORGANIZER or ATTENDEE address. Quotes become apostrophes,
 * line breaks and other control characters spaces.
 */
export const paramName = (name: string) => name.replace(/"/g, "'").replace(/[\u0000-\u001f\u007f]+/g, " ").trim();

const PARTSTAT: Record<string, ICalAttendeeStatus> = {
  pending: ICalAttendeeStatus.NEEDSACTION,
  accepted: ICalAttendeeStatus.ACCEPTED,
  declined: ICalAttendeeStatus.DECLINED,
  maybe: ICalAttendeeStatus.TENTATIVE,
};

/**
 * iCalendar for invitations (REQUEST), cancellations (CANCEL) and feeds (PUBLISH). Single events are
 * written in UTC; a series keeps its zone (TZID) so its wall-clock time survives DST in the client.
 */
export function buildIcs(method: "REQUEST" | "CANCEL" | "PUBLISH", events: IcsEvent[], name = "Kontor"): string {
  const cal = ical({ name, prodId: { company: "Kontor", product: "Calendar", language: "EN" }, method: ICalCalendarMethod[method] });
  for (const e of events) {
    const zoned = Boolean(e.rrule) && !e.allDay && e.timeZone !== "UTC";
    const ev = cal.createEvent({
      id: e.uid,
      sequence: e.sequence,
      summary: e.title,
      description: e.description || null,
      location: e.location || null,
      start: zoned ? new TZDate(e.start.getTime(), e.timeZone) : e.start,
      end: zoned ? new TZDate(e.end.getTime(), e.timeZone) : e.end,
      timezone: zoned ? e.timeZone : null,
      allDay: e.allDay,
      stamp: e.updatedAt,
      lastModified: e.updatedAt,
      status: method === "CANCEL" || e.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      organizer: { name: paramName(e.organizer.name), email: e.organizer.email },
      url: e.url ?? null,
      repeating: e.rrule ? `RRULE:${e.rrule.replace(/^RRULE:/i, "")}${e.exdates.length ? `\r\nEXDATE:${e.exdates.map(icsUtc).join(",")}` : ""}` : null,
      recurrenceId: e.recurrenceId ?? null,
    });
    for (const a of e.attendees) {
      ev.createAttendee({ name: paramName(a.name), email: a.email, rsvp: true, role: ICalAttendeeRole.REQ, status: PARTSTAT[a.status ?? "pending"] });
    }
  }
  return cal.toString();
}

const icsUtc = (iso: string) => iso.replace(/[-:]/g, "").replace(/\.\d{3}/, "");
