import ICAL from "ical.js";
import { expect } from "vitest";
import { SELF } from "cloudflare:test";
import { mailbox, type Client } from "./helpers";

export async function calendarsOf(c: Client) {
  return (await c.json("GET", "/api/v1/calendar/calendars")).body.items as { id: string; kind: string; access: string }[];
}

export async function personalCalendarId(c: Client) {
  return (await calendarsOf(c)).find((x) => x.kind === "personal")!.id;
}

/** Sets up and confirms a sender address with the code from the dev mailbox (CAL-3). */
export async function confirmSender(c: Client, email: string, name = "Organizer", shared = false) {
  expect((await c.json("POST", "/api/v1/calendar/sender", { email, name, shared })).status).toBe(201);
  const mail = (await mailbox(email)).find((m) => /code/i.test(m.subject))!;
  const code = mail.text.match(/\b(\d{6})\b/)![1];
  const res = await c.json("POST", "/api/v1/calendar/sender/confirm", { code });
  expect(res.status).toBe(200);
  return code;
}

export interface ParsedInvite {
  method: string;
  uid: string;
  sequence: number;
  status: string | null;
  start: ICAL.Time;
  end: ICAL.Time;
  organizer: string;
  attendees: { email: string; partstat: string }[];
  summary: string;
  rrule: string | null;
}

/** Parses an invitation's iCalendar part back with ical.js. */
export function parseIcs(text: string): ParsedInvite {
  const cal = new ICAL.Component(ICAL.parse(text));
  const vevent = cal.getFirstSubcomponent("vevent")!;
  const ev = new ICAL.Event(vevent);
  return {
    method: String(cal.getFirstPropertyValue("method")),
    uid: ev.uid,
    sequence: ev.sequence,
    status: (vevent.getFirstPropertyValue("status") as string | null) ?? null,
    start: ev.startDate,
    end: ev.endDate,
    organizer: String(vevent.getFirstPropertyValue("organizer")),
    attendees: vevent.getAllProperties("attendee").map((p) => ({ email: String(p.getFirstValue()).replace(/^mailto:/i, ""), partstat: String(p.getParameter("partstat")) })),
    summary: ev.summary,
    rrule: vevent.getFirstPropertyValue("rrule")?.toString() ?? null,
  };
}

export async function guestMails(to: string) {
  const items = (await mailbox(to)) as unknown as { subject: string; text: string; links: string[]; attachments: { filename: string; contentType: string; content: string }[]; createdAt: string }[];
  return items.filter((m) => m.attachments?.some((a) => a.contentType.startsWith("text/calendar"))).reverse();
}

export function icsOf(mail: { attachments: { contentType: string; content: string }[] }) {
  return parseIcs(mail.attachments.find((a) => a.contentType.startsWith("text/calendar"))!.content);
}

export function guestLink(mail: { links: string[] }) {
  return mail.links.find((l) => l.includes("/g/"))!;
}

export async function openGuestPage(link: string, init: RequestInit = {}) {
  return SELF.fetch(link, { redirect: "manual", ...init });
}
