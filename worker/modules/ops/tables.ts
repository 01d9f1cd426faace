import { AppError } from "../../lib/errors";

/**
 * Which tables of a D1 database belong to a portal, read from sqlite_master (never a hand list): every
 * table with a tenant_id column, plus `tenants` itself in the control database. A table without
 * tenant_id that is not known to be global stops the export: a new table must be classified first.
 */

/** Global by design: migration bookkeeping. (SQLite's sqlite_* and Cloudflare's _cf_* are skipped too.) */
export const KNOWN_GLOBAL = new Set(["d1_migrations"]);

/**
 * Kept out of archives on purpose: session hashes (everyone signs in again after a restore, and a copy
 * of a portal must not accept the original's cookies) and the sign-in rate-limit windows.
 */
export const EPHEMERAL = new Set(["sessions", "login_attempts"]);

export interface TableSpec {
  name: string;
  columns: string[];
  /** Primary-key columns in key order (rowid when the table has none): the export pages along them. */
  key: string[];
}

export const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Every table of the database with its columns and primary key. */
export async function describeTables(db: D1Database): Promise<TableSpec[]> {
  const { results } = await db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all<{ name: string }>();
  const names = results.map((r) => r.name).filter((n) => !n.startsWith("sqlite_") && !n.startsWith("_cf_"));
  if (!names.length) return [];
  const infos = await db.batch<{ name: string; pk: number }>(names.map((n) => db.prepare(`PRAGMA table_info(${q(n)})`)));
  return names.map((name, i) => {
    const cols = infos[i].results;
    const key = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    return { name, columns: cols.map((c) => c.name), key: key.length ? key : ["rowid"] };
  });
}

/** The portal's tables of one database; `where` names it in the error. */
export async function portalTables(db: D1Database, where: "control" | "shard"): Promise<TableSpec[]> {
  const out: TableSpec[] = [];
  for (const t of await describeTables(db)) {
    if (KNOWN_GLOBAL.has(t.name)) continue;
    if (where === "control" && t.name === "tenants") {
      out.push(t);
      continue;
    }
    if (!t.columns.includes("tenant_id")) {
      throw new AppError(409, "unknown_table", `The ${where} table "${t.name}" has no tenant_id and is not known to be global: classify it in worker/modules/ops/tables.ts before exporting.`);
    }
    if (!EPHEMERAL.has(t.name)) out.push(t);
  }
  return out;
}

/** Names of the migrations applied to a database (empty when it keeps no d1_migrations table). */
export async function appliedMigrations(db: D1Database): Promise<string[]> {
  try {
    const { results } = await db.prepare("SELECT name FROM d1_migrations ORDER BY id").all<{ name: string }>();
    return results.map((r) => r.name);
  } catch {
    return [];
  }
}

/** Rows of one table for one tenant, in key order, a page at a time (the key index does the work). */
export async function* tenantRows(db: D1Database, t: TableSpec, tenantId: string, page = 500): AsyncGenerator<Record<string, unknown>> {
  const filter = t.name === "tenants" ? "id" : "tenant_id";
  const keys = t.key.map(q).join(", ");
  const select = t.key[0] === "rowid" ? `rowid AS "__k", *` : "*";
  let last: unknown[] | null = null;
  for (;;) {
    const after: string = last ? ` AND (${keys}) > (${t.key.map(() => "?").join(", ")})` : "";
    const sql = `SELECT ${select} FROM ${q(t.name)} WHERE ${q(filter)} = ?${after} ORDER BY ${keys} LIMIT ${page}`;
    const { results }: D1Result<Record<string, unknown>> = await db.prepare(sql).bind(tenantId, ...(last ?? [])).all<Record<string, unknown>>();
    for (const row of results) {
      const { __k, ...data }: Record<string, unknown> = row;
      yield t.key[0] === "rowid" ? data : row;
      last = t.key.map((k): unknown => (k === "rowid" ? __k : row[k]));
    }
    if (results.length < page) return;
  }
}
