import { z } from "zod";

/** Frames a tab sends to its UserHub socket (/api/v1/live). */
export const userHubClientFrame = z.discriminatedUnion("type", [
  z.object({ type: z.literal("resync") }).strict(),
  z.object({ type: z.literal("notifications.read"), ids: z.array(z.string().min(1).max(64)).max(200).optional(), all: z.boolean().optional() }).strict(),
]);
export type UserHubClientFrame = z.infer<typeof userHubClientFrame>;

export type Counters = Record<string, number>;

export type JsonValue = string | number | boolean | null;

export interface NotificationItem {
  id: string;
  type: string;
  data: Record<string, JsonValue>;
  createdAt: string;
  readAt: string | null;
}

/** Frames a UserHub pushes: a full snapshot on (re)connect, then deltas. */
export type UserHubServerFrame =
  | { type: "snapshot"; counters: Counters; notifications: NotificationItem[] }
  | { type: "counters"; counters: Counters }
  | { type: "notification"; item: NotificationItem }
  | { type: "notifications.read"; ids: string[] | "all" }
  | { type: "session.ended" }
  | { type: "error"; code: string; message: string };

/** Frames a feed page sends to FeedHub (/api/v1/feed/live): nothing but ping, which is auto-answered. */
export const feedClientFrame = z.discriminatedUnion("type", [z.object({ type: z.literal("hello") }).strict()]);

/** One change in the feed, as FeedHub fans it out (viewer-specific fields are fetched by the client). */
export type FeedEvent =
  | { kind: "post.created"; postId: string; post: unknown }
  | { kind: "post.updated"; postId: string; post: unknown }
  | { kind: "post.deleted"; postId: string }
  | { kind: "comment.created"; postId: string; comment: unknown; commentCount: number }
  | { kind: "comment.updated"; postId: string; comment: unknown }
  | { kind: "comment.deleted"; postId: string; commentId: string; commentCount: number }
  | { kind: "like"; postId: string; commentId?: string; likeCount: number; userId: string; liked: boolean }
  | { kind: "poll.voted"; postId: string; totalVoters: number };

export type FeedServerFrame =
  | { type: "feed.events"; events: (FeedEvent & { at: number })[] }
  | { type: "error"; code: string; message: string };

/** The ping both sockets answer without waking the object (setWebSocketAutoResponse). */
export const PING = "ping";
export const PONG = "pong";
