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

// ---- Chat (ChatRoom socket: /api/v1/chats/:id/live) ------------------------------------------

const clientId = z.string().min(8).max(64);
const seq = z.number().int().min(0);
const chatAttachment = z.object({ kind: z.string().min(1).max(20), id: z.string().min(1).max(64), name: z.string().min(1).max(255), size: z.number().int().min(0).optional() }).strict();

export const chatSendSchema = z
  .object({
    clientId,
    text: z.string().max(10_000),
    replyTo: seq.optional(),
    mentions: z.array(z.string().min(1).max(64)).max(50).default([]),
    attachments: z.array(chatAttachment).max(10).default([]),
  })
  .strict()
  .refine((m) => m.text.trim().length > 0 || m.attachments.length > 0, { message: "Write something first", path: ["text"] });
export type ChatSendInput = z.input<typeof chatSendSchema>;

const signal = z.object({ type: z.enum(["offer", "answer", "ice"]), sdp: z.string().max(20_000).optional(), candidate: z.unknown().optional() }).strict();

export const chatClientFrame = z.discriminatedUnion("type", [
  z.object({ type: z.literal("send"), message: z.unknown() }).strict(),
  z.object({ type: z.literal("resume"), afterSeq: seq }).strict(),
  z.object({ type: z.literal("typing") }).strict(),
  z.object({ type: z.literal("read"), seq }).strict(),
  z.object({ type: z.literal("edit"), seq, text: z.string().min(1).max(10_000) }).strict(),
  z.object({ type: z.literal("delete"), seq }).strict(),
  z.object({ type: z.literal("react"), seq, emoji: z.string().min(1).max(16), on: z.boolean() }).strict(),
  z.object({ type: z.literal("call.join"), media: z.object({ audio: z.boolean(), video: z.boolean() }).strict() }).strict(),
  z.object({ type: z.literal("call.leave") }).strict(),
  z.object({ type: z.literal("call.state"), muted: z.boolean(), camera: z.boolean(), screen: z.boolean() }).strict(),
  z.object({ type: z.literal("call.signal"), to: z.string().min(1).max(64), signal }).strict(),
]);
export type ChatClientFrame = z.infer<typeof chatClientFrame>;

export interface ChatMessage {
  seq: number;
  clientId: string;
  authorId: string;
  text: string;
  replyTo: { seq: number; authorId: string; excerpt: string } | null;
  mentions: string[];
  attachments: { kind: string; id: string; name: string; size?: number }[];
  reactions: Record<string, string[]>;
  pinned: boolean;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
}

export interface CallParticipant {
  userId: string;
  connId: string;
  muted: boolean;
  camera: boolean;
  screen: boolean;
}

export type ChatServerFrame =
  | { type: "hello"; lastSeq: number; readSeqs: Record<string, number>; call: CallParticipant[] }
  | { type: "ack"; clientId: string; seq: number; duplicate: boolean }
  | { type: "message"; message: ChatMessage }
  /** Live messages stored while the room was busy, in order: one frame instead of one per message. */
  | { type: "message.batch"; messages: ChatMessage[] }
  | { type: "messages"; messages: ChatMessage[]; lastSeq: number }
  | { type: "message.updated"; message: ChatMessage }
  | { type: "typing"; userId: string }
  | { type: "read"; userId: string; seq: number }
  | { type: "call.participants"; participants: CallParticipant[] }
  | { type: "call.signal"; from: string; fromConn: string; signal: unknown }
  | { type: "call.full"; max: number }
  | { type: "session.ended" }
  | { type: "error"; code: string; message: string; clientId?: string };
