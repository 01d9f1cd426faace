import { Hono } from "hono";
import type { AppEnv } from "../../context";
import { validate } from "../../lib/validate";
import { actorCtx } from "../../lib/http";
import { requireSession } from "../../middleware/session";
import { toUserDto } from "../people/serialize";
import { acceptInvitation, describeInvitation, describeRegistration, join } from "../people/invitations";
import { activatePortal } from "../portal/service";
import { findUser } from "../people/users";
import { clearSessionCookie, writeSessionCookie } from "./cookie";
import { endSession } from "./sessions";
import { acceptInvitationSchema, forgotPasswordSchema, joinSchema, loginSchema, resetPasswordSchema, tokenSchema, totpCodeSchema } from "./schemas";
import { completeTotpLogin, confirmEmail, login, requestPasswordReset, resetPassword, setTotpEnabled, startTotpSetup } from "./service";

export const authRoutes = new Hono<AppEnv>()
  .post("/login", validate("json", loginSchema), async (c) => {
    const result = await login(c.get("ctx"), c.req.valid("json"));
    writeSessionCookie(c, result.session.token, result.session.maxAge);
    if (result.mfaRequired) return c.json({ mfaRequired: true as const }, 200);
    return c.json({ mfaRequired: false as const, user: toUserDto(result.user) }, 200);
  })
  .post("/login/totp", requireSession, validate("json", totpCodeSchema), async (c) => {
    const ctx = actorCtx(c);
    const session = await completeTotpLogin(ctx, c.req.valid("json").code);
    await endSession(ctx, ctx.actor.sessionHash);
    writeSessionCookie(c, session.token, session.maxAge);
    return c.json({ user: toUserDto(await findUser(ctx, ctx.actor.id)) }, 200);
  })
  .post("/logout", requireSession, async (c) => {
    const ctx = actorCtx(c);
    await endSession(ctx, ctx.actor.sessionHash);
    clearSessionCookie(c);
    return c.json({ ok: true }, 200);
  })
  .post("/password/forgot", validate("json", forgotPasswordSchema), async (c) => {
    await requestPasswordReset(c.get("ctx"), c.req.valid("json").email);
    return c.json({ ok: true }, 202);
  })
  .post("/password/reset", validate("json", resetPasswordSchema), async (c) => {
    const { token, password } = c.req.valid("json");
    await resetPassword(c.get("ctx"), token, password);
    return c.json({ ok: true }, 200);
  })
  .post("/confirm", validate("json", tokenSchema), async (c) => {
    const ctx = c.get("ctx");
    const userId = await confirmEmail(ctx, c.req.valid("json").token);
    const user = await findUser(ctx, userId);
    if (user.role === "admin" && ctx.tenant.status === "pending") await activatePortal(ctx.env, ctx.tenant.id);
    return c.json({ ok: true, email: user.email }, 200);
  })
  .get("/invitations/:token", async (c) => c.json(await describeInvitation(c.get("ctx"), c.req.param("token")), 200))
  .post("/invitations/:token/accept", validate("json", acceptInvitationSchema), async (c) => {
    const { user, session } = await acceptInvitation(c.get("ctx"), c.req.param("token"), c.req.valid("json"));
    writeSessionCookie(c, session.token, session.maxAge);
    return c.json({ user: toUserDto(user) }, 200);
  })
  .get("/join/:token", (c) => c.json(describeRegistration(c.get("ctx"), c.req.param("token")), 200))
  .post("/join/:token", validate("json", joinSchema), async (c) => {
    const result = await join(c.get("ctx"), c.req.param("token"), c.req.valid("json"));
    if (result.pending) return c.json({ pending: true as const }, 202);
    writeSessionCookie(c, result.session.token, result.session.maxAge);
    return c.json({ pending: false as const, user: toUserDto(result.user) }, 201);
  })
  .post("/totp/setup", requireSession, async (c) => c.json(await startTotpSetup(actorCtx(c)), 200))
  .post("/totp/enable", requireSession, validate("json", totpCodeSchema), async (c) => {
    await setTotpEnabled(actorCtx(c), c.req.valid("json").code, true);
    return c.json({ totpEnabled: true }, 200);
  })
  .post("/totp/disable", requireSession, validate("json", totpCodeSchema), async (c) => {
    await setTotpEnabled(actorCtx(c), c.req.valid("json").code, false);
    return c.json({ totpEnabled: false }, 200);
  });
