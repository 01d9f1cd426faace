// Issue 3: live feed fan-out. 200 feed sockets (10 employees × 20 tabs) in the demo portal, then
// 50 company posts/s for 10 s from 5 author sessions (open loop: a post is sent on schedule whether
// or not earlier ones have answered). Latency per (socket, post) = receipt − the moment the POST was
// sent, both on this process's clock; the server's `at` (FeedHub publish time) splits it in two.
import { loadavg } from "node:os";
import { request } from "../lib/http.mjs";
import { goal, round, summarize } from "../lib/stats.mjs";
import { mapLimit, openLoop, until } from "../lib/pool.mjs";
import { adminSession, benchUsers } from "../lib/users.mjs";
import { closeAll, openSocket } from "../lib/ws.mjs";
import { requestFloor, settle } from "../lib/baseline.mjs";

export const name = "feed-fanout";
export const description = "200 feed sockets, 50 posts/s for 10 s: delivery latency p50/p99, completeness, frames per post";
export const order = 60;
export const timeoutMs = 4 * 60_000;

const USERS = 10;
const SOCKETS_PER_USER = 20;
const RATE = 50;
const AUTHORS = 5;
const GOAL_P99_MS = 100;
const LIGHT_RATE = 10;
const LIGHT_S = 5;

export async function run(ctx) {
  const { port } = ctx;
  const settledBeforeMs = await settle(ctx); // a backlog left by an earlier suite
  const durationS = ctx.options.duration ?? 10;
  const runId = Date.now().toString(36);
  const setup = { settledBeforeMs };

  let t = performance.now();
  const admin = await adminSession(ctx);
  const pool = await benchUsers(ctx, USERS);
  setup.usersMs = Math.round(performance.now() - t);
  setup.usersCreated = pool.created;
  const authors = [admin, ...pool.users.slice(0, AUTHORS - 1)];

  // Receipt bookkeeping per phase: sent[k] = {at: perf time the POST left, wall: Date.now() then}.
  const re = new RegExp(`fanout ${runId} (\\w+) #(\\d+)`);
  const phases = new Map();
  let current = null;
  const sockets = [];
  const state = [];
  let badFrames = 0;
  let foreign = 0;
  let unexpectedCloses = 0;
  let open = false;

  const onFrame = (i) => (data, receivedAt) => {
    const wall = Date.now();
    let frame;
    try {
      frame = JSON.parse(data);
    } catch {
      badFrames++;
      return;
    }
    if (frame.type !== "feed.events" || !Array.isArray(frame.events)) {
      if (frame.type === "error") badFrames++;
      return;
    }
    if (current) {
      current.frames++;
      current.eventsInFrames += frame.events.length;
    }
    for (const ev of frame.events) {
      if (ev.kind !== "post.created") continue;
      const m = re.exec(ev.post?.text ?? "");
      const ph = m && phases.get(m[1]);
      if (!ph) {
        foreign++;
        continue;
      }
      const k = Number(m[2]);
      const got = ph.got[i];
      if (got.has(k)) {
        ph.duplicates++;
        continue;
      }
      got.add(k);
      if (ph.sent[k]) ph.delivery.push(receivedAt - ph.sent[k].at);
      if (typeof ev.at === "number") {
        ph.afterPublish.push(wall - ev.at);
        ph.serverAt[k] ??= ev.at;
      }
    }
  };

  t = performance.now();
  const plan = [];
  for (const u of pool.users) for (let j = 0; j < SOCKETS_PER_USER; j++) plan.push(u);
  const opened = await mapLimit(plan, 10, async (u, i) => {
    state[i] = { user: u.id };
    return openSocket({ port, path: "/api/v1/feed/live", cookie: u.cookie, onMessage: onFrame(i), onClose: () => open && unexpectedCloses++ });
  });
  sockets.push(...opened);
  setup.openSocketsMs = Math.round(performance.now() - t);
  open = true;

  const post = (author, tag, k) =>
    request({ port, method: "POST", path: "/api/v1/feed/posts", cookie: author.cookie, body: { text: `<p>fanout ${runId} ${tag} #${k}</p>`, audience: { company: true } }, timeoutMs: 60_000 });

  /** One phase: `count` posts at `rate`/s (open loop; rate 0 = one after another), then waits for stragglers. */
  async function phase(tag, { rate, count, drainMs = 10_000, measureFrames = true }) {
    const ph = { sent: new Array(count), serverAt: new Array(count), got: state.map(() => new Set()), delivery: [], afterPublish: [], duplicates: 0, frames: 0, eventsInFrames: 0 };
    phases.set(tag, ph);
    const postMs = [];
    const statuses = {};
    const ok = new Set();
    const fire = async (k) => {
      const author = authors[k % authors.length];
      ph.sent[k] = { at: performance.now(), wall: Date.now() };
      let res;
      try {
        res = await post(author, tag, k);
      } catch (e) {
        statuses[e.code ?? "error"] = (statuses[e.code ?? "error"] ?? 0) + 1;
        return;
      }
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      postMs.push(res.ms);
      if (res.status === 201) ok.add(k);
      else if (!ph.firstError) ph.firstError = `${res.status} ${res.body.slice(0, 200)}`;
    };
    const load1mBefore = round(loadavg()[0]);
    if (measureFrames) current = ph;
    const t0 = performance.now();
    let loop;
    if (rate > 0) {
      loop = await openLoop({ rate, count, maxMs: (count / rate) * 1000 + 2_000, maxInFlight: 400, fire });
    } else {
      for (let k = 0; k < count && performance.now() - t0 < 30_000; k++) await fire(k);
      loop = { fired: Object.values(statuses).reduce((a, b) => a + b, 0), skipped: 0, lateMs: 0, elapsedMs: Math.round(performance.now() - t0) };
    }
    const lastAnswerMs = Math.round(performance.now() - t0);
    const drainStart = performance.now();
    await until(() => ph.got.every((g) => g.size >= ok.size), { timeoutMs: drainMs });
    const drained = Math.round(performance.now() - drainStart);
    current = null;
    // Stored posts: answered 201, or seen live although their answer never came (client timeout).
    const stored = new Set(ok);
    for (const g of ph.got) for (const k of g) stored.add(k);
    const perSocket = ph.got.map((g) => [...stored].filter((k) => g.has(k)).length);
    const posts = stored.size;
    const missing = perSocket.reduce((a, n) => a + (posts - n), 0);
    const toPublish = ph.sent.map((x, k) => (x && ph.serverAt[k] ? ph.serverAt[k] - x.wall : null)).filter((x) => x !== null);
    return {
      targetRate: rate || "serial",
      postsSent: loop.fired,
      postsSkipped: loop.skipped,
      posts201: ok.size,
      postsStored: posts,
      postStatuses: statuses,
      ...(ph.firstError ? { firstError: ph.firstError } : {}),
      sendRate: round((loop.fired / Math.max(1, loop.elapsedMs)) * 1000, 1),
      // Posts the server finished per second: from the first send to the last answer.
      serverRate: round((posts / Math.max(1, lastAnswerMs)) * 1000, 1),
      scheduleLagMaxMs: loop.lateMs,
      postLatencyMs: pick(summarize(postMs)),
      deliveryMs: pick(summarize(ph.delivery)),
      deliveryFromServerAtMs: pick(summarize(ph.afterPublish)),
      postSentToServerAtMs: pick(summarize(toPublish)),
      deliveries: { expected: posts * sockets.length, received: ph.delivery.length, missing, duplicates: ph.duplicates, perSocketMin: Math.min(...perSocket), perSocketMax: Math.max(...perSocket), socketsComplete: perSocket.filter((n) => n === posts).length },
      frames: measureFrames
        ? { total: ph.frames, perPost: posts ? round(ph.frames / posts, 2) : null, perPostPerSocket: posts ? round(ph.frames / posts / sockets.length, 3) : null, eventsPerFrame: ph.frames ? round(ph.eventsInFrames / ph.frames, 2) : null }
        : null,
      drainMs: drained,
      load1mBefore,
    };
  }

  try {
    // Warm-up: checks the whole path and wakes the FeedHub before measuring.
    t = performance.now();
    const warm = await phase("warm", { rate: 0, count: 1, measureFrames: false });
    setup.warmupMs = Math.round(performance.now() - t);
    if (warm.postsStored !== 1) throw new Error(`POST /api/v1/feed/posts failed: ${JSON.stringify(warm.postStatuses)} ${warm.firstError ?? ""}`);
    if (warm.deliveries.missing) throw new Error(`the warm-up post reached only ${warm.deliveries.socketsComplete} of ${sockets.length} sockets within 10 s`);

    const floor = await requestFloor(ctx);
    // Baseline: what one post costs with nothing else going on (posts/s the server could take = 1000 / p50).
    const serial = await phase("serial", { rate: 0, count: 20, measureFrames: false });
    // The goal's load.
    const main = await phase("main", { rate: RATE, count: RATE * durationS, drainMs: 20_000 });
    // A rate this machine can keep up with, so fan-out latency shows without a POST backlog in it.
    const light = await phase("light", { rate: LIGHT_RATE, count: LIGHT_RATE * LIGHT_S });

    return {
      sockets: sockets.length,
      users: USERS,
      authors: authors.length,
      durationS,
      main,
      light,
      serialBaseline: { posts: serial.posts201, postLatencyMs: serial.postLatencyMs, deliveryMs: serial.deliveryMs, missing: serial.deliveries.missing },
      floor,
      foreignEvents: foreign,
      badFrames,
      unexpectedCloses,
      setup,
      goals: [
        goal(`delivery p99 < ${GOAL_P99_MS} ms at ${RATE} posts/s`, main.deliveryMs.p99, GOAL_P99_MS, { unit: "ms" }),
        goal("every socket got every post (missing deliveries)", main.deliveries.missing + light.deliveries.missing, 0),
      ],
    };
  } finally {
    open = false;
    await closeAll(sockets);
  }
}

