import { and, eq } from "drizzle-orm";
import { users } from "../db/schema/people";
import type { Env } from "../worker/env";
import { shardDbOf, type HubIdentity } from "./hub-identity";

/** While a user has an open tab their UserHub refreshes last_seen_at this often; presence reads it (online < 5 min). */
export const PRESENCE_EVERY_MS = 4 * 60_000;
export const PRESENCE_ID = "presence";

export async function markSeen(env: Env, who: HubIdentity) {
  const db = await shardDbOf(env, who);
  await db
    ?.update(users)
    .set({ lastSeenAt: new Date().toISOString() })
    .where(and(eq(users.tenantId, who.tenantId), eq(users.id, who.userId)));
}
