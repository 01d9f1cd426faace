import type { Env } from "../../env";
import { AppError, badRequest, conflict } from "../../lib/errors";
import { newId } from "../../lib/crypto";
import { slugSchema } from "../portal/schemas";
import type { Archive, R2Entry } from "./archive";
import { appliedMigrations, describeTables, q, type TableSpec } from "./tables";
import { filePrefix } from "./export";

export interface ImportOptions {
  slug?: string;
  shard?: number;
  /** Always give the portal a fresh tenant id, even when the archive's id is free. */
  newId?: boolean;
  /** Leave the archive's custom domains out (needed when they still belong to the original portal). */
  dropDomains?: boolean;
}

export interface ImportPlan {
  archive: Archive;
  source: { tenantId: string; slug: string; shard: number };
  tenantId: string;
  slug: string;
  shard: number;
  shardDb: D1Database;
  /** Target tables by part name (control/<t>, shard/<t>), as they are in this deployment. */
  tables: Map<string, TableSpec>;
  /** Rewrites the archive's tenant id to the target's in every string (ids are random, so no false hits). */
  remap: <T>(value: T) => T;
}

const mismatch = (message: string) => conflict("schema_mismatch", message);

/**
 * Everything an import checks before its first write: the target address is free (an import only
 * fills a new, empty portal), the shard exists, the archive's schema is known here, custom domains
 * are free, and which tenant id the portal gets (the archive's own if nothing uses it anywhere).
 */
export async function planImport(env: Env, archive: Archive, opts: ImportOptions): Promise<ImportPlan> {
  const source = archive.header.source;
  const parsedSlug = slugSchema.safeParse(opts.slug ?? source.slug);
  if (!parsedSlug.success) throw badRequest(`Portal address: ${parsedSlug.error.issues[0]?.message}.`, "validation", "slug");
  const slug = parsedSlug.data;
  const shard = opts.shard ?? source.shard;
  const shardDb = Number.isInteger(shard) && shard >= 0 ? env[`SHARD_${shard}`] : undefined;
  if (!shardDb) throw badRequest(`Shard ${shard} is not configured in this deployment.`, "validation", "shard");
  if (await env.CONTROL.prepare("SELECT 1 FROM tenants WHERE slug = ?").bind(slug).first()) {
    throw conflict("portal_exists", `A portal with the address "${slug}" already exists. Import only into a new, empty portal: choose another --slug.`, "slug");
  }
  const tenantRows = archive.parts.get("control/tenants") ?? [];
  if (tenantRows.length !== 1 || (tenantRows[0] as { id?: string }).id !== source.tenantId) {
    throw new AppError(422, "archive_corrupt", "The archive's control/tenants part must hold exactly the exported portal.");
  }

  // Schema: every migration the archive saw is applied here, every part's table and column exists.
  const [controlMigrations, shardMigrations, controlTables, shardTables] = await Promise.all([
    appliedMigrations(env.CONTROL), appliedMigrations(shardDb), describeTables(env.CONTROL), describeTables(shardDb),
  ]);
  for (const [where, have, want] of [["control", controlMigrations, archive.header.migrations.control], ["shard", shardMigrations, archive.header.migrations.shard]] as const) {
    const missing = want.filter((m) => !have.includes(m));
    if (missing.length) throw mismatch(`The archive comes from a newer ${where} schema (${missing.join(", ")}); apply the migrations here first.`);
  }
  const tables = new Map<string, TableSpec>();
  for (const t of controlTables) tables.set(`control/${t.name}`, t);
  for (const t of shardTables) tables.set(`shard/${t.name}`, t);
  for (const [part, rows] of archive.parts) {
    if (!part.startsWith("control/") && !part.startsWith("shard/")) continue;
    const t = tables.get(part);
    if (!t || (part !== "control/tenants" && !t.columns.includes("tenant_id"))) throw mismatch(`Table ${part} of the archive is not a portal table here.`);
    const columns = new Set<string>();
    for (const row of rows) for (const c of Object.keys(row as object)) columns.add(c);
    const unknown = [...columns].filter((c) => !t.columns.includes(c));
    if (unknown.length) throw mismatch(`Table ${part} has no column ${unknown.join(", ")} here.`);
  }

  // Custom domains are global: one still held by another portal blocks the import unless left out.
  const hostnames = (archive.parts.get("control/domains") ?? []).map((d) => (d as { hostname: string }).hostname);
  if (hostnames.length && !opts.dropDomains) {
    const taken = await env.CONTROL.prepare("SELECT hostname FROM domains WHERE hostname IN (SELECT value FROM json_each(?))").bind(JSON.stringify(hostnames)).all<{ hostname: string }>();
    if (taken.results.length) {
      throw conflict("domain_taken", `The custom domain ${taken.results.map((r) => r.hostname).join(", ")} belongs to another portal; remove it there or import with --drop-domains.`);
    }
  }
  if (opts.dropDomains) archive.parts.set("control/domains", []);

  const tenantId = !opts.newId && (await idIsFree(env, shardDb, shardTables, source.tenantId)) ? source.tenantId : newId();
  const from = source.tenantId;
  const remap = <T>(value: T): T => (tenantId === from ? value : (deepReplace(value, from, tenantId) as T));
  return { archive, source, tenantId, slug, shard, shardDb, tables, remap };
}

/** The archive's tenant id can be kept when no tenant, shard row or file uses it. */
async function idIsFree(env: Env, shardDb: D1Database, shardTables: TableSpec[], id: string): Promise<boolean> {
  if (await env.CONTROL.prepare("SELECT 1 FROM tenants WHERE id = ?").bind(id).first()) return false;
  const probes = shardTables.filter((t) => t.columns.includes("tenant_id")).map((t) => shardDb.prepare(`SELECT 1 AS x FROM ${q(t.name)} WHERE tenant_id = ? LIMIT 1`).bind(id));
  if (probes.length && (await shardDb.batch(probes)).some((r) => r.results.length)) return false;
  return (await env.FILES.list({ prefix: filePrefix(id), limit: 1 })).objects.length === 0;
}

function deepReplace(value: unknown, from: string, to: string): unknown {
  if (typeof value === "string") return value.includes(from) ? value.replaceAll(from, to) : value;
  if (Array.isArray(value)) return value.map((v) => deepReplace(v, from, to));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepReplace(v, from, to)]));
  return value;
}

export const r2Entries = (plan: ImportPlan) => (plan.archive.parts.get("r2") ?? []) as R2Entry[];
