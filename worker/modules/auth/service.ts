import { and, eq, isNull, lt, ne, or } from "drizzle-orm";
import { sessions } from "../../../db/schema/auth";
import * as OTPAuth from "otpauth";
import { users } from "../../../db/schema/people";
import type { ActorContext, ServiceContext } from "../../context";
import { AppError, forbidden, unauthorized, badRequest, conflict } from "../../lib/errors";
import { hashPassword, verifyPassword } from "../../lib/password";
import { ipAllowed } from "../../lib/ip";
import { nowIso } from "../../lib/time";
import { sendMail } from "../../lib/mail";
import { resetMail } from "../../lib/mail-templates";
import { grantSeatIfFree, notifySeatDenied } from "../portal/seats";
import { assertNotLimited, clearFailures, recordFailure } from "./rate-limit";
import { createSession, endAllSessionsStatement } from "./sessions";
import { findLinkToken, newLinkToken, useLinkTokenStatement } from "./link-tokens";
import { audit } from "../portal/audit";

/** A hash of a random password, verified when the e-mail is unknown so timing does not reveal accounts. */
let decoyHash: Promise<string> | undefined;

export async function login(ctx: ServiceContext, input: { email: string; password: string }) {
  const keys = [`email:${input.email}`, `ip:${ctx.ip}`];
  await assertNotLimited(ctx, keys);
  if (!ipAllowed(ctx.ip, ctx.tenant.settings.ipAllowList)) {
    await audit(ctx, null, "login_blocked_ip", null, { ip: ctx.ip });
    throw forbidden("ip_not_allowed", "Sign-in from your network is not allowed by this portal.");
  }
  const user = await ctx.db.select().from(users).where(and(eq(users.tenantId, ctx.tenant.id), eq(users.email, input.email))).get();
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await (decoyHash ??= hashPassword(crypto.randomUUID()))));
  if (!user || !ok) {
    await recordFailure(ctx, keys);
    throw unauthorized("Wrong e-mail or password.", "invalid_credentials");
  }
  await clearFailures(ctx, keys);
  if (user.status === "dismissed") throw forbidden("user_dismissed", "This account has been deactivated by the administrator.");
  if (user.status === "pending_approval") throw forbidden("approval_pending", "The administrator has not approved your registration yet.");
  if (user.status === "invited") throw forbidden("invitation_pending", "Accept your invitation first: use the link from the e-mail.");
  if (!user.emailConfirmed) throw forbidden("email_unconfirmed", "Confirm your e-mail address first: use the link from the e-mail.");
  if (user.totpEnabled) {
    const session = await createSession(ctx, user.id, "totp");
    return { session, user, mfaRequired: true as const };
  }
  await onSignedIn(ctx, user);
  const session = await createSession(ctx, user.id, "full");
  return { session, user, mfaRequired: false as const };
}

/** PLAN-3: the first users to sign in take the free seats; one who finds none is reported to the admins. */
async function onSignedIn(ctx: ServiceContext, user: typeof users.$inferSelect) {
  const now = nowIso();
  await ctx.db.update(users).set({ lastSeenAt: now, firstLoginAt: user.firstLoginAt ?? now }).where(and(eq(users.tenantId, ctx.tenant.id), eq(users.id, user.id)));
  if (!user.firstLoginAt && !user.businessUser && !(await grantSeatIfFree(ctx, user.id))) {
    await notifySeatDenied(ctx, user);
  }
  await audit(ctx, user.id, "login", user.id);
}

/** The 30-second step the code belongs to (one step of clock drift either way), or null. */
export function totpStep(secret: string, code: string): number | null {
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" });
  const delta = totp.validate({ token: code, window: 1 });
  return delta === null ? null : totp.counter() + delta;
}

/**
 * A valid code is accepted once: the step is claimed in one conditional UPDATE, so a code seen over a
 * shoulder or replayed from a log fails even within its 90-second window, and two racing requests cannot both win.
 */
async function claimTotpCode(ctx: ServiceContext, user: { id: string; totpSecret: string | null }, code: string): Promise<boolean> {
  const step = user.totpSecret ? totpStep(user.totpSecret, code) : null;
  if (step === null) return false;
  const claimed = await ctx.db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.tenantId, ctx.tenant.id), eq(users.id, user.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id })
    .all();
  return claimed.length === 1;
}

export async function completeTotpLogin(ctx: ActorContext, code: string) {
  const keys = [`totp:${ctx.actor.id}`];
  await assertNotLimited(ctx, keys);
  const user = await ctx.db.select().from(users).where(and(eq(users.tenantId, ctx.tenant.id), eq(users.id, ctx.actor.id))).get();
  if (!user || !(await claimTotpCode(ctx, user, code))) {
    await recordFailure(ctx, keys);
    throw new AppError(401, "invalid_code", "The code is not valid. Check your authenticator app.", "code");
  }
  await clearFailures(ctx, keys);
  await onSignedIn(ctx, user);
  return createSession(ctx, user.id, "full");
}

