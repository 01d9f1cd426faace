import { and, eq, gt, sql } from "drizzle-orm";
import { sessions } from "../../../db/schema/auth";
import { users } from "../../../db/schema/people";
import type { ServiceContext, Actor } from "../../context";
import { preparedOnce, type ShardDb } from "../../../db/client";
import { randomToken, sha256Hex } from "../../lib/crypto";
import { nowIso } from "../../lib/time";

const SESSION_DAYS = 30;

export async function createSession(ctx: ServiceContext, userId: string, stage: "full" | "totp") {
  const token = randomToken(32);
  const now = new Date();
  const ttlMs = stage === "totp" ? 10 * 60_000 : SESSION_DAYS * 86_400_000;
  await ctx.db.insert(sessions).values({
    tokenHash: await sha256Hex(token),
    tenantId: ctx.tenant.id,
    userId,
    stage,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + ttlMs).toISOString(),
  });
  return { token, maxAge: ttlMs / 1000 };
}

export interface SessionInfo {
  stage: "full" | "totp";
  actor: Actor;
  user: typeof users.$inferSelect;
}


/** A session counts only for an active user of this tenant, and only until it expires. */
const sessionWithUser = preparedOnce((db: ShardDb) =>
  db
    .select({
      s: sessions,
      u: users,
      // Seat holders granted before this user: with it, "has a business seat" needs no second query.
      seatsAhead: sql<number>`(SELECT count(*) FROM users AS ahead WHERE ahead.tenant_id = ${users.tenantId} AND ahead.business_user = 1
        AND (ahead.seat_granted_at < ${users.seatGrantedAt} OR (ahead.seat_granted_at = ${users.seatGrantedAt} AND ahead.id < ${users.id})))`,
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.tenantId, sessions.tenantId), eq(users.id, sessions.userId)))
    .where(and(eq(sessions.tokenHash, sql.placeholder("tokenHash")), eq(sessions.tenantId, sql.placeholder("tenantId")), gt(sessions.expiresAt, sql.placeholder("now")), eq(users.status, "active")))
    .prepare(),
);

export async function readSession(ctx: ServiceContext, token: string): Promise<SessionInfo | null> {
  const tokenHash = await sha256Hex(token);
  const row = await sessionWithUser(ctx.db).get({ tokenHash, tenantId: ctx.tenant.id, now: nowIso() });
  if (!row) return null;
  const u = row.u;
  return {
    stage: row.s.stage,
    user: u,
    actor: {
      id: u.id,
      name: u.name,
      email: u.email,
      role: u.role,
      language: u.language,
      timeZone: u.timeZone,
      businessUser: u.businessUser,
      seatGrantedAt: u.seatGrantedAt,
      seatsAhead: row.seatsAhead,
      lastSeenAt: u.lastSeenAt,
      totpEnabled: u.totpEnabled,
      sessionHash: tokenHash,
    },
  };
}

export async function endSession(ctx: ServiceContext, tokenHash: string) {
  await ctx.db.delete(sessions).where(and(eq(sessions.tenantId, ctx.tenant.id), eq(sessions.tokenHash, tokenHash)));
}

export function endAllSessionsStatement(ctx: ServiceContext, userId: string) {
  return ctx.db.delete(sessions).where(and(eq(sessions.tenantId, ctx.tenant.id), eq(sessions.userId, userId)));
}
