// `npm run bench [-- --only=me,spa] [--duration=10] [--connections=50] [--port=8795] [--ref=HEAD] [--keep] [--list] [--attach=8795]`
//
// Starts the server once (the real `npm start`, in a snapshot of the working tree — or of a commit
// with --ref — with fresh local state, on a free port from 8795), runs every suite in tests/bench/suites/*.mjs, stops the server's
// whole process group, prints a table and JSON, and writes tests/bench/results/latest.json.
//
// A suite is a module exporting `name`, `description`, `async run(ctx)` → a JSON metrics object,
// and optionally `needsServer = false`, `timeoutMs`, and `rows(metrics)` → [[label, value]] for the
// table. Put goals in `metrics.goals` (see lib/stats.mjs `goal`): they print as PASS/FAIL but never
// fail the run. A suite that throws does fail the run (exit code 1); the others still run.
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import { hostFor, login, originFor, request } from "./lib/http.mjs";
import { REPO, buildOnly, freePort, killServerSync, removeSnapshot, snapshotRepo, startServer, stopServer, wranglerIn } from "./lib/server.mjs";
import { flatten, printTable } from "./lib/table.mjs";

const BENCH = join(REPO, "tests/bench");
const RESULTS = join(BENCH, "results");
const log = (...a) => console.error("[bench]", ...a);

function parseArgs(argv) {
  const o = {};
  for (const a of argv) {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
    if (!m) throw new Error(`unknown argument ${a}`);
    o[m[1]] = m[2] ?? true;
  }
  const num = (k) => (o[k] === undefined ? undefined : Number(o[k]));
  for (const k of ["duration", "connections", "port", "attach"]) if (o[k] !== undefined && !(num(k) > 0)) throw new Error(`--${k} needs a positive number`);
  return { ...o, duration: num("duration"), connections: num("connections"), port: num("port"), attach: num("attach"), only: o.only ? String(o.only).split(",").map((s) => s.trim()).filter(Boolean) : null };
}

async function loadSuites() {
  const dir = join(BENCH, "suites");
  const files = readdirSync(dir).filter((f) => f.endsWith(".mjs")).sort();
  const suites = [];
  for (const f of files) {
    const mod = await import(pathToFileURL(join(dir, f)).href);
    if (typeof mod.name !== "string" || typeof mod.run !== "function") throw new Error(`suites/${f} must export name and run(ctx)`);
    suites.push({ file: f, needsServer: mod.needsServer !== false, timeoutMs: mod.timeoutMs ?? 5 * 60_000, ...mod, mod });
  }
  // Light suites first on the fresh server, then those that seed bulk data (`export const order`).
  return suites.sort((a, b) => (a.order ?? 50) - (b.order ?? 50) || a.file.localeCompare(b.file));
}

function withTimeout(promise, ms, what) {
  let t;
  return Promise.race([promise, new Promise((_, reject) => (t = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms)))]).finally(() => clearTimeout(t));
}

function gitInfo() {
  const rev = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: REPO, encoding: "utf8" }).stdout.trim();
  const dirty = spawnSync("git", ["status", "--porcelain"], { cwd: REPO, encoding: "utf8" }).stdout.trim() !== "";
  return { commit: rev || null, dirty };
}

let server = null;
let snapshot = null;
let opts = {};
let interrupted = null;

async function cleanup() {
  await stopServer(server);
  if (!opts.keep) removeSnapshot(snapshot);
}

for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.once(sig, async () => {
    interrupted = sig;
    log(`${sig}: stopping the server; no results written`);
    await cleanup().catch(() => {});
    process.exit(130);
  });
}
process.on("exit", () => killServerSync(server));

