import { lt, or, isNotNull } from "drizzle-orm";
import { shardBindings, shardDb } from "../db/client";
import { sessions, linkTokens, loginAttempts } from "../db/schema/auth";
import type { Env } from "./env";

/**
 * The hourly sweep: expired sessions and link tokens, stale sign-in counters. Digests and reminders
 * are not here: each user's UserHub fires its own alarms.
 */
export async function sweep(env: Env, now = new Date()) {
  const iso = now.toISOString();
  const dayAgo = now.getTime() - 86_400_000;
  const results = await Promise.all(
    shardBindings(env).map(async (binding) => {
      const db = shardDb(binding);
      const [s, t, a] = await db.batch([
        db.delete(sessions).where(lt(sessions.expiresAt, iso)).returning({ h: sessions.tokenHash }),
        db.delete(linkTokens).where(or(lt(linkTokens.expiresAt, iso), isNotNull(linkTokens.usedAt))).returning({ h: linkTokens.tokenHash }),
        db.delete(loginAttempts).where(lt(loginAttempts.windowStart, dayAgo)).returning({ k: loginAttempts.key }),
      ]);
      return { sessions: s.length, linkTokens: t.length, loginAttempts: a.length };
    }),
  );
  return results.reduce((sum, r) => ({ sessions: sum.sessions + r.sessions, linkTokens: sum.linkTokens + r.linkTokens, loginAttempts: sum.loginAttempts + r.loginAttempts }), { sessions: 0, linkTokens: 0, loginAttempts: 0 });
}
