/// <reference types="vite/client" />
/**
 * The fuzzer's plumbing: run counts and seed (FUZZ_RUNS / FUZZ_SEED, passed into workerd by
 * tests/vitest.config.ts), field names from the app's zod schemas, row counts of a portal, the
 * checks every answer must pass, and putting the portal back between routes.
 */
import { SELF } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { testEnv, shardOf, type Client } from "./helpers";
import { DEFAULT_SETTINGS } from "../../worker/modules/portal/schemas";

const e = env as unknown as { FUZZ_RUNS?: string; FUZZ_SEED?: string };
/** Runs per route and kind (CI default) or FUZZ_RUNS for the long mode. */
export const runs = (ci: number) => Number(e.FUZZ_RUNS) || ci;
export const LONG = Number(e.FUZZ_RUNS) > 0;
/** Fixed in CI; a long run without FUZZ_SEED explores new inputs (fast-check prints the seed of a failure). */
export const SEED = Number(e.FUZZ_SEED) || (LONG ? Math.floor(Math.random() * 2 ** 31) : 20261125);
if (LONG) console.log(`fuzz: FUZZ_RUNS=${e.FUZZ_RUNS} FUZZ_SEED=${SEED}`);

// ---- field names and enum values from the schemas ---------------------------------------------

const modules = import.meta.glob(["../../worker/modules/*/schemas.ts", "../../durable-objects/protocol.ts"], { eager: true }) as Record<string, Record<string, unknown>>;

type ZodLike = { _zod: { def: Record<string, unknown> } };
const isZod = (v: unknown): v is ZodLike => !!v && typeof v === "object" && "_zod" in v;

/** Every object key, enum value and string literal of every exported schema. */
export function schemaVocabulary() {
  const keys = new Set<string>(["ids", "all", "count", "token", "code"]);
  const queryKeys = new Set<string>(["cursor", "limit", "q", "to", "saved"]);
  const literals = new Set<string>();
  let into = keys;
  const seen = new Set<unknown>();
  const visit = (v: unknown) => {
    if (!isZod(v) || seen.has(v)) return;
    seen.add(v);
    const def = v._zod.def;
    if (def.type === "object") for (const k of Object.keys(def.shape as object)) into.add(k);
    if (def.type === "enum") for (const x of Object.values(def.entries as object)) if (typeof x === "string") literals.add(x);
    if (def.type === "literal") for (const x of def.values as unknown[]) if (typeof x === "string") literals.add(x);
    for (const x of Object.values(def)) {
      if (isZod(x)) visit(x);
      else if (Array.isArray(x)) x.forEach(visit);
      else if (x && typeof x === "object") Object.values(x).forEach(visit);
    }
  };
  // Query schemas are named so (listUsersQuery, feedQuerySchema…); their keys are what query strings use.
  for (const m of Object.values(modules)) for (const [name, v] of Object.entries(m)) (into = /query/i.test(name) ? queryKeys : keys), visit(v);
  return { keys: [...keys].sort(), queryKeys: [...queryKeys].sort(), literals: [...literals].sort() };
}

// ---- what a portal holds ----------------------------------------------------------------------

export interface Footprint {
  tenantId: string;
  shard: D1Database;
  tables: string[];
}

export async function footprint(slug: string, shard: number): Promise<Footprint> {
  const tenantId = (await testEnv.CONTROL.prepare("SELECT id FROM tenants WHERE slug = ?1").bind(slug).first<{ id: string }>())!.id;
  const db = shardOf(shard);
  const rows = await db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%`tenant_id`%' ORDER BY name").all<{ name: string }>();
  const tables = rows.results.map((r) => r.name);
  expect(tables.length).toBeGreaterThan(15);
  return { tenantId, shard: db, tables };
}

/** Rows of every table of the portal's shard (its tenant_id), the control tables, and its files in R2. */
export async function countRows(f: Footprint): Promise<Record<string, number>> {
  const shardSql = `SELECT ${f.tables.map((t) => `(SELECT count(*) FROM "${t}" WHERE tenant_id = ?1) AS "${t}"`).join(", ")}`;
  const [shard, control, files] = await Promise.all([
    f.shard.prepare(shardSql).bind(f.tenantId).first<Record<string, number>>(),
    testEnv.CONTROL.prepare("SELECT (SELECT count(*) FROM tenants) AS tenants, (SELECT count(*) FROM domains) AS domains").first<Record<string, number>>(),
    testEnv.FILES.list({ prefix: `t/${f.tenantId}/` }),
  ]);
  return { ...shard, ...Object.fromEntries(Object.entries(control!).map(([k, v]) => [`control.${k}`, v])), "r2.files": files.objects.length };
}

