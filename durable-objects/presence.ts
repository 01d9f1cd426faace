import { and, eq } from "drizzle-orm";
import { controlDb, dbFor } from "../db/client";
import { tenants } from "../db/schema/control";
import { users } from "../db/schema/people";
import type { Env } from "../worker/env";

/** While a user has an open tab their UserHub refreshes last_seen_at this often; presence reads it (online < 5 min). */
export const PRESENCE_EVERY_MS = 4 * 60_000;
export const PRESENCE_ID = "presence";

export async function markSeen(env: Env, who: { tenantId: string; userId: string }) {
  const tenant = await controlDb(env).select({ shard: tenants.shard }).from(tenants).where(eq(tenants.id, who.tenantId)).get();
  if (!tenant) return;
  await dbFor(env, tenant)
    .update(users)
    .set({ lastSeenAt: new Date().toISOString() })
    .where(and(eq(users.tenantId, who.tenantId), eq(users.id, who.userId)));
}
