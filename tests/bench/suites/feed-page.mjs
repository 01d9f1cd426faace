// Issue 3: GET /api/v1/feed with 100 000 posts in the portal. Seeds them with the dev endpoint
// (POST /api/v1/dev/seed/feed, only there with DEV_MAILBOX=1 as `npm start` sets it; timed), then
// measures the first page as an employee (audience filter) and as the admin (reads everything),
// deeper pages reached through nextCursor, and the first page under a few concurrent connections.
import http from "node:http";
import { loadavg } from "node:os";
import autocannon from "autocannon";
import { hostFor, request } from "../lib/http.mjs";
import { goal, round, summarize } from "../lib/stats.mjs";
import { adminSession, benchUsers } from "../lib/users.mjs";
import { requestFloor, settle } from "../lib/baseline.mjs";

export const name = "feed-page";
export const description = "GET /api/v1/feed?limit=20 at 100 000 posts: first and deeper pages p50/p99 (goal p50 < 20 ms)";
export const order = 61;
export const timeoutMs = 6 * 60_000;

const POSTS = 100_000;
const SERIAL = 300;
const SERIAL_MAX_MS = 15_000;
const WALK_PAGES = 30;
const DEEP_REPEAT = 60;
const CONCURRENCY = 10;
const CONCURRENT_S = 5;
const GOAL_P50_MS = 20;

/** Sequential GETs over one keep-alive connection, bounded in count and time; non-200 throws. */
async function serial(port, cookie, path, n = SERIAL, maxMs = SERIAL_MAX_MS) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const ms = [];
  const t0 = performance.now();
  let body = null;
  try {
    for (let i = 0; i < n + 5 && performance.now() - t0 < maxMs; i++) {
      const res = await request({ port, path, cookie, agent, timeoutMs: 30_000 });
      if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${res.body.slice(0, 300)}`);
      if (i >= 5) ms.push(res.ms); // the first few warm caches and the connection
      body ??= res.body;
    }
  } finally {
    agent.destroy();
  }
  return { stats: summarize(ms), bytes: body ? Buffer.byteLength(body) : null };
}

function cannon({ port, cookie, path, connections, duration }) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    const statuses = {};
    const inst = autocannon(
      { url: `http://127.0.0.1:${port}${path}`, connections, duration, timeout: 20, headers: { host: hostFor(port, "demo"), cookie, accept: "application/json" } },
      (err, result) => (err ? reject(err) : resolve({ result, latencies, statuses })),
    );
    inst.on("response", (_c, status, _b, ms) => {
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status === 200) latencies.push(ms);
    });
  });
}

