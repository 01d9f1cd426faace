/**
 * Per-portal backup of a Durable Object's SQLite (kontor export/import, worker/modules/ops/). Generic
 * over the object's own tables, read from sqlite_master, so a table added later is backed up without
 * touching this file. Left out: internal tables (SQLite's sqlite_*, Cloudflare's _cf_*, and Miniflare's
 * __miniflare_* that `wrangler dev` adds with the object's name), virtual (FTS) tables and
 * their shadow tables (the content table's triggers fill them again on import), and a class's
 * ephemeral tables (live call participants belong to sockets that do not survive a restore).
 */

/** Cell values travel as JSON; a BLOB becomes { $b64 }. */
export type StateValue = string | number | null | { $b64: string };
export interface StateRow {
  t: string;
  r: Record<string, StateValue>;
}
/** Where the next page starts: the table and the last rowid (or row offset for WITHOUT ROWID tables) sent. */
export interface StateCursor {
  table: string;
  after: number;
}
export interface StatePage {
  rows: StateRow[];
  next: StateCursor | null;
}

/** ChatRoom's `call` holds the connections of a call in progress: meaningless without those sockets. */
export const CHAT_EPHEMERAL_TABLES = ["call"] as const;

const PAGE_BYTES = 1_000_000;
const PAGE_ROWS = 200;
const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
const internal = (name: string) => name.startsWith("sqlite_") || name.startsWith("_cf_") || name.startsWith("__miniflare");

interface TableDef {
  name: string;
  rowid: boolean;
}

function tables(sql: SqlStorage, skip: readonly string[] = []): TableDef[] {
  const all = sql.exec<{ name: string; sql: string | null }>("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").toArray();
  const virtual = all.filter((t) => /^\s*CREATE\s+VIRTUAL\s+TABLE/i.test(t.sql ?? "")).map((t) => t.name);
  return all
    .filter((t) => !internal(t.name) && !skip.includes(t.name))
    .filter((t) => !virtual.some((v) => t.name === v || t.name.startsWith(`${v}_`)))
    .map((t) => ({ name: t.name, rowid: !/WITHOUT\s+ROWID\s*$/i.test(t.sql ?? "") }));
}

function encode(v: SqlStorageValue): StateValue {
  if (v instanceof ArrayBuffer) {
    let s = "";
    for (const b of new Uint8Array(v)) s += String.fromCharCode(b);
    return { $b64: btoa(s) };
  }
  return v as string | number | null;
}

function decode(v: StateValue): SqlStorageValue {
  if (v !== null && typeof v === "object") return Uint8Array.from(atob(v.$b64), (c) => c.charCodeAt(0)).buffer;
  return v;
}

/** One page of rows (about 1 MB at most, so an RPC answer stays small), tables by name, rows by rowid. */
export function exportStatePage(sql: SqlStorage, cursor: StateCursor | null, skip: readonly string[] = []): StatePage {
  const defs = tables(sql, skip);
  const rows: StateRow[] = [];
  let bytes = 0;
  let i = cursor ? defs.findIndex((d) => d.name === cursor.table) : 0;
  if (i < 0) throw new Error(`exportState: no table ${cursor?.table}`);
  let after = cursor?.after ?? null;
  for (; i < defs.length; i++) {
    const { name, rowid } = defs[i];
    for (;;) {
      const page = rowid
        ? sql.exec<Record<string, SqlStorageValue>>(`SELECT rowid AS "__k", * FROM ${q(name)} WHERE ?1 IS NULL OR rowid > ?1 ORDER BY rowid LIMIT ?2`, after, PAGE_ROWS).toArray()
        : sql.exec<Record<string, SqlStorageValue>>(`SELECT ?1 + row_number() OVER () AS "__k", * FROM (SELECT * FROM ${q(name)} LIMIT ?2 OFFSET ?1)`, after ?? 0, PAGE_ROWS).toArray();
      for (const raw of page) {
        const { __k, ...rest } = raw;
        const r: Record<string, StateValue> = {};
        for (const [k, v] of Object.entries(rest)) r[k] = encode(v);
        rows.push({ t: name, r });
        bytes += JSON.stringify(r).length;
        after = __k as number;
        if (bytes >= PAGE_BYTES) return { rows, next: { table: name, after } };
      }
      if (page.length < PAGE_ROWS) break;
    }
    after = null;
  }
  return { rows, next: null };
}

/**
 * Inserts one page of rows in one transaction. `fresh` (the first page) refuses an object that already
 * holds data: an import only ever fills an empty object. Unknown tables or columns fail loudly.
 */
export function importStateRows(storage: DurableObjectStorage, rows: StateRow[], fresh: boolean, skip: readonly string[] = []) {
  const sql = storage.sql;
  const known = new Map(tables(sql, skip).map((d) => [d.name, sql.exec(`SELECT * FROM ${q(d.name)} LIMIT 0`).columnNames]));
  if (fresh) {
    for (const name of known.keys()) {
      if (sql.exec(`SELECT 1 FROM ${q(name)} LIMIT 1`).toArray().length) throw new Error(`not_empty: this object already holds data (table ${name})`);
    }
  }
  storage.transactionSync(() => {
    for (const { t, r } of rows) {
      const columns = known.get(t);
      if (!columns) throw new Error(`unknown_table: ${t} does not exist in this object`);
      const names = Object.keys(r);
      const missing = names.find((n) => !columns.includes(n));
      if (missing) throw new Error(`unknown_column: ${t}.${missing} does not exist in this object`);
      sql.exec(`INSERT INTO ${q(t)} (${names.map(q).join(", ")}) VALUES (${names.map((_, k) => `?${k + 1}`).join(", ")})`, ...names.map((n) => decode(r[n])));
    }
  });
}

/** Empties every table (ephemeral ones too), rebuilds full-text indexes and drops the alarm: undoes a failed import. */
export async function clearStateTables(storage: DurableObjectStorage) {
  const sql = storage.sql;
  const fts = sql.exec<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%'").toArray();
  storage.transactionSync(() => {
    for (const d of tables(sql)) sql.exec(`DELETE FROM ${q(d.name)}`);
    for (const { name } of fts) sql.exec(`INSERT INTO ${q(name)} (${q(name)}) VALUES ('rebuild')`);
  });
  await storage.deleteAlarm();
}
