import { and, eq } from "drizzle-orm";
import { controlDb } from "../../../db/client";
import { domains } from "../../../db/schema/control";
import type { ActorContext } from "../../context";
import type { Env } from "../../env";
import { conflict, forbidden, notFound, badRequest } from "../../lib/errors";
import { randomToken } from "../../lib/crypto";
import { nowIso } from "../../lib/time";
import { PLAN_LIMITS } from "./plans";
import { auditStatement } from "./audit";

export const WELL_KNOWN_PREFIX = "/.well-known/kontor-domain/";

const dto = (d: typeof domains.$inferSelect) => ({ hostname: d.hostname, verified: d.verified, verificationPath: `${WELL_KNOWN_PREFIX}${d.verificationToken}`, createdAt: d.createdAt });

export async function listDomains(ctx: ActorContext) {
  return (await controlDb(ctx.env).select().from(domains).where(eq(domains.tenantId, ctx.tenant.id)).all()).map(dto);
}

/** PORTAL-2: a custom domain on the professional plan; it routes only once verified. */
export async function addDomain(ctx: ActorContext, hostname: string) {
  if (!PLAN_LIMITS[ctx.tenant.plan].customDomain) throw forbidden("plan_limit", "Custom domains are available on the Professional plan.");
  const root = ctx.env.ROOT_DOMAIN.toLowerCase();
  if (hostname === root || hostname.endsWith(`.${root}`)) throw badRequest("Use a domain of your own.", "validation", "hostname");
  const row = { hostname, tenantId: ctx.tenant.id, verified: false, verificationToken: randomToken(24), createdAt: nowIso() };
  try {
    await controlDb(ctx.env).insert(domains).values(row);
  } catch (e) {
    if (String((e as Error).cause ?? e).includes("UNIQUE")) throw conflict("domain_taken", "This domain is already connected to a portal.", "hostname");
    throw e;
  }
  await auditStatement(ctx, ctx.actor.id, "domain_added", hostname);
  return dto(row);
}

export async function removeDomain(ctx: ActorContext, hostname: string) {
  const res = await controlDb(ctx.env).delete(domains).where(and(eq(domains.tenantId, ctx.tenant.id), eq(domains.hostname, hostname.toLowerCase()))).returning().all();
  if (!res.length) throw notFound("Domain");
}

/**
 * The customer points the domain at Kontor (CNAME); Kontor then fetches the well-known path through it.
 * Only a domain that really reaches this deployment answers with its own token.
 */
export async function verifyDomain(ctx: ActorContext, hostname: string) {
  const db = controlDb(ctx.env);
  const row = await db.select().from(domains).where(and(eq(domains.tenantId, ctx.tenant.id), eq(domains.hostname, hostname.toLowerCase()))).get();
  if (!row) throw notFound("Domain");
  const body = await fetch(`https://${row.hostname}${WELL_KNOWN_PREFIX}${row.verificationToken}`, { signal: AbortSignal.timeout(5000) })
    .then((r) => (r.ok ? r.text() : ""))
    .catch(() => "");
  if (body.trim() !== row.verificationToken) throw conflict("verification_failed", `${row.hostname} does not reach Kontor yet. Check its CNAME record and try again.`);
  await db.update(domains).set({ verified: true }).where(eq(domains.hostname, row.hostname));
  return dto({ ...row, verified: true });
}

/** Answers the verification fetch for a pending domain (the request arrives with that Host). */
export async function answerVerification(env: Env, hostname: string, token: string) {
  const row = await controlDb(env).select().from(domains).where(and(eq(domains.hostname, hostname), eq(domains.verificationToken, token))).get();
  return row ? row.verificationToken : null;
}
