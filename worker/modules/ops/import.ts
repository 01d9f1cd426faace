import type { Env } from "../../env";
import { AppError } from "../../lib/errors";
import type { StateRow } from "../../../durable-objects/state-export";
import { decodeCell, fromBase64, readArchive, sha256Hex } from "./archive";
import { planImport, r2Entries, type ImportOptions, type ImportPlan } from "./import-plan";
import { objectFor, type StateStub } from "./objects";
import { filePrefix } from "./export";
import { q, type TableSpec } from "./tables";

/** One import request holds the whole unpacked archive in memory (a Worker has 128 MB). */
export const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;
/** Rows travel as one JSON parameter per statement (json_each), so a batch is a few statements, not one per row. */
const STATEMENT_BYTES = 512 * 1024;
const BATCH_BYTES = 4 * 1024 * 1024;
const DO_PAGE_BYTES = 1024 * 1024;

type Row = Record<string, unknown>;

/**
 * Verifies the whole archive, plans (no writes until here), then writes: the shard's rows in batches,
 * the files, the Durable Objects, and last the control rows in one batch, which is what makes the
 * portal exist. Any failure before that removes everything written so far and answers 409.
 */
export async function importPortal(env: Env, body: ReadableStream<Uint8Array>, opts: ImportOptions) {
  const archive = await readArchive(body, MAX_UNPACKED_BYTES);
  const plan = await planImport(env, archive, opts);
  const written = { shard: false, files: [] as string[], objects: [] as StateStub[] };
  let stage = "the shard";
  try {
    written.shard = true;
    const rows = await writeTables(plan.shardDb, plan, "shard/");
    stage = "the files";
    await writeFiles(env, plan, written.files);
    stage = "the Durable Objects";
    const objects = await writeObjects(env, plan, written.objects);
    stage = "the control database";
    const control = await writeTables(env.CONTROL, plan, "control/");
    // The portal is live: alarms that were pending in its objects may run again.
    const finished = await Promise.allSettled(written.objects.map((o) => o.finishImport()));
    for (const f of finished) if (f.status === "rejected") console.error(JSON.stringify({ import: plan.slug, finishImport: String(f.reason) }));
    return {
      portal: { id: plan.tenantId, slug: plan.slug, shard: plan.shard, host: `${plan.slug}.${env.ROOT_DOMAIN}` },
      tenantIdRemapped: plan.tenantId !== plan.source.tenantId,
      counts: { rows: rows + control, files: written.files.length, objects },
    };
  } catch (e) {
    const leftover = await cleanup(env, plan, written);
    const reason = e instanceof AppError ? e.message : String((e as Error).message ?? e);
    throw new AppError(409, "import_failed", `The import failed while writing ${stage}: ${reason} ${leftover}`);
  }
}

/** Inserts every part under `prefix` with the tenant id remapped; returns the number of rows. */
async function writeTables(db: D1Database, plan: ImportPlan, prefix: string): Promise<number> {
  const statements: { stmt: D1PreparedStatement; bytes: number }[] = [];
  let count = 0;
  // Parents first (domains reference tenants); foreign keys are checked at each batch's commit.
  const parts = [...plan.archive.parts].sort(([a], [b]) => Number(b === "control/tenants") - Number(a === "control/tenants"));
  for (const [part, records] of parts) {
    if (!part.startsWith(prefix) || !records.length) continue;
    const table = plan.tables.get(part)!;
    const rows = (records as Row[]).map((r) => fixRow(part, plan.remap(r), plan));
    count += rows.length;
    statements.push(...insertStatements(db, table, rows));
  }
  // The control part is a handful of rows: always one batch, so the portal appears all at once.
  for (let i = 0; i < statements.length; ) {
    const batch: D1PreparedStatement[] = [db.prepare("PRAGMA defer_foreign_keys = on")];
    let bytes = 0;
    while (i < statements.length && (batch.length === 1 || bytes + statements[i].bytes <= BATCH_BYTES)) {
      bytes += statements[i].bytes;
      batch.push(statements[i++].stmt);
    }
    await db.batch(batch);
  }
  return count;
}

function fixRow(part: string, row: Row, plan: ImportPlan): Row {
  if (part === "control/tenants") return { ...row, id: plan.tenantId, slug: plan.slug, shard: plan.shard };
  return row;
}

