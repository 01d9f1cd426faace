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
    async json(method, path, body, headers) {
      const res = await c.request(method, path, body, headers);
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
  };
  return c;
}

export async function mailbox(to?: string): Promise<{ to: string; subject: string; text: string; links: string[] }[]> {
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
