// Runs the project's wrangler with the project's Node (node_modules/.bin comes first on PATH under npm).
import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
const bin = `${ROOT}node_modules/.bin/wrangler`;
// wrangler's shebang is `env node`: put the project's Node 22 first even when this runs outside npm.
// X_LOCAL_OBSERVABILITY: wrangler dev streams a trace of every invocation to a local collector
// (for its dashboard); under chat load that tracing took 13% of the app runtime's CPU (perf).
// Set X_LOCAL_OBSERVABILITY=true to have it back.
const env = {
  ...process.env,
  PATH: `${ROOT}node_modules/.bin:${process.env.PATH}`,
  WRANGLER_SEND_METRICS: "false",
  CI: process.env.CI ?? "",
  NO_D1_WARNING: "true",
  X_LOCAL_OBSERVABILITY: process.env.X_LOCAL_OBSERVABILITY ?? "false",
};

export function wranglerSync(args, opts = {}) {
  const r = spawnSync(bin, args, { cwd: ROOT, env, stdio: opts.quiet ? "pipe" : "inherit", encoding: "utf8" });
  if (r.status !== 0) {
    if (opts.quiet) process.stderr.write(r.stdout + r.stderr);
    throw new Error(`wrangler ${args.join(" ")} failed (${r.status})`);
  }
  return r.stdout;
}

/** Runs wrangler without blocking, so independent steps (one database each) can overlap. */
export function wranglerAsync(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`wrangler ${args.join(" ")} failed (${code}):\n${out}`))));
  });
}

export function wranglerSpawn(args, opts = {}) {
  return spawn(bin, args, { cwd: ROOT, env: { ...env, ...opts.env }, stdio: opts.stdio ?? "inherit", detached: opts.detached ?? false });
}
