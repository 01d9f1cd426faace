import type { Env } from "../../env";
import { notFound } from "../../lib/errors";
import { ArchiveWriter, encodeCell, sha256Hex, toBase64, type R2Entry } from "./archive";
import { appliedMigrations, EPHEMERAL, portalTables, tenantRows } from "./tables";
import { objectFor, objectParts } from "./objects";
import type { StateCursor, StatePage } from "../../../durable-objects/state-export";

const CHUNK = 64 * 1024;

/** A portal's files live under t/<tenantId>/ (calendar attachments, logo, photos: grep FILES.put). */
export const filePrefix = (tenantId: string) => `t/${tenantId}/`;

async function* files(bucket: R2Bucket, prefix: string): AsyncGenerator<R2Entry> {
  let cursor: string | undefined;
  do {
    const page = await bucket.list({ prefix, cursor, include: ["httpMetadata", "customMetadata"] });
    for (const listed of page.objects) {
      const obj = await bucket.get(listed.key);
      if (!obj) continue; // deleted since the listing
      const bytes = new Uint8Array(await obj.arrayBuffer());
      yield { key: listed.key.slice(prefix.length), size: bytes.length, sha256: sha256Hex(bytes), httpMetadata: obj.httpMetadata ?? {}, customMetadata: obj.customMetadata ?? {}, base64: toBase64(bytes) };
    }
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
}

const encodeRow = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, encodeCell(v)]));

/**
 * Everything a portal owns, as an archive (archive.ts) streamed while it is read: the control rows,
 * every tenant row of its shard, its files, and each of its Durable Objects' tables. Tables are
 * discovered before the answer starts, so an unclassified table fails as a proper error response.
 */
export async function exportPortal(env: Env, slug: string) {
  const tenant = await env.CONTROL.prepare("SELECT id, slug, shard FROM tenants WHERE slug = ?").bind(slug).first<{ id: string; slug: string; shard: number }>();
  if (!tenant) throw notFound("Portal");
  const shard = env[`SHARD_${tenant.shard}`];
  if (!shard) throw new Error(`Shard ${tenant.shard} is not configured`);
  const [controlTables, shardTables, controlMigrations, shardMigrations] = await Promise.all([
    portalTables(env.CONTROL, "control"),
    portalTables(shard, "shard"),
    appliedMigrations(env.CONTROL),
    appliedMigrations(shard),
  ]);
  const w = new ArchiveWriter();

  async function* lines(): AsyncGenerator<string> {
    yield w.header({
      exportedAt: new Date().toISOString(),
      source: { tenantId: tenant!.id, slug: tenant!.slug, shard: tenant!.shard },
      migrations: { control: controlMigrations, shard: shardMigrations },
      skipped: [...EPHEMERAL].map((t) => `shard/${t}`),
    });
    for (const [db, where, tables] of [[env.CONTROL, "control", controlTables], [shard!, "shard", shardTables]] as const) {
      for (const t of tables) {
        const part = `${where}/${t.name}`;
        w.part(part);
        for await (const row of tenantRows(db, t, tenant!.id)) yield w.line(part, encodeRow(row));
      }
    }
    w.part("r2");
    for await (const entry of files(env.FILES, filePrefix(tenant!.id))) yield w.line("r2", entry);
    const ids = async (table: string) => (await shard!.prepare(`SELECT id FROM ${table} WHERE tenant_id = ? ORDER BY id`).bind(tenant!.id).all<{ id: string }>()).results.map((r) => r.id);
    for (const part of objectParts(await ids("users"), await ids("chats"))) {
      w.part(part);
      const stub = objectFor(env, tenant!.id, part);
      let cursor: StateCursor | null = null;
      do {
        const page: StatePage = await stub.exportState(cursor);
        for (const row of page.rows) yield w.line(part, row);
        cursor = page.next;
      } while (cursor);
    }
    yield w.manifest();
  }

  const gen = lines();
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      let chunk = "";
      while (chunk.length < CHUNK) {
        const { value, done } = await gen.next();
        if (done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += value;
      }
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await gen.return(undefined);
    },
  });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  return { filename: `${tenant.slug}-${stamp}.kontor.jsonl.gz`, body: stream.pipeThrough(new CompressionStream("gzip") as unknown as ReadableWritablePair<Uint8Array, Uint8Array>) };
}
