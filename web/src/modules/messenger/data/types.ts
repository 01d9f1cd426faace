import type { api, Body } from "../../../lib/api";
import type { CallParticipant, ChatMessage, ChatServerFrame } from "../../../../../durable-objects/protocol";
import type { PendingMessage } from "../../../../../durable-objects/chat-client";

export type { CallParticipant, ChatMessage, ChatServerFrame, PendingMessage };
export type ChatDto = Body<Awaited<ReturnType<typeof api.chats.$get>>>["items"][number];
export type ChatDetail = Body<Awaited<ReturnType<(typeof api.chats)[":id"]["$get"]>>>;
export type Member = ChatDetail["members"][number];
export type Person = Body<Awaited<ReturnType<typeof api.people.users.$get>>>["items"][number];
export type SearchHit = Body<Awaited<ReturnType<typeof api.chats.search.$get>>>["items"][number];

/** A message the server has not acknowledged yet, as the conversation shows it. */
export interface PendingView extends PendingMessage {
  error?: string;
  /** The server refused it for good (validation): it will not be re-sent. */
  dropped?: boolean;
}

/** One row of the conversation: a stored message, or one still on its way. */
export type Row = { kind: "msg"; m: ChatMessage } | { kind: "pending"; p: PendingView };
