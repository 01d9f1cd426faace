import { inList } from "../../../db/lists";
import { and, eq, sql, or, lt } from "drizzle-orm";
import { users } from "../../../db/schema/people";
import { seatChanges } from "../../../db/schema/portal";
import type { ActorContext, ServiceContext } from "../../context";
import { PLAN_LIMITS } from "./plans";
import { conflict, badRequest } from "../../lib/errors";
import { dayIn, nowIso } from "../../lib/time";
import { notifyAdmins } from "../notifications/service";

export const seatLimit = (ctx: ServiceContext) => PLAN_LIMITS[ctx.tenant.plan].businessUsers;

/**
 * A holder keeps access while they are within the plan's first N holders (by grant time).
 * After a downgrade the newest holders are locked, never deleted (PLAN-6).
 */
export async function hasEffectiveSeat(ctx: ServiceContext, user: { id: string; businessUser: boolean; seatGrantedAt: string | null }) {
  if (!user.businessUser || !user.seatGrantedAt) return false;
  const ahead = await ctx.db
    .select({ n: sql<number>`count(*)` })
    .from(users)
    .where(
      and(
        eq(users.tenantId, ctx.tenant.id),
        eq(users.businessUser, true),
        or(lt(users.seatGrantedAt, user.seatGrantedAt), and(eq(users.seatGrantedAt, user.seatGrantedAt), lt(users.id, user.id))),
      ),
    )
    .get();
  return (ahead?.n ?? 0) < seatLimit(ctx);
}

/** The same rule for the signed-in actor, from what the session lookup already counted. */
export function actorHasSeat(ctx: ServiceContext, actor: { businessUser: boolean; seatGrantedAt: string | null; seatsAhead: number }) {
  return actor.businessUser && actor.seatGrantedAt !== null && actor.seatsAhead < seatLimit(ctx);
}

/** Grants a seat only while one is free; a single statement, so two sign-ins cannot both take the last one. */
export async function grantSeatIfFree(ctx: ServiceContext, userId: string): Promise<boolean> {
  const res = await ctx.env[`SHARD_${ctx.tenant.shard}`]!
    .prepare(
      `UPDATE users SET business_user = 1, seat_granted_at = ?1
       WHERE tenant_id = ?2 AND id = ?3 AND business_user = 0
         AND (SELECT count(*) FROM users WHERE tenant_id = ?2 AND business_user = 1) < ?4`,
    )
    .bind(nowIso(), ctx.tenant.id, userId, seatLimit(ctx))
    .run();
  return res.meta.changes > 0;
}

/** PLAN-5: tell the administrators once per user that someone could not get a seat. */
export async function notifySeatDenied(ctx: ServiceContext, user: { id: string; name: string; seatDeniedNotifiedAt: string | null }) {
  if (user.seatDeniedNotifiedAt) return;
  await ctx.db.update(users).set({ seatDeniedNotifiedAt: nowIso() }).where(and(eq(users.tenantId, ctx.tenant.id), eq(users.id, user.id)));
  await notifyAdmins(ctx, "seats_exhausted", { userId: user.id, userName: user.name, limit: seatLimit(ctx) });
}

export async function seatOverview(ctx: ServiceContext) {
  const holders = await ctx.db
    .select({ id: users.id, name: users.name, email: users.email, status: users.status, position: users.position, businessUser: users.businessUser, seatGrantedAt: users.seatGrantedAt })
    .from(users)
    .where(and(eq(users.tenantId, ctx.tenant.id), or(eq(users.status, "active"), eq(users.businessUser, true))))
    .orderBy(users.name)
    .all();
  const limit = seatLimit(ctx);
  const seatHolders = holders.filter((u) => u.businessUser).sort((a, b) => (a.seatGrantedAt ?? "").localeCompare(b.seatGrantedAt ?? "") || a.id.localeCompare(b.id));
  const lockedIds = new Set(seatHolders.slice(limit).map((u) => u.id));
  const changedToday = await ctx.db
    .select()
    .from(seatChanges)
    .where(and(eq(seatChanges.tenantId, ctx.tenant.id), eq(seatChanges.day, dayIn(ctx.tenant.settings.timeZone))))
    .get();
  const wouldBe = holders.filter((u) => u.status === "active" && !u.businessUser).length;
  return {
    limit,
    used: seatHolders.length,
    active: holders.filter((u) => u.status === "active").map((u) => ({ ...u, locked: lockedIds.has(u.id) })),
    pendingHolders: seatHolders.filter((u) => u.status === "invited" || u.status === "pending_approval"),
    dismissedHolders: seatHolders.filter((u) => u.status === "dismissed"),
    usersWithoutSeat: wouldBe,
    overLimit: seatHolders.length > limit || (wouldBe > 0 && seatHolders.length >= limit),
    changedToday: Boolean(changedToday),
  };
}

/** Replaces the list of active business users; allowed once per calendar day in the portal's time zone. */
export async function setBusinessUsers(ctx: ActorContext, userIds: string[]) {
  const ids = [...new Set(userIds)];
  const limit = seatLimit(ctx);
  const active = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.tenantId, ctx.tenant.id), eq(users.status, "active"), ids.length ? inList(users.id, ids) : sql`0`))
    .all();
  if (active.length !== ids.length) throw badRequest("Only active users of this portal can hold a seat.", "invalid_user", "userIds");
  const otherHolders = await ctx.db
    .select({ n: sql<number>`count(*)` })
    .from(users)
    .where(and(eq(users.tenantId, ctx.tenant.id), eq(users.businessUser, true), sql`${users.status} <> 'active'`))
    .get();
  const taken = (otherHolders?.n ?? 0) + ids.length;
  if (taken > limit) {
    throw conflict("seat_limit", `Your plan has ${limit} business seats; ${otherHolders?.n ?? 0} are held by pending or dismissed users.`, "userIds");
  }
  const day = dayIn(ctx.tenant.settings.timeZone);
  const now = nowIso();
  const t = ctx.tenant.id;
  try {
    await ctx.db.batch([
      ctx.db.insert(seatChanges).values({ tenantId: t, day, actorId: ctx.actor.id, changedAt: now }),
      ctx.db.update(users).set({ businessUser: false, seatGrantedAt: null }).where(and(eq(users.tenantId, t), eq(users.status, "active"), ids.length ? sql`${users.id} NOT IN ${ids}` : sql`1`)),
      ...(ids.length
        ? [ctx.db.update(users).set({ businessUser: true, seatGrantedAt: sql`coalesce(${users.seatGrantedAt}, ${now})` }).where(and(eq(users.tenantId, t), inList(users.id, ids)))]
        : []),
    ]);
  } catch (e) {
    if (String(e).includes("UNIQUE") || String((e as { cause?: unknown }).cause).includes("UNIQUE")) {
      throw conflict("once_per_day", "The list of business users can be changed once a day. Try again tomorrow.");
    }
    throw e;
  }
}

/** Frees the seat of a pending invitee or a dismissed user (PLAN-4); not a change of the active list. */
export async function freeSeat(ctx: ServiceContext, userId: string) {
  const res = await ctx.db
    .update(users)
    .set({ businessUser: false, seatGrantedAt: null })
    .where(and(eq(users.tenantId, ctx.tenant.id), eq(users.id, userId), eq(users.businessUser, true), sql`${users.status} <> 'active'`))
    .returning({ id: users.id })
    .all();
  return res.length > 0;
}
