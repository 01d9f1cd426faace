/**
 * Every kind of mail the app sends, provoked through its real routes with hostile names and titles,
 * while a trap binding keeps the raw MIME text (attacks.test.ts checks its headers and iCalendar part).
 */
import { expect } from "vitest";
import { client, newEmployee, newPortal, mailbox, shardOf, ROOT, type Client } from "./helpers";
import { personalCalendarId } from "./calendar-helpers";
import { mailTrap, trappedClient } from "./attack-helpers";
import { fireReminder } from "../../worker/modules/calendar/reminders";
import { sendChatDigest } from "../../worker/modules/chat/digest";
import type { Env } from "../../worker/env";

export const HOSTILE = [
  "Evil\r\nBcc: x@evil.test\r\nX-Injected: 1",
  "Evil\nBcc: x@evil.test",
  "Evil\rBcc: x@evil.test",
  'Evil" <x@evil.test>, "Bcc: x@evil.test',
  'Evil";RSVP=TRUE:mailto:x@evil.test\r\nATTENDEE;CN=Evil:mailto:x@evil.test\r\nORGANIZER:mailto:x@evil.test',
];

/** 2xx, or a validation refusal (400): both are acceptable answers to a hostile value. */
function accepted(res: { status: number; body: unknown }, what: string) {
  expect([200, 201, 400], `${what}: ${JSON.stringify(res.body)}`).toContain(res.status);
  return res.status < 300;
}

const code = async (to: string) => (await mailbox(to)).find((m) => /code/i.test(m.subject))!.text.match(/\b(\d{6})\b/)![1];

/** Provokes each mail with `name` in every user-controlled place; returns the raw mails and their count by kind. */
export async function provokeEveryMail(name: string, n: number) {
  const trap = mailTrap();
  const sent: string[] = [];
  /** Kinds whose hostile value was refused with 400 (names are single lines), so no mail could carry it. */
  const refused: string[] = [];
  const watch = async (kind: string, fn: () => Promise<unknown>) => {
    const before = trap.raws.length;
    const outcome = await fn();
    if (trap.raws.length > before) sent.push(kind);
    else if (outcome === false) refused.push(kind);
  };
  const slug = `mail${n}${Date.now().toString(36)}`;
  const anon = (host: string) => trappedClient(client(host), trap.env);

  // Sign-up: the company name is the confirmation mail's subject.
  await watch("confirm", async () => accepted(await anon(ROOT).json("POST", "/api/v1/portals", { company: name, subdomain: slug, email: `boss@${slug}.test`, password: "password-123" }), "sign-up"));

  const p = await newPortal({ plan: "professional" });
  const admin: Client = trappedClient(p.admin, trap.env);
  accepted(await admin.json("PATCH", "/api/v1/portal/settings", { name }), "portal name");
  accepted(await admin.json("PATCH", "/api/v1/me", { name }), "own name");
  const colleague = await newEmployee(p, "Cole League");
  accepted(await p.admin.json("PATCH", `/api/v1/people/users/${colleague.id}`, { name }), "colleague name");

  await watch("invite", async () => accepted(await admin.json("POST", "/api/v1/people/invitations", { emails: [`invitee@${slug}.test`], text: name }), "invitation"));
  await watch("reset", () => anon(p.host).json("POST", "/api/v1/auth/password/forgot", { email: p.email }));

  // The calendar: sender name, event title/location/description, guest names.
  const senderEmail = `sender@${slug}.test`;
  await watch("sender code", async () => {
    if (!accepted(await admin.json("POST", "/api/v1/calendar/sender", { email: senderEmail, name, shared: false }), "sender")) {
      expect((await admin.json("POST", "/api/v1/calendar/sender", { email: senderEmail, name: "Plain Sender", shared: false })).status).toBe(201);
    }
  });
  expect((await admin.json("POST", "/api/v1/calendar/sender/confirm", { code: await code(senderEmail) })).status).toBe(200);
  const guestEmail = `guest@${slug}.test`;
  const start = new Date(Date.now() + 2 * 86_400_000);
  const fields = { title: name, location: name, description: name };
  const guest = { email: guestEmail, firstName: name.slice(0, 80), lastName: name.slice(0, 80) };
  const base = { calendarId: await personalCalendarId(p.admin), start: start.toISOString(), end: new Date(start.getTime() + 3_600_000).toISOString(), attendeeIds: [colleague.id], options: { notifyOnDecision: true, guestsSeeAttendees: true } };
  let created = { status: 0, body: null as any };
  await watch("guest invite", async () => {
    created = await admin.json("POST", "/api/v1/calendar/events", { ...base, ...fields, guests: [guest] });
    if (created.status === 400) created = await admin.json("POST", "/api/v1/calendar/events", { ...base, title: "Plain", guests: [{ email: guestEmail, firstName: "Gus" }] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
  });
  const eventId = created.body.event.id as string;
  await watch("guest update", async () => accepted(await admin.json("PATCH", `/api/v1/calendar/events/${eventId}`, { title: `${name} (moved)`, location: "Room 2" }), "update"));

  // The guest answers: the organizer's notice carries the guest's name and the title in its subject.
  const link = (await mailbox(guestEmail)).flatMap((m) => m.links).find((l) => l.includes("/g/"))!;
  await watch("guest answer", async () => {
    const res = await anon(p.host).json("POST", new URL(link).pathname, { answer: "decline" });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });

  // Reminders and the chat digest run in Durable Objects; they are called here with the trap's bindings.
  const tenantId = (await shardOf(p.shard).prepare("SELECT tenant_id FROM users WHERE id = ?").bind(p.adminId).first<{ tenant_id: string }>())!.tenant_id;
  await watch("reminder", () => fireReminder(trap.env as unknown as Env, p.adminId, { tenantId, eventId, minutes: 15 }));
  const chat = await p.admin.json("POST", "/api/v1/chats", { type: "group", title: name.slice(0, 120), memberIds: [colleague.id] });
  if (chat.status !== 201) {
    expect(chat.status, JSON.stringify(chat.body)).toBe(400);
    refused.push("chat digest");
  } else {
    expect((await p.admin.json("POST", `/api/v1/chats/${chat.body.chat.id}/messages`, { clientId: `m${slug}`, text: name })).status).toBe(201);
    await watch("chat digest", () => sendChatDigest(trap.env as unknown as Env, { tenantId, userId: colleague.id }, { [chat.body.chat.id]: 1 }, null));
  }
  await watch("guest cancel", async () => accepted(await admin.json("DELETE", `/api/v1/calendar/events/${eventId}`), "cancel"));
  return { raws: trap.raws, sent, refused };
}

/** The decoded body of each base64 MIME part with its content type (text, html, the .ics). */
export function mimeParts(raw: string): { type: string; headers: string[]; body: string }[] {
  const out: { type: string; headers: string[]; body: string }[] = [];
  for (const part of raw.split(/\r\n--[A-Za-z0-9]+(?:--)?(?=\r\n|$)/).slice(1)) {
    const chunk = part.replace(/^\r\n/, "");
    const at = chunk.indexOf("\r\n\r\n");
    if (at < 0) continue;
    const headers = chunk.slice(0, at).replace(/\r\n[ \t]+/g, " ").split("\r\n");
    const type = headers.find((h) => /^content-type:/i.test(h))?.slice(13).trim() ?? "";
    if (type.startsWith("multipart/")) continue;
    const bytes = Uint8Array.from(atob(chunk.slice(at + 4).replace(/\s+/g, "")), (c) => c.charCodeAt(0));
    out.push({ type, headers, body: new TextDecoder().decode(bytes) });
  }
  return out;
}