export async function run(ctx) {
  const { port } = ctx;
  const settledBeforeMs = await settle(ctx); // a backlog left by an earlier suite
  const admin = await adminSession(ctx);
  const { users } = await benchUsers(ctx, 1);
  const employee = users[0];
  const setup = { settledBeforeMs };

  const before = await request({ port, path: "/api/v1/feed?limit=1", cookie: admin.cookie });
  if (before.status !== 200) throw new Error(`GET /api/v1/feed answered ${before.status}: ${before.body.slice(0, 300)}`);

  let t = performance.now();
  const seed = await request({ port, method: "POST", path: "/api/v1/dev/seed/feed", cookie: admin.cookie, body: { count: POSTS }, timeoutMs: 5 * 60_000 });
  setup.seedMs = Math.round(performance.now() - t);
  if (seed.status !== 201) throw new Error(`POST /api/v1/dev/seed/feed answered ${seed.status} after ${setup.seedMs} ms: ${seed.body.slice(0, 300)}`);
  ctx.log(`feed-page: seeded ${POSTS} posts in ${setup.seedMs} ms`);

  const first = "/api/v1/feed?limit=20";
  const probe = await request({ port, path: first, cookie: employee.cookie });
  const page = probe.json();
  if (page.items?.length !== 20 || !page.nextCursor) throw new Error(`first page has ${page.items?.length} items, nextCursor ${page.nextCursor}`);

  const load1mBefore = round(loadavg()[0]);
  const floor = await requestFloor(ctx);
  const employeeFirst = await serial(port, employee.cookie, first);
  const adminFirst = await serial(port, admin.cookie, first);

  // Deeper pages: walk nextCursor as the employee (every step timed), then repeat two depths.
  const walk = [];
  const cursors = [];
  let cursor = page.nextCursor;
  t = performance.now();
  for (let p = 2; p <= WALK_PAGES && cursor && performance.now() - t < 20_000; p++) {
    const res = await request({ port, path: `${first}&cursor=${encodeURIComponent(cursor)}`, cookie: employee.cookie, timeoutMs: 30_000 });
    if (res.status !== 200) throw new Error(`page ${p} answered ${res.status}: ${res.body.slice(0, 300)}`);
    walk.push(res.ms);
    cursors[p] = cursor;
    cursor = res.json().nextCursor;
  }
  const depth = (p) => (cursors[p] ? serial(port, employee.cookie, `${first}&cursor=${encodeURIComponent(cursors[p])}`, DEEP_REPEAT, 8_000) : null);
  const page10 = await depth(10);
  const pageLast = await depth(cursors.length - 1);

  // A deep page: the cursor format is [createdAt, id] (base64url JSON); seeded posts are one second
  // apart, so this lands about half-way down (~50 000 posts deep).
  const mid = new Date(Date.now() - (POSTS / 2) * 1000).toISOString();
  const deepCursor = Buffer.from(JSON.stringify([mid, "~"])).toString("base64url");
  const deep = await serial(port, employee.cookie, `${first}&cursor=${deepCursor}`, DEEP_REPEAT, 8_000);

  const conc = await cannon({ port, cookie: employee.cookie, path: first, connections: CONCURRENCY, duration: CONCURRENT_S });
  const concStats = summarize(conc.latencies);
  const pick = (s) => ({ count: s.count, p50: s.p50, p90: s.p90, p99: s.p99, max: s.max });
  return {
    posts: POSTS,
    employeeFirstPage: { ...pick(employeeFirst.stats), bytes: employeeFirst.bytes },
    adminFirstPage: { ...pick(adminFirst.stats), bytes: adminFirst.bytes },
    walkPages2toN: { pages: walk.length + 1, ...pick(summarize(walk)) },
    page10: page10 && pick(page10.stats),
    [`page${cursors.length - 1}`]: pageLast && pick(pageLast.stats),
    deepHalfway: pick(deep.stats),
    concurrent: { connections: CONCURRENCY, durationS: CONCURRENT_S, rps: round(concStats.count / conc.result.duration, 1), statuses: conc.statuses, ...pick(concStats) },
    floor,
    setup,
    load1mBefore,
    goals: [
      goal(`first page p50 < ${GOAL_P50_MS} ms (employee)`, employeeFirst.stats.p50, GOAL_P50_MS, { unit: "ms" }),
      goal(`first page p50 < ${GOAL_P50_MS} ms (admin)`, adminFirst.stats.p50, GOAL_P50_MS, { unit: "ms" }),
    ],
  };
}

export function rows(m) {
  const f = (s) => (s ? `${s.p50} / ${s.p99} (${s.count} req)` : "–");
  const lastKey = Object.keys(m).find((k) => /^page\d+$/.test(k) && k !== "page10");
  return [
    ["first page, employee p50 / p99 (ms)", f(m.employeeFirstPage)],
    ["first page, admin p50 / p99 (ms)", f(m.adminFirstPage)],
    [`pages 2…${m.walkPages2toN.pages} via nextCursor p50 / p99 (ms)`, f(m.walkPages2toN)],
    ["page 10 p50 / p99 (ms)", f(m.page10)],
    [`${lastKey ?? "last page"} p50 / p99 (ms)`, f(lastKey ? m[lastKey] : null)],
    ["~50 000 deep p50 / p99 (ms)", f(m.deepHalfway)],
    [`${m.concurrent.connections} connections: p50 / p99 (ms), req/s`, `${m.concurrent.p50} / ${m.concurrent.p99}, ${m.concurrent.rps}`],
    ["request floor p50 (404 through the worker, ms)", m.floor.p50],
    ["setup: seed 100 000 posts (ms)", m.setup.seedMs],
  ];
}
