import type { Context } from "hono";
import type { ActorContext, AppEnv } from "../context";

/** The service context of a signed-in request. */
export function actorCtx(c: Context<AppEnv>): ActorContext {
  return { ...c.get("ctx"), actor: c.get("actor") };
}
