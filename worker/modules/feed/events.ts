import { insertRows } from "../../../db/lists";
import { and, eq } from "drizzle-orm";
import { feedAudience, feedPosts } from "../../../db/schema/feed";
import type { ServiceContext } from "../../context";
import { newId } from "../../lib/crypto";
import { nowIso } from "../../lib/time";
import { sanitizeHtml } from "../../lib/sanitize";
import { hydratePosts } from "./serialize";
import { fanOut, neutral } from "./posts";

export interface FeedEventInput {
  /** "task.created", "task.completed", "file.shared", "event.created", "deal.won", … */
  eventType: string;
  actorId: string;
  /** Audience keys as in feed_audience: "all", "u:<id>", "d:<id>", "g:<id>". */
  audience: string[];
  title: string;
  text?: string;
  data?: Record<string, unknown>;
}

/** FEED-3: how other modules put their events into the feed, for their audience, live. */
export async function publishFeedEvent(ctx: ServiceContext, input: FeedEventInput) {
  const t = ctx.tenant.id;
  const id = newId();
  const keys = [...new Set([...input.audience, `u:${input.actorId}`])];
  const row = {
    tenantId: t, id, authorId: input.actorId, type: "event" as const, eventType: input.eventType, eventData: input.data ?? {},
    title: input.title, text: sanitizeHtml(input.text ?? ""), attachments: [], poll: null, createdAt: nowIso(),
  };
  await ctx.db.batch([ctx.db.insert(feedPosts).values(row), ...insertRows(ctx.db, feedAudience, keys.map((key) => ({ tenantId: t, postId: id, key })))]);
  const stored = (await ctx.db.select().from(feedPosts).where(and(eq(feedPosts.tenantId, t), eq(feedPosts.id, id))).get())!;
  const [dto] = await hydratePosts(ctx, { userId: input.actorId, keys, seesAll: false }, [stored]);
  await fanOut(ctx, [{ kind: "post.created", postId: id, post: neutral(dto) }], keys);
  return dto;
}
