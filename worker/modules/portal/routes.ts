import { Hono } from "hono";
import type { AppEnv } from "../../context";
import { validate } from "../../lib/validate";
import { actorCtx } from "../../lib/http";
import { serveImage, storeImage } from "../../lib/images";
import { requireAdmin } from "../../middleware/session";
import { businessUsersSchema, planChangeSchema, portalSettingsPatchSchema } from "./schemas";
import { changePlan, publicPortal, regenerateRegistrationLink, setLogoFlag, updateSettings } from "./service";
import { freeSeat, seatOverview, setBusinessUsers } from "./seats";
import { PLAN_LIMITS } from "./plans";
import { notFound } from "../../lib/errors";
import { addDomain, listDomains, removeDomain, verifyDomain } from "./domains";
import { customDomainSchema } from "./schemas";

const logoKey = (tenantId: string) => `t/${tenantId}/portal/logo`;

/** Settings as the administrator sees them (everything), or as an employee does (the public part). */
function settingsView(c: Parameters<typeof actorCtx>[0]) {
  const ctx = actorCtx(c);
  const base = { portal: publicPortal(ctx.tenant), limits: PLAN_LIMITS[ctx.tenant.plan] };
  if (ctx.actor.role !== "admin") return base;
  const { registrationToken, hasLogo: _h, ...settings } = ctx.tenant.settings;
  return { ...base, settings, registrationUrl: registrationToken ? `${ctx.origin}/join?token=${registrationToken}` : null };
}

/** Logo without a session: the sign-in page shows it. */
export const portalPublicRoutes = new Hono<AppEnv>()
  .get("/logo", async (c) => {
    const ctx = c.get("ctx");
    if (!ctx.tenant.settings.hasLogo) throw notFound("Logo");
    return serveImage(ctx.env.FILES, logoKey(ctx.tenant.id));
  })
  /** What a signed-out page may know: the sign-in page shows the name, the logo and the portal's language. */
  .get("/public", (c) => {
    const { tenant } = c.get("ctx");
    return c.json({ portal: { name: tenant.name, hasLogo: Boolean(tenant.settings.hasLogo), defaultLanguage: tenant.settings.defaultLanguage } }, 200);
  });

export const portalRoutes = new Hono<AppEnv>()
  .get("/", (c) => c.json(settingsView(c), 200))
  .patch("/settings", requireAdmin, validate("json", portalSettingsPatchSchema), async (c) => {
    await updateSettings(actorCtx(c), c.req.valid("json"));
    return c.json(settingsView(c), 200);
  })
  .post("/registration-link", requireAdmin, async (c) => {
    await regenerateRegistrationLink(actorCtx(c));
    return c.json(settingsView(c), 200);
  })
  .put("/plan", requireAdmin, validate("json", planChangeSchema), async (c) => {
    await changePlan(actorCtx(c), c.req.valid("json").plan);
    return c.json(settingsView(c), 200);
  })
  .put("/logo", requireAdmin, async (c) => {
    const ctx = actorCtx(c);
    await storeImage(ctx.env.FILES, logoKey(ctx.tenant.id), c.req.raw);
    await setLogoFlag(ctx, true);
    return c.json({ ok: true }, 200);
  })
  .delete("/logo", requireAdmin, async (c) => {
    const ctx = actorCtx(c);
    await ctx.env.FILES.delete(logoKey(ctx.tenant.id));
    await setLogoFlag(ctx, false);
    return c.json({ ok: true }, 200);
  })
  .get("/business-users", requireAdmin, async (c) => c.json(await seatOverview(c.get("ctx")), 200))
  .put("/business-users", requireAdmin, validate("json", businessUsersSchema), async (c) => {
    const ctx = actorCtx(c);
    await setBusinessUsers(ctx, c.req.valid("json").userIds);
    return c.json(await seatOverview(ctx), 200);
  })
  .delete("/business-users/:userId", requireAdmin, async (c) => {
    const ctx = actorCtx(c);
    if (!(await freeSeat(ctx, c.req.param("userId")))) throw notFound("Seat holder");
    return c.json(await seatOverview(ctx), 200);
  })
  .get("/domains", requireAdmin, async (c) => c.json({ items: await listDomains(actorCtx(c)) }, 200))
  .post("/domains", requireAdmin, validate("json", customDomainSchema), async (c) => c.json({ domain: await addDomain(actorCtx(c), c.req.valid("json").hostname) }, 201))
  .post("/domains/:hostname/verify", requireAdmin, async (c) => c.json({ domain: await verifyDomain(actorCtx(c), c.req.param("hostname")) }, 200))
  .delete("/domains/:hostname", requireAdmin, async (c) => {
    await removeDomain(actorCtx(c), c.req.param("hostname"));
    return c.json({ ok: true }, 200);
  });
