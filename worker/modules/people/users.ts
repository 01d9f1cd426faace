import { and, eq, or, like, gt, sql, ne } from "drizzle-orm";
import type { z } from "zod";
import { users } from "../../../db/schema/people";
import type { ActorContext, ServiceContext } from "../../context";
import { badRequest, conflict, forbidden, notFound } from "../../lib/errors";
import { newId } from "../../lib/crypto";
import { hashPassword } from "../../lib/password";
import { nowIso } from "../../lib/time";
import { decodeCursor, encodeCursor } from "../../lib/cursor";
import { endAllSessionsStatement } from "../auth/sessions";
import { auditStatement } from "../portal/audit";
import { grantSeatIfFree, notifySeatDenied } from "../portal/seats";
import { PLAN_LIMITS } from "../portal/plans";
import { toUserDto } from "./serialize";
import { feedHub, userHub } from "../../lib/hubs";
import { disconnectFromChats } from "../chat/chats";
import { loadDepartments, managerOf, managedDepartmentIds, rootDepartmentId } from "./structure";
import type { createUserSchema, listUsersQuery, updateUserSchema } from "./schemas";

export async function findUser(ctx: ServiceContext, id: string) {
  const u = await ctx.db.select().from(users).where(and(eq(users.tenantId, ctx.tenant.id), eq(users.id, id))).get();
  if (!u) throw notFound("User");
  return u;
}

/** The directory (STRUCT-2): active people by default; other states only for administrators. */
export async function listUsers(ctx: ActorContext, q: z.infer<typeof listUsersQuery>) {
  if (ctx.actor.role === "extranet") {
    return { items: [toUserDto(await findUser(ctx, ctx.actor.id))], nextCursor: null };
  }
  const status = q.status ?? "active";
  if (status !== "active" && ctx.actor.role !== "admin") throw forbidden("admin_only", "Only administrators can list inactive users.");
  const after = q.cursor ? decodeCursor(q.cursor, 2) : null;
  // instr, not LIKE: D1 refuses LIKE patterns over 50 bytes ("pattern too complex"), and q may have 100 characters.
  const term = q.q || null;
  const has = (column: typeof users.name | typeof users.email | typeof users.position) => sql`instr(lower(${column}), lower(${term})) > 0`;
  const rows = await ctx.db
    .select()
    .from(users)
    .where(
      and(
        eq(users.tenantId, ctx.tenant.id),
        eq(users.status, status),
        q.departmentId ? eq(users.departmentId, q.departmentId) : undefined,
        term ? or(has(users.name), has(users.email), has(users.position)) : undefined,
        after ? or(gt(users.name, after[0]), and(eq(users.name, after[0]), gt(users.id, after[1]))) : undefined,
      ),
    )
    .orderBy(users.name, users.id)
    .limit(q.limit + 1)
    .all();
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return { items: page.map(toUserDto), nextCursor: rows.length > q.limit && last ? encodeCursor([last.name, last.id]) : null };
}

/** A profile with the manager and direct reports derived from the structure tree. */
export async function getProfile(ctx: ActorContext, id: string) {
  if (ctx.actor.role === "extranet" && id !== ctx.actor.id) throw notFound("User");
  const user = await findUser(ctx, id);
  const all = await loadDepartments(ctx);
  const managerId = managerOf(all, user);
  const manager = managerId ? await findUser(ctx, managerId).catch(() => null) : null;
  const managed = managedDepartmentIds(all, user.id);
  const department = all.find((d) => d.id === user.departmentId);
  return {
    user: toUserDto(user),
    department: department ? { id: department.id, name: department.name } : null,
    manager: manager ? { id: manager.id, name: manager.name, position: manager.position } : null,
    headOf: all.filter((d) => d.headUserId === user.id).map((d) => ({ id: d.id, name: d.name })),
    managesDepartmentIds: managed,
  };
}

/** USER-1 (c): the administrator registers someone directly, with a first password they may change. */
export async function createUser(ctx: ActorContext, input: z.infer<typeof createUserSchema>) {
  const departmentId = input.departmentId ?? (await rootDepartmentId(ctx));
  await loadDepartments(ctx).then((all) => {
    if (!all.some((d) => d.id === departmentId)) throw notFound("Department");
  });
  const id = newId();
  try {
    await ctx.db.batch([
      ctx.db.insert(users).values({
        tenantId: ctx.tenant.id, id, email: input.email, name: input.name, position: input.position, role: input.role,
        status: "active", emailConfirmed: true, departmentId, language: ctx.tenant.settings.defaultLanguage,
        timeZone: ctx.tenant.settings.timeZone, passwordHash: await hashPassword(input.password), createdAt: nowIso(),
      }),
      auditStatement(ctx, ctx.actor.id, "user_created", id),
    ]);
  } catch (e) {
    if (String((e as Error).cause ?? e).includes("UNIQUE")) throw conflict("email_taken", "Someone with this e-mail is already in the portal.", "email");
    throw e;
  }
  return toUserDto(await findUser(ctx, id));
}

