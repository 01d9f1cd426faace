import { defineConfig } from "drizzle-kit";
export default defineConfig({ dialect: "sqlite", schema: "./db/schema/control.ts", out: "./db/migrations/control" });
