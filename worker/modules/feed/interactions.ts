import { inList, insertRows } from "../../../db/lists";
import { and, eq, gt, or, sql } from "drizzle-orm";
import { feedComments, feedLikes, feedPollOptions, feedPollVotes, feedPosts } from "../../../db/schema/feed";
import { users } from "../../../db/schema/people";
import type { ActorContext } from "../../context";
import { badRequest, forbidden, notFound } from "../../lib/errors";
import { newId } from "../../lib/crypto";
import { nowIso } from "../../lib/time";
import { decodeCursor, encodeCursor } from "../../lib/cursor";
import { plainText, sanitizeHtml } from "../../lib/sanitize";
import { notify } from "../notifications/service";
import { commentDto } from "./serialize";
import { fanOut, getPost, readablePost } from "./posts";

const postWhere = (ctx: ActorContext, postId: string) => and(eq(feedPosts.tenantId, ctx.tenant.id), eq(feedPosts.id, postId));
const countComments = (ctx: ActorContext, postId: string) => sql`(SELECT count(*) FROM ${feedComments} WHERE ${feedComments.tenantId} = ${ctx.tenant.id} AND ${feedComments.postId} = ${postId})`;

async function authorsOf(ctx: ActorContext, ids: string[]) {
  const rows = await ctx.db.select({ id: users.id, name: users.name, hasPhoto: users.hasPhoto }).from(users).where(and(eq(users.tenantId, ctx.tenant.id), inList(users.id, ids.length ? ids : [""]))).all();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function addComment(ctx: ActorContext, postId: string, text: string) {
  const { post, keys } = await readablePost(ctx, postId);
  const row = { tenantId: ctx.tenant.id, id: newId(), postId, authorId: ctx.actor.id, text: sanitizeHtml(text), likeCount: 0, createdAt: nowIso(), updatedAt: null };
  if (!row.text) throw badRequest("Write something first.", "validation", "text");
  const [, updated] = await ctx.db.batch([
    ctx.db.insert(feedComments).values(row),
    ctx.db.update(feedPosts).set({ commentCount: countComments(ctx, postId) }).where(postWhere(ctx, postId)).returning({ commentCount: feedPosts.commentCount }),
  ]);
  const dto = commentDto(row, await authorsOf(ctx, [ctx.actor.id]));
  await fanOut(ctx, [{ kind: "comment.created", postId, comment: dto, commentCount: updated[0].commentCount }], keys);
  if (post.authorId !== ctx.actor.id) {
    await notify(ctx, [post.authorId], "feed.comment", { postId, commentId: row.id, authorId: ctx.actor.id, authorName: ctx.actor.name, excerpt: plainText(row.text) });
  }
  return dto;
}

export async function listComments(ctx: ActorContext, postId: string, cursor: string | undefined, limit: number) {
  await readablePost(ctx, postId);
  const after = cursor ? decodeCursor(cursor, 2) : null;
  const rows = await ctx.db
    .select()
    .from(feedComments)
    .where(and(eq(feedComments.tenantId, ctx.tenant.id), eq(feedComments.postId, postId), after ? or(gt(feedComments.createdAt, after[0]), and(eq(feedComments.createdAt, after[0]), gt(feedComments.id, after[1]))) : undefined))
    .orderBy(feedComments.createdAt, feedComments.id)
    .limit(limit + 1)
    .all();
  const page = rows.slice(0, limit);
  const liked = new Set(
    (await ctx.db.select({ id: feedLikes.commentId }).from(feedLikes).where(and(eq(feedLikes.tenantId, ctx.tenant.id), eq(feedLikes.postId, postId), eq(feedLikes.userId, ctx.actor.id))).all()).map((l) => l.id),
  );
  const authors = await authorsOf(ctx, [...new Set(page.map((c) => c.authorId))]);
  const last = page[page.length - 1];
  return { items: page.map((c) => commentDto(c, authors, liked.has(c.id))), nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt, last.id]) : null };
}

async function readableComment(ctx: ActorContext, commentId: string) {
  const comment = await ctx.db.select().from(feedComments).where(and(eq(feedComments.tenantId, ctx.tenant.id), eq(feedComments.id, commentId))).get();
  if (!comment) throw notFound("Comment");
  const { keys } = await readablePost(ctx, comment.postId).catch(() => {
    throw notFound("Comment");
  });
  return { comment, keys };
}

function assertCommentAuthor(ctx: ActorContext, comment: { authorId: string }) {
  if (comment.authorId !== ctx.actor.id && ctx.actor.role !== "admin") throw forbidden("not_author", "Only the author or an administrator can change this comment.");
}

export async function updateComment(ctx: ActorContext, commentId: string, text: string) {
  const { comment, keys } = await readableComment(ctx, commentId);
  assertCommentAuthor(ctx, comment);
  const next = { ...comment, text: sanitizeHtml(text), updatedAt: nowIso() };
  if (!next.text) throw badRequest("Write something first.", "validation", "text");
  await ctx.db.update(feedComments).set({ text: next.text, updatedAt: next.updatedAt }).where(and(eq(feedComments.tenantId, ctx.tenant.id), eq(feedComments.id, commentId)));
  const dto = commentDto(next, await authorsOf(ctx, [comment.authorId]));
  await fanOut(ctx, [{ kind: "comment.updated", postId: comment.postId, comment: dto }], keys);
  return dto;
}

