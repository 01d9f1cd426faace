import { drizzle } from "drizzle-orm/d1";
import * as controlSchema from "./schema/control";
import * as shardSchema from "./schema/shard";
import type { Env } from "../worker/env";

export type ControlDb = ReturnType<typeof controlDb>;
export type ShardDb = ReturnType<typeof shardDb>;

// Building a drizzle instance walks the whole schema (relational config); per request that was the
// largest single cost of a simple GET. Bindings live as long as the isolate, so one instance each.
const instances = new WeakMap<D1Database, unknown>();
function cached<T>(binding: D1Database, make: () => T): T {
  let db = instances.get(binding) as T | undefined;
  if (!db) {
    db = make();
    instances.set(binding, db);
  }
  return db;
}

export const controlDb = (env: Env) => cached(env.CONTROL, () => drizzle(env.CONTROL, { schema: controlSchema }));

export function shardDb(binding: D1Database) {
  return cached(binding, () => drizzle(binding, { schema: shardSchema }));
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

/**
 * A query built once per database instance and run with placeholders (`sql.placeholder("x")`):
 * drizzle's SQL building costs more CPU than the query itself on the paths every request takes.
 */
export function preparedOnce<Db extends object, Q>(build: (db: Db) => Q): (db: Db) => Q {
  const built = new WeakMap<Db, Q>();
  return (db) => {
    let q = built.get(db);
    if (!q) {
      q = build(db);
      built.set(db, q);
    }
    return q;
  };
}
