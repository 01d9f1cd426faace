import { eq } from "drizzle-orm";
import { controlDb, dbFor } from "../db/client";
import { tenants } from "../db/schema/control";
import type { Env } from "../worker/env";

/** Whose UserHub this is. */
export type HubIdentity = { tenantId: string; userId: string };

/** The shard database of the hub's portal, or null when the portal is gone. (Not stored in the hub: a restore may move the portal.) */
export async function shardDbOf(env: Env, who: HubIdentity) {
  const tenant = await controlDb(env).select({ shard: tenants.shard }).from(tenants).where(eq(tenants.id, who.tenantId)).get();
  return tenant ? dbFor(env, tenant) : null;
}
