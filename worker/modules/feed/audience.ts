import { inList } from "../../../db/lists";
import { and, eq, sql } from "drizzle-orm";
import { departments, users } from "../../../db/schema/people";
import { feedAudience } from "../../../db/schema/feed";
import type { ActorContext, ServiceContext } from "../../context";
import { forbidden, notFound } from "../../lib/errors";
import type { FeedViewer } from "../../../durable-objects/feed-hub";
import { loadDepartments } from "../people/structure";
import type { AudienceInput } from "./schemas";

/**
 * The audience keys a user reads: the whole company, themself, their department and every department
 * above it (a department post reaches its sub-departments). Extranet users never read company posts.
 */
export async function viewerFor(ctx: ActorContext): Promise<FeedViewer> {
  const keys = [`u:${ctx.actor.id}`];
  if (ctx.actor.role !== "extranet") {
    keys.push("all");
    for (const d of await departmentChain(ctx)) keys.push(`d:${d.id}`);
  }
  return { userId: ctx.actor.id, keys, seesAll: ctx.actor.role === "admin" };
}

/** The actor's department and every one above it, in one query. */
async function departmentChain(ctx: ActorContext) {
  const t = ctx.tenant.id;
  return ctx.db.all<{ id: string }>(sql`
    WITH RECURSIVE chain(id, parent_id, depth) AS (
      SELECT d.id, d.parent_id, 0 FROM ${departments} d JOIN ${users} u ON u.tenant_id = d.tenant_id AND u.department_id = d.id
        WHERE u.tenant_id = ${t} AND u.id = ${ctx.actor.id}
      UNION ALL
      SELECT d.id, d.parent_id, chain.depth + 1 FROM ${departments} d JOIN chain ON d.id = chain.parent_id
        WHERE d.tenant_id = ${t} AND chain.depth < 64
    )
    SELECT id FROM chain`);
}

/** Validates every target inside the tenant (a foreign id is simply not found) and checks posting rights. */
export async function audienceKeys(ctx: ActorContext, audience: AudienceInput, mentions: string[]): Promise<string[]> {
  const keys = new Set<string>([`u:${ctx.actor.id}`]);
  if (audience.company) {
    const rule = ctx.tenant.settings.feedPosting;
    if (ctx.actor.role === "extranet") throw forbidden("posting_restricted", "Extranet users can post only to their groups.");
    if (rule.mode === "list" && ctx.actor.role !== "admin" && !rule.userIds.includes(ctx.actor.id)) {
      throw forbidden("posting_restricted", "Only chosen people may post to the whole company. Choose departments or people instead.");
    }
    keys.add("all");
  }
  if (audience.departmentIds.length) {
    const all = new Set((await loadDepartments(ctx)).map((d) => d.id));
    for (const id of audience.departmentIds) {
      if (!all.has(id)) throw notFound("Department");
      keys.add(`d:${id}`);
    }
  }
  // Workgroups arrive with their module; until then no group id exists in any portal.
  if (audience.groupIds.length) throw notFound("Group");
  const userIds = [...new Set([...audience.userIds, ...mentions])];
  if (userIds.length) {
    const found = await ctx.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.tenantId, ctx.tenant.id), eq(users.status, "active"), inList(users.id, userIds)))
      .all();
    if (found.length !== userIds.length) throw notFound("User");
    for (const u of userIds) keys.add(`u:${u}`);
  }
  return [...keys];
}

export function canRead(viewer: FeedViewer, postKeys: string[]): boolean {
  return viewer.seesAll || postKeys.some((k) => viewer.keys.includes(k));
}

export async function postAudience(ctx: ServiceContext, postId: string): Promise<string[]> {
  const rows = await ctx.db.select({ key: feedAudience.key }).from(feedAudience).where(and(eq(feedAudience.tenantId, ctx.tenant.id), eq(feedAudience.postId, postId))).all();
  return rows.map((r) => r.key);
}
