import { inList } from "../../../db/lists";
import { and, eq, lte, sql, getTableColumns } from "drizzle-orm";
import { users, departments } from "../../../db/schema/people";
import { feedAudience, feedComments, feedLikes, feedMentions, feedPollOptions, feedPollVotes, feedPosts } from "../../../db/schema/feed";
import type { ServiceContext } from "../../context";
import type { FeedViewer } from "../../../durable-objects/feed-hub";

type PostRow = typeof feedPosts.$inferSelect;
type CommentRow = typeof feedComments.$inferSelect;

const LATEST_COMMENTS = 3;

export function commentDto(c: CommentRow, authors: Map<string, { id: string; name: string; hasPhoto: boolean }>, likedByMe = false) {
  return { id: c.id, postId: c.postId, author: authors.get(c.authorId) ?? { id: c.authorId, name: "", hasPhoto: false }, text: c.text, likeCount: c.likeCount, likedByMe, createdAt: c.createdAt, updatedAt: c.updatedAt };
}
export type CommentDto = ReturnType<typeof commentDto>;

/** Turns post rows into what a viewer sees, loading everything related in one D1 round trip. */
export async function hydratePosts(ctx: ServiceContext, viewer: FeedViewer, posts: PostRow[]) {
  if (!posts.length) return [];
  const t = ctx.tenant.id;
  const ids = posts.map((p) => p.id);
  const ranked = ctx.db
    .select({ ...getTableColumns(feedComments), rn: sql<number>`row_number() OVER (PARTITION BY ${feedComments.postId} ORDER BY ${feedComments.createdAt} DESC)`.as("rn") })
    .from(feedComments)
    .where(and(eq(feedComments.tenantId, t), inList(feedComments.postId, ids)))
    .as("ranked");
  const inPosts = sql`(select value from json_each(${JSON.stringify(ids)}))`;
  const authorIds = JSON.stringify([...new Set(posts.map((p) => p.authorId))]);
  // Everyone the page names — authors, mentioned people, audience members, authors of the latest comments — in the same round trip.
  const named = sql`(
    select value from json_each(${authorIds})
    union select user_id from feed_mentions where tenant_id = ${t} and post_id in ${inPosts}
    union select substr(key, 3) from feed_audience where tenant_id = ${t} and post_id in ${inPosts} and key like 'u:%'
    union select author_id from (
      select author_id, row_number() over (partition by post_id order by created_at desc) as rn from feed_comments where tenant_id = ${t} and post_id in ${inPosts}
    ) where rn <= ${LATEST_COMMENTS}
  )`;
  const [audience, mentions, likes, options, votes, comments, people, depts] = await ctx.db.batch([
    ctx.db.select().from(feedAudience).where(and(eq(feedAudience.tenantId, t), inList(feedAudience.postId, ids))),
    ctx.db.select().from(feedMentions).where(and(eq(feedMentions.tenantId, t), inList(feedMentions.postId, ids))),
    ctx.db.select().from(feedLikes).where(and(eq(feedLikes.tenantId, t), inList(feedLikes.postId, ids), eq(feedLikes.userId, viewer.userId))),
    ctx.db.select().from(feedPollOptions).where(and(eq(feedPollOptions.tenantId, t), inList(feedPollOptions.postId, ids))).orderBy(feedPollOptions.sort),
    ctx.db.select().from(feedPollVotes).where(and(eq(feedPollVotes.tenantId, t), inList(feedPollVotes.postId, ids))),
    ctx.db.select().from(ranked).where(lte(ranked.rn, LATEST_COMMENTS)).orderBy(ranked.createdAt),
    ctx.db.select({ id: users.id, name: users.name, hasPhoto: users.hasPhoto }).from(users).where(and(eq(users.tenantId, t), sql`${users.id} in ${named}`)),
    ctx.db
      .select({ id: departments.id, name: departments.name })
      .from(departments)
      .where(and(eq(departments.tenantId, t), sql`${departments.id} in (select substr(key, 3) from feed_audience where tenant_id = ${t} and post_id in ${inPosts} and key like 'd:%')`)),
  ]);
  const person = new Map(people.map((p) => [p.id, p]));
  const deptName = new Map(depts.map((d) => [d.id, d.name]));
  const likedPost = new Set(likes.filter((l) => l.commentId === "").map((l) => l.postId));
  const likedComment = new Set(likes.filter((l) => l.commentId !== "").map((l) => l.commentId));

  return posts.map((p) => {
    const keys = audience.filter((a) => a.postId === p.id).map((a) => a.key);
    const pollVotes = votes.filter((v) => v.postId === p.id);
    const myVotes = pollVotes.filter((v) => v.userId === viewer.userId).map((v) => v.optionId);
    const showResults = myVotes.length > 0 || p.authorId === viewer.userId;
    const voters = new Set(pollVotes.map((v) => v.userId)).size;
    const latest = comments.filter((c) => c.postId === p.id);
    return {
      id: p.id,
      type: p.type,
      eventType: p.eventType,
      eventData: p.eventData,
      author: person.get(p.authorId) ?? { id: p.authorId, name: "", hasPhoto: false },
      title: p.title,
      text: p.text,
      attachments: p.attachments,
      audience: keys
        .filter((k) => k !== `u:${p.authorId}` || keys.length === 1)
        .map((k) =>
          k === "all"
            ? { kind: "company" as const, id: null, name: null }
            : k.startsWith("d:")
              ? { kind: "department" as const, id: k.slice(2), name: deptName.get(k.slice(2)) ?? null }
              : k.startsWith("g:")
                ? { kind: "group" as const, id: k.slice(2), name: null }
                : { kind: "user" as const, id: k.slice(2), name: person.get(k.slice(2))?.name ?? null },
        ),
      mentions: mentions.filter((m) => m.postId === p.id).map((m) => person.get(m.userId) ?? { id: m.userId, name: "", hasPhoto: false }),
      poll: p.poll
        ? {
            question: p.poll.question,
            multiple: p.poll.multiple,
            options: options.filter((o) => o.postId === p.id).map((o) => ({ id: o.id, text: o.text, votes: showResults ? o.votes : null })),
            totalVoters: showResults ? voters : null,
            myVotes,
          }
        : null,
      commentCount: p.commentCount,
      likeCount: p.likeCount,
      likedByMe: likedPost.has(p.id),
      comments: latest.map((c) => commentDto(c, person, likedComment.has(c.id))),
      canEdit: p.type === "post" && (p.authorId === viewer.userId || viewer.seesAll),
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    };
  });
}
export type PostDto = Awaited<ReturnType<typeof hydratePosts>>[number];
