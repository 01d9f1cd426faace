/**
 * Helpers for tests/api/backup.test.ts. They read D1, R2 and Durable Object storage directly (never
 * through worker/modules/ops), so the round trip is judged by code that is not the code under test.
 */
import { SELF, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { ROOT, readJson, shardOf } from "./helpers";
import type { Env } from "../../worker/env";

export const e = env as unknown as Env;
export const TOKEN = "test-ops-token-0123456789abcdef";
export const OPS = `http://${ROOT}/ops/v1`;
const auth = { authorization: `Bearer ${TOKEN}` };

export async function exportArchive(slug: string): Promise<Uint8Array> {
  const res = await SELF.fetch(`${OPS}/portals/${slug}/export`, { headers: auth });
  expect(res.status, res.status === 200 ? "" : await res.clone().text()).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/gzip");
  return new Uint8Array(await res.arrayBuffer());
}

export async function importArchive(bytes: Uint8Array, query: Record<string, string>) {
  const res = await SELF.fetch(`${OPS}/portals/import?${new URLSearchParams(query)}`, { method: "POST", headers: { ...auth, "content-type": "application/gzip" }, body: new Uint8Array(bytes) });
  return readJson(res);
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([new Uint8Array(bytes)]).stream().pipeThrough(stream as unknown as ReadableWritablePair<Uint8Array, Uint8Array>));
  return new Uint8Array(await out.arrayBuffer());
}

export const unpack = async (bytes: Uint8Array) => new TextDecoder().decode(await pipe(bytes, new DecompressionStream("gzip"))).split("\n").filter(Boolean);
export const pack = async (lines: string[]) => pipe(new TextEncoder().encode(lines.map((l) => `${l}\n`).join("")), new CompressionStream("gzip"));

export async function sha256Hex(text: string) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Recomputes the manifest after a deliberate edit, so the archive passes its checks and fails later. */
export async function resign(lines: string[]): Promise<string[]> {
  const data = lines.slice(1, -1);
  const parts: Record<string, { count: number; text: string }> = {};
  for (const name of Object.keys(JSON.parse(lines[lines.length - 1]).parts)) parts[name] = { count: 0, text: "" };
  for (const l of data) {
    const p = (parts[JSON.parse(l).p] ??= { count: 0, text: "" });
    p.count++;
    p.text += `${l}\n`;
  }
  const manifest: Record<string, { count: number; sha256: string }> = {};
  for (const [name, p] of Object.entries(parts)) manifest[name] = { count: p.count, sha256: await sha256Hex(p.text) };
  return [lines[0], ...data, JSON.stringify({ type: "manifest", parts: manifest })];
}

const ownTables = (names: { name: string; sql: string | null }[]) => {
  const virtual = names.filter((t) => /^CREATE VIRTUAL/i.test(t.sql ?? "")).map((t) => t.name);
  return names.map((t) => t.name).filter((n) => !n.startsWith("sqlite_") && !n.startsWith("_cf_") && !n.startsWith("__miniflare") && n !== "d1_migrations" && !virtual.some((v) => n === v || n.startsWith(`${v}_`)));
};

/** Every table with tenant_id in a D1 database, and that tenant's rows in a stable order. */
export async function tenantData(db: D1Database, tenantId: string): Promise<Record<string, Record<string, unknown>[]>> {
  const tables = ownTables((await db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all<{ name: string; sql: string }>()).results);
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const t of tables.sort()) {
    const cols = (await db.prepare(`PRAGMA table_info("${t}")`).all<{ name: string }>()).results.map((c) => c.name);
    if (!cols.includes("tenant_id")) continue;
    out[t] = (await db.prepare(`SELECT * FROM "${t}" WHERE tenant_id = ? ORDER BY ${cols.map((c) => `"${c}"`).join(", ")}`).bind(tenantId).all()).results;
  }
  return out;
}

/** All files under a portal's prefix: key below the prefix → bytes and content type. */
export async function filesOf(tenantId: string) {
  const prefix = `t/${tenantId}/`;
  const out: Record<string, { bytes: number[]; contentType?: string }> = {};
  const listed = await e.FILES.list({ prefix });
  for (const o of listed.objects) {
    const obj = (await e.FILES.get(o.key))!;
    out[o.key.slice(prefix.length)] = { bytes: [...new Uint8Array(await obj.arrayBuffer())], contentType: obj.httpMetadata?.contentType };
  }
  return out;
}

/** Every own table of a Durable Object, read inside it. */
export async function objectData(ns: { idFromName(name: string): DurableObjectId }, name: string): Promise<Record<string, unknown[]>> {
  // Any of the three classes: runInDurableObject only needs the stub, not its RPC type.
  const namespace = ns as unknown as DurableObjectNamespace;
  const stub = namespace.get(namespace.idFromName(name));
  return runInDurableObject(stub, (_instance: unknown, state: DurableObjectState) => {
    const sql = state.storage.sql;
    const out: Record<string, unknown[]> = {};
    for (const t of ownTables(sql.exec<{ name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'table'").toArray()).sort()) {
      out[t] = sql.exec(`SELECT * FROM "${t}" ORDER BY rowid`).toArray();
    }
    return out;
  });
}

export async function tenantIdOf(slug: string) {
  return (await e.CONTROL.prepare("SELECT id FROM tenants WHERE slug = ?").bind(slug).first<{ id: string }>())?.id ?? null;
}

/** Rows per table in every database and the number of files: "nothing was written" means this is unchanged. */
export async function world() {
  const out: Record<string, number> = {};
  for (const [name, db] of [["control", e.CONTROL], ["shard0", shardOf(0)], ["shard1", shardOf(1)]] as const) {
    const tables = ownTables((await db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all<{ name: string; sql: string }>()).results);
    for (const t of tables) out[`${name}.${t}`] = (await db.prepare(`SELECT count(*) AS n FROM "${t}"`).first<{ n: number }>())!.n;
  }
  let cursor: string | undefined;
  let files = 0;
  do {
    const page = await e.FILES.list({ cursor });
    files += page.objects.length;
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  out.files = files;
  return out;
}

/** The archive's tenant id replaced by the copy's, in every string. */
export function remap<T>(value: T, from: string, to: string): T {
  return JSON.parse(JSON.stringify(value).replaceAll(from, to));
}