export async function deleteComment(ctx: ActorContext, commentId: string) {
  const { comment, keys } = await readableComment(ctx, commentId);
  assertCommentAuthor(ctx, comment);
  const t = ctx.tenant.id;
  const [, , updated] = await ctx.db.batch([
    ctx.db.delete(feedLikes).where(and(eq(feedLikes.tenantId, t), eq(feedLikes.postId, comment.postId), eq(feedLikes.commentId, commentId))),
    ctx.db.delete(feedComments).where(and(eq(feedComments.tenantId, t), eq(feedComments.id, commentId))),
    ctx.db.update(feedPosts).set({ commentCount: countComments(ctx, comment.postId) }).where(postWhere(ctx, comment.postId)).returning({ commentCount: feedPosts.commentCount }),
  ]);
  await fanOut(ctx, [{ kind: "comment.deleted", postId: comment.postId, commentId, commentCount: updated[0].commentCount }], keys);
}

/** FEED-2 likes on a post (commentId "") or a comment; idempotent both ways. */
export async function setLike(ctx: ActorContext, postId: string, commentId: string, liked: boolean) {
  const { keys } = await readablePost(ctx, postId);
  const t = ctx.tenant.id;
  if (commentId) {
    const c = await ctx.db.select({ id: feedComments.id }).from(feedComments).where(and(eq(feedComments.tenantId, t), eq(feedComments.id, commentId), eq(feedComments.postId, postId))).get();
    if (!c) throw notFound("Comment");
  }
  const likeWhere = and(eq(feedLikes.tenantId, t), eq(feedLikes.postId, postId), eq(feedLikes.commentId, commentId));
  const count = sql`(SELECT count(*) FROM ${feedLikes} WHERE ${likeWhere})`;
  const write = liked
    ? ctx.db.insert(feedLikes).values({ tenantId: t, postId, commentId, userId: ctx.actor.id, createdAt: nowIso() }).onConflictDoNothing()
    : ctx.db.delete(feedLikes).where(and(likeWhere, eq(feedLikes.userId, ctx.actor.id)));
  const recount = commentId
    ? ctx.db.update(feedComments).set({ likeCount: count }).where(and(eq(feedComments.tenantId, t), eq(feedComments.id, commentId))).returning({ likeCount: feedComments.likeCount })
    : ctx.db.update(feedPosts).set({ likeCount: count }).where(postWhere(ctx, postId)).returning({ likeCount: feedPosts.likeCount });
  const [, updated] = await ctx.db.batch([write, recount]);
  const likeCount = updated[0].likeCount;
  await fanOut(ctx, [{ kind: "like", postId, ...(commentId ? { commentId } : {}), likeCount, userId: ctx.actor.id, liked }], keys);
  return { likeCount, likedByMe: liked };
}

/** FEED-1 polls: one answer or several; a new vote replaces the old; results show after voting. */
export async function vote(ctx: ActorContext, postId: string, optionIds: string[]) {
  const { post, keys } = await readablePost(ctx, postId);
  if (!post.poll) throw notFound("Poll");
  const chosen = [...new Set(optionIds)];
  if (!post.poll.multiple && chosen.length !== 1) throw badRequest("This poll takes exactly one answer.", "single_choice", "optionIds");
  const t = ctx.tenant.id;
  const options = await ctx.db.select({ id: feedPollOptions.id }).from(feedPollOptions).where(and(eq(feedPollOptions.tenantId, t), eq(feedPollOptions.postId, postId))).all();
  const valid = new Set(options.map((o) => o.id));
  if (chosen.some((id) => !valid.has(id))) throw badRequest("Choose answers of this poll.", "invalid_option", "optionIds");
  const votesOf = (optionId: string) => sql`(SELECT count(*) FROM ${feedPollVotes} WHERE ${feedPollVotes.tenantId} = ${t} AND ${feedPollVotes.postId} = ${postId} AND ${feedPollVotes.optionId} = ${optionId})`;
  const now = nowIso();
  await ctx.db.batch([
    ctx.db.delete(feedPollVotes).where(and(eq(feedPollVotes.tenantId, t), eq(feedPollVotes.postId, postId), eq(feedPollVotes.userId, ctx.actor.id))),
    ...insertRows(ctx.db, feedPollVotes, chosen.map((optionId) => ({ tenantId: t, postId, optionId, userId: ctx.actor.id, createdAt: now }))),
    ...options.map((o) => ctx.db.update(feedPollOptions).set({ votes: votesOf(o.id) }).where(and(eq(feedPollOptions.tenantId, t), eq(feedPollOptions.postId, postId), eq(feedPollOptions.id, o.id)))),
  ]);
  const dto = await getPost(ctx, postId);
  await fanOut(ctx, [{ kind: "poll.voted", postId, totalVoters: dto.poll!.totalVoters ?? 0 }], keys);
  if (post.authorId !== ctx.actor.id) {
    await notify(ctx, [post.authorId], "feed.poll_vote", { postId, authorId: ctx.actor.id, authorName: ctx.actor.name, question: post.poll.question });
  }
  return dto;
}