async function main() {
  opts = parseArgs(process.argv.slice(2));
  const all = await loadSuites();
  if (opts.list) {
    for (const s of all) console.log(`${s.name.padEnd(12)} ${s.description ?? ""}`);
    return 0;
  }
  const unknown = (opts.only ?? []).filter((n) => !all.some((s) => s.name === n));
  if (unknown.length) throw new Error(`unknown suite(s) ${unknown.join(", ")}; available: ${all.map((s) => s.name).join(", ")}`);
  const suites = opts.only ? all.filter((s) => opts.only.includes(s.name)) : all;

  const report = {
    startedAt: new Date().toISOString(),
    git: gitInfo(),
    node: process.version,
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, loadavg1m: Math.round(loadavg()[0] * 100) / 100 },
    server: null,
    suites: {},
    suiteMs: {},
    errors: {},
  };

  mkdirSync(RESULTS, { recursive: true });
  if (opts.attach) {
    // Development of suites: run against a server someone already started (its state is not fresh,
    // and suites that seed data add to what earlier runs left there).
    const port = opts.attach;
    // --state-dir=<its .wrangler/state> lets seeding suites write to its local D1 too.
    const stateDir = typeof opts["state-dir"] === "string" ? opts["state-dir"] : null;
    const ctx = { options: opts, log, repoDir: REPO, webDist: join(REPO, "web/dist"), stateDir, startup: null, port };
    Object.assign(ctx, {
      host: (slug = "demo") => hostFor(port, slug),
      origin: (slug = "demo") => originFor(port, slug),
      request: (o) => request({ port, ...o }),
      login: (o = {}) => login({ port, ...o }),
      wrangler: (args, o) => wranglerIn(REPO, args, o),
    });
    report.source = { attached: true };
    report.server = { attachedPort: port, freshState: false };
    return runSuites(suites, ctx, report);
  }
  snapshot = snapshotRepo({ ref: typeof opts.ref === "string" ? opts.ref : null });
  log(`snapshot of ${snapshot.ref ? `commit ${snapshot.ref}` : `the working tree (${snapshot.files} files)`} in ${snapshot.dir}`);
  report.source = snapshot.ref ? { ref: snapshot.ref } : { workingTree: true };
  const ctx = {
    options: opts,
    log,
    repoDir: snapshot.dir,
    webDist: join(snapshot.dir, "web/dist"),
    stateDir: join(snapshot.dir, ".wrangler/state"),
    startup: null,
  };

  if (suites.some((s) => s.needsServer)) {
    const port = await freePort(opts.port ?? 8795);
    await startServer({ dir: snapshot.dir, port, logFile: join(RESULTS, "server.log"), log, onSpawn: (s) => (server = s) });
    ctx.startup = { ...server.coldStart, freshState: true, stateDir: ctx.stateDir };
    log(`first 200 of GET / after ${server.coldStart.msToFirst200} ms`);
    Object.assign(ctx, {
      port,
      host: (slug = "demo") => hostFor(port, slug),
      origin: (slug = "demo") => originFor(port, slug),
      request: (o) => request({ port, ...o }),
      login: (o = {}) => login({ port, ...o }),
      /** wrangler in the snapshot; add `--local --persist-to ctx.stateDir` for D1 commands. */
      wrangler: (args, o) => wranglerIn(snapshot.dir, args, o),
    });
    report.server = { command: "npm start", port, pgid: server.pgid, freshState: true, log: "tests/bench/results/server.log" };
  } else {
    log("no suite needs the server: building the SPA only");
    report.server = { buildOnlyMs: buildOnly(snapshot.dir) };
  }
  return runSuites(suites, ctx, report);
}

async function runSuites(suites, ctx, report) {
  for (const s of suites) {
    if (interrupted) break;
    if (s.needsServer && server?.exited) {
      report.errors[s.name] = `server exited (${JSON.stringify(server.exited)})`;
      continue;
    }
    log(`suite ${s.name}: ${s.description ?? ""}`);
    const t0 = performance.now();
    try {
      report.suites[s.name] = await withTimeout(Promise.resolve(s.run(ctx)), s.timeoutMs, `suite ${s.name}`);
      log(`suite ${s.name} done in ${Math.round(performance.now() - t0)} ms`);
      report.suiteMs[s.name] = Math.round(performance.now() - t0);
    } catch (e) {
      report.errors[s.name] = String(e?.stack ?? e);
      log(`suite ${s.name} FAILED: ${e?.message ?? e}`);
    }
  }

  await cleanup();
  if (interrupted) return 130;
  report.finishedAt = new Date().toISOString();
  writeFileSync(join(RESULTS, "latest.json"), JSON.stringify(report, null, 2) + "\n");

  console.log(JSON.stringify(report, null, 2));
  console.log("");
  const rows = [];
  for (const s of suites) {
    const m = report.suites[s.name];
    if (!m) {
      rows.push([s.name, "ERROR", (report.errors[s.name] ?? "").split("\n")[0]]);
      continue;
    }
    const r = typeof s.rows === "function" ? s.rows(m) : flatten(m);
    r.forEach(([k, v], i) => rows.push([i === 0 ? s.name : "", k, v]));
  }
  printTable(["suite", "metric", "value"], rows);
  const goals = suites.flatMap((s) => (report.suites[s.name]?.goals ?? []).map((g) => ({ suite: s.name, ...g })));
  if (goals.length) {
    console.log("");
    printTable(["goal", "actual", "target", "result"], goals.map((g) => [`${g.suite}: ${g.description}`, `${g.actual} ${g.unit}`.trim(), `${g.higherIsBetter ? "≥" : "≤"} ${g.target} ${g.unit}`.trim(), g.pass ? "PASS" : "FAIL"]));
  }
  console.log(`\nwritten to tests/bench/results/latest.json`);
  return Object.keys(report.errors).length ? 1 : 0;
}

main()
  .then((code) => { process.exitCode = code; })
  .catch(async (e) => {
    if (interrupted) return;
    console.error("[bench] failed:", e?.stack ?? e);
    if (server?.logFile) console.error(`[bench] server output: ${server.logFile}`);
    await cleanup().catch(() => {});
    process.exitCode = 1;
  });
