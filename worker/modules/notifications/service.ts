import { and, eq } from "drizzle-orm";
import { users } from "../../../db/schema/people";
import type { ActorContext, ServiceContext } from "../../context";
import { newId } from "../../lib/crypto";
import { nowIso } from "../../lib/time";
import { userHub } from "../../lib/hubs";
import { decodeCursor, encodeCursor } from "../../lib/cursor";
import type { JsonValue } from "../../../durable-objects/protocol";

/** Notifications live in each user's UserHub, their single writer, which pushes them to open tabs. */
export async function notify(ctx: ServiceContext, userIds: string[], type: string, data: Record<string, JsonValue>) {
  const createdAt = nowIso();
  await Promise.all([...new Set(userIds)].map((userId) => userHub(ctx.env, ctx.tenant.id, userId).addNotification({ id: newId(), type, data, createdAt })));
}

export async function notifyAdmins(ctx: ServiceContext, type: string, data: Record<string, JsonValue>) {
  const admins = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.tenantId, ctx.tenant.id), eq(users.role, "admin"), eq(users.status, "active")))
    .all();
  await notify(ctx, admins.map((a) => a.id), type, data);
}

export async function listNotifications(ctx: ActorContext, cursor: string | undefined, limit: number) {
  const before = cursor ? decodeCursor(cursor, 2) : null;
  const page = await userHub(ctx.env, ctx.tenant.id, ctx.actor.id).listNotifications(before ? { createdAt: before[0], id: before[1] } : null, limit);
  return { items: page.items, unread: page.unread, nextCursor: page.next ? encodeCursor([page.next.createdAt, page.next.id]) : null };
}

export async function markRead(ctx: ActorContext, ids: string[] | "all") {
  return userHub(ctx.env, ctx.tenant.id, ctx.actor.id).markRead(ids);
}

export async function counters(ctx: ActorContext) {
  return userHub(ctx.env, ctx.tenant.id, ctx.actor.id).counters();
}
