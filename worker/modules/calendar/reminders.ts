import { and, eq } from "drizzle-orm";
import { controlDb, dbFor } from "../../../db/client";
import { tenants } from "../../../db/schema/control";
import { eventAttendees, events } from "../../../db/schema/calendar";
import { users } from "../../../db/schema/people";
import type { ServiceContext } from "../../context";
import type { Env } from "../../env";
import { userHub } from "../../lib/hubs";
import { toTenant } from "../../middleware/tenant";
import { sendMail } from "../../lib/mail";
import { formatWhen } from "../../lib/guest-mail";
import { nextOccurrence } from "./recurrence";
import type { EventRow } from "./event-view";

export interface ReminderPayload {
  tenantId: string;
  eventId: string;
  minutes: number;
  [key: string]: string | number;
}

const reminderId = (eventId: string, minutes: number) => `event:${eventId}:${minutes}`;

/** The next start at or after `after` (the event itself, or its series' next occurrence). */
function nextStart(e: EventRow, after: Date): Date | null {
  if (!e.rrule) return Date.parse(e.startUtc) >= after.getTime() ? new Date(e.startUtc) : null;
  return nextOccurrence(e.rrule, new Date(e.startUtc), e.timeZone, after);
}

async function participants(ctx: ServiceContext, e: EventRow): Promise<string[]> {
  const rows = await ctx.db
    .select({ userId: eventAttendees.userId, status: eventAttendees.status })
    .from(eventAttendees)
    .where(and(eq(eventAttendees.tenantId, ctx.tenant.id), eq(eventAttendees.eventId, e.id)))
    .all();
  return [...new Set([e.organizerId, ...rows.filter((r) => r.status !== "declined").map((r) => r.userId)])];
}

/** Arms each participant's UserHub for the next reminder of the event (one schedule item per lead time). */
export async function scheduleReminders(ctx: ServiceContext, e: EventRow, previous?: { userIds: string[]; minutes: number[] }) {
  if (previous) await unscheduleReminders(ctx, e.id, previous.userIds, previous.minutes);
  if (e.status !== "confirmed") return;
  const people = await participants(ctx, e);
  const now = Date.now();
  await Promise.all(
    e.reminders.flatMap((minutes) => {
      const start = nextStart(e, new Date(now + minutes * 60_000));
      if (!start) return [];
      const payload: ReminderPayload = { tenantId: ctx.tenant.id, eventId: e.id, minutes };
      return people.map((u) => userHub(ctx.env, ctx.tenant.id, u).schedule(reminderId(e.id, minutes), start.getTime() - minutes * 60_000, "event.reminder", payload, { tenantId: ctx.tenant.id, userId: u }));
    }),
  );
}

export async function unscheduleReminders(ctx: ServiceContext, eventId: string, userIds: string[], minutes: number[]) {
  await Promise.all(userIds.flatMap((u) => minutes.map((m) => userHub(ctx.env, ctx.tenant.id, u).unschedule(reminderId(eventId, m)))));
}

export async function reminderAudience(ctx: ServiceContext, e: EventRow) {
  return { userIds: await participants(ctx, e), minutes: e.reminders };
}

/**
 * Runs inside a UserHub when a reminder is due: mails the user and returns the in-app notification
 * and, for a series, when the next reminder should fire.
 */
export async function fireReminder(env: Env, userId: string, p: ReminderPayload) {
  const row = await controlDb(env).select().from(tenants).where(eq(tenants.id, p.tenantId)).get();
  if (!row) return null;
  const tenant = toTenant(row);
  const db = dbFor(env, tenant);
  const e = await db.select().from(events).where(and(eq(events.tenantId, tenant.id), eq(events.id, p.eventId))).get();
  const user = await db.select().from(users).where(and(eq(users.tenantId, tenant.id), eq(users.id, userId), eq(users.status, "active"))).get();
  if (!e || e.status !== "confirmed" || !user) return null;
  const start = nextStart(e, new Date(Date.now() - 60_000));
  if (!start) return null;
  const duration = Date.parse(e.endUtc) - Date.parse(e.startUtc);
  const when = formatWhen(user.language, { ...e, startUtc: start.toISOString(), endUtc: new Date(start.getTime() + duration).toISOString() });
  const ctx: ServiceContext = { env, db, tenant, requestId: "reminder", ip: "", origin: `https://${tenant.slug}.${env.ROOT_DOMAIN}` };
  const de = user.language === "de";
  await sendMail(ctx, {
    to: user.email,
    subject: de ? `Erinnerung: ${e.title}` : `Reminder: ${e.title}`,
    text: `${e.title}\n${when}${e.location ? `\n${e.location}` : ""}`,
    html: `<!doctype html><html><body style="font-family:system-ui,sans-serif"><h3>${e.title.replace(/</g, "&lt;")}</h3><p>${when}</p></body></html>`,
  });
  const following = e.rrule ? nextStart(e, new Date(start.getTime() + 60_000)) : null;
  return {
    notification: { type: "calendar.reminder", data: { eventId: e.id, title: e.title, start: start.toISOString(), minutes: p.minutes } },
    next: following ? following.getTime() - p.minutes * 60_000 : null,
  };
}
