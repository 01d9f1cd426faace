import { and, eq, sql } from "drizzle-orm";
import { loginAttempts } from "../../../db/schema/auth";
import type { ServiceContext } from "../../context";
import { tooMany } from "../../lib/errors";

const WINDOW_MS = 15 * 60_000;
const MAX_FAILURES = 5;

/** Checked before any password hashing, which costs CPU. Keys: the e-mail and the client IP. */
export async function assertNotLimited(ctx: ServiceContext, keys: string[]) {
  const since = Date.now() - WINDOW_MS;
  for (const key of keys) {
    const row = await ctx.db.select().from(loginAttempts).where(and(eq(loginAttempts.tenantId, ctx.tenant.id), eq(loginAttempts.key, key))).get();
    if (row && row.windowStart > since && row.failures >= MAX_FAILURES) {
      throw tooMany("Too many failed sign-in attempts. Wait 15 minutes and try again.");
    }
  }
}

export async function recordFailure(ctx: ServiceContext, keys: string[]) {
  const now = Date.now();
  const since = now - WINDOW_MS;
  await ctx.db.batch(
    keys.map((key) =>
      ctx.db
        .insert(loginAttempts)
        .values({ tenantId: ctx.tenant.id, key, windowStart: now, failures: 1 })
        .onConflictDoUpdate({
          target: [loginAttempts.tenantId, loginAttempts.key],
          set: {
            failures: sql`CASE WHEN ${loginAttempts.windowStart} > ${since} THEN ${loginAttempts.failures} + 1 ELSE 1 END`,
            windowStart: sql`CASE WHEN ${loginAttempts.windowStart} > ${since} THEN ${loginAttempts.windowStart} ELSE ${now} END`,
          },
        }),
    ) as [never, ...never[]],
  );
}

export async function clearFailures(ctx: ServiceContext, keys: string[]) {
  for (const key of keys) await ctx.db.delete(loginAttempts).where(and(eq(loginAttempts.tenantId, ctx.tenant.id), eq(loginAttempts.key, key)));
}
