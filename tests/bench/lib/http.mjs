// A tiny HTTP client for the bench: always connects to 127.0.0.1 and sends the tenant's Host header
// (*.localhost names do not resolve in Node on these machines; see shared/STACK.md).
import http from "node:http";

export const DEMO = { slug: "demo", email: "admin@demo.test", password: "kontor-demo" };
export const ROOT_DOMAIN = "kontor.localhost";

/** Host header value for a portal slug (null → the root host kontor.localhost). */
export const hostFor = (port, slug = DEMO.slug) => `${slug ? `${slug}.` : ""}${ROOT_DOMAIN}:${port}`;
export const originFor = (port, slug = DEMO.slug) => `http://${hostFor(port, slug)}`;

/**
 * One request. Resolves {status, headers, body (string), json(), ms, ttfbMs}; never follows redirects.
 * opts: {port, slug?, host?, method?, path, headers?, body? (object → JSON, string/Buffer as is), cookie?, timeoutMs?, agent?}
 */
export function request(opts) {
  const { port, method = "GET", path = "/", timeoutMs = 10_000 } = opts;
  const host = opts.host ?? hostFor(port, opts.slug === undefined ? DEMO.slug : opts.slug);
  const headers = { host, ...(opts.headers ?? {}) };
  let body = opts.body;
  if (body !== undefined && typeof body !== "string" && !Buffer.isBuffer(body)) {
    body = JSON.stringify(body);
    headers["content-type"] ??= "application/json";
  }
  if (body !== undefined) headers["content-length"] = Buffer.byteLength(body);
  // Unsafe methods need a same-origin Origin (CSRF protection).
  if (!["GET", "HEAD", "OPTIONS"].includes(method) && !Object.keys(headers).some((k) => k.toLowerCase() === "origin")) headers.origin = `http://${host}`;
  if (opts.cookie) headers.cookie = opts.cookie;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path, headers, agent: opts.agent ?? false }, (res) => {
      const ttfbMs = performance.now() - started; // status line and headers are in
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        resolve({
          status: res.statusCode,
          headers: res.headers,
          body: text,
          ms: performance.now() - started,
          ttfbMs,
          json: () => JSON.parse(text),
        });
      });
      res.on("error", reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`timeout after ${timeoutMs} ms: ${method} ${host}${path}`)));
    req.on("error", reject);
    req.end(body);
  });
}

/** The value of one cookie from a response's set-cookie headers, or null. */
export function cookieValue(res, name) {
  for (const line of [res.headers["set-cookie"] ?? []].flat()) {
    const [pair] = line.split(";");
    const i = pair.indexOf("=");
    if (pair.slice(0, i).trim() === name) return pair.slice(i + 1).trim();
  }
  return null;
}

/** Signs in and returns {cookie: "kontor_sid=…", user}. Throws with the response body on failure. */
export async function login({ port, slug = DEMO.slug, email = DEMO.email, password = DEMO.password }) {
  const res = await request({ port, slug, method: "POST", path: "/api/v1/auth/login", body: { email, password }, timeoutMs: 30_000 });
  const sid = cookieValue(res, "kontor_sid");
  if (res.status !== 200 || !sid) throw new Error(`login as ${email} on ${slug} failed: ${res.status} ${res.body.slice(0, 300)}`);
  return { cookie: `kontor_sid=${sid}`, body: res.json() };
}

/** Polls GET path until it answers `status` (bounded by timeoutMs); returns {ms, attempts, res}. */
export async function waitFor({ port, slug, path = "/", status = 200, timeoutMs = 180_000, intervalMs = 100, since = performance.now() }) {
  let attempts = 0;
  let last = "no answer";
  const maxAttempts = Math.ceil(timeoutMs / intervalMs) + 1;
  while (attempts < maxAttempts && performance.now() - since < timeoutMs) {
    attempts++;
    try {
      const res = await request({ port, slug, path, timeoutMs: 5_000 });
      if (res.status === status) return { ms: performance.now() - since, attempts, res };
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = e.code ?? e.message;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`GET ${path} did not answer ${status} within ${timeoutMs} ms (last: ${last})`);
}
