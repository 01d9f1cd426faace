import { and, eq, desc, isNull, inArray, lt, sql } from "drizzle-orm";
import { notifications } from "../../../db/schema/notifications";
import { users } from "../../../db/schema/people";
import type { ActorContext, ServiceContext } from "../../context";
import { newId } from "../../lib/crypto";
import { nowIso } from "../../lib/time";

export async function notify(ctx: ServiceContext, userIds: string[], type: string, data: Record<string, unknown>) {
  if (!userIds.length) return;
  const createdAt = nowIso();
  await ctx.db.insert(notifications).values(userIds.map((userId) => ({ tenantId: ctx.tenant.id, id: newId(), userId, type, data, createdAt })));
}

export async function notifyAdmins(ctx: ServiceContext, type: string, data: Record<string, unknown>) {
  const admins = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.tenantId, ctx.tenant.id), eq(users.role, "admin"), eq(users.status, "active")))
    .all();
  await notify(ctx, admins.map((a) => a.id), type, data);
}

export async function listNotifications(ctx: ActorContext, cursor: string | undefined, limit: number) {
  const rows = await ctx.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.tenantId, ctx.tenant.id), eq(notifications.userId, ctx.actor.id), cursor ? lt(notifications.createdAt, cursor) : undefined))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit + 1)
    .all();
  const unread = await ctx.db
    .select({ n: sql<number>`count(*)` })
    .from(notifications)
    .where(and(eq(notifications.tenantId, ctx.tenant.id), eq(notifications.userId, ctx.actor.id), isNull(notifications.readAt)))
    .get();
  const items = rows.slice(0, limit).map(({ tenantId: _t, userId: _u, ...n }) => n);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1].createdAt : null, unread: unread?.n ?? 0 };
}

export async function markRead(ctx: ActorContext, ids: string[] | "all") {
  await ctx.db
    .update(notifications)
    .set({ readAt: nowIso() })
    .where(and(eq(notifications.tenantId, ctx.tenant.id), eq(notifications.userId, ctx.actor.id), isNull(notifications.readAt), ids === "all" ? undefined : inArray(notifications.id, ids)));
}
