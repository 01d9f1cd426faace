import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context";
import { validate } from "../../lib/validate";
import { badRequest, notFound, unauthorized } from "../../lib/errors";
import { constantTimeEqual } from "../../lib/crypto";
import { hostnameOf } from "../../middleware/tenant";
import { onError } from "../../middleware/errors";
import { exportPortal } from "./export";
import { importPortal } from "./import";

/**
 * Operator endpoints for per-portal backup and restore (`npm run kontor`, scripts/kontor.mjs). Why an
 * endpoint rather than Node reading .wrangler/state: in production neither D1, R2 nor Durable Object
 * storage is reachable from Node, and even locally a Durable Object's SQLite file is named by a hash of
 * its id; here the worker reads D1 and R2 through its bindings and each object through RPC, the same
 * way in `wrangler dev` and in production. Reachable only on the root host (never a portal's host),
 * only when the OPS_TOKEN secret is set (24+ characters), and only with it as a bearer token.
 */
const MIN_TOKEN = 24;
const flag = z.enum(["0", "1", "true", "false"]).optional().transform((v) => v === "1" || v === "true");
const importQuery = z.object({
  slug: z.string().max(40).optional(),
  shard: z.coerce.number().int().min(0).max(999).optional(),
  newId: flag,
  dropDomains: flag,
});

async function digest(text: string) {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
}

export const opsRoutes = new Hono<AppEnv>()
  .use(async (c, next) => {
    const expected = c.env.OPS_TOKEN ?? "";
    if (expected.length < MIN_TOKEN || hostnameOf(new URL(c.req.url).host) !== c.env.ROOT_DOMAIN.toLowerCase()) throw notFound("Endpoint");
    const given = /^Bearer (.+)$/.exec(c.req.header("authorization") ?? "")?.[1] ?? "";
    // Both sides hashed first: equal lengths, so the comparison's time says nothing about the token.
    if (!constantTimeEqual(await digest(given), await digest(expected))) throw unauthorized("A valid operator token is required (Authorization: Bearer <OPS_TOKEN>).", "ops_token");
    return next();
  })
  .get("/portals/:slug/export", async (c) => {
    const { filename, body } = await exportPortal(c.env, c.req.param("slug"));
    return new Response(body, {
      headers: { "content-type": "application/gzip", "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store" },
    });
  })
  .post("/portals/import", validate("query", importQuery), async (c) => {
    if (!c.req.raw.body) throw badRequest("Send the archive (.jsonl.gz) as the request body.", "validation");
    const result = await importPortal(c.env, c.req.raw.body, c.req.valid("query"));
    return c.json(result, 201);
  });

// Errors keep the JSON envelope here too (app.onError renders non-API 404s as the HTML page).
opsRoutes.onError(onError);
