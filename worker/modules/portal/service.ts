import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { controlDb, dbFor, shardBindings } from "../../../db/client";
import { tenants } from "../../../db/schema/control";
import { users, departments } from "../../../db/schema/people";
import type { Env } from "../../env";
import type { ActorContext, ServiceContext, Tenant } from "../../context";
import { conflict, forbidden, badRequest } from "../../lib/errors";
import { newId, randomToken } from "../../lib/crypto";
import { hashPassword } from "../../lib/password";
import { isValidCidr } from "../../lib/ip";
import { nowIso } from "../../lib/time";
import { sendMail } from "../../lib/mail";
import { confirmMail } from "../../lib/mail-templates";
import { toTenant } from "../../middleware/tenant";
import { newLinkToken } from "../auth/link-tokens";
import { PLAN_LIMITS, type Plan } from "./plans";
import { DEFAULT_SETTINGS, type portalSignupSchema, type portalSettingsPatchSchema } from "./schemas";
import { auditStatement } from "./audit";
import { notifyAdmins } from "../notifications/service";

const RESERVED = new Set(["www", "api", "app", "admin", "mail", "smtp", "dev", "static", "assets", "kontor", "help", "status", "root"]);

/** New portals go to the shard holding the fewest, so every configured shard is used. */
async function pickShard(env: Env): Promise<number> {
  const counts = await controlDb(env).select({ shard: tenants.shard, n: sql<number>`count(*)` }).from(tenants).groupBy(tenants.shard).all();
  const byShard = new Map(counts.map((r) => [r.shard, r.n]));
  const shards = shardBindings(env).map((_, i) => i);
  return shards.reduce((best, i) => ((byShard.get(i) ?? 0) < (byShard.get(best) ?? 0) ? i : best), 0);
}

/** PORTAL-1: a portal, its administrator and the company's root department; the e-mail is confirmed by link. */
export async function createPortal(env: Env, input: z.infer<typeof portalSignupSchema>, origin: { protocol: string; host: string }, requestId: string, ip: string) {
  if (RESERVED.has(input.subdomain)) throw conflict("subdomain_taken", "This address is reserved. Choose another.", "subdomain");
  const control = controlDb(env);
  const tenantId = newId();
  const shard = await pickShard(env);
  const language = input.language ?? "en";
  const settings = { ...DEFAULT_SETTINGS, defaultLanguage: language, contactEmail: input.email };
  try {
    await control.insert(tenants).values({ id: tenantId, slug: input.subdomain, name: input.company, plan: "free", shard, status: "pending", settings, createdAt: nowIso() });
  } catch (e) {
    if (String((e as Error).cause ?? e).includes("UNIQUE")) throw conflict("subdomain_taken", "This address is already taken. Choose another.", "subdomain");
    throw e;
  }
  const tenant: Tenant = toTenant((await control.select().from(tenants).where(eq(tenants.id, tenantId)).get())!);
  const portalOrigin = `${origin.protocol}//${input.subdomain}.${origin.host}`;
  const ctx: ServiceContext = { env, db: dbFor(env, tenant), tenant, requestId, ip, origin: portalOrigin };
  const adminId = newId();
  const rootDepartmentId = newId();
  const now = nowIso();
  const { token, insert } = await newLinkToken(ctx, "confirm_email", adminId);
  try {
    await ctx.db.batch([
      ctx.db.insert(departments).values({ tenantId, id: rootDepartmentId, name: input.company, parentId: null, headUserId: adminId, createdAt: now }),
      ctx.db.insert(users).values({
        tenantId, id: adminId, email: input.email, name: input.name ?? input.email.split("@")[0], role: "admin", status: "active",
        emailConfirmed: false, language, departmentId: rootDepartmentId, passwordHash: await hashPassword(input.password), createdAt: now,
      }),
      insert,
      auditStatement(ctx, adminId, "portal_created", tenantId),
    ]);
  } catch (e) {
    await control.delete(tenants).where(eq(tenants.id, tenantId));
    throw e;
  }
  await sendMail(ctx, { to: input.email, ...confirmMail(language, input.company, `${portalOrigin}/confirm?token=${token}`) });
  return { slug: input.subdomain, url: portalOrigin, shard };
}

