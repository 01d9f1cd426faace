/**
 * Pieces of the web-attack checks (attacks.test.ts): a fingerprint of everything stored (to prove that
 * refused requests wrote nothing), the hostile variants of a request, and a mail binding that keeps the
 * raw MIME text the worker hands to Cloudflare's send_email.
 */
import { SELF, createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { app } from "../../worker/app";
import { testEnv, sha256Hex, jsonCall, type Client } from "./helpers";
import type { Body } from "./routes";

/** One hash per table of every database, plus the R2 listing: what a write would change. */
export async function fingerprint(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of ["CONTROL", "SHARD_0", "SHARD_1"] as const) {
    const db = testEnv[name];
    const tables = await db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT LIKE 'd1_%' ORDER BY name")
      .all<{ name: string }>();
    for (const t of tables.results) {
      const rows = await db.prepare(`SELECT * FROM "${t.name}"`).all();
      out[`${name}.${t.name}`] = await sha256Hex(JSON.stringify(rows.results));
    }
  }
  const files = await testEnv.FILES.list({ limit: 1000 });
  out["FILES"] = await sha256Hex(JSON.stringify(files.objects.map((o) => [o.key, o.etag])));
  return out;
}

/** Waits until background work of earlier requests (mail status, fan-out) has stopped writing. */
export async function settledFingerprint() {
  let last = await fingerprint();
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => setTimeout(r, 250));
    const next = await fingerprint();
    if (JSON.stringify(next) === JSON.stringify(last)) return next;
    last = next;
  }
  return last;
}

export const changedTables = (a: Record<string, string>, b: Record<string, string>) => Object.keys({ ...a, ...b }).filter((k) => a[k] !== b[k]);

/** How a hostile page could send the request: a wrong Origin, or a body type a plain HTML form can make. */
export interface Variant {
  name: string;
  origin?: string | null; // null: no Origin header at all
  referer?: string;
  kind: "json" | "urlencoded" | "multipart" | "text" | "empty-form";
}

export function variants(host: string, sibling: string): Variant[] {
  return [
    { name: "no Origin, no Referer", origin: null, kind: "json" },
    { name: "Origin http://evil.test", origin: "http://evil.test", kind: "json" },
    { name: "Origin of another portal (x.kontor.localhost)", origin: "http://x.kontor.localhost", kind: "json" },
    { name: "Origin of a real sibling portal", origin: `http://${sibling}`, kind: "json" },
    { name: "Origin null (sandboxed frame)", origin: "null", kind: "json" },
    { name: "same host over https", origin: `https://${host}`, kind: "json" },
    { name: "foreign Referer, no Origin", origin: null, referer: `http://evil.test/${host}/`, kind: "json" },
    { name: "form urlencoded, same origin, no app header", kind: "urlencoded" },
    { name: "multipart form, same origin, no app header", kind: "multipart" },
    { name: "text/plain JSON, same origin, no app header", kind: "text" },
    { name: "empty urlencoded form, same origin, no app header", kind: "empty-form" },
  ];
}

const isFile = (b: Body): b is { file: Uint8Array | string; type: string } => !!b && "file" in b && "type" in b;

