import { inList } from "../../../db/lists";
import { and, eq, or } from "drizzle-orm";
import { calendars, calendarShares } from "../../../db/schema/calendar";
import { users } from "../../../db/schema/people";
import type { ActorContext, ServiceContext } from "../../context";
import { forbidden, notFound, badRequest } from "../../lib/errors";
import { newId, randomToken, sha256Hex } from "../../lib/crypto";
import { nowIso } from "../../lib/time";

export type CalendarRow = typeof calendars.$inferSelect;
export type Access = "owner" | "write" | "read";

/** Each user's personal calendar and the portal's company calendar exist from the first look. */
async function ensureCalendar(ctx: ServiceContext, kind: "personal" | "company", ownerId: string | null, name: string) {
  const where = and(eq(calendars.tenantId, ctx.tenant.id), eq(calendars.kind, kind), ownerId ? eq(calendars.ownerId, ownerId) : eq(calendars.ownerId, ""));
  const found = await ctx.db.select().from(calendars).where(where).get();
  if (found) return found;
  await ctx.db
    .insert(calendars)
    .values({ tenantId: ctx.tenant.id, id: newId(), kind, ownerId: ownerId ?? "", name, color: kind === "company" ? "#059669" : "#2563eb", createdAt: nowIso() })
    .onConflictDoNothing();
  return (await ctx.db.select().from(calendars).where(where).get())!;
}

export const personalCalendar = (ctx: ServiceContext, userId: string, name: string) => ensureCalendar(ctx, "personal", userId, name);
export const companyCalendar = (ctx: ServiceContext) => ensureCalendar(ctx, "company", null, ctx.tenant.name);

/** Calendars the actor sees, with their access: own, company, and shared with them. */
export async function visibleCalendars(ctx: ActorContext): Promise<(CalendarRow & { access: Access })[]> {
  const own = await personalCalendar(ctx, ctx.actor.id, ctx.actor.name);
  const company = ctx.actor.role === "extranet" ? null : await companyCalendar(ctx);
  const shared = await ctx.db
    .select({ c: calendars, access: calendarShares.access })
    .from(calendarShares)
    .innerJoin(calendars, and(eq(calendars.tenantId, calendarShares.tenantId), eq(calendars.id, calendarShares.calendarId)))
    .where(and(eq(calendarShares.tenantId, ctx.tenant.id), eq(calendarShares.userId, ctx.actor.id)))
    .all();
  const out: (CalendarRow & { access: Access })[] = [{ ...own, access: "owner" }];
  if (company) out.push({ ...company, access: ctx.actor.role === "admin" ? "owner" : "read" });
  for (const s of shared) if (!out.some((c) => c.id === s.c.id)) out.push({ ...s.c, access: s.access });
  return out;
}

export async function calendarAccess(ctx: ActorContext, calendarId: string) {
  const cal = (await visibleCalendars(ctx)).find((c) => c.id === calendarId);
  if (!cal) throw notFound("Calendar");
  return cal;
}

export async function writableCalendar(ctx: ActorContext, calendarId: string) {
  const cal = await calendarAccess(ctx, calendarId);
  if (cal.access === "read") throw forbidden("read_only", "You can only read this calendar.");
  return cal;
}

export async function shareCalendar(ctx: ActorContext, calendarId: string, userId: string, access: "read" | "write") {
  const cal = await calendarAccess(ctx, calendarId);
  if (cal.access !== "owner") throw forbidden("not_owner", "Only the owner can share this calendar.");
  if (userId === ctx.actor.id) throw badRequest("You already own this calendar.", "validation", "userId");
  const user = await ctx.db.select({ id: users.id }).from(users).where(and(eq(users.tenantId, ctx.tenant.id), eq(users.id, userId), eq(users.status, "active"))).get();
  if (!user) throw notFound("User");
  await ctx.db
    .insert(calendarShares)
    .values({ tenantId: ctx.tenant.id, calendarId, userId, access })
    .onConflictDoUpdate({ target: [calendarShares.tenantId, calendarShares.calendarId, calendarShares.userId], set: { access } });
}

export async function unshareCalendar(ctx: ActorContext, calendarId: string, userId: string) {
  const cal = await calendarAccess(ctx, calendarId);
  if (cal.access !== "owner") throw forbidden("not_owner", "Only the owner can share this calendar.");
  await ctx.db.delete(calendarShares).where(and(eq(calendarShares.tenantId, ctx.tenant.id), eq(calendarShares.calendarId, calendarId), eq(calendarShares.userId, userId)));
}

/** CAL-5: a private subscription URL; a new one revokes the old. */
export async function rotateFeedToken(ctx: ActorContext, calendarId: string, enabled: boolean) {
  const cal = await calendarAccess(ctx, calendarId);
  if (cal.access === "read") throw forbidden("read_only", "You can only read this calendar.");
  const token = enabled ? randomToken(24) : null;
  await ctx.db.update(calendars).set({ feedTokenHash: token ? await sha256Hex(token) : null }).where(and(eq(calendars.tenantId, ctx.tenant.id), eq(calendars.id, calendarId)));
  return token ? `${ctx.origin}/ical/${token}.ics` : null;
}

export async function calendarByFeedToken(ctx: ServiceContext, token: string) {
  return ctx.db.select().from(calendars).where(and(eq(calendars.tenantId, ctx.tenant.id), eq(calendars.feedTokenHash, await sha256Hex(token)))).get();
}

export async function calendarsByIds(ctx: ServiceContext, ids: string[]) {
  if (!ids.length) return [];
  return ctx.db.select().from(calendars).where(and(eq(calendars.tenantId, ctx.tenant.id), or(inList(calendars.id, ids)))).all();
}
