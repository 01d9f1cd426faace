import { Hono } from "hono";
import { and, eq } from "drizzle-orm";
import { users } from "../../../db/schema/people";
import type { AppEnv } from "../../context";
import { validate } from "../../lib/validate";
import { actorCtx } from "../../lib/http";
import { forbidden, notFound } from "../../lib/errors";
import { serveImage, storeImage } from "../../lib/images";
import { requireAdmin } from "../../middleware/session";
import { createUserSchema, inviteSchema, listUsersQuery, updateUserSchema } from "./schemas";
import { approveUser, createUser, dismissUser, findUser, getProfile, listUsers, reactivateUser, removePendingUser, updateUser } from "./users";
import { invite } from "./invitations";

const photoKey = (tenantId: string, userId: string) => `t/${tenantId}/users/${userId}/photo`;

export const peopleRoutes = new Hono<AppEnv>()
  .get("/users", validate("query", listUsersQuery), async (c) => c.json(await listUsers(actorCtx(c), c.req.valid("query")), 200))
  .post("/users", requireAdmin, validate("json", createUserSchema), async (c) => c.json({ user: await createUser(actorCtx(c), c.req.valid("json")) }, 201))
  .get("/users/:id", async (c) => c.json(await getProfile(actorCtx(c), c.req.param("id")), 200))
  .patch("/users/:id", validate("json", updateUserSchema), async (c) => c.json({ user: await updateUser(actorCtx(c), c.req.param("id"), c.req.valid("json")) }, 200))
  .delete("/users/:id", requireAdmin, async (c) => {
    await removePendingUser(actorCtx(c), c.req.param("id"));
    return c.json({ ok: true }, 200);
  })
  .post("/users/:id/dismiss", requireAdmin, async (c) => c.json({ user: await dismissUser(actorCtx(c), c.req.param("id")) }, 200))
  .post("/users/:id/reactivate", requireAdmin, async (c) => c.json({ user: await reactivateUser(actorCtx(c), c.req.param("id")) }, 200))
  .post("/users/:id/approve", requireAdmin, async (c) => c.json({ user: await approveUser(actorCtx(c), c.req.param("id")) }, 200))
  .put("/users/:id/photo", async (c) => {
    const ctx = actorCtx(c);
    const id = c.req.param("id");
    if (id !== ctx.actor.id && ctx.actor.role !== "admin") throw forbidden("admin_only", "You can change only your own photo.");
    await findUser(ctx, id);
    await storeImage(ctx.env.FILES, photoKey(ctx.tenant.id, id), c.req.raw);
    await ctx.db.update(users).set({ hasPhoto: true }).where(and(eq(users.tenantId, ctx.tenant.id), eq(users.id, id)));
    return c.json({ ok: true }, 200);
  })
  .get("/users/:id/photo", async (c) => {
    const ctx = actorCtx(c);
    // USER-2: as with profiles, an extranet user sees no one else.
    if (ctx.actor.role === "extranet" && c.req.param("id") !== ctx.actor.id) throw notFound("User");
    const user = await findUser(ctx, c.req.param("id"));
    return serveImage(ctx.env.FILES, photoKey(ctx.tenant.id, user.id));
  })
  .post("/invitations", requireAdmin, validate("json", inviteSchema), async (c) => c.json(await invite(actorCtx(c), c.req.valid("json")), 201));