export async function startTotpSetup(ctx: ActorContext) {
  // A new setup would switch the second factor off without a code: disabling needs a valid code first.
  if (ctx.actor.totpEnabled) throw conflict("totp_already_enabled", "Two-factor sign-in is already on. Turn it off with a code first.");
  const secret = new OTPAuth.Secret({ size: 20 });
  const totp = new OTPAuth.TOTP({ issuer: `Kontor ${ctx.tenant.name}`, label: ctx.actor.email, secret, digits: 6, period: 30, algorithm: "SHA1" });
  await ctx.db.update(users).set({ totpSecret: secret.base32, totpEnabled: false }).where(and(eq(users.tenantId, ctx.tenant.id), eq(users.id, ctx.actor.id)));
  return { secret: secret.base32, uri: totp.toString() };
}

export async function setTotpEnabled(ctx: ActorContext, code: string, enabled: boolean) {
  const user = await ctx.db.select().from(users).where(and(eq(users.tenantId, ctx.tenant.id), eq(users.id, ctx.actor.id))).get();
  if (!user?.totpSecret) throw badRequest("Start the two-factor setup first.", "totp_not_started");
  if (!(await claimTotpCode(ctx, user, code))) throw badRequest("The code is not valid. Check your authenticator app.", "invalid_code", "code");
  if (!enabled && ctx.tenant.settings.requireTotp) throw forbidden("totp_required_by_portal", "Your portal requires two-factor sign-in.");
  await ctx.db.update(users).set({ totpEnabled: enabled, totpSecret: enabled ? user.totpSecret : null }).where(and(eq(users.tenantId, ctx.tenant.id), eq(users.id, user.id)));
  await audit(ctx, user.id, enabled ? "totp_enabled" : "totp_disabled", user.id);
}

/** Always answers the same, so the form cannot be used to find out who has an account. */
export async function requestPasswordReset(ctx: ServiceContext, email: string) {
  const user = await ctx.db.select().from(users).where(and(eq(users.tenantId, ctx.tenant.id), eq(users.email, email), eq(users.status, "active"))).get();
  if (!user) return;
  const { token, insert } = await newLinkToken(ctx, "reset_password", user.id);
  await insert;
  await sendMail(ctx, { to: user.email, ...resetMail(user.language, ctx.tenant.name, `${ctx.origin}/reset-password?token=${token}`) });
}

export async function resetPassword(ctx: ServiceContext, token: string, password: string) {
  const row = await findLinkToken(ctx, "reset_password", token);
  const passwordHash = await hashPassword(password);
  await ctx.db.batch([
    ctx.db.update(users).set({ passwordHash }).where(and(eq(users.tenantId, ctx.tenant.id), eq(users.id, row.subjectId), eq(users.status, "active"))),
    useLinkTokenStatement(ctx, row.tokenHash),
    endAllSessionsStatement(ctx, row.subjectId),
  ]);
  await audit(ctx, row.subjectId, "password_reset", row.subjectId);
}

export async function changePassword(ctx: ActorContext, current: string, password: string) {
  const user = await ctx.db.select().from(users).where(and(eq(users.tenantId, ctx.tenant.id), eq(users.id, ctx.actor.id))).get();
  if (!(await verifyPassword(current, user?.passwordHash ?? null))) throw badRequest("The current password is wrong.", "invalid_password", "current");
  // Every other session ends: whoever else knew the old password is signed out (this one stays).
  await ctx.db.batch([
    ctx.db.update(users).set({ passwordHash: await hashPassword(password) }).where(and(eq(users.tenantId, ctx.tenant.id), eq(users.id, ctx.actor.id))),
    ctx.db.delete(sessions).where(and(eq(sessions.tenantId, ctx.tenant.id), eq(sessions.userId, ctx.actor.id), ne(sessions.tokenHash, ctx.actor.sessionHash))),
  ]);
  await audit(ctx, ctx.actor.id, "password_changed", ctx.actor.id);
}

/** Confirms the e-mail from the sign-up link; the portal goes live with its creator's confirmation. */
export async function confirmEmail(ctx: ServiceContext, token: string) {
  const row = await findLinkToken(ctx, "confirm_email", token);
  await ctx.db.batch([
    ctx.db.update(users).set({ emailConfirmed: true }).where(and(eq(users.tenantId, ctx.tenant.id), eq(users.id, row.subjectId))),
    useLinkTokenStatement(ctx, row.tokenHash),
  ]);
  return row.subjectId;
}
