import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context";
import { validate } from "../../lib/validate";
import { actorCtx } from "../../lib/http";
import { counters, listNotifications, markRead } from "./service";

const listQuery = z.object({ cursor: z.string().max(400).optional(), limit: z.coerce.number().int().min(1).max(100).default(30) });
const readSchema = z.object({ ids: z.array(z.string().min(1).max(64)).min(1).max(200) }).strict().or(z.object({ all: z.literal(true) }).strict());

export const notificationRoutes = new Hono<AppEnv>()
  .get("/", validate("query", listQuery), async (c) => {
    const q = c.req.valid("query");
    return c.json(await listNotifications(actorCtx(c), q.cursor, q.limit), 200);
  })
  .post("/read", validate("json", readSchema), async (c) => {
    const body = c.req.valid("json");
    const unread = await markRead(actorCtx(c), "all" in body ? "all" : body.ids);
    return c.json({ ok: true, unread }, 200);
  });

/** The same snapshot UserHub pushes on connect. */
export const counterRoutes = new Hono<AppEnv>().get("/", async (c) => c.json({ counters: await counters(actorCtx(c)) }, 200));