/** The request a hostile page would make: the route's valid body, sent as the variant says. */
export function hostileRequest(host: string, path: string, method: string, body: Body, cookie: string | undefined, v: Variant): Request {
  const h = new Headers();
  if (cookie) h.set("cookie", cookie);
  if (v.origin !== null) h.set("origin", v.origin ?? `http://${host}`);
  if (v.referer) h.set("referer", v.referer);
  const fields = isFile(body) ? {} : ((body ?? {}) as Record<string, unknown>);
  let payload: BodyInit | undefined;
  if (v.kind === "json") {
    if (isFile(body)) {
      // A legitimate upload (with the app's header): only the Origin is wrong.
      const form = new FormData();
      form.set("file", new File([typeof body.file === "string" ? body.file : new Uint8Array(body.file)], "file", { type: body.type }));
      payload = form;
      h.set("x-kontor-request", "1");
    } else {
      payload = JSON.stringify(fields);
      h.set("content-type", "application/json");
    }
  } else if (v.kind === "urlencoded" || v.kind === "empty-form") {
    h.set("content-type", "application/x-www-form-urlencoded");
    payload = v.kind === "empty-form" ? "" : new URLSearchParams(Object.entries({ ...fields, answer: "accept" }).map(([k, x]) => [k, typeof x === "string" ? x : JSON.stringify(x)])).toString();
  } else if (v.kind === "multipart") {
    const form = new FormData();
    for (const [k, x] of Object.entries({ ...fields, answer: "accept" })) form.set(k, typeof x === "string" ? x : JSON.stringify(x));
    if (isFile(body)) form.set("file", new File([typeof body.file === "string" ? body.file : new Uint8Array(body.file)], "file", { type: body.type }));
    payload = form;
  } else {
    h.set("content-type", "text/plain");
    payload = JSON.stringify(fields);
  }
  return new Request(`http://${host}${path}`, { method, headers: h, body: payload, redirect: "manual" });
}

export async function send(req: Request) {
  const res = await SELF.fetch(req);
  const text = await res.text();
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: json, headers: res.headers };
}

/** A mail binding that keeps what would have gone out: the raw MIME text, exactly as built. */
export function mailTrap() {
  const raws: string[] = [];
  const MAIL = {
    async send(message: { from: string; to: string }) {
      const raw = (message as unknown as Record<string, unknown>)["EmailMessage::raw"];
      raws.push(typeof raw === "string" ? raw : await new Response(raw as ReadableStream).text());
    },
  };
  return { raws, env: { ...(env as object), MAIL } };
}

/** A client like helpers.client whose requests run with the trap's bindings (so their mail is caught). */
export function trappedClient(base: Client, trapEnv: object): Client {
  const c: Client = {
    host: base.host,
    cookie: base.cookie,
    async request(method, path, body, headers = {}) {
      const h: Record<string, string> = { origin: `http://${base.host}`, ...headers };
      if (c.cookie) h.cookie = c.cookie;
      const payload = typeof body === "string" ? body : body === undefined ? undefined : JSON.stringify(body);
      if (payload !== undefined && typeof body !== "string") h["content-type"] = "application/json";
      const ctx = createExecutionContext();
      const res = await app.fetch(new Request(`http://${base.host}${path}`, { method, headers: h, body: payload }), trapEnv, ctx);
      await waitOnExecutionContext(ctx);
      return res;
    },
    json: (method, path, body, headers) => jsonCall(c, method, path, body, headers),
  };
  return c;
}

/** The header block of a raw mail, unfolded: one entry per header line. */
export function headerLines(raw: string): string[] {
  const head = raw.split("\r\n\r\n")[0];
  return head.replace(/\r\n[ \t]+/g, " ").split("\r\n");
}

/** Every header is "Name: value" with a known name; nothing a payload could have added. */
export function expectCleanHeaders(raw: string) {
  const lines = headerLines(raw);
  const names = lines.map((l) => l.slice(0, l.indexOf(":")).toLowerCase());
  for (const l of lines) expect(l, raw.slice(0, 2000)).toMatch(/^[A-Za-z-]+: /);
  expect(names.filter((n) => !["date", "from", "reply-to", "to", "message-id", "subject", "mime-version", "content-type"].includes(n)), raw.slice(0, 2000)).toEqual([]);
  expect(new Set(names).size).toBe(names.length);
  expect(raw).not.toMatch(/^bcc:/im);
  expect(raw).not.toMatch(/^x-injected:/im);
  // Injected lines in any MIME part's header block or in the iCalendar text would start a line. A
  // header needs its colon: base64 body lines may start with "cc" by chance (a CI run hit "cC1q…").
  expect(raw).not.toMatch(/\r?\n((Bcc|Cc|X-Injected)\s*:|ATTENDEE;CN=Evil|ORGANIZER:mailto:x@evil)/i);
}
