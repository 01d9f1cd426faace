// `npm run bench:load [-- --duration=600] [--users=200] [--think=2000] [--sample-every=30] [--warmup=120] [--port=8871] [--ref=HEAD] [--keep]`
//
// Issue 6.5: a mixed workload against `wrangler dev` (the real `npm start`, in a snapshot with fresh
// local state, as `npm run bench` starts it). N employees are created and signed in once; each keeps
// the sockets of a browser tab open (UserHub, FeedHub, their group chat's ChatRoom) and runs a closed
// loop — feed reads, posts, comments, likes; chat sends over the socket (until the ack) and history
// reads; calendar week reads and event creation (business-seat holders only); directory reads — with
// a random think time around --think ms. Tasks and CRM do not exist yet, so they are not in the mix.
// Reports throughput, p50/p99 per route, errors (must be 0: any non-2xx, timeout, socket error,
// unexpected close or error frame), and the RSS of the workerd processes: at the start, every
// --sample-every seconds and at the end, with the slope of a linear fit after warm-up.
// Writes tests/bench/results/load.json (the server's output: results/load-server.log).
import { loadavg } from "node:os";
import { machine, parseArgs, standaloneServer, writeResult } from "./lib/cli.mjs";
import { openSockets, prepare, socketCounts } from "./lib/load-setup.mjs";
import { MIX, Recorder, makeUser, onChatFrame } from "./lib/load-mix.mjs";
import { memoryTrend, workerdMemory } from "./lib/procs.mjs";
import { closeAll } from "./lib/ws.mjs";
import { goal, round } from "./lib/stats.mjs";
import { printTable } from "./lib/table.mjs";

const log = (...a) => console.error("[load]", ...a);
const opts = parseArgs(process.argv.slice(2), ["duration", "users", "think", "sample-every", "warmup", "port"]);
const durationS = opts.duration ?? 600;
const nUsers = opts.users ?? 200;
const thinkMs = opts.think ?? 2000;
// Every 30 s; a short run samples every 10 s so that it still has a trend after warm-up.
const everyS = opts["sample-every"] ?? (durationS < 150 ? 10 : 30);
// Durable Objects start, caches and the JIT fill during the first minute or two: the trend starts after that.
const warmupS = opts.warmup ?? Math.min(120, Math.round(durationS / 3));

async function main() {
  const report = { startedAt: new Date().toISOString(), ...machine(), options: { durationS, users: nUsers, thinkMs, sampleEveryS: everyS, warmupS }, mix: MIX };
  const srv = await standaloneServer({ name: "load", basePort: 8871, options: opts, log });
  try {
    const server = await srv.start();
    report.server = { command: "npm start", port: srv.port, msToFirst200: server.coldStart.msToFirst200, log: "tests/bench/results/load-server.log" };
    const ctx = srv.ctx;
    log(`server up after ${server.coldStart.msToFirst200} ms; creating and signing in ${nUsers} users`);
    const prep = await prepare(ctx, { users: nUsers });
    const { users } = prep;
    const state = { recentPosts: prep.recentPosts, runId: prep.runId, running: true, acks: new Map(), userIds: users.map((u) => u.id) };
    const counts = socketCounts();
    const live = { running: true };
    const opened = await openSockets(ctx, users, { onChatFrame: onChatFrame(state, counts), live, counts });
    report.setup = { ...prep.setup, sockets: opened.sockets.length, openSocketsMs: opened.openMs };
    log(`setup ${JSON.stringify(report.setup)}`);

    const t0 = performance.now();
    const samples = [{ ...workerdMemory(server.pgid, t0), label: "start" }];
    if (!samples[0].processes.length) throw new Error(`no workerd process found under process group ${server.pgid}`);
    const sampler = setInterval(() => samples.push(workerdMemory(server.pgid, t0)), everyS * 1000);
    const rec = new Recorder();
    const load1mBefore = round(loadavg()[0]);
    const progress = setInterval(() => {
      const r = rec.report((performance.now() - t0) / 1000);
      log(`${Math.round((performance.now() - t0) / 1000)} s: ${r.requests} requests (${r.throughputPerS}/s), ${r.errors} errors, workerd ${samples.at(-1).totalMb} MB, load ${round(loadavg()[0])}`);
    }, 30_000);
    log(`load: ${nUsers} users, think ~${thinkMs} ms, ${durationS} s`);
    const loops = users.map((u) => makeUser(ctx, u, state, rec));
    const until = t0 + durationS * 1000;
    await Promise.all(loops.map((l) => l.loop({ thinkMs, until })));
    const elapsedS = (performance.now() - t0) / 1000;
    state.running = false;
    clearInterval(sampler);
    clearInterval(progress);
    samples.push({ ...workerdMemory(server.pgid, t0), label: "end" });
    live.running = false;
    for (const l of loops) l.close();
    await closeAll(opened.sockets);
    // 20 s without traffic or sockets: does the memory go back? (Not part of the trend.)
    await new Promise((r) => setTimeout(r, 20_000));
    const idle = { ...workerdMemory(server.pgid, t0), label: "idle 20 s after the end" };

    const r = rec.report(elapsedS);
    const socketProblems = counts.socketErrors + counts.unexpectedCloses + counts.errorFrames;
    const errors = r.errors + socketProblems + state.acks.size;
    const trend = memoryTrend(samples, { warmupS });
    const trendApp = memoryTrend(samples, { warmupS, key: "appMb" });
    const trendProxy = memoryTrend(samples, { warmupS, key: "proxyMb" });
    Object.assign(report, {
      elapsedS: round(elapsedS, 1),
      load1mBefore,
      load1mAfter: round(loadavg()[0]),
      throughputPerS: r.throughputPerS,
      requests: r.requests,
      errors,
      errorRate: r.requests ? errors / r.requests : 0,
      httpAndChatErrors: r.errors,
      sockets: { ...counts, unackedAtEnd: state.acks.size },
      perRoute: r.perRoute,
      errorExamples: r.errorExamples,
      memory: { startMb: samples[0].totalMb, endMb: samples.at(-1).totalMb, maxMb: Math.max(...samples.map((s) => s.totalMb)), idle, trend, byProcess: { app: trendApp, proxy: trendProxy }, samples },
      goals: [goal("error rate", errors, 0), goal("workerd RSS not growing after warm-up (app runtime)", trendApp.growing === null ? null : Number(trendApp.growing), 0), goal("workerd RSS not growing after warm-up (wrangler proxy)", trendProxy.growing === null ? null : Number(trendProxy.growing), 0)],
    });
  } finally {
    await srv.stop();
  }
  report.finishedAt = new Date().toISOString();
  const file = writeResult("load.json", report);
  print(report, file);
  return report.errors ? 1 : 0;
}

