// `npm run test:e2e`: builds the SPA, migrates and seeds a fresh local state, runs `wrangler dev` on its own
// port, runs the Chromium tests in tests/e2e with Node's test runner, then stops wrangler and workerd.
// Only some files: `npm run test:e2e -- --no-build tests/e2e/xss.test.mjs` (paths or names in tests/e2e).
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, wranglerSpawn } from "./wrangler.mjs";

// A free port unless one is asked for: a server already on a fixed port would otherwise answer for ours.
const port = process.env.E2E_PORT ? Number(process.env.E2E_PORT) : await freePort();
const keepState = process.argv.includes("--keep-state");
const skipBuild = process.argv.includes("--no-build");
const all = readdirSync(join(ROOT, "tests/e2e")).filter((f) => f.endsWith(".test.mjs")).sort().map((f) => `tests/e2e/${f}`);
const only = process.argv.slice(2).filter((a) => !a.startsWith("--")).map((f) => (f.includes("/") ? f.replace(/^\.\//, "") : `tests/e2e/${f}`));
const unknown = only.filter((f) => !all.includes(f));
if (unknown.length) {
  console.error(`e2e: no such test file: ${unknown.join(", ")}`);
  process.exit(2);
}
const files = only.length ? only : all;

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status})`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer().once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port: p } = srv.address();
      srv.close(() => resolve(p));
    });
  });
}

/** Resolves once the worker answers a tenant request (any HTTP status counts as up). */
function answers(host) {
  return new Promise((resolve) => {
    const req = request({ host: "127.0.0.1", port, path: "/api/v1/me", headers: { host }, timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 401);
    });
    req.on("error", () => resolve(false));
    req.on("timeout", () => (req.destroy(), resolve(false)));
    req.end();
  });
}

async function waitUntilUp(dev, ms = 90_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (dev.exitCode !== null) throw new Error(`wrangler dev exited early (${dev.exitCode})`);
    if (await answers(`demo.kontor.localhost:${port}`)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`wrangler dev did not answer on port ${port} within ${ms / 1000}s`);
}

function stop(dev) {
  if (!dev || dev.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => (clearTimeout(hard), resolve());
    dev.once("exit", done);
    try {
      process.kill(-dev.pid, "SIGTERM"); // the whole process group: wrangler and its workerd
    } catch {
      return done();
    }
    const hard = setTimeout(() => {
      try {
        process.kill(-dev.pid, "SIGKILL");
      } catch {
        /* already gone */
      }
      resolve();
    }, 5000);
  });
}

const state = mkdtempSync(join(tmpdir(), "kontor-e2e-"));
let dev = null;
let code = 1;
try {
  if (!skipBuild) run(`${ROOT}node_modules/.bin/vite`, ["build", "--config", "web/vite.config.ts", "--logLevel", "warn"]);
  // migrate.mjs runs the databases' migrations and the demo seed side by side; workerd can answer
  // SQLITE_BUSY for one of them, which may leave a half-seeded state (the demo portal without its users).
  // So a failed attempt starts again from an empty state dir, never from what the failure left.
  for (let attempt = 1; ; attempt++) {
    try {
      run(process.execPath, ["scripts/migrate.mjs", "--persist-to", state]);
      break;
    } catch (e) {
      if (attempt >= 3) throw e;
      console.warn(`e2e: migrating failed (attempt ${attempt}), starting again from an empty state`);
      for (const f of readdirSync(state)) rmSync(join(state, f), { recursive: true, force: true });
    }
  }
  const inspector = await freePort();
  dev = wranglerSpawn(
    ["dev", "--ip", "127.0.0.1", "--port", String(port), "--inspector-port", String(inspector), "--var", "DEV_MAILBOX:1", "--persist-to", state, "--show-interactive-dev-session=false", "--log-level", "warn"],
    { stdio: ["ignore", "inherit", "inherit"], detached: true },
  );
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => void stop(dev).then(() => process.exit(130)));
  await waitUntilUp(dev);
  console.log(`e2e: worker up on 127.0.0.1:${port} (state ${state})`);
  const tests = spawn(process.execPath, ["--test", "--test-concurrency=1", ...files], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, E2E_PORT: String(port) },
  });
  code = await new Promise((resolve) => tests.on("exit", (c) => resolve(c ?? 1)));
} catch (e) {
  console.error(`e2e: ${e.message}`);
  code = 1;
} finally {
  await stop(dev);
  if (!keepState) rmSync(state, { recursive: true, force: true });
}
process.exit(code);
