import { Hono } from "hono";
import { and, eq } from "drizzle-orm";
import { users } from "../../../db/schema/people";
import type { AppEnv, ActorContext } from "../../context";
import { validate } from "../../lib/validate";
import { actorCtx } from "../../lib/http";
import { MODULES, BUSINESS_MODULES, EXTRANET_MODULES } from "../portal/plans";
import { actorHasSeat } from "../portal/seats";
import { publicPortal } from "../portal/service";
import { touchLastSeen } from "../people/users";
import { changePasswordSchema, updateMeSchema } from "./schemas";
import { changePassword } from "./service";

type UserRow = typeof users.$inferSelect;

/** The contract of GET /api/v1/me: who I am, and what of the portal I may use (built from rows already read). */
export function describeMe(ctx: ActorContext, u: UserRow) {
  const businessUser = actorHasSeat(ctx, ctx.actor);
  const disabled = ctx.tenant.settings.disabledModules;
  const modules = MODULES.filter((m) => !disabled.includes(m)).map((m) => ({
    name: m,
    locked: BUSINESS_MODULES.includes(m) && !businessUser ? ("no_business_seat" as const) : u.role === "extranet" && !EXTRANET_MODULES.includes(m) ? ("extranet" as const) : null,
  }));
  return {
    user: {
      id: u.id, name: u.name, email: u.email, role: u.role, language: u.language, timeZone: u.timeZone, businessUser,
      position: u.position, phone: u.phone, departmentId: u.departmentId, hasPhoto: u.hasPhoto, totpEnabled: u.totpEnabled,
    },
    portal: { ...publicPortal(ctx.tenant), modules: modules.map((m) => m.name), moduleAccess: modules, requireTotp: ctx.tenant.settings.requireTotp },
  };
}

export const meRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const ctx = actorCtx(c);
    // Presence is coarse (a minute), so most requests write nothing.
    if (!ctx.actor.lastSeenAt || Date.now() - Date.parse(ctx.actor.lastSeenAt) > 60_000) c.executionCtx.waitUntil(touchLastSeen(ctx));
    return c.json(describeMe(ctx, c.get("user")), 200);
  })
  .patch("/", validate("json", updateMeSchema), async (c) => {
    const ctx = actorCtx(c);
    const patch = c.req.valid("json");
    const where = and(eq(users.tenantId, ctx.tenant.id), eq(users.id, ctx.actor.id));
    const row = Object.keys(patch).length ? (await ctx.db.update(users).set(patch).where(where).returning().get())! : c.get("user");
    return c.json(describeMe(ctx, row), 200);
  })
  .post("/password", validate("json", changePasswordSchema), async (c) => {
    const { current, password } = c.req.valid("json");
    await changePassword(actorCtx(c), current, password);
    return c.json({ ok: true }, 200);
  });
