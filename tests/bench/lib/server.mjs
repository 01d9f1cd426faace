// The server under test: the real README command (`npm start`) run in a snapshot of the working tree,
// so it gets a fresh local state (.wrangler/state of the snapshot) and its own web/dist, and never
// touches the state, build or port of anyone else working in the repository.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { waitFor } from "./http.mjs";

export const REPO = fileURLToPath(new URL("../../../", import.meta.url));

/** Resolves true if nothing listens on 127.0.0.1:port. */
export function portIsFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

/** The preferred port if free, else the next free one above it (bounded), else an ephemeral one. */
export async function freePort(preferred = 8795) {
  for (let p = preferred; p < preferred + 50; p++) if (await portIsFree(p)) return p;
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Copies the working tree (tracked and untracked files that git does not ignore, as they are on
 * disk now) into a temp dir, with node_modules linked, so `npm start` runs as from a fresh clone.
 */
export function snapshotRepo({ ref = null } = {}) {
  const base = mkdtempSync(join(tmpdir(), "kontor-bench-"));
  const dir = join(base, "repo");
  if (ref) {
    // A committed revision instead of the working tree (others' half-done edits left out).
    mkdirSync(dir, { recursive: true });
    const tar = spawnSync("git", ["archive", "--format=tar", ref], { cwd: REPO, maxBuffer: 512 << 20 });
    if (tar.status !== 0) throw new Error(`git archive ${ref} failed: ${tar.stderr}`);
    const x = spawnSync("tar", ["-x", "-C", dir], { input: tar.stdout });
    if (x.status !== 0) throw new Error(`tar -x failed: ${x.stderr}`);
    symlinkSync(join(REPO, "node_modules"), join(dir, "node_modules"), "dir");
    return { base, dir, files: null, ref };
  }
  const ls = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: REPO, encoding: "utf8", maxBuffer: 64 << 20 });
  if (ls.status !== 0) throw new Error(`git ls-files failed: ${ls.stderr}`);
  let files = 0;
  for (const rel of ls.stdout.split("\0")) {
    if (!rel || rel.startsWith("tests/bench/results/")) continue;
    const src = join(REPO, rel);
    if (!existsSync(src)) continue; // deleted in the working tree
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    cpSync(src, join(dir, rel), { dereference: false });
    files++;
  }
  symlinkSync(join(REPO, "node_modules"), join(dir, "node_modules"), "dir");
  return { base, dir, files, ref: null };
}

/** The child's environment: without npm's run-script variables of our own `npm run bench`. */
function childEnv(extra) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  return { ...env, WRANGLER_SEND_METRICS: "false", NO_COLOR: "1", FORCE_COLOR: "0", ...extra };
}

/**
 * Spawns `npm start` (PORT=port) in `dir` in its own process group and measures the time from the
 * spawn to the first HTTP 200 of GET / on the demo host, with the phases seen in its output.
 * `args` go to scripts/start.mjs (e.g. ["--no-build"] for a restart on the same state and web/dist).
 */
