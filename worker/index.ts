import { app } from "./app";
import type { Env } from "./env";
import { sweep } from "./scheduled";

export { UserHub } from "../durable-objects/user-hub";
export { FeedHub } from "../durable-objects/feed-hub";
export { ChatRoom } from "../durable-objects/chat-room";

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(sweep(env, new Date(controller.scheduledTime)).then((r) => console.log(JSON.stringify({ sweep: r }))));
  },
} satisfies ExportedHandler<Env>;
