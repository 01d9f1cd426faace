import { defineConfig } from "drizzle-kit";
export default defineConfig({ dialect: "sqlite", schema: "./db/schema/shard.ts", out: "./db/migrations/shard" });
