import { inList } from "../../../db/lists";
import { and, eq, sql, type SQL } from "drizzle-orm";
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
 * As a subquery, so a feed page filters by them without a round trip to learn them first.
 */
export function readerKeysSql(ctx: ActorContext): SQL {
  const t = ctx.tenant.id;
  if (ctx.actor.role === "extranet") return sql`(select value from json_each(${JSON.stringify([`u:${ctx.actor.id}`])}))`;
  return sql`(
    select value from json_each(${JSON.stringify([`u:${ctx.actor.id}`, "all"])})
    union all
    select 'd:' || id from (
      WITH RECURSIVE chain(id, parent_id, depth) AS (
        SELECT d.id, d.parent_id, 0 FROM ${departments} d JOIN ${users} u ON u.tenant_id = d.tenant_id AND u.department_id = d.id
          WHERE u.tenant_id = ${t} AND u.id = ${ctx.actor.id}
        UNION ALL
        SELECT d.id, d.parent_id, chain.depth + 1 FROM ${departments} d JOIN chain ON d.id = chain.parent_id
          WHERE d.tenant_id = ${t} AND chain.depth < 64
      )
      SELECT id FROM chain
    )
  )`;
}

export async function viewerFor(ctx: ActorContext): Promise<FeedViewer> {
  const rows = await ctx.db.all<{ value: string }>(sql`select value from ${readerKeysSql(ctx)}`);
  return { userId: ctx.actor.id, keys: rows.map((r) => r.value), seesAll: ctx.actor.role === "admin" };
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
