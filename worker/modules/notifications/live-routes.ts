import { Hono, type Context } from "hono";
import type { AppEnv } from "../../context";
import { actorCtx } from "../../lib/http";
import { AppError, forbidden } from "../../lib/errors";
import { userHub } from "../../lib/hubs";

/** A WebSocket upgrade from a page of this very portal (browsers send Origin; SameSite does not protect sockets). */
export function assertWebSocketUpgrade(c: Context<AppEnv>) {
  if (c.req.header("upgrade")?.toLowerCase() !== "websocket") throw new AppError(400, "websocket_expected", "Open this address as a WebSocket.");
  if (c.req.header("origin") !== new URL(c.req.url).origin) throw forbidden("csrf", "Cross-site WebSocket refused.");
}

/** GET /api/v1/live: the tab's one socket to its user's UserHub. */
export const liveRoutes = new Hono<AppEnv>().get("/", async (c) => {
  assertWebSocketUpgrade(c);
  const ctx = actorCtx(c);
  const req = new Request(c.req.raw);
  req.headers.set("x-kontor-identity", JSON.stringify({ tenantId: ctx.tenant.id, userId: ctx.actor.id }));
  return userHub(ctx.env, ctx.tenant.id, ctx.actor.id).fetch(req);
});
