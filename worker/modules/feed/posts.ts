import { insertRows } from "../../../db/lists";
import { and, eq, desc, lt, or, gte, lte, exists, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { feedAudience, feedComments, feedLikes, feedMentions, feedPollOptions, feedPollVotes, feedPosts } from "../../../db/schema/feed";
import type { ActorContext, ServiceContext } from "../../context";
import type { FeedViewer } from "../../../durable-objects/feed-hub";
import { forbidden, notFound } from "../../lib/errors";
import { newId } from "../../lib/crypto";
import { nowIso } from "../../lib/time";
import { decodeCursor, encodeCursor } from "../../lib/cursor";
import { feedHub } from "../../lib/hubs";
import { plainText, sanitizeHtml } from "../../lib/sanitize";
import { notify } from "../notifications/service";
import { audienceKeys, canRead, postAudience, readerKeysSql, viewerFor } from "./audience";
import { hydratePosts, type PostDto } from "./serialize";
import type { createPostSchema, FeedQuery, updatePostSchema } from "./schemas";
import type { FeedEvent } from "../../../durable-objects/protocol";

/** Hands stored changes to the portal's FeedHub, which delivers them to those who may read them. */
export async function fanOut(ctx: ServiceContext, events: FeedEvent[], audience: string[]) {
  await feedHub(ctx.env, ctx.tenant.id).publish(events, audience);
}

/** A post the viewer may read, or 404: unreadable and nonexistent look the same. */
export async function readablePost(ctx: ActorContext, postId: string, viewer?: FeedViewer) {
  const v = viewer ?? (await viewerFor(ctx));
  const post = await ctx.db.select().from(feedPosts).where(and(eq(feedPosts.tenantId, ctx.tenant.id), eq(feedPosts.id, postId))).get();
  if (!post) throw notFound("Post");
  const keys = await postAudience(ctx, postId);
  if (!canRead(v, keys)) throw notFound("Post");
  return { post, keys, viewer: v };
}

export async function createPost(ctx: ActorContext, input: z.infer<typeof createPostSchema>) {
  const keys = await audienceKeys(ctx, input.audience, input.mentions);
  const t = ctx.tenant.id;
  const id = newId();
  const now = nowIso();
  const text = sanitizeHtml(input.text);
  const poll = input.poll ? { question: input.poll.question, multiple: input.poll.multiple } : null;
  const mentions = [...new Set(input.mentions)].filter((u) => u !== ctx.actor.id);
  const row = { tenantId: t, id, authorId: ctx.actor.id, type: "post" as const, eventType: null, eventData: null, title: input.title, text, attachments: input.attachments, poll, commentCount: 0, likeCount: 0, createdAt: now, updatedAt: null };
  await ctx.db.batch([
    ctx.db.insert(feedPosts).values(row),
    ...insertRows(ctx.db, feedAudience, keys.map((key) => ({ tenantId: t, postId: id, key }))),
    ...mentions.map((userId) => ctx.db.insert(feedMentions).values({ tenantId: t, postId: id, userId })),
    ...(input.poll?.options ?? []).map((text, sort) => ctx.db.insert(feedPollOptions).values({ tenantId: t, postId: id, id: newId(), text, sort })),
  ]);
  // The author's own view of what was just written: no need to read it back or load their audience keys.
  const [dto] = await hydratePosts(ctx, { userId: ctx.actor.id, keys: [], seesAll: ctx.actor.role === "admin" }, [row]);
  await Promise.all([
    fanOut(ctx, [{ kind: "post.created", postId: id, post: neutral(dto) }], keys),
    notify(ctx, mentions, "feed.mention", { postId: id, authorId: ctx.actor.id, authorName: ctx.actor.name, excerpt: plainText(text || input.title) }),
  ]);
  return dto;
}

/** The part of a post that is the same for every reader (no likedByMe, no poll results). */
export function neutral(dto: PostDto) {
  return {
    ...dto,
    likedByMe: false,
    canEdit: false,
    poll: dto.poll ? { ...dto.poll, options: dto.poll.options.map((o) => ({ ...o, votes: null })), totalVoters: null, myVotes: [] } : null,
    comments: dto.comments.map((c) => ({ ...c, likedByMe: false })),
  };
}

/** FEED-4: newest first by keyset cursor; filters by author, type, group, department, dates, mentions. */
export async function listFeed(ctx: ActorContext, q: FeedQuery) {
  // hydratePosts needs who is reading, not their audience keys: those stay inside the query below.
  const viewer: FeedViewer = { userId: ctx.actor.id, keys: [], seesAll: ctx.actor.role === "admin" };
  const t = ctx.tenant.id;
  const after = q.cursor ? decodeCursor(q.cursor, 2) : null;
  const audienceIn = (keys: SQL) =>
    exists(ctx.db.select({ one: sql`1` }).from(feedAudience).where(and(eq(feedAudience.tenantId, t), eq(feedAudience.postId, feedPosts.id), sql`${feedAudience.key} in ${keys}`)));
  const audienceMatch = (keys: string[]) => audienceIn(sql`(select value from json_each(${JSON.stringify(keys)}))`);
  const rows = await ctx.db
    .select()
    .from(feedPosts)
    .where(
      and(
        eq(feedPosts.tenantId, t),
        viewer.seesAll ? undefined : audienceIn(readerKeysSql(ctx)),
        q.authorId ? eq(feedPosts.authorId, q.authorId) : undefined,
        q.type ? eq(feedPosts.type, q.type) : undefined,
        q.eventType ? eq(feedPosts.eventType, q.eventType) : undefined,
        q.groupId ? audienceMatch([`g:${q.groupId}`]) : undefined,
        q.departmentId ? audienceMatch([`d:${q.departmentId}`]) : undefined,
        q.from ? gte(feedPosts.createdAt, new Date(q.from).toISOString()) : undefined,
        q.to ? lte(feedPosts.createdAt, new Date(q.to).toISOString()) : undefined,
        q.mentionsMe
          ? exists(ctx.db.select({ one: sql`1` }).from(feedMentions).where(and(eq(feedMentions.tenantId, t), eq(feedMentions.postId, feedPosts.id), eq(feedMentions.userId, ctx.actor.id))))
          : undefined,
        after ? or(lt(feedPosts.createdAt, after[0]), and(eq(feedPosts.createdAt, after[0]), lt(feedPosts.id, after[1]))) : undefined,
      ),
    )
    .orderBy(desc(feedPosts.createdAt), desc(feedPosts.id))
    .limit(q.limit + 1)
    .all();
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return { items: await hydratePosts(ctx, viewer, page), nextCursor: rows.length > q.limit && last ? encodeCursor([last.createdAt, last.id]) : null };
}

export async function getPost(ctx: ActorContext, postId: string) {
  const { post, viewer } = await readablePost(ctx, postId);
  return (await hydratePosts(ctx, viewer, [post]))[0];
}

function assertCanEdit(ctx: ActorContext, post: { authorId: string; type: string }) {
  if (post.type !== "post") throw forbidden("not_editable", "Module events cannot be edited.");
  if (post.authorId !== ctx.actor.id && ctx.actor.role !== "admin") throw forbidden("not_author", "Only the author or an administrator can change this post.");
}

export async function updatePost(ctx: ActorContext, postId: string, patch: z.infer<typeof updatePostSchema>) {
  const { post, keys, viewer } = await readablePost(ctx, postId);
  assertCanEdit(ctx, post);
  const set = { ...patch, ...(patch.text !== undefined ? { text: sanitizeHtml(patch.text) } : {}), updatedAt: nowIso() };
  await ctx.db.update(feedPosts).set(set).where(and(eq(feedPosts.tenantId, ctx.tenant.id), eq(feedPosts.id, postId)));
  const [dto] = await hydratePosts(ctx, viewer, [{ ...post, ...set }]);
  await fanOut(ctx, [{ kind: "post.updated", postId, post: neutral(dto) }], keys);
  return dto;
}

/** Removes the post with everything hanging off it, in one batch. */
export async function deletePost(ctx: ActorContext, postId: string) {
  const { post, keys } = await readablePost(ctx, postId);
  assertCanEdit(ctx, post);
  const t = ctx.tenant.id;
  await ctx.db.batch([
    ctx.db.delete(feedComments).where(and(eq(feedComments.tenantId, t), eq(feedComments.postId, postId))),
    ctx.db.delete(feedLikes).where(and(eq(feedLikes.tenantId, t), eq(feedLikes.postId, postId))),
    ctx.db.delete(feedPollVotes).where(and(eq(feedPollVotes.tenantId, t), eq(feedPollVotes.postId, postId))),
    ctx.db.delete(feedPollOptions).where(and(eq(feedPollOptions.tenantId, t), eq(feedPollOptions.postId, postId))),
    ctx.db.delete(feedMentions).where(and(eq(feedMentions.tenantId, t), eq(feedMentions.postId, postId))),
    ctx.db.delete(feedAudience).where(and(eq(feedAudience.tenantId, t), eq(feedAudience.postId, postId))),
    ctx.db.delete(feedPosts).where(and(eq(feedPosts.tenantId, t), eq(feedPosts.id, postId))),
  ]);
  await fanOut(ctx, [{ kind: "post.deleted", postId }], keys);
}