/** Tables a refused request may write by design: failed sign-ins are counted for the rate limit. */
const REFUSAL_WRITES: Record<string, RegExp> = { login_attempts: /^(invalid_credentials|invalid_code|rate_limited)$/, audit_log: /^ip_not_allowed$/ };

export function changedTables(before: Record<string, number>, after: Record<string, number>, code: string) {
  return Object.keys({ ...before, ...after })
    .filter((t) => before[t] !== after[t] && !REFUSAL_WRITES[t]?.test(code))
    .map((t) => `${t}: ${before[t]} → ${after[t]}`);
}

// ---- one request and its checks ---------------------------------------------------------------

export interface Sent {
  status: number;
  text: string;
  code: string;
}

export async function send(c: Client, method: string, path: string, body: { text: string | null; type: string | null; extra: Record<string, string> }) {
  const headers: Record<string, string> = { origin: `http://${c.host}`, "cf-connecting-ip": "198.51.100.7", ...body.extra };
  if (c.cookie) headers.cookie = c.cookie;
  if (body.type !== null) headers["content-type"] = body.type;
  const hasBody = body.text !== null && method !== "GET" && method !== "HEAD";
  const res = await SELF.fetch(`http://${c.host}${path}`, { method, headers, body: hasBody ? body.text : undefined, redirect: "manual" });
  if (res.webSocket) (res.webSocket.accept(), res.webSocket.close(1000, "fuzz"));
  const text = res.webSocket ? "" : await res.text();
  let code = "";
  try {
    code = String(JSON.parse(text)?.error?.code ?? "");
  } catch {
    /* not JSON */
  }
  return { status: res.status, text, code } satisfies Sent;
}

/** What is wrong with an answer, or null: never a 5xx, and an API refusal is the error envelope. */
export function answerProblem(path: string, res: Sent): string | null {
  if (res.status >= 500) return `${res.status} ${res.text.slice(0, 300)}`;
  if (res.status < 400 || !path.startsWith("/api/")) return null;
  let body: { error?: { code?: unknown; message?: unknown } } | null = null;
  try {
    body = JSON.parse(res.text);
  } catch {
    return `${res.status} without a JSON body: ${res.text.slice(0, 200)}`;
  }
  if (typeof body?.error?.code !== "string" || typeof body.error.message !== "string") return `${res.status} not the error envelope: ${res.text.slice(0, 200)}`;
  return null;
}

/**
 * Sends one request and throws what is wrong with it: a 5xx, a refusal without the envelope, or a
 * refusal that changed a row count (compared with the counts after the previous refusal, or fresh
 * ones after a success, which may write).
 */
export function refusalChecker(f: Footprint) {
  let before: Record<string, number> | null = null;
  return async (c: Client, method: string, path: string, query: string, body: { text: string | null; type: string | null; extra: Record<string, string> }) => {
    before ??= await countRows(f);
    const url = path + query;
    const res = await send(c, method, url, body);
    const what = `${method} ${url.slice(0, 300)} body ${show(body.text)} (${body.type})`;
    const problem = answerProblem(path, res);
    if (problem) throw new Error(`${what}\n→ ${problem}`);
    if (res.status < 400) {
      before = null;
      return res;
    }
    const after = await countRows(f);
    const changed = changedTables(before, after, res.code);
    before = after;
    if (changed.length) throw new Error(`${what}\n→ ${res.status} ${res.code}, yet wrote: ${changed.join(", ")}`);
    return res;
  };
}

/** A short, printable form of what was sent (huge strings cut). */
export const show = (s: string | null) => (s === null ? "(no body)" : s.length > 300 ? `${JSON.stringify(s.slice(0, 200))}… (${s.length} chars)` : JSON.stringify(s));

// ---- back to a known state between routes -----------------------------------------------------

export async function tenantRow(tenantId: string) {
  return (await testEnv.CONTROL.prepare("SELECT name, plan, status, settings FROM tenants WHERE id = ?1").bind(tenantId).first<Record<string, string>>())!;
}

/**
 * Undoes what a fuzzed 2xx may have switched (plan, settings such as an IP allow list or required
 * TOTP, a sign-out) so that the next route is fuzzed as an administrator with every module on.
 */
export async function heal(f: Footprint, row: Record<string, string>, admin: Client, email: string) {
  await testEnv.CONTROL.prepare("UPDATE tenants SET name = ?2, plan = ?3, status = ?4, settings = ?5 WHERE id = ?1")
    .bind(f.tenantId, row.name, row.plan, row.status, row.settings ?? JSON.stringify(DEFAULT_SETTINGS))
    .run();
  if ((await admin.json("GET", "/api/v1/me")).status === 200) return;
  const login = await admin.json("POST", "/api/v1/auth/login", { email, password: "password-123" });
  expect(login.status, `the administrator could not sign in again: ${JSON.stringify(login.body)}`).toBe(200);
}
