import { app } from "./app";
import type { Env } from "./env";

export { UserHub } from "../durable-objects/user-hub";
export { FeedHub } from "../durable-objects/feed-hub";
export { ChatRoom } from "../durable-objects/chat-room";

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>;
