import { and, eq } from "drizzle-orm";
import { eventAttendees, eventGuests, eventGuestTokens, events } from "../../../db/schema/calendar";
import { users } from "../../../db/schema/people";
import type { ActorContext, ServiceContext } from "../../context";
import { AppError, notFound } from "../../lib/errors";
import { sha256Hex } from "../../lib/crypto";
import { nowIso } from "../../lib/time";
import { sendMail } from "../../lib/mail";
import { notify } from "../notifications/service";
import { eventDetail } from "./event-write";
import { findEvent } from "./event-view";

/** CAL-2: an attendee accepts, declines or answers maybe; the organizer hears it live. */
export async function respond(ctx: ActorContext, id: string, answer: "accepted" | "declined" | "maybe") {
  const e = await findEvent(ctx, id);
  const seriesId = e.parentId ?? e.id;
  const res = await ctx.db
    .update(eventAttendees)
    .set({ status: answer, respondedAt: nowIso() })
    .where(and(eq(eventAttendees.tenantId, ctx.tenant.id), eq(eventAttendees.eventId, seriesId), eq(eventAttendees.userId, ctx.actor.id)))
    .returning()
    .all();
  if (!res.length) throw notFound("Event");
  if (e.organizerId !== ctx.actor.id) {
    await notify(ctx, [e.organizerId], "calendar.answer", { eventId: seriesId, title: e.title, userId: ctx.actor.id, userName: ctx.actor.name, answer });
  }
  return eventDetail(ctx, e);
}

export type GuestLink =
  | { state: "ok"; guest: typeof eventGuests.$inferSelect; event: typeof events.$inferSelect; organizerName: string }
  | { state: "expired"; event: typeof events.$inferSelect }
  | { state: "invalid" };

/**
 * CAL-4: a link is valid for one guest of one event of this portal, until the event is over.
 * Removed guests lose every link; another portal's host finds nothing.
 */
export async function resolveGuestLink(ctx: ServiceContext, token: string): Promise<GuestLink> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { state: "invalid" };
  const row = await ctx.db
    .select({ guest: eventGuests, event: events, organizerName: users.name })
    .from(eventGuestTokens)
    .innerJoin(eventGuests, and(eq(eventGuests.tenantId, eventGuestTokens.tenantId), eq(eventGuests.id, eventGuestTokens.guestId)))
    .innerJoin(events, and(eq(events.tenantId, eventGuestTokens.tenantId), eq(events.id, eventGuestTokens.eventId)))
    .leftJoin(users, and(eq(users.tenantId, events.tenantId), eq(users.id, events.organizerId)))
    .where(and(eq(eventGuestTokens.tokenHash, await sha256Hex(token)), eq(eventGuestTokens.tenantId, ctx.tenant.id)))
    .get();
  if (!row || row.guest.removedAt) return { state: "invalid" };
  const ends = row.event.untilUtc ? Date.parse(row.event.untilUtc) : Infinity;
  if (ends < Date.now()) return { state: "expired", event: row.event };
  return { state: "ok", guest: row.guest, event: row.event, organizerName: row.organizerName ?? "" };
}

/** A guest's answer (POST only); it can be changed later. The organizer is notified live and, if they chose, by mail. */
export async function guestAnswer(ctx: ServiceContext, token: string, answer: "accept" | "decline") {
  const link = await resolveGuestLink(ctx, token);
  if (link.state === "invalid") throw new AppError(404, "invalid_link", "This invitation link is not valid.");
  if (link.state === "expired") throw new AppError(410, "expired", "This event is over.");
  if (link.event.status === "cancelled") throw new AppError(409, "cancelled", "This event was cancelled.");
  const status = answer === "accept" ? "accepted" : "declined";
  await ctx.db.update(eventGuests).set({ status, respondedAt: nowIso() }).where(and(eq(eventGuests.tenantId, ctx.tenant.id), eq(eventGuests.id, link.guest.id)));
  const who = `${link.guest.firstName} ${link.guest.lastName}`.trim();
  await notify(ctx, [link.event.organizerId], "calendar.guest_answer", { eventId: link.event.id, title: link.event.title, guestName: who, guestEmail: link.guest.email, answer: status });
  if (link.event.options.notifyOnDecision) {
    const organizer = await ctx.db.select().from(users).where(and(eq(users.tenantId, ctx.tenant.id), eq(users.id, link.event.organizerId))).get();
    if (organizer) {
      const de = organizer.language === "de";
      const verb = status === "accepted" ? (de ? "hat zugesagt" : "accepted") : de ? "hat abgesagt" : "declined";
      const text = `${who} (${link.guest.email}) ${verb}: ${link.event.title}`;
      await sendMail(ctx, { to: organizer.email, subject: text, text, html: `<!doctype html><html><body style="font-family:system-ui,sans-serif"><p>${text.replace(/</g, "&lt;")}</p></body></html>` });
    }
  }
  return { ...link, guest: { ...link.guest, status } };
}