/** INSERT … SELECT json_extract(value, '$[i]') … FROM json_each(?): many rows per bound parameter. */
function insertStatements(db: D1Database, table: TableSpec, rows: Row[]) {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const sql = `INSERT INTO ${q(table.name)} (${columns.map(q).join(", ")}) SELECT ${columns.map((_, i) => `json_extract(value, '$[${i}]')`).join(", ")} FROM json_each(?1)`;
  const out: { stmt: D1PreparedStatement; bytes: number }[] = [];
  let chunk: string[] = [];
  let bytes = 0;
  const flush = () => {
    if (chunk.length) out.push({ stmt: db.prepare(sql).bind(`[${chunk.join(",")}]`), bytes });
    chunk = [];
    bytes = 0;
  };
  for (const row of rows) {
    const cells = columns.map((c) => {
      const v = decodeCell(row[c] ?? null);
      if (v instanceof Uint8Array) throw new AppError(422, "archive_corrupt", `Table ${table.name} holds a BLOB cell; D1 BLOBs are not supported by archive version 1.`);
      return v;
    });
    const json = JSON.stringify(cells);
    if (bytes + json.length > STATEMENT_BYTES) flush();
    chunk.push(json);
    bytes += json.length;
  }
  flush();
  return out;
}

/** Each file is checked against its own size and sha256 before it is stored under the new prefix. */
async function writeFiles(env: Env, plan: ImportPlan, written: string[]) {
  const prefix = filePrefix(plan.tenantId);
  for (const f of r2Entries(plan)) {
    const bytes = fromBase64(f.base64);
    if (bytes.length !== f.size || sha256Hex(bytes) !== f.sha256) throw new AppError(422, "archive_corrupt", `File ${f.key}: its bytes do not match its size and sha256.`);
    const key = prefix + plan.remap(f.key);
    written.push(key);
    await env.FILES.put(key, bytes, { httpMetadata: f.httpMetadata, customMetadata: plan.remap(f.customMetadata) });
  }
}

/** Fills each object in pages; the first page refuses an object that holds data already. */
async function writeObjects(env: Env, plan: ImportPlan, written: StateStub[]): Promise<number> {
  let n = 0;
  for (const [part, records] of plan.archive.parts) {
    if (!part.startsWith("do/")) continue;
    // A fresh tenant id means fresh objects: empty ones need no call. A kept id must prove each is empty.
    if (!records.length && plan.tenantId !== plan.source.tenantId) continue;
    const stub = objectFor(env, plan.tenantId, part);
    const rows = (records as StateRow[]).map((r) => fixObjectRow(part, plan.remap(r), plan));
    let first = true;
    for (let i = 0; first || i < rows.length; first = false) {
      const page: StateRow[] = [];
      let bytes = 0;
      while (i < rows.length && (page.length === 0 || bytes < DO_PAGE_BYTES)) {
        bytes += JSON.stringify(rows[i].r).length;
        page.push(rows[i++]);
      }
      try {
        await stub.importState(page, first);
      } catch (e) {
        const message = (e as Error).message;
        throw new Error(`${part}: ${message}${message.includes("not_empty") ? " (import with --new-id to give the portal fresh objects)" : ""}`);
      }
      if (first) written.push(stub);
    }
    n++;
  }
  return n;
}

/** A chat room remembers its shard; a user hub remembers the portal's address for links in digests. */
function fixObjectRow(part: string, row: StateRow, plan: ImportPlan): StateRow {
  if (row.t !== "meta") return row;
  if (part.startsWith("do/ChatRoom/") && row.r.key === "init") {
    return { t: row.t, r: { ...row.r, value: JSON.stringify({ ...JSON.parse(String(row.r.value)), shard: plan.shard }) } };
  }
  if (part.startsWith("do/UserHub/") && row.r.key === "origin" && plan.slug !== plan.source.slug) {
    try {
      const url = new URL(String(row.r.value));
      if (url.hostname.startsWith(`${plan.source.slug}.`)) url.hostname = plan.slug + url.hostname.slice(plan.source.slug.length);
      return { t: row.t, r: { ...row.r, value: url.origin } };
    } catch {
      return row;
    }
  }
  return row;
}

/** Removes what a failed import wrote (control rows are written last, in one batch, so never half). */
async function cleanup(env: Env, plan: ImportPlan, written: { shard: boolean; files: string[]; objects: StateStub[] }): Promise<string> {
  const problems: string[] = [];
  if (written.shard) {
    const tables = [...plan.tables.entries()].filter(([p, t]) => p.startsWith("shard/") && t.columns.includes("tenant_id")).map(([, t]) => t);
    try {
      await plan.shardDb.batch(tables.map((t) => plan.shardDb.prepare(`DELETE FROM ${q(t.name)} WHERE tenant_id = ?`).bind(plan.tenantId)));
    } catch (e) {
      problems.push(`shard rows of tenant ${plan.tenantId}: ${(e as Error).message}`);
    }
  }
  for (let i = 0; i < written.files.length; i += 1000) {
    await env.FILES.delete(written.files.slice(i, i + 1000)).catch((e: Error) => problems.push(`files: ${e.message}`));
  }
  for (const o of written.objects) await o.clearState().catch((e: Error) => problems.push(`object: ${e.message}`));
  return problems.length ? `Cleaning up failed too, remove by hand: ${problems.join("; ")}.` : "Everything it had written was removed.";
}
