// `npm start`: local D1 migrated and seeded, the SPA built, then wrangler dev on 127.0.0.1:8787.
import { spawn } from "node:child_process";
import { ROOT, wranglerSpawn } from "./wrangler.mjs";
import { DEMO_USERS, DEMO_PASSWORD } from "../db/seed/demo.mjs";

const port = process.env.PORT ?? "8787";
const run = (cmd, args) =>
  new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, PATH: `${ROOT}node_modules/.bin:${process.env.PATH}` } });
    child.on("exit", (code) => (code === 0 ? resolve() : process.exit(code ?? 1)));
  });

// Migrations and the SPA build do not depend on each other: run them side by side.
await Promise.all([
  run(process.execPath, ["scripts/migrate.mjs"]),
  process.argv.includes("--no-build") ? Promise.resolve() : run(`${ROOT}node_modules/.bin/vite`, ["build", "--config", "web/vite.config.ts", "--logLevel", "warn"]),
]);

const dev = wranglerSpawn(["dev", "--ip", "127.0.0.1", "--port", port, "--var", "DEV_MAILBOX:1", "--show-interactive-dev-session=false"], { stdio: ["ignore", "pipe", "inherit"] });
let announced = false;
dev.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  if (!announced && /Ready on/.test(String(chunk))) {
    announced = true;
    console.log(`
  Kontor is running.

  Demo portal:   http://demo.kontor.localhost:${port}
  Sign up:       http://kontor.localhost:${port}
  Dev mailbox:   http://kontor.localhost:${port}/dev/mail

  Demo users (password "${DEMO_PASSWORD}"):
${DEMO_USERS.map((u) => `    ${u.email.padEnd(24)} ${u.position}${u.role === "admin" ? " (administrator)" : ""}`).join("\n")}
`);
  }
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => dev.kill(sig));
dev.on("exit", (code) => process.exit(code ?? 0));
