import { Hono } from "hono";
import type { AppEnv } from "../../context";
import { validate } from "../../lib/validate";
import { notFound } from "../../lib/errors";
import { portalSignupSchema } from "./schemas";
import { createPortal } from "./service";

/** On the root host only: anyone can create a portal (PORTAL-1). */
export const signupRoutes = new Hono<AppEnv>().post("/", validate("json", portalSignupSchema), async (c) => {
  if (!c.get("isRootHost")) throw notFound("Endpoint");
  const url = new URL(c.req.url);
  const portal = await createPortal(c.env, c.req.valid("json"), { protocol: url.protocol, host: url.host }, c.get("requestId"), c.req.header("cf-connecting-ip") ?? "127.0.0.1");
  return c.json({ portal }, 201);
});
