import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context";
import { readSessionCookie } from "../modules/auth/cookie";
import { readSession } from "../modules/auth/sessions";
import { forbidden, unauthorized } from "../lib/errors";
import { PLAN_LIMITS } from "../modules/portal/plans";

/** Routes a session in the "totp" stage (password given, second factor owed) may reach. */
const TOTP_STAGE_PATHS = ["/api/v1/auth/login/totp", "/api/v1/auth/logout"];
/** Routes a user who must first set up TOTP (portal requires it) may reach. */
const TOTP_SETUP_PATHS = ["/api/v1/me", "/api/v1/auth/totp/setup", "/api/v1/auth/totp/enable", "/api/v1/auth/logout", "/api/v1/portal"];

/** What a locked extranet user may still reach: who they are, and the way out. */
const EXTRANET_LOCKED_PATHS = ["/api/v1/me", "/api/v1/auth/logout"];

export const requireSession = createMiddleware<AppEnv>(async (c, next) => {
  const token = readSessionCookie(c);
  const session = token ? await readSession(c.get("ctx"), token) : null;
  if (!session) throw unauthorized();
  const path = c.req.path;
  if (session.stage === "totp" && !TOTP_STAGE_PATHS.includes(path)) {
    throw unauthorized("Enter the code from your authenticator app.", "totp_required");
  }
  const tenant = c.get("tenant");
  if (tenant.settings.requireTotp && !session.actor.totpEnabled && !TOTP_SETUP_PATHS.includes(path)) {
    throw forbidden("totp_setup_required", "Your portal requires two-factor sign-in: set it up first.");
  }
  // PLAN-6: below the Standard plan extranet accounts are locked (kept, not deleted) until the plan allows them again.
  if (session.actor.role === "extranet" && !PLAN_LIMITS[tenant.plan].extranet && !EXTRANET_LOCKED_PATHS.includes(path)) {
    throw forbidden("extranet_locked", "Extranet access needs the Standard or Professional plan. Ask the portal's administrator.");
  }
  c.set("actor", session.actor);
  c.set("user", session.user);
  return next();
});

export const requireAdmin = createMiddleware<AppEnv>(async (c, next) => {
  if (c.get("actor").role !== "admin") throw forbidden("admin_only", "Only administrators can do this.");
  return next();
});

/** USER-2: extranet users see only their groups, not the company's directory or structure. */
export const denyExtranet = createMiddleware<AppEnv>(async (c, next) => {
  if (c.get("actor").role === "extranet") throw forbidden("extranet", "Extranet users can only see their groups.");
  return next();
});
