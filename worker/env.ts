import type { UserHub } from "../durable-objects/user-hub";
import type { FeedHub } from "../durable-objects/feed-hub";
import type { ChatRoom } from "../durable-objects/chat-room";

/** Bindings declared in wrangler.toml. Shards are SHARD_0 … SHARD_n. */
export interface Env {
  CONTROL: D1Database;
  SHARD_0: D1Database;
  SHARD_1?: D1Database;
  [shard: `SHARD_${number}`]: D1Database | undefined;
  FILES: R2Bucket;
  USER_HUB: DurableObjectNamespace<UserHub>;
  FEED_HUB: DurableObjectNamespace<FeedHub>;
  CHAT_ROOM: DurableObjectNamespace<ChatRoom>;
  /** JSON list of RTCIceServer for calls; empty means host candidates only (fine on one network). */
  ICE_SERVERS?: string;
  MAIL: SendEmail;
  ASSETS?: Fetcher;
  ROOT_DOMAIN: string;
  MAIL_FROM: string;
  /** "1" only in local runs: enables /dev/mail and /api/v1/dev/mail. */
  DEV_MAILBOX?: string;
  /** Secret (24+ characters) for the operator endpoints /ops/v1/* (backup and restore); unset, they do not exist. */
  OPS_TOKEN?: string;
}
