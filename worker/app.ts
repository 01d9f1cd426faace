import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "./context";
import { newId } from "./lib/crypto";
import { AppError, notFound } from "./lib/errors";
import { onError, notFoundHandler } from "./middleware/errors";
import { tenantMiddleware, hostnameOf } from "./middleware/tenant";
import { csrfMiddleware } from "./middleware/csrf";
import { requireSession } from "./middleware/session";
import { moduleGate, MODULE_PATHS } from "./middleware/module-gate";
import { authRoutes } from "./modules/auth/routes";
import { meRoutes } from "./modules/auth/me-routes";
import { peopleRoutes } from "./modules/people/routes";
import { structureRoutes } from "./modules/people/structure-routes";
import { portalPublicRoutes, portalRoutes } from "./modules/portal/routes";
import { signupRoutes } from "./modules/portal/signup-routes";
import { answerVerification, WELL_KNOWN_PREFIX } from "./modules/portal/domains";
import { counterRoutes, notificationRoutes } from "./modules/notifications/routes";
import { liveRoutes } from "./modules/notifications/live-routes";
import { feedRoutes } from "./modules/feed/routes";
import { chatRoutes } from "./modules/chat/routes";
import { calendarRoutes } from "./modules/calendar/routes";
import { guestRoutes } from "./modules/calendar/guest-routes";
import { icalFeedRoutes } from "./modules/calendar/feed-routes";
import { devRoutes } from "./modules/dev/routes";
import { devSeedRoutes } from "./modules/dev/seed-routes";
import { opsRoutes } from "./modules/ops/routes";
import { notFoundPage } from "./pages/not-found";
import type { ModuleName } from "./modules/portal/plans";

const ROOT_HOST_API = ["/api/v1/portals", "/api/v1/dev/"];

const limitTo = (maxSize: number) => bodyLimit({ maxSize, onError: () => { throw new AppError(413, "too_large", "The request body is too large."); } });
const apiBodyLimit = limitTo(3 * 1024 * 1024);
// Event attachments may be 10 MB (calendar/attachments.ts answers its own 413 above that); the
// API-wide 3 MB limit refused every attachment between 3 and 10 MB.
const attachmentBodyLimit = limitTo(10 * 1024 * 1024 + 8192);
const ATTACHMENT_UPLOAD = /^\/api\/v1\/calendar\/events\/[^/]+\/attachments$/;

/** Everything under /api/v1; `typeof api` feeds the typed client in web/. */
const api = new Hono<AppEnv>()
  .use(async (c, next) => {
    if (c.get("isRootHost") && !ROOT_HOST_API.some((p) => c.req.path.startsWith(p))) throw notFound("Endpoint");
    if (!c.get("isRootHost") && c.req.path.startsWith("/api/v1/portals")) throw notFound("Endpoint");
    return next();
  })
  .use((c, next) => (c.req.method === "POST" && ATTACHMENT_UPLOAD.test(c.req.path) ? attachmentBodyLimit : apiBodyLimit)(c, next))
  .use(csrfMiddleware)
  .route("/portals", signupRoutes)
  .route("/auth", authRoutes)
  .route("/portal", portalPublicRoutes)
  .use("/me/*", requireSession)
  .use("/me", requireSession)
  .route("/me", meRoutes)
  .use("/people/*", requireSession)
  .route("/people", peopleRoutes)
  .use("/structure/*", requireSession)
  .route("/structure", structureRoutes)
  .use("/portal/*", requireSession)
  .use("/portal", requireSession)
  .route("/portal", portalRoutes)
  .use("/notifications/*", requireSession)
  .use("/notifications", requireSession)
  .route("/notifications", notificationRoutes)
  .use("/counters", requireSession)
  .route("/counters", counterRoutes)
  .use("/live", requireSession)
  .route("/live", liveRoutes)
  .use("/feed/*", requireSession, moduleGate("feed"))
  .use("/feed", requireSession, moduleGate("feed"))
  .route("/feed", feedRoutes)
  .use("/chats/*", requireSession, moduleGate("messenger"))
  .use("/chats", requireSession, moduleGate("messenger"))
  .route("/chats", chatRoutes)
  .use("/calendar/*", requireSession, moduleGate("calendar"))
  .use("/calendar", requireSession, moduleGate("calendar"))
  .route("/calendar", calendarRoutes)
  .route("/dev/seed", devSeedRoutes);

// Every module's prefix is gated from day one: switched off → 403, business module without a seat → 403.
for (const [module, path] of Object.entries(MODULE_PATHS)) {
  if (module === "feed" || module === "messenger" || module === "calendar") continue;
  const sub = path.replace("/api/v1", "");
  api.use(`${sub}/*`, requireSession, moduleGate(module as ModuleName));
  api.use(sub, requireSession, moduleGate(module as ModuleName));
}

export type AppType = typeof api;

export const app = new Hono<AppEnv>()
  .use(async (c, next) => {
    c.set("requestId", c.req.header("cf-ray") ?? newId());
    await next();
    c.header("x-request-id", c.get("requestId"));
  })
  .get(`${WELL_KNOWN_PREFIX}:token`, async (c) => {
    const token = await answerVerification(c.env, hostnameOf(new URL(c.req.url).host), c.req.param("token"));
    if (!token) throw notFound("Page");
    return c.text(token);
  })
  // Operator-only (root host + OPS_TOKEN), before the tenant middleware: never served under a portal's host.
  .route("/ops/v1", opsRoutes)
  .use(tenantMiddleware)
  .use(async (c, next) => {
    // The root host only signs portals up; guest links and feeds always belong to a portal's host.
    if (c.get("isRootHost") && /^\/(g|ical)\//.test(c.req.path)) throw notFound("Page");
    return next();
  })
  .route("/", devRoutes.basePath("/"))
  .route("/api/v1", api)
  .route("/g", guestRoutes)
  .route("/ical", icalFeedRoutes)
  .all("/api/*", notFoundHandler)
  .all("*", async (c) => {
    if (!c.env.ASSETS) throw notFound("Page");
    const res = await c.env.ASSETS.fetch(c.req.raw);
    const headers = new Headers(res.headers);
    headers.set("x-content-type-options", "nosniff");
    headers.set("referrer-policy", "same-origin");
    headers.set("x-frame-options", "DENY");
    headers.set("content-security-policy", "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self' ws: wss:; media-src 'self' blob:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
    return new Response(res.body, { status: res.status, headers });
  });

app.onError((err, c) => {
  if (!c.req.path.startsWith("/api/") && err instanceof AppError && err.status === 404) {
    return c.html(notFoundPage(c.req.header("accept-language") ?? ""), 404);
  }
  return onError(err, c);
});