export async function startServer({ dir, port, args = [], logFile, timeoutMs = 420_000, log = () => {}, onSpawn = () => {} }) {
  const out = createWriteStream(logFile);
  const t0 = performance.now();
  const child = spawn("npm", ["start", ...(args.length ? ["--", ...args] : [])], { cwd: dir, env: childEnv({ PORT: String(port) }), stdio: ["ignore", "pipe", "pipe"], detached: true });
  const server = { child, pgid: child.pid, port, dir, logFile, exited: null, phases: {} };
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve((server.exited = { code, signal }))));
  server.exitedPromise = exited;
  onSpawn(server); // so the caller can stop the group even while we are still waiting for it
  const mark = (name, re) => (chunk) => {
    if (server.phases[name] === undefined && re.test(String(chunk))) server.phases[name] = Math.round(performance.now() - t0);
  };
  const marks = [mark("migrated", /Migrated \d+ local databases/), mark("wranglerReady", /Ready on/)];
  for (const stream of [child.stdout, child.stderr]) {
    stream.on("data", (chunk) => {
      out.write(chunk);
      for (const m of marks) m(chunk);
    });
  }
  log(`spawned \`npm start${args.length ? ` -- ${args.join(" ")}` : ""}\` (pgid ${child.pid}) on 127.0.0.1:${port} in ${dir}; output → ${logFile}`);
  const ready = waitFor({ port, path: "/", status: 200, timeoutMs, since: t0 });
  const failed = exited.then(async (e) => {
    await new Promise((r) => out.end(r));
    throw new Error(`npm start exited early (code ${e.code}, signal ${e.signal}); last lines of ${logFile}:\n${tailOf(logFile)}`);
  });
  ready.catch(() => {});
  failed.catch(() => {});
  const first = await Promise.race([ready, failed]);
  server.coldStart = {
    msToFirst200: Math.round(first.ms),
    msToMigrated: server.phases.migrated ?? null,
    msToWranglerReady: server.phases.wranglerReady ?? null,
    pollAttempts: first.attempts,
    firstResponseBytes: Buffer.byteLength(first.res.body),
  };
  return server;
}

/** The last lines of a log file without ANSI colours. */
export function tailOf(file, lines = 25) {
  try {
    return readFileSync(file, "utf8").replace(/\x1b\[[0-9;]*m/g, "").trimEnd().split("\n").slice(-lines).map((l) => `    ${l}`).join("\n");
  } catch {
    return "    (no output)";
  }
}

const groupAlive = (pgid) => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Ends the server's whole process group (npm, start.mjs, wrangler, workerd): TERM, then KILL. Bounded. */
export async function stopServer(server, { graceMs = 5_000 } = {}) {
  if (!server || server.stopped) return;
  server.stopped = true;
  const { pgid } = server;
  if (!groupAlive(pgid)) return;
  try { process.kill(-pgid, "SIGTERM"); } catch {}
  const deadline = performance.now() + graceMs;
  while (groupAlive(pgid) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (groupAlive(pgid)) {
    try { process.kill(-pgid, "SIGKILL"); } catch {}
    for (let i = 0; i < 30 && groupAlive(pgid); i++) await new Promise((r) => setTimeout(r, 100));
  }
}

/** Synchronous last resort (process 'exit' handler): SIGKILL the group. */
export function killServerSync(server) {
  if (server && !server.stopped && groupAlive(server.pgid)) {
    try { process.kill(-server.pgid, "SIGKILL"); } catch {}
  }
}

/** Runs the snapshot's wrangler (e.g. `d1 execute … --local --persist-to ctx.stateDir`) for seeding suites. */
export function wranglerIn(dir, args, { quiet = true } = {}) {
  const r = spawnSync(join(dir, "node_modules/.bin/wrangler"), args, { cwd: dir, env: childEnv({}), encoding: "utf8", stdio: quiet ? "pipe" : "inherit", maxBuffer: 256 << 20 });
  if (r.status !== 0) throw new Error(`wrangler ${args.join(" ")} failed (${r.status}): ${(r.stderr ?? "").slice(-2000)}`);
  return r.stdout;
}

/** Builds the SPA only (`npm run build`) in dir, for runs whose suites need no server. */
export function buildOnly(dir) {
  const t0 = performance.now();
  const r = spawnSync("npm", ["run", "build", "--", "--logLevel", "warn"], { cwd: dir, env: childEnv({}), encoding: "utf8", stdio: "pipe" });
  if (r.status !== 0) throw new Error(`npm run build failed: ${(r.stdout + r.stderr).slice(-2000)}`);
  return Math.round(performance.now() - t0);
}

export function removeSnapshot(snapshot) {
  if (snapshot?.base) rmSync(snapshot.base, { recursive: true, force: true });
}