const pick = (s) => ({ count: s.count, p50: s.p50, p90: s.p90, p99: s.p99, max: s.max, mean: s.mean });

export function rows(m) {
  const r = (p, label) => [
    [`${label}: delivery p50 / p99 / max (ms)`, `${p.deliveryMs.p50} / ${p.deliveryMs.p99} / ${p.deliveryMs.max}`],
    ["  server publish → receipt p50 / p99 (ms)", `${p.deliveryFromServerAtMs.p50} / ${p.deliveryFromServerAtMs.p99}`],
    ["  POST sent → publish p50 / p99 (ms)", `${p.postSentToServerAtMs.p50} / ${p.postSentToServerAtMs.p99}`],
    ["  POST latency p50 / p99 (ms)", `${p.postLatencyMs.p50} / ${p.postLatencyMs.p99}`],
    ["  posts 201 / stored / sent; sent/s; stored/s", `${p.posts201} / ${p.postsStored} / ${p.postsSent} (${p.postStatuses.error ?? 0} unanswered); ${p.sendRate}; ${p.serverRate}`],
    ["  deliveries received / expected (missing, dup)", `${p.deliveries.received} / ${p.deliveries.expected} (${p.deliveries.missing}, ${p.deliveries.duplicates})`],
    ["  frames total / per post / per post per socket", `${p.frames.total} / ${p.frames.perPost} / ${p.frames.perPostPerSocket} (${p.frames.eventsPerFrame} events/frame)`],
  ];
  return [
    ...r(m.main, `${m.main.targetRate} posts/s × ${m.durationS} s`),
    ...r(m.light, `${m.light.targetRate} posts/s`),
    ["serial POST p50 / p99 (ms), 1 at a time", `${m.serialBaseline.postLatencyMs.p50} / ${m.serialBaseline.postLatencyMs.p99}`],
    ["request floor p50 (404 through the worker, ms)", m.floor.p50],
    ["sockets; setup: users / open sockets (ms)", `${m.sockets}; ${m.setup.usersMs} / ${m.setup.openSocketsMs}`],
  ];
}
