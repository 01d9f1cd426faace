import { inList } from "../../../db/lists";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { users } from "../../../db/schema/people";
import type { ActorContext, ServiceContext } from "../../context";
import { conflict, forbidden, notFound, AppError } from "../../lib/errors";
import { newId } from "../../lib/crypto";
import { hashPassword } from "../../lib/password";
import { nowIso } from "../../lib/time";
import { ipAllowed } from "../../lib/ip";
import { sendMail } from "../../lib/mail";
import { inviteMail } from "../../lib/mail-templates";
import { findLinkToken, newLinkToken, revokeLinkTokensStatement, useLinkTokenStatement } from "../auth/link-tokens";
import { createSession } from "../auth/sessions";
import { auditStatement } from "../portal/audit";
import { grantSeatIfFree, notifySeatDenied } from "../portal/seats";
import { PLAN_LIMITS } from "../portal/plans";
import { notifyAdmins } from "../notifications/service";
import { loadDepartments, rootDepartmentId } from "./structure";
import { findUser } from "./users";
import type { inviteSchema, } from "./schemas";

/** USER-1 (a): invitations by e-mail into a department; invitees hold a seat while one is free (PLAN-4). */
export async function invite(ctx: ActorContext, input: z.infer<typeof inviteSchema>) {
  const limits = PLAN_LIMITS[ctx.tenant.plan];
  if (input.text && !limits.customInvitationText) throw forbidden("plan_limit", "A custom invitation text is available on paid plans.");
  if (input.role === "extranet" && !limits.extranet) throw forbidden("plan_limit", "Extranet users are available on the Standard and Professional plans.");
  const departmentId = input.departmentId ?? (await rootDepartmentId(ctx));
  if (!(await loadDepartments(ctx)).some((d) => d.id === departmentId)) throw notFound("Department");
  const emails = [...new Set(input.emails)];
  const existing = await ctx.db.select().from(users).where(and(eq(users.tenantId, ctx.tenant.id), inList(users.email, emails))).all();
  const byEmail = new Map(existing.map((u) => [u.email, u]));
  const invited: { id: string; email: string }[] = [];
  const skipped: { email: string; reason: string }[] = [];
  const text = input.text ?? ctx.tenant.settings.invitationText;
  for (const email of emails) {
    const prior = byEmail.get(email);
    if (prior && prior.status !== "invited") {
      skipped.push({ email, reason: prior.status === "dismissed" ? "dismissed" : "already_member" });
      continue;
    }
    const id = prior?.id ?? newId();
    const { token, insert } = await newLinkToken(ctx, "invitation", id);
    const userWrite = prior
      ? revokeLinkTokensStatement(ctx, id, "invitation")
      : ctx.db.insert(users).values({
          tenantId: ctx.tenant.id, id, email, name: email.split("@")[0], role: input.role, status: "invited",
          departmentId, language: ctx.tenant.settings.defaultLanguage, timeZone: ctx.tenant.settings.timeZone, createdAt: nowIso(),
        });
    await ctx.db.batch([userWrite, insert, auditStatement(ctx, ctx.actor.id, "user_invited", id, { email })]);
    if (!prior) await grantSeatIfFree(ctx, id);
    const href = `${ctx.origin}/invite?token=${token}`;
    await sendMail(ctx, { to: email, ...inviteMail(ctx.tenant.settings.defaultLanguage, ctx.tenant.name, ctx.actor.name, href, limits.customInvitationText ? text : "") });
    invited.push({ id, email });
  }
  return { invited, skipped };
}

export async function describeInvitation(ctx: ServiceContext, token: string) {
  const row = await findLinkToken(ctx, "invitation", token);
  const user = await findUser(ctx, row.subjectId);
  return { email: user.email, portal: ctx.tenant.name };
}

/** Accepting signs the person in at once; they became a member with the invitation. */
export async function acceptInvitation(ctx: ServiceContext, token: string, input: { name: string; password: string }) {
  const row = await findLinkToken(ctx, "invitation", token);
  const user = await findUser(ctx, row.subjectId);
  if (user.status !== "invited") throw new AppError(404, "invalid_link", "This link is invalid or has expired.");
  assertSignInAllowed(ctx);
  const now = nowIso();
  await ctx.db.batch([
    ctx.db
      .update(users)
      .set({ name: input.name, passwordHash: await hashPassword(input.password), status: "active", emailConfirmed: true, firstLoginAt: now, lastSeenAt: now })
      .where(and(eq(users.tenantId, ctx.tenant.id), eq(users.id, user.id))),
    useLinkTokenStatement(ctx, row.tokenHash),
    auditStatement(ctx, user.id, "invitation_accepted", user.id),
  ]);
  if (!user.businessUser && !(await grantSeatIfFree(ctx, user.id))) await notifySeatDenied(ctx, { ...user, name: input.name });
  return { user: await findUser(ctx, user.id), session: await createSession(ctx, user.id, "full") };
}

/** Accepting an invitation or joining signs the person in: the portal's IP allow-list applies (PORTAL-3). */
function assertSignInAllowed(ctx: ServiceContext) {
  if (!ipAllowed(ctx.ip, ctx.tenant.settings.ipAllowList)) throw forbidden("ip_not_allowed", "Sign-in from your network is not allowed by this portal.");
}

function registration(ctx: ServiceContext, token: string) {
  const r = ctx.tenant.settings.registration;
  if (!r.enabled || !ctx.tenant.settings.registrationToken || token !== ctx.tenant.settings.registrationToken) {
    throw new AppError(404, "invalid_link", "This registration link is invalid or has been switched off.");
  }
  return r;
}

export function describeRegistration(ctx: ServiceContext, token: string) {
  const r = registration(ctx, token);
  return { portal: ctx.tenant.name, mode: r.mode, allowedDomains: r.allowedDomains };
}

/** USER-1 (b): open links join at once; closed ones wait for the admin unless the e-mail's domain is allowed. */
export async function join(ctx: ServiceContext, token: string, input: { name: string; email: string; password: string }) {
  const r = registration(ctx, token);
  const domain = input.email.split("@")[1];
  const immediate = r.mode === "open" || r.allowedDomains.includes(domain);
  if (immediate) assertSignInAllowed(ctx);
  const id = newId();
  const now = nowIso();
  try {
    await ctx.db.batch([
      ctx.db.insert(users).values({
        tenantId: ctx.tenant.id, id, email: input.email, name: input.name, role: "employee",
        status: immediate ? "active" : "pending_approval", emailConfirmed: immediate, departmentId: await rootDepartmentId(ctx),
        language: ctx.tenant.settings.defaultLanguage, timeZone: ctx.tenant.settings.timeZone,
        passwordHash: await hashPassword(input.password), createdAt: now, firstLoginAt: immediate ? now : null, lastSeenAt: immediate ? now : null,
      }),
      auditStatement(ctx, id, immediate ? "joined" : "join_requested", id),
    ]);
  } catch (e) {
    if (String((e as Error).cause ?? e).includes("UNIQUE")) throw conflict("email_taken", "This e-mail is already registered in the portal. Sign in instead.", "email");
    throw e;
  }
  if (!immediate) {
    await notifyAdmins(ctx, "registration_pending", { userId: id, userName: input.name, email: input.email });
    return { pending: true as const };
  }
  const user = await findUser(ctx, id);
  if (!(await grantSeatIfFree(ctx, id))) await notifySeatDenied(ctx, user);
  return { pending: false as const, user, session: await createSession(ctx, id, "full") };
}
