import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";

const e = env as unknown as Record<string, D1Database> & { CONTROL_MIGRATIONS: never; SHARD_MIGRATIONS: never };
await applyD1Migrations(e.CONTROL, e.CONTROL_MIGRATIONS);
await applyD1Migrations(e.SHARD_0, e.SHARD_MIGRATIONS);
await applyD1Migrations(e.SHARD_1, e.SHARD_MIGRATIONS);
