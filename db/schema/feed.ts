import { sqliteTable, text, integer, index, primaryKey } from "drizzle-orm/sqlite-core";

export const FEED_POST_TYPES = ["post", "event"] as const;

export interface FeedAttachment {
  kind: string;
  id: string;
  name: string;
  size?: number;
  contentType?: string;
}

export interface FeedPoll {
  question: string;
  multiple: boolean;
}

/** A post or a module event (FEED-1, FEED-3). Counts are denormalized for the list. */
export const feedPosts = sqliteTable(
  "feed_posts",
  {
    tenantId: text("tenant_id").notNull(),
    id: text("id").notNull(),
    authorId: text("author_id").notNull(),
    type: text("type", { enum: FEED_POST_TYPES }).notNull().default("post"),
    /** For events: "task.created", "deal.won", … */
    eventType: text("event_type"),
    eventData: text("event_data", { mode: "json" }).$type<Record<string, unknown>>(),
    title: text("title").notNull().default(""),
    /** Sanitized HTML. */
    text: text("text").notNull(),
    attachments: text("attachments", { mode: "json" }).notNull().$type<FeedAttachment[]>(),
    poll: text("poll", { mode: "json" }).$type<FeedPoll>(),
    commentCount: integer("comment_count").notNull().default(0),
    likeCount: integer("like_count").notNull().default(0),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at"),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index("feed_posts_tenant_created").on(t.tenantId, t.createdAt, t.id),
    index("feed_posts_tenant_author").on(t.tenantId, t.authorId, t.createdAt),
  ],
);

/** Who may read a post: "all", "u:<userId>", "d:<departmentId>" (with its sub-departments), "g:<groupId>". */
export const feedAudience = sqliteTable(
  "feed_audience",
  {
    tenantId: text("tenant_id").notNull(),
    postId: text("post_id").notNull(),
    key: text("key").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.postId, t.key] }), index("feed_audience_key").on(t.tenantId, t.key)],
);

export const feedMentions = sqliteTable(
  "feed_mentions",
  {
    tenantId: text("tenant_id").notNull(),
    postId: text("post_id").notNull(),
    userId: text("user_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.postId, t.userId] }), index("feed_mentions_user").on(t.tenantId, t.userId)],
);

export const feedComments = sqliteTable(
  "feed_comments",
  {
    tenantId: text("tenant_id").notNull(),
    id: text("id").notNull(),
    postId: text("post_id").notNull(),
    authorId: text("author_id").notNull(),
    text: text("text").notNull(),
    likeCount: integer("like_count").notNull().default(0),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at"),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index("feed_comments_post").on(t.tenantId, t.postId, t.createdAt)],
);

/** A like on a post (commentId "") or on a comment. */
export const feedLikes = sqliteTable(
  "feed_likes",
  {
    tenantId: text("tenant_id").notNull(),
    postId: text("post_id").notNull(),
    commentId: text("comment_id").notNull().default(""),
    userId: text("user_id").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.postId, t.commentId, t.userId] })],
);

export const feedPollOptions = sqliteTable(
  "feed_poll_options",
  {
    tenantId: text("tenant_id").notNull(),
    postId: text("post_id").notNull(),
    id: text("id").notNull(),
    text: text("text").notNull(),
    sort: integer("sort").notNull(),
    votes: integer("votes").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.postId, t.id] })],
);

export const feedPollVotes = sqliteTable(
  "feed_poll_votes",
  {
    tenantId: text("tenant_id").notNull(),
    postId: text("post_id").notNull(),
    optionId: text("option_id").notNull(),
    userId: text("user_id").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.postId, t.userId, t.optionId] })],
);
