// The request floor of the local runtime at the moment of measuring: the p50 of a request that goes
// through the worker (portal lookup by Host) and ends in a 404 JSON answer, one at a time over one
// keep-alive connection. Reported next to endpoint latencies, so a number can be read as "floor +
// the endpoint's own work" on a loaded machine.
import http from "node:http";
import { loadavg } from "node:os";
import { request } from "./http.mjs";
import { round, summarize } from "./stats.mjs";

export async function requestFloor(ctx, { n = 40, maxMs = 4_000 } = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const ms = [];
  const t0 = performance.now();
  try {
    for (let i = 0; i < n + 3 && performance.now() - t0 < maxMs; i++) {
      const res = await request({ port: ctx.port, path: "/api/v1/bench-floor-404", agent });
      if (i >= 3) ms.push(res.ms);
    }
  } finally {
    agent.destroy();
  }
  const s = summarize(ms);
  return { path: "GET /api/v1/bench-floor-404 (404)", p50: s.p50, p99: s.p99, count: s.count, load1m: round(loadavg()[0]) };
}

/**
 * Waits (bounded) until the server answers that same cheap request within `fastMs`: a suite that
 * left a backlog behind (e.g. a Durable Object still working through queued frames; locally all of
 * workerd shares one thread) must not make the next suite's requests time out. Returns the ms waited.
 */
export async function settle(ctx, { maxMs = 180_000, fastMs = 2_000 } = {}) {
  const t0 = performance.now();
  while (performance.now() - t0 < maxMs) {
    try {
      const res = await request({ port: ctx.port, path: "/api/v1/bench-floor-404", timeoutMs: 15_000 });
      if (res.ms < fastMs) return Math.round(performance.now() - t0);
    } catch {
      /* still busy */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not answer a trivial request within ${fastMs} ms for ${maxMs} ms`);
}
