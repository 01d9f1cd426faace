import { defineConfig } from "vitest/config";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  root,
  plugins: [
    cloudflareTest({
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        bindings: {
          DEV_MAILBOX: "1",
          // The operator endpoints (backup and restore) exist only with a token: tests/api/backup.test.ts.
          OPS_TOKEN: "test-ops-token-0123456789abcdef",
          // The fuzzer's long mode (npm run fuzz): read inside workerd, so they travel as bindings.
          FUZZ_RUNS: process.env.FUZZ_RUNS ?? "",
          FUZZ_SEED: process.env.FUZZ_SEED ?? "",
          CONTROL_MIGRATIONS: await readD1Migrations(`${root}db/migrations/control`),
          SHARD_MIGRATIONS: await readD1Migrations(`${root}db/migrations/shard`),
        },
      },
    }),
  ],
  test: {
    include: ["tests/api/**/*.test.ts", "tests/do/**/*.test.ts"],
    setupFiles: ["tests/api/setup.ts"],
    testTimeout: 30_000,
  },
});
