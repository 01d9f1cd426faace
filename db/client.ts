import { drizzle } from "drizzle-orm/d1";
import * as controlSchema from "./schema/control";
import * as shardSchema from "./schema/shard";
import type { Env } from "../worker/env";

export type ControlDb = ReturnType<typeof controlDb>;
export type ShardDb = ReturnType<typeof shardDb>;

export const controlDb = (env: Env) => drizzle(env.CONTROL, { schema: controlSchema });

export function shardDb(binding: D1Database) {
  return drizzle(binding, { schema: shardSchema });
}

/** Every configured shard binding, in index order. */
export function shardBindings(env: Env): D1Database[] {
  const out: D1Database[] = [];
  for (let i = 0; ; i++) {
    const b = env[`SHARD_${i}`];
    if (!b) return out;
    out.push(b);
  }
}

/** The database holding a tenant's data. Services never pick a binding themselves. */
export function dbFor(env: Env, tenant: { shard: number }): ShardDb {
  const binding = env[`SHARD_${tenant.shard}`];
  if (!binding) throw new Error(`Shard ${tenant.shard} is not configured`);
  return shardDb(binding);
}