function print(m, file) {
  console.log(JSON.stringify(m, null, 2));
  console.log("");
  printTable(
    ["route", "count", "req/s", "p50 ms", "p99 ms", "max ms", "errors"],
    Object.entries(m.perRoute).map(([route, s]) => [route, s.count, s.perS, s.p50, s.p99, s.max, s.errors]),
  );
  console.log("");
  const t = m.memory.trend;
  printTable(["metric", "value"], [
    ["users × duration (s); think (ms)", `${m.options.users} × ${m.elapsedS}; ~${m.options.thinkMs}`],
    ["throughput (req/s, all routes)", m.throughputPerS],
    ["requests / errors / error rate", `${m.requests} / ${m.errors} / ${(m.errorRate * 100).toFixed(3)} %`],
    ["socket errors / unexpected closes / error frames / unacked", `${m.sockets.socketErrors} / ${m.sockets.unexpectedCloses} / ${m.sockets.errorFrames} / ${m.sockets.unackedAtEnd}`],
    ["workerd RSS start / end / max / idle 20 s later (MB)", `${m.memory.startMb} / ${m.memory.endMb} / ${m.memory.maxMb} / ${m.memory.idle.totalMb} (app ${m.memory.idle.appMb} + proxy ${m.memory.idle.proxyMb})`],
    ...[["all workerd", t], ["app runtime", m.memory.byProcess.app], ["wrangler proxy", m.memory.byProcess.proxy]].map(([what, x]) => [
      `RSS trend after ${x.warmupS} s, ${what} (${x.samples} samples)`,
      x.slopeMbPerMin === null ? x.note : `${x.slopeMbPerMin} MB/min, R² ${x.r2}, fitted +${x.fittedGrowthMb} MB → ${x.growing ? "GROWING" : "flat"}`,
    ]),
    ["RSS samples (s: app + proxy MB)", m.memory.samples.map((s) => `${s.atS}: ${s.appMb}+${s.proxyMb}`).join(", ")],
    ["load average 1 min before / after", `${m.load1mBefore} / ${m.load1mAfter}`],
    ["setup: users create / login / chats / seed (ms)", `${m.setup.usersCreatedMs} / ${m.setup.usersLoginMs} / ${m.setup.chatsMs} / ${m.setup.seedFeedMs}`],
    ["seat holders (calendar traffic)", m.setup.seatHolders],
    ...(m.errorExamples.length ? [["first errors", m.errorExamples.slice(0, 3).map((e) => `${e.route} ${e.status} ${e.body ?? ""}`).join(" | ").slice(0, 400)]] : []),
    ...(m.sockets.firstProblem ? [["first socket problem", m.sockets.firstProblem]] : []),
  ]);
  console.log("");
  printTable(["goal", "actual", "result"], m.goals.map((g) => [g.description, g.actual, g.pass ? "PASS" : "FAIL"]));
  console.log(`\nwritten to ${file}`);
}

main()
  .then((code) => (process.exitCode = code))
  .catch((e) => {
    console.error("[load] failed:", e?.stack ?? e);
    process.exitCode = 1;
  });
