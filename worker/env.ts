/** Bindings declared in wrangler.toml. Shards are SHARD_0 … SHARD_n. */
export interface Env {
  CONTROL: D1Database;
  SHARD_0: D1Database;
  SHARD_1?: D1Database;
  [shard: `SHARD_${number}`]: D1Database | undefined;
  FILES: R2Bucket;
  MAIL: SendEmail;
  ASSETS?: Fetcher;
  ROOT_DOMAIN: string;
  MAIL_FROM: string;
  /** "1" only in local runs: enables /dev/mail and /api/v1/dev/mail. */
  DEV_MAILBOX?: string;
}
