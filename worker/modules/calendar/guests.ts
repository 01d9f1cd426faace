import { inList } from "../../../db/lists";
import { and, eq } from "drizzle-orm";
import { eventGuests, eventGuestTokens, calendarSenders } from "../../../db/schema/calendar";
import { users } from "../../../db/schema/people";
import type { ServiceContext } from "../../context";
import { randomToken, sha256Hex } from "../../lib/crypto";
import { nowIso } from "../../lib/time";
import { sendMail } from "../../lib/mail";
import { buildIcs, type IcsPerson } from "../../lib/ics";
import { guestMail } from "../../lib/guest-mail";
import type { EventRow } from "./event-view";

export type GuestRow = typeof eventGuests.$inferSelect;
export type SenderRow = typeof calendarSenders.$inferSelect;
export type GuestMailKind = "invite" | "update" | "cancel";

/** The people an invitation lists: the organizer's team and guests only if guests may see them. */
async function icsAttendees(ctx: ServiceContext, event: EventRow, guest: GuestRow, allGuests: GuestRow[], attendeeIds: string[]): Promise<IcsPerson[]> {
  const me: IcsPerson = { name: `${guest.firstName} ${guest.lastName}`.trim(), email: guest.email, status: guest.status };
  if (!event.options.guestsSeeAttendees) return [me];
  const colleagues = attendeeIds.length
    ? await ctx.db.select({ name: users.name, email: users.email }).from(users).where(and(eq(users.tenantId, ctx.tenant.id), inList(users.id, attendeeIds))).all()
    : [];
  const others = allGuests.filter((g) => g.id !== guest.id).map((g) => ({ name: `${g.firstName} ${g.lastName}`.trim(), email: g.email, status: g.status }));
  return [me, ...others, ...colleagues.map((c) => ({ name: c.name, email: c.email, status: "accepted" as const }))];
}

/**
 * CAL-3 mails to guests: an invitation or update (METHOD:REQUEST) or a cancellation (METHOD:CANCEL),
 * always with the same UID and the event's current SEQUENCE, and a fresh link to the guest page.
 */
export async function mailGuests(ctx: ServiceContext, event: EventRow, kind: GuestMailKind, guests: GuestRow[], sender: { name: string; email: string }, attendeeIds: string[], allGuests: GuestRow[]) {
  const occurrence = event.recurrenceStartUtc ? new Date(event.recurrenceStartUtc) : null;
  for (const guest of guests) {
    const token = randomToken(32);
    if (kind !== "cancel") {
      await ctx.db.insert(eventGuestTokens).values({ tokenHash: await sha256Hex(token), tenantId: ctx.tenant.id, guestId: guest.id, eventId: event.parentId ?? event.id, createdAt: nowIso() });
    }
    const link = `${ctx.origin}/g/${token}`;
    const ics = buildIcs(kind === "cancel" ? "CANCEL" : "REQUEST", [
      {
        uid: event.uid,
        sequence: event.sequence,
        title: event.title,
        description: event.description,
        location: event.location,
        start: new Date(event.startUtc),
        end: new Date(event.endUtc),
        timeZone: event.timeZone,
        allDay: event.allDay,
        rrule: event.rrule,
        exdates: event.exdates,
        status: kind === "cancel" ? "cancelled" : "confirmed",
        url: kind === "cancel" ? undefined : link,
        organizer: { name: sender.name, email: sender.email },
        attendees: await icsAttendees(ctx, event, guest, allGuests, attendeeIds),
        updatedAt: new Date(event.updatedAt),
        recurrenceId: occurrence,
      },
    ]);
    const content = guestMail(ctx.tenant.settings.defaultLanguage, kind, { event, guest, link, organizer: sender.name, portal: ctx.tenant.name });
    await sendMail(ctx, {
      to: guest.email,
      ...content,
      fromName: `${sender.name} (${ctx.tenant.name})`,
      replyTo: { name: sender.name, addr: sender.email },
      attachments: [{ filename: kind === "cancel" ? "cancel.ics" : "invite.ics", contentType: `text/calendar; method=${kind === "cancel" ? "CANCEL" : "REQUEST"}`, content: ics }],
    });
    await ctx.db.update(eventGuests).set({ mailedSequence: event.sequence }).where(and(eq(eventGuests.tenantId, ctx.tenant.id), eq(eventGuests.id, guest.id)));
  }
}

/** Removing a guest revokes every link they were sent. */
export function revokeGuestStatements(ctx: ServiceContext, guestIds: string[]) {
  const now = nowIso();
  return [
    ctx.db.update(eventGuests).set({ removedAt: now }).where(and(eq(eventGuests.tenantId, ctx.tenant.id), inList(eventGuests.id, guestIds))),
    ctx.db.delete(eventGuestTokens).where(and(eq(eventGuestTokens.tenantId, ctx.tenant.id), inList(eventGuestTokens.guestId, guestIds))),
  ] as const;
}
