import { Hono } from "hono";
import { z } from "zod";
import { and, eq } from "drizzle-orm";
import { users } from "../../../db/schema/people";
import type { AppEnv } from "../../context";
import { validate } from "../../lib/validate";
import { actorCtx } from "../../lib/http";
import { notFound } from "../../lib/errors";
import { chatRoom } from "../../lib/rooms";
import { requireAdmin, requireSession } from "../../middleware/session";
import { memberAccess } from "../chat/access";

const countSchema = z.object({ count: z.number().int().min(1).max(2_000_000) }).strict();

/**
 * Bulk data for local benchmarks (100 000 posts, 1 000 000 messages). Exists only with the local
 * dev tools switch (DEV_MAILBOX=1) and only for a portal's administrator.
 */
export const devSeedRoutes = new Hono<AppEnv>()
  .use(async (c, next) => {
    if (c.env.DEV_MAILBOX !== "1") throw notFound("Endpoint");
    return next();
  })
  .use(requireSession, requireAdmin)
  .post("/feed", validate("json", countSchema), async (c) => {
    const ctx = actorCtx(c);
    const { count } = c.req.valid("json");
    const binding = ctx.env[`SHARD_${ctx.tenant.shard}`]!;
    const t = ctx.tenant.id;
    const authors = (await ctx.db.select({ id: users.id }).from(users).where(and(eq(users.tenantId, t), eq(users.status, "active"))).all()).map((u) => u.id);
    const batch = `seed-${Date.now().toString(36)}-`;
    for (let done = 0; done < count; done += 50_000) {
      const n = Math.min(50_000, count - done);
      await binding.batch([
        binding
          .prepare(
            // D1 binds numbers as REAL; the CASTs keep ids and JSON paths integral.
            `INSERT INTO feed_posts (tenant_id, id, author_id, type, title, text, attachments, created_at)
             WITH RECURSIVE n(i) AS (SELECT CAST(?4 AS INTEGER) + 1 UNION ALL SELECT i + 1 FROM n WHERE i < CAST(?4 AS INTEGER) + CAST(?1 AS INTEGER))
             SELECT ?2, ?3 || i, json_extract(?5, '$[' || (i % json_array_length(?5)) || ']'), 'post', '', '<p>Seeded post ' || i || '</p>', '[]',
                    strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || (CAST(?6 AS INTEGER) - i) || ' seconds')
             FROM n`,
          )
          .bind(n, t, batch, done, JSON.stringify(authors), count),
        binding.prepare(`INSERT INTO feed_audience (tenant_id, post_id, key) SELECT tenant_id, id, 'all' FROM feed_posts WHERE tenant_id = ?1 AND id LIKE ?2 || '%' AND id NOT IN (SELECT post_id FROM feed_audience WHERE tenant_id = ?1 AND post_id LIKE ?2 || '%')`).bind(t, batch),
      ]);
    }
    return c.json({ ok: true, count }, 201);
  })
  .post("/chats/:id/messages", validate("json", countSchema), async (c) => {
    const ctx = actorCtx(c);
    const chatId = c.req.param("id");
    await memberAccess(ctx, chatId);
    const result = await chatRoom(ctx.env, ctx.tenant.id, chatId).devSeed(c.req.valid("json").count, [ctx.actor.id]);
    return c.json(result, 201);
  });
