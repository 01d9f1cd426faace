import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context";
import { forbidden } from "../lib/errors";
import { BUSINESS_MODULES, EXTRANET_MODULES, type ModuleName } from "../modules/portal/plans";
import { actorHasSeat } from "../modules/portal/seats";

/** API path prefix of each module. */
export const MODULE_PATHS: Record<Exclude<ModuleName, "company">, string> = {
  feed: "/api/v1/feed",
  messenger: "/api/v1/chats",
  tasks: "/api/v1/tasks",
  crm: "/api/v1/crm",
  calendar: "/api/v1/calendar",
  drive: "/api/v1/drive",
  groups: "/api/v1/groups",
};

/** Switched-off modules answer 403 module_disabled; business modules need a business seat (PLAN-2, PLAN-5). */
export const moduleGate = (module: ModuleName) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const ctx = c.get("ctx");
    if (ctx.tenant.settings.disabledModules.includes(module)) {
      throw forbidden("module_disabled", "This module is switched off for your portal.");
    }
    // USER-2: extranet users work only inside their groups (the same rule /me reports as "locked").
    if (c.get("actor").role === "extranet" && !EXTRANET_MODULES.includes(module)) {
      throw forbidden("extranet", "Extranet users can only see their groups.");
    }
    if (BUSINESS_MODULES.includes(module) && !actorHasSeat(ctx, c.get("actor"))) {
      throw forbidden("no_business_seat", "Business tools need a business seat. Ask your administrator for one.");
    }
    return next();
  });
