import { SELF } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { expect } from "vitest";

export const ROOT = "kontor.localhost";
export const testEnv = env as unknown as { CONTROL: D1Database; SHARD_0: D1Database; SHARD_1: D1Database; FILES: R2Bucket };

export interface Client {
  host: string;
  cookie?: string;
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  json<T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: T }>;
}

/** A browser-like client for one host: same-origin Origin on unsafe methods, keeps its session cookie. */
export function client(host: string): Client {
  const c: Client = {
    host,
    async request(method, path, body, headers = {}) {
      const h: Record<string, string> = { ...headers };
      if (c.cookie) h.cookie = c.cookie;
      if (method !== "GET" && method !== "HEAD" && !("origin" in h)) h.origin = `http://${host}`;
      if (h.origin === "") delete h.origin; // origin: "" sends no Origin header at all
      let payload: BodyInit | undefined;
      if (body instanceof FormData || typeof body === "string") payload = body as BodyInit;
      else if (body !== undefined) {
        payload = JSON.stringify(body);
        h["content-type"] ??= "application/json";
      }
      const res = await SELF.fetch(`http://${host}${path}`, { method, headers: h, body: payload, redirect: "manual" });
      const set = res.headers.get("set-cookie");
      if (set) {
        const m = set.match(/kontor_sid=([^;]*)/);
        if (m) c.cookie = m[1] ? `kontor_sid=${m[1]}` : undefined;
      }
      return res;
    },
    json: (method, path, body, headers) => jsonCall(c, method, path, body, headers),
  };
  return c;
}

/** `client.json`: the request, its status and its parsed body (null when empty). */
export async function jsonCall(c: Pick<Client, "request">, method: string, path: string, body?: unknown, headers?: Record<string, string>) {
  const res = await c.request(method, path, body, headers);
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

export interface DevMail { to: string; subject: string; text: string; html: string; status: string; links: string[] }
export async function mailbox(to?: string): Promise<DevMail[]> {
  const res = await SELF.fetch(`http://${ROOT}/api/v1/dev/mail${to ? `?to=${encodeURIComponent(to)}` : ""}`);
  return ((await res.json()) as { items: never[] }).items;
}

export function linkToken(link: string): string {
  return new URL(link).searchParams.get("token")!;
}

let counter = 0;
/** A fresh portal with a confirmed, signed-in administrator. */
export async function newPortal(opts: { plan?: string; slug?: string } = {}) {
  const slug = opts.slug ?? `p${Date.now().toString(36)}${(counter++).toString(36)}`;
  const email = `admin@${slug}.test`;
  const root = client(ROOT);
  const created = await root.json("POST", "/api/v1/portals", { company: `Company ${slug}`, subdomain: slug, email, password: "password-123" });
  expect(created.status).toBe(201);
  const host = `${slug}.${ROOT}`;
  const [mail] = await mailbox(email);
  const admin = client(host);
  expect((await admin.json("POST", "/api/v1/auth/confirm", { token: linkToken(mail.links[0]) })).status).toBe(200);
  expect((await admin.json("POST", "/api/v1/auth/login", { email, password: "password-123" })).status).toBe(200);
  if (opts.plan) expect((await admin.json("PUT", "/api/v1/portal/plan", { plan: opts.plan })).status).toBe(200);
  const me = await admin.json("GET", "/api/v1/me");
  return { slug, host, admin, adminId: me.body.user.id as string, shard: created.body.portal.shard as number, email };
}

/** An active employee created by the admin and signed in with their own client. */
export async function newEmployee(portal: { host: string; admin: Client }, name = "Erin Employee", extra: Record<string, unknown> = {}) {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${(counter++).toString(36)}@staff.test`;
  const created = await portal.admin.json("POST", "/api/v1/people/users", { name, email, password: "password-123", ...extra });
  expect(created.status).toBe(201);
  const c = client(portal.host);
  expect((await c.json("POST", "/api/v1/auth/login", { email, password: "password-123" })).status).toBe(200);
  return { client: c, id: created.body.user.id as string, email };
}

export function expectError(res: { status: number; body: any }, status: number, code?: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error).toBeTruthy();
  expect(typeof res.body.error.message).toBe("string");
  if (code) expect(res.body.error.code).toBe(code);
}

/** Signs in a fresh client; `headers` e.g. a cf-connecting-ip. */
export async function signIn(host: string, email: string, password = "password-123", headers: Record<string, string> = {}) {
  const c = client(host);
  const res = await c.json("POST", "/api/v1/auth/login", { email, password }, headers);
  return { client: c, res };
}

/** A user created by the admin who has not signed in yet (so has no seat yet, PLAN-3). */
export async function createUser(portal: { admin: Client }, name = "Nora New", extra: Record<string, unknown> = {}) {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${(counter++).toString(36)}@staff.test`;
  const created = await portal.admin.json("POST", "/api/v1/people/users", { name, email, password: "password-123", ...extra });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { id: created.body.user.id as string, email };
}

/** Invites one address and returns the invitee's id and the raw token from the mail. */
export async function inviteOne(portal: { admin: Client }, email: string, extra: Record<string, unknown> = {}) {
  const res = await portal.admin.json("POST", "/api/v1/people/invitations", { emails: [email], ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const [mail] = await mailbox(email);
  return { id: res.body.invited[0].id as string, token: linkToken(mail.links[0]), mail };
}

/** Portals until there is one on each of two different shards (new portals go to the emptier shard). */
export async function portalsOnBothShards(opts: { plan?: string } = {}) {
  const seen = new Map<number, Awaited<ReturnType<typeof newPortal>>>();
  for (let i = 0; i < 8 && seen.size < 2; i++) {
    const p = await newPortal(opts);
    if (!seen.has(p.shard)) seen.set(p.shard, p);
  }
  expect(seen.size).toBe(2);
  return [seen.get(0)!, seen.get(1)!] as const;
}

export const shardOf = (shard: number) => (testEnv as unknown as Record<string, D1Database>)[`SHARD_${shard}`];

export async function sha256Hex(value: string) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(value));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Smallest valid PNG header plus padding; the server judges images by their first bytes. */
export const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(64).fill(0)]);

/** A multipart upload as the SPA sends it: the form plus the app's own header (CSRF). */
export function upload(c: Client, method: string, path: string, bytes: Uint8Array | string, type = "image/png", headers: Record<string, string> = { "x-kontor-request": "1" }) {
  const form = new FormData();
  form.set("file", new File([typeof bytes === "string" ? bytes : new Uint8Array(bytes)], "file", { type }));
  return c.request(method, path, form, headers);
}

export async function readJson(res: Response) {
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

export async function notificationsOf(c: Client) {
  const res = await c.json("GET", "/api/v1/notifications");
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items as { type: string; data: Record<string, unknown> }[];
}
