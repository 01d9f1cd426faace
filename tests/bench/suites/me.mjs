// GET /api/v1/me signed in as the demo admin, under N concurrent keep-alive connections (autocannon).
import http from "node:http";
import { loadavg } from "node:os";
import autocannon from "autocannon";
import { hostFor, login, request } from "../lib/http.mjs";
import { round, summarize } from "../lib/stats.mjs";

export const name = "me";
export const description = "GET /api/v1/me as admin@demo.test, 50 connections, ~10 s";

const MAX_SAMPLES = 2_000_000;

function cannon({ port, host, cookie, connections, duration, onResponse }) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}/api/v1/me`,
        connections,
        duration,
        timeout: 10,
        headers: { host, cookie, accept: "application/json" },
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    instance.on("response", (_client, status, _bytes, ms) => onResponse(status, ms));
  });
}

export async function run(ctx) {
  const { port } = ctx;
  const connections = ctx.options.connections ?? 50;
  const duration = ctx.options.duration ?? 10;
  const warmup = Math.min(2, duration);
  const host = hostFor(port, "demo");
  const { cookie } = await login({ port });

  // The contract holds before we measure it.
  const probe = await request({ port, path: "/api/v1/me", cookie });
  if (probe.status !== 200) throw new Error(`GET /api/v1/me answered ${probe.status}: ${probe.body.slice(0, 300)}`);
  const me = probe.json();
  if (me?.user?.email !== "admin@demo.test" || !me?.portal?.slug) throw new Error(`unexpected /me body: ${probe.body.slice(0, 300)}`);

  // Baseline: one connection, one request at a time (bounded in count and time), after a short warm-up.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const serial = [];
  const serialStarted = performance.now();
  for (let i = 0; i < 320 && performance.now() - serialStarted < 8_000; i++) {
    const res = await request({ port, path: "/api/v1/me", cookie, agent });
    if (res.status !== 200) throw new Error(`serial GET /api/v1/me answered ${res.status}`);
    if (i >= 20) serial.push(res.ms);
  }
  agent.destroy();
  const serialStats = summarize(serial);

  ctx.log(`me: warm-up ${warmup} s, then ${duration} s at ${connections} connections`);
  await cannon({ port, host, cookie, connections, duration: warmup, onResponse: () => {} });

  const load1mBefore = round(loadavg()[0]);
  const latencies = [];
  const statuses = {};
  let non200 = 0;
  const result = await cannon({
    port, host, cookie, connections, duration,
    onResponse: (status, ms) => {
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status !== 200) non200++;
      else if (latencies.length < MAX_SAMPLES) latencies.push(ms);
    },
  });
  const ok = summarize(latencies);
  const completed = Object.values(statuses).reduce((a, b) => a + b, 0);
  return {
    connections,
    durationS: result.duration,
    requests: completed,
    ok200: completed - non200,
    non200,
    socketErrors: result.errors,
    timeouts: result.timeouts,
    statusCodes: statuses,
    throughputRps: round((completed - non200) / result.duration, 1),
    latencyMs: { p50: ok.p50, p90: ok.p90, p99: ok.p99, mean: ok.mean, min: ok.min, max: ok.max },
    autocannonLatencyMs: { p50: result.latency.p50, p99: result.latency.p99, mean: round(result.latency.mean) },
    serialOneConnection: { requests: serialStats.count, p50: serialStats.p50, p99: serialStats.p99, mean: serialStats.mean },
    warmupS: warmup,
    load1mBefore,
  };
}

export function rows(m) {
  return [
    ["p50 latency (ms)", m.latencyMs.p50],
    ["p99 latency (ms)", m.latencyMs.p99],
    ["mean latency (ms)", m.latencyMs.mean],
    ["throughput (req/s, 200 only)", m.throughputRps],
    ["requests / non-200 / socket errors / timeouts", `${m.requests} / ${m.non200} / ${m.socketErrors} / ${m.timeouts}`],
    ["connections × seconds", `${m.connections} × ${m.durationS}`],
    ["1 connection, serial: p50 / p99 (ms)", `${m.serialOneConnection.p50} / ${m.serialOneConnection.p99} (${m.serialOneConnection.requests} req)`],
  ];
}