export async function updateUser(ctx: ActorContext, id: string, patch: z.infer<typeof updateUserSchema>) {
  const isAdmin = ctx.actor.role === "admin";
  if (!isAdmin && id !== ctx.actor.id) throw forbidden("admin_only", "Only administrators can edit other people's profiles.");
  if (!isAdmin && (patch.role || patch.departmentId)) throw forbidden("admin_only", "Only administrators can change roles and departments.");
  const user = await findUser(ctx, id);
  if (patch.role === "extranet" && !PLAN_LIMITS[ctx.tenant.plan].extranet) throw forbidden("plan_limit", "Extranet users are available on the Standard and Professional plans.");
  if (patch.role && patch.role !== "admin" && user.role === "admin") await assertAnotherAdmin(ctx, id);
  if (patch.departmentId && !(await loadDepartments(ctx)).some((d) => d.id === patch.departmentId)) throw notFound("Department");
  if (!Object.keys(patch).length) return toUserDto(user);
  await ctx.db.batch([
    ctx.db.update(users).set(patch).where(and(eq(users.tenantId, ctx.tenant.id), eq(users.id, id))),
    ...(patch.role && patch.role !== user.role ? [auditStatement(ctx, ctx.actor.id, "role_changed", id, { from: user.role, to: patch.role })] : []),
  ]);
  return toUserDto(await findUser(ctx, id));
}

async function assertAnotherAdmin(ctx: ServiceContext, exceptId: string) {
  const other = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.tenantId, ctx.tenant.id), eq(users.role, "admin"), eq(users.status, "active"), ne(users.id, exceptId)))
    .get();
  if (!other) throw conflict("last_admin", "The portal needs at least one active administrator.");
}

/** USER-3: sign-in blocked and sessions ended at once; profile and content stay. */
export async function dismissUser(ctx: ActorContext, id: string) {
  if (id === ctx.actor.id) throw badRequest("You cannot dismiss yourself.", "self");
  const user = await findUser(ctx, id);
  if (user.status !== "active") throw conflict("not_active", "Only active users can be dismissed.");
  if (user.role === "admin") await assertAnotherAdmin(ctx, id);
  await ctx.db.batch([
    ctx.db.update(users).set({ status: "dismissed" }).where(and(eq(users.tenantId, ctx.tenant.id), eq(users.id, id))),
    endAllSessionsStatement(ctx, id),
    auditStatement(ctx, ctx.actor.id, "user_dismissed", id),
  ]);
  // Sessions are gone; live sockets of every open tab close now too (USER-3).
  await Promise.all([userHub(ctx.env, ctx.tenant.id, id).disconnectAll("dismissed"), feedHub(ctx.env, ctx.tenant.id).disconnectUser(id), disconnectFromChats(ctx, id)]);
  return toUserDto(await findUser(ctx, id));
}

export async function reactivateUser(ctx: ActorContext, id: string) {
  const user = await findUser(ctx, id);
  if (user.status !== "dismissed") throw conflict("not_dismissed", "Only dismissed users can be re-activated.");
  await ctx.db.batch([
    ctx.db.update(users).set({ status: "active" }).where(and(eq(users.tenantId, ctx.tenant.id), eq(users.id, id))),
    auditStatement(ctx, ctx.actor.id, "user_reactivated", id),
  ]);
  return toUserDto(await findUser(ctx, id));
}

/** Closed quick registration: the administrator lets a pending person in. */
export async function approveUser(ctx: ActorContext, id: string) {
  const user = await findUser(ctx, id);
  if (user.status !== "pending_approval") throw conflict("not_pending", "This person is not waiting for approval.");
  await ctx.db.batch([
    ctx.db.update(users).set({ status: "active", emailConfirmed: true }).where(and(eq(users.tenantId, ctx.tenant.id), eq(users.id, id))),
    auditStatement(ctx, ctx.actor.id, "user_approved", id),
  ]);
  if (!user.businessUser && !(await grantSeatIfFree(ctx, id))) await notifySeatDenied(ctx, user);
  return toUserDto(await findUser(ctx, id));
}

/** Only people who never joined (pending invitation or registration) can be removed for good. */
export async function removePendingUser(ctx: ActorContext, id: string) {
  const user = await findUser(ctx, id);
  if (user.status !== "invited" && user.status !== "pending_approval") {
    throw conflict("has_profile", "People who joined are never deleted; dismiss them instead.");
  }
  await ctx.db.batch([
    ctx.db.delete(users).where(and(eq(users.tenantId, ctx.tenant.id), eq(users.id, id))),
    auditStatement(ctx, ctx.actor.id, "user_removed", id, { email: user.email }),
  ]);
}

/** Seen at most once a minute, so presence stays roughly right without a write per request. */
export async function touchLastSeen(ctx: ActorContext) {
  const cutoff = new Date(Date.now() - 60_000).toISOString();
  await ctx.db
    .update(users)
    .set({ lastSeenAt: nowIso() })
    .where(and(eq(users.tenantId, ctx.tenant.id), eq(users.id, ctx.actor.id), or(sql`${users.lastSeenAt} IS NULL`, sql`${users.lastSeenAt} < ${cutoff}`)));
}
