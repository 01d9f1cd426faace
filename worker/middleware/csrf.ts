import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context";
import { forbidden } from "../lib/errors";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Tenant subdomains are same-site with each other, so SameSite cookies alone do not stop a hostile
 * portal: unsafe methods need an exact same-origin Origin (or Referer) and JSON or the app's header.
 */
export const csrfMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  if (SAFE.has(c.req.method)) return next();
  const url = new URL(c.req.url);
  const expected = url.origin;
  const origin = c.req.header("origin") ?? originOf(c.req.header("referer"));
  if (origin !== expected) throw forbidden("csrf", "Cross-site request refused.");
  // A declared form or text type needs the app's header even with an empty body: an HTML form without
  // fields sends "Content-Length: 0" and would otherwise pass on every route that takes no body.
  const declared = c.req.header("content-type");
  const type = (declared ?? "").split(";")[0].trim().toLowerCase();
  const hasBody = c.req.header("content-length") !== "0" && c.req.raw.body !== null;
  if ((hasBody || declared !== undefined) && type !== "application/json" && c.req.header("x-kontor-request") !== "1") {
    throw forbidden("csrf", "Send JSON, or the X-Kontor-Request header with a form upload.");
  }
  return next();
});

function originOf(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}
