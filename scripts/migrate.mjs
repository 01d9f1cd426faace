// Applies the migrations of the control database and of every shard to local D1 (.wrangler/state),
// then seeds the demo portal if it is absent.
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, wranglerAsync, wranglerSync } from "./wrangler.mjs";
import { controlSql, shardSql } from "../db/seed/demo.mjs";

const persist = process.argv.includes("--persist-to") ? ["--persist-to", process.argv[process.argv.indexOf("--persist-to") + 1]] : [];
const toml = readFileSync(join(ROOT, "wrangler.toml"), "utf8");
const databases = [...toml.matchAll(/database_name = "([^"]+)"/g)].map((m) => m[1]);

// One wrangler at a time: side by side they share local state files and can fail with SQLITE_BUSY.
for (const db of databases) await wranglerAsync(["d1", "migrations", "apply", db, "--local", ...persist]);

const seeded = wranglerSync(["d1", "execute", "kontor-control", "--local", ...persist, "--json", "--command", "SELECT count(*) AS n FROM tenants WHERE slug = 'demo'"], { quiet: true });
if (JSON.parse(seeded)[0].results[0].n === 0) {
  const dir = mkdtempSync(join(tmpdir(), "kontor-seed-"));
  const now = new Date().toISOString();
  writeFileSync(join(dir, "shard.sql"), shardSql(now));
  writeFileSync(join(dir, "control.sql"), controlSql(now));
  // The shard's rows first (INSERT OR IGNORE, so a retry is harmless), then the tenant row, which is
  // what "seeded" means above: a failure in between leaves no half-seeded portal behind.
  await wranglerAsync(["d1", "execute", "kontor-shard-0", "--local", ...persist, "--file", join(dir, "shard.sql")]);
  await wranglerAsync(["d1", "execute", "kontor-control", "--local", ...persist, "--file", join(dir, "control.sql")]);
  console.log("Seeded the demo portal.");
}
console.log(`Migrated ${databases.length} local databases: ${databases.join(", ")}.`);
