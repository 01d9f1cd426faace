import { and, eq, sql, isNull } from "drizzle-orm";
import type { z } from "zod";
import { departments, users } from "../../../db/schema/people";
import type { ActorContext, ServiceContext } from "../../context";
import { badRequest, notFound, conflict } from "../../lib/errors";
import { newId } from "../../lib/crypto";
import { nowIso } from "../../lib/time";
import type { departmentCreateSchema, departmentPatchSchema } from "./schemas";

type Department = typeof departments.$inferSelect;

export async function loadDepartments(ctx: ServiceContext): Promise<Department[]> {
  return ctx.db.select().from(departments).where(eq(departments.tenantId, ctx.tenant.id)).orderBy(departments.sort, departments.name).all();
}

export async function listDepartments(ctx: ServiceContext) {
  const [all, counts] = await Promise.all([
    loadDepartments(ctx),
    ctx.db
      .select({ departmentId: users.departmentId, n: sql<number>`count(*)` })
      .from(users)
      .where(and(eq(users.tenantId, ctx.tenant.id), eq(users.status, "active")))
      .groupBy(users.departmentId)
      .all(),
  ]);
  const byDept = new Map(counts.map((c) => [c.departmentId, c.n]));
  return all.map(({ tenantId: _t, ...d }) => ({ ...d, employeeCount: byDept.get(d.id) ?? 0 }));
}

async function getDepartment(ctx: ServiceContext, id: string) {
  const d = await ctx.db.select().from(departments).where(and(eq(departments.tenantId, ctx.tenant.id), eq(departments.id, id))).get();
  if (!d) throw notFound("Department");
  return d;
}

async function assertActiveUser(ctx: ServiceContext, userId: string, field: string) {
  const u = await ctx.db.select({ id: users.id }).from(users).where(and(eq(users.tenantId, ctx.tenant.id), eq(users.id, userId), eq(users.status, "active"))).get();
  if (!u) throw badRequest("Choose an active employee of this portal.", "invalid_user", field);
}

export async function createDepartment(ctx: ActorContext, input: z.infer<typeof departmentCreateSchema>) {
  await getDepartment(ctx, input.parentId);
  if (input.headUserId) await assertActiveUser(ctx, input.headUserId, "headUserId");
  const row = { tenantId: ctx.tenant.id, id: newId(), name: input.name, parentId: input.parentId, headUserId: input.headUserId ?? null, sort: 0, createdAt: nowIso() };
  await ctx.db.insert(departments).values(row);
  const { tenantId: _t, ...dto } = row;
  return { ...dto, employeeCount: 0 };
}

/** Ancestors of a department, nearest first. */
export function ancestors(all: Department[], id: string | null): Department[] {
  const byId = new Map(all.map((d) => [d.id, d]));
  const out: Department[] = [];
  let cur = id ? byId.get(id) : undefined;
  while (cur && out.length <= all.length) {
    out.push(cur);
    cur = cur.parentId ? byId.get(cur.parentId) : undefined;
  }
  return out;
}

export async function updateDepartment(ctx: ActorContext, id: string, patch: z.infer<typeof departmentPatchSchema>) {
  const dept = await getDepartment(ctx, id);
  if (patch.parentId !== undefined) {
    if (!dept.parentId) throw badRequest("The company's top department cannot be moved.", "root_department", "parentId");
    const all = await loadDepartments(ctx);
    if (!all.some((d) => d.id === patch.parentId)) throw notFound("Department");
    if (ancestors(all, patch.parentId).some((d) => d.id === id)) throw conflict("cycle", "A department cannot move under itself or its sub-departments.", "parentId");
  }
  if (patch.headUserId) await assertActiveUser(ctx, patch.headUserId, "headUserId");
  if (Object.keys(patch).length) await ctx.db.update(departments).set(patch).where(and(eq(departments.tenantId, ctx.tenant.id), eq(departments.id, id)));
  return (await listDepartments(ctx)).find((d) => d.id === id)!;
}

/** Deleting keeps people and sub-departments: both move up to the parent, in one batch. */
export async function deleteDepartment(ctx: ActorContext, id: string) {
  const dept = await getDepartment(ctx, id);
  if (!dept.parentId) throw badRequest("The company's top department cannot be deleted.", "root_department");
  const t = ctx.tenant.id;
  await ctx.db.batch([
    ctx.db.update(users).set({ departmentId: dept.parentId }).where(and(eq(users.tenantId, t), eq(users.departmentId, id))),
    ctx.db.update(departments).set({ parentId: dept.parentId }).where(and(eq(departments.tenantId, t), eq(departments.parentId, id))),
    ctx.db.delete(departments).where(and(eq(departments.tenantId, t), eq(departments.id, id))),
  ]);
}

export async function moveMember(ctx: ActorContext, departmentId: string, userId: string) {
  await getDepartment(ctx, departmentId);
  const res = await ctx.db
    .update(users)
    .set({ departmentId })
    .where(and(eq(users.tenantId, ctx.tenant.id), eq(users.id, userId)))
    .returning({ id: users.id })
    .all();
  if (!res.length) throw notFound("User");
}

export async function rootDepartmentId(ctx: ServiceContext): Promise<string> {
  const root = await ctx.db.select({ id: departments.id }).from(departments).where(and(eq(departments.tenantId, ctx.tenant.id), isNull(departments.parentId))).get();
  if (!root) throw new Error("Portal has no root department");
  return root.id;
}

/** STRUCT-1: the nearest head above a user (skipping the user themself when they head their own department). */
export function managerOf(all: Department[], user: { id: string; departmentId: string | null }): string | null {
  for (const d of ancestors(all, user.departmentId)) {
    if (d.headUserId && d.headUserId !== user.id) return d.headUserId;
  }
  return null;
}

/** Departments a user heads, with all their sub-departments: the user manages everyone in them. */
export function managedDepartmentIds(all: Department[], userId: string): string[] {
  const heads = all.filter((d) => d.headUserId === userId).map((d) => d.id);
  const out = new Set(heads);
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of all) if (d.parentId && out.has(d.parentId) && !out.has(d.id)) (out.add(d.id), (grew = true));
  }
  return [...out];
}
