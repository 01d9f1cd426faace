// Shared plumbing for the standalone bench scripts (load.mjs, faults.mjs): arguments, the server in a
// snapshot (lib/server.mjs, as `npm run bench` starts it), the suite-style ctx, cleanup on signals,
// and writing a result file next to latest.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { hostFor, login, originFor, request } from "./http.mjs";
import { REPO, freePort, killServerSync, removeSnapshot, snapshotRepo, startServer, stopServer, wranglerIn } from "./server.mjs";
import { round } from "./stats.mjs";

export const RESULTS = join(REPO, "tests/bench/results");

/** `--key=value` / `--flag` → {key: value|true}; numeric keys listed in `numbers` must be > 0. */
export function parseArgs(argv, numbers = []) {
  const o = {};
  for (const a of argv) {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
    if (!m) throw new Error(`unknown argument ${a}`);
    o[m[1]] = m[2] ?? true;
  }
  for (const k of numbers) {
    if (o[k] === undefined) continue;
    o[k] = Number(o[k]);
    if (!(o[k] > 0)) throw new Error(`--${k} needs a positive number`);
  }
  return o;
}

export function machine() {
  const rev = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: REPO, encoding: "utf8" }).stdout.trim();
  const dirty = spawnSync("git", ["status", "--porcelain"], { cwd: REPO, encoding: "utf8" }).stdout.trim() !== "";
  return { git: { commit: rev || null, dirty }, node: process.version, machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, loadavg1m: round(loadavg()[0]) } };
}

/** The bench ctx for a server on `port` whose tree is `dir` (the same fields suites get from run.mjs). */
export function serverCtx({ port, dir, options, log }) {
  return {
    port, options, log, repoDir: dir, webDist: join(dir, "web/dist"), stateDir: join(dir, ".wrangler/state"),
    host: (slug = "demo") => hostFor(port, slug),
    origin: (slug = "demo") => originFor(port, slug),
    request: (o) => request({ port, ...o }),
    login: (o = {}) => login({ port, ...o }),
    wrangler: (args, o) => wranglerIn(dir, args, o),
  };
}

/**
 * A snapshot (of the working tree, or `--ref`) with fresh local state, served by `npm start` on a free
 * port from `basePort`. Returns {ctx, snapshot, current(), start(args), kill(), stop()}: `start` (re)starts
 * `npm start` on the same snapshot and state dir, `kill` SIGKILLs its whole process group.
 * Signals and process exit stop the group and remove the snapshot (unless --keep).
 */
export async function standaloneServer({ name, basePort, options, log }) {
  const snapshot = snapshotRepo({ ref: typeof options.ref === "string" ? options.ref : null });
  log(`snapshot of ${snapshot.ref ? `commit ${snapshot.ref}` : `the working tree (${snapshot.files} files)`} in ${snapshot.dir}`);
  mkdirSync(RESULTS, { recursive: true });
  const port = await freePort(options.port ?? basePort);
  let server = null;
  let starts = 0;
  const cleanup = async () => {
    await stopServer(server);
    if (!options.keep) removeSnapshot(snapshot);
  };
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.once(sig, async () => {
      log(`${sig}: stopping the server; no results written`);
      await cleanup().catch(() => {});
      process.exit(130);
    });
  }
  process.on("exit", () => killServerSync(server));
  const handle = {
    port,
    snapshot,
    ctx: serverCtx({ port, dir: snapshot.dir, options, log }),
    current: () => server,
    /** `npm start [-- args]` on the snapshot; the log of start n goes to results/<name>-server[-n].log. */
    async start(args = []) {
      starts++;
      const logFile = join(RESULTS, `${name}-server${starts > 1 ? `-${starts}` : ""}.log`);
      await startServer({ dir: snapshot.dir, port, args, logFile, log, onSpawn: (s) => (server = s) });
      return server;
    },
    /** SIGKILL to the whole process group (npm, start.mjs, wrangler, workerd), sent at once; resolves once it is gone. */
    kill() {
      const s = server;
      try { process.kill(-s.pgid, "SIGKILL"); } catch {}
      s.stopped = true;
      return gone(s);
    },
    stop: cleanup,
  };
  return handle;
}

/** Bounded wait until the group has no process left. */
async function gone(s) {
  await s.exitedPromise;
  for (let i = 0; i < 50; i++) {
    try { process.kill(-s.pgid, 0); } catch { return; }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Writes results/<file> and returns its repo-relative path. */
export function writeResult(file, report) {
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, file), JSON.stringify(report, null, 2) + "\n");
  return `tests/bench/results/${file}`;
}
