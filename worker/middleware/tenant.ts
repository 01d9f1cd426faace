import { createMiddleware } from "hono/factory";
import { eq, and, sql } from "drizzle-orm";
import { controlDb, dbFor, preparedOnce, type ControlDb } from "../../db/client";
import { tenants, domains } from "../../db/schema/control";
import { DEFAULT_SETTINGS, type PortalSettings } from "../modules/portal/schemas";
import type { AppEnv, Tenant } from "../context";
import { notFound } from "../lib/errors";

export function hostnameOf(hostHeader: string | undefined): string {
  return (hostHeader ?? "").toLowerCase().replace(/:\d+$/, "").replace(/\.$/, "");
}

export type TenantRow = typeof tenants.$inferSelect;
export function toTenant(row: TenantRow): Tenant {
  return { ...row, settings: { ...DEFAULT_SETTINGS, ...(row.settings as Partial<PortalSettings>) } } as Tenant;
}

/** Resolves the portal from the Host header (PORTAL-2): a subdomain of ROOT_DOMAIN or a verified custom domain. */
const tenantBySlug = preparedOnce((db: ControlDb) => db.select().from(tenants).where(eq(tenants.slug, sql.placeholder("slug"))).prepare());
const tenantByDomain = preparedOnce((db: ControlDb) =>
  db
    .select({ t: tenants })
    .from(domains)
    .innerJoin(tenants, eq(domains.tenantId, tenants.id))
    .where(and(eq(domains.hostname, sql.placeholder("hostname")), eq(domains.verified, true)))
    .prepare(),
);

export async function resolveTenant(env: AppEnv["Bindings"], hostname: string): Promise<Tenant | null> {
  const db = controlDb(env);
  const root = env.ROOT_DOMAIN.toLowerCase();
  if (hostname.endsWith(`.${root}`)) {
    const slug = hostname.slice(0, -root.length - 1);
    if (slug.includes(".")) return null;
    const row = await tenantBySlug(db).get({ slug });
    return row ? toTenant(row) : null;
  }
  const row = await tenantByDomain(db).get({ hostname });
  return row && row.t.plan === "professional" ? toTenant(row.t) : null;
}

/** Puts the tenant and a service context on every request; the root host only serves portal sign-up. */
export const tenantMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  const url = new URL(c.req.url);
  const hostname = hostnameOf(url.host);
  if (hostname === c.env.ROOT_DOMAIN.toLowerCase()) {
    c.set("isRootHost", true);
    return next();
  }
  c.set("isRootHost", false);
  const tenant = await resolveTenant(c.env, hostname);
  if (!tenant) throw notFound("Portal");
  c.set("tenant", tenant);
  c.set("ctx", {
    env: c.env,
    db: dbFor(c.env, tenant),
    tenant,
    requestId: c.get("requestId"),
    ip: c.req.header("cf-connecting-ip") ?? "127.0.0.1",
    origin: url.origin,
  });
  return next();
});