export async function activatePortal(env: Env, tenantId: string) {
  await controlDb(env).update(tenants).set({ status: "active" }).where(eq(tenants.id, tenantId));
}

export function publicPortal(tenant: Tenant) {
  const s = tenant.settings;
  return {
    slug: tenant.slug,
    name: tenant.name,
    plan: tenant.plan,
    hasLogo: Boolean(s.hasLogo),
    defaultLanguage: s.defaultLanguage,
    timeZone: s.timeZone,
    dateFormat: s.dateFormat,
    timeFormat: s.timeFormat,
    registrationOpen: s.registration.enabled,
  };
}

/** PORTAL-3 settings, checked against the plan: a paid feature on a free plan is refused, not dropped. */
export async function updateSettings(ctx: ActorContext, patch: z.infer<typeof portalSettingsPatchSchema>) {
  const limits = PLAN_LIMITS[ctx.tenant.plan];
  if (patch.workSchedule && !limits.workSchedule) throw forbidden("plan_limit", "The work schedule is available on paid plans.");
  if (patch.invitationText && !limits.customInvitationText) throw forbidden("plan_limit", "Custom invitation text is available on paid plans.");
  const badCidr = patch.ipAllowList?.find((e) => !isValidCidr(e));
  if (badCidr) throw badRequest(`"${badCidr}" is not an IP address or range.`, "validation", "ipAllowList");
  if (patch.workSchedule && patch.workSchedule.start >= patch.workSchedule.end) throw badRequest("The work day must end after it starts.", "validation", "workSchedule");
  const { name, ...settingsPatch } = patch;
  const settings = { ...ctx.tenant.settings, ...settingsPatch };
  if (settings.registration.enabled && !settings.registrationToken) settings.registrationToken = randomToken(18);
  await controlDb(ctx.env).update(tenants).set({ settings, ...(name ? { name } : {}) }).where(eq(tenants.id, ctx.tenant.id));
  await auditStatement(ctx, ctx.actor.id, "settings_changed", ctx.tenant.id, { keys: Object.keys(patch) });
  ctx.tenant.settings = settings;
  if (name) ctx.tenant.name = name;
  return settings;
}

export async function regenerateRegistrationLink(ctx: ActorContext) {
  const settings = { ...ctx.tenant.settings, registrationToken: randomToken(18) };
  await controlDb(ctx.env).update(tenants).set({ settings }).where(eq(tenants.id, ctx.tenant.id));
  ctx.tenant.settings = settings;
  return settings.registrationToken;
}

/** PLAN-6: the new limits apply at once; a downgrade only locks what is over the limit. */
export async function changePlan(ctx: ActorContext, plan: Plan) {
  await ctx.db.batch([auditStatement(ctx, ctx.actor.id, "plan_changed", ctx.tenant.id, { from: ctx.tenant.plan, to: plan })]);
  await controlDb(ctx.env).update(tenants).set({ plan }).where(eq(tenants.id, ctx.tenant.id));
  ctx.tenant.plan = plan;
  // PLAN-5: holders beyond the new limit lose the business tools now; the administrators hear of it at once.
  const limit = PLAN_LIMITS[plan].businessUsers;
  const holders = (await ctx.db.select({ n: sql<number>`count(*)` }).from(users).where(and(eq(users.tenantId, ctx.tenant.id), eq(users.businessUser, true))).get())?.n ?? 0;
  if (holders > limit) await notifyAdmins(ctx, "seats_over_limit", { plan, limit, holders });
}

export async function setLogoFlag(ctx: ActorContext, hasLogo: boolean) {
  const settings = { ...ctx.tenant.settings, hasLogo };
  await controlDb(ctx.env).update(tenants).set({ settings }).where(eq(tenants.id, ctx.tenant.id));
}
