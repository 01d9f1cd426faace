// Issue 4: history pages of a room holding 1 000 000 messages. The admin makes a small group chat,
// seeds it with the dev endpoint (POST /api/v1/dev/seed/chats/:id/messages, 10 × 100 000; only
// there with DEV_MAILBOX=1 as `npm start` sets it; timed per chunk), then measures the latest page
// (?limit=50), pages before a random seq (scrolling up) and after a random seq (resuming).
import http from "node:http";
import { loadavg } from "node:os";
import { request } from "../lib/http.mjs";
import { round, summarize } from "../lib/stats.mjs";
import { adminSession, benchUsers } from "../lib/users.mjs";
import { requestFloor, settle } from "../lib/baseline.mjs";

export const name = "chat-history";
export const description = "GET /api/v1/chats/:id/messages at 1 000 000 messages in a room: latest and random-depth pages p50/p99";
export const order = 71;
export const timeoutMs = 8 * 60_000;

const TOTAL = 1_000_000;
const CHUNK = 100_000;
const N = 200;
const MAX_MS = 12_000;

/** Sequential GETs over one keep-alive connection (bounded in count and time); check(json) must hold for each. */
async function serial(port, cookie, pathFor, check) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const ms = [];
  let bytes = null;
  const t0 = performance.now();
  try {
    for (let i = 0; i < N + 5 && performance.now() - t0 < MAX_MS; i++) {
      const path = pathFor(i);
      const res = await request({ port, path, cookie, agent, timeoutMs: 30_000 });
      if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${res.body.slice(0, 300)}`);
      const problem = check(res.json(), path);
      if (problem) throw new Error(`GET ${path}: ${problem}`);
      if (i >= 5) ms.push(res.ms);
      bytes ??= Buffer.byteLength(res.body);
    }
  } finally {
    agent.destroy();
  }
  const s = summarize(ms);
  return { count: s.count, p50: s.p50, p90: s.p90, p99: s.p99, max: s.max, bytes };
}

export async function run(ctx) {
  const { port } = ctx;
  const settledBeforeMs = await settle(ctx); // a backlog left by an earlier suite
  const admin = await adminSession(ctx);
  const { users } = await benchUsers(ctx, 2);
  const setup = { settledBeforeMs };

  const created = await request({ port, method: "POST", path: "/api/v1/chats", cookie: admin.cookie, body: { type: "group", title: `Bench history ${Date.now().toString(36)}`, memberIds: users.map((u) => u.id), visibility: "private" } });
  if (created.status !== 201) throw new Error(`POST /api/v1/chats answered ${created.status}: ${created.body.slice(0, 300)}`);
  const chatId = created.json().chat.id;
  const base = `/api/v1/chats/${chatId}/messages`;

  const chunkMs = [];
  let lastSeq = 0;
  const t = performance.now();
  for (let done = 0; done < TOTAL; done += CHUNK) {
    const t0 = performance.now();
    const res = await request({ port, method: "POST", path: `/api/v1/dev/seed/chats/${chatId}/messages`, cookie: admin.cookie, body: { count: Math.min(CHUNK, TOTAL - done) }, timeoutMs: 5 * 60_000 });
    chunkMs.push(Math.round(performance.now() - t0));
    if (res.status !== 201) throw new Error(`POST /api/v1/dev/seed/chats/:id/messages answered ${res.status} after ${chunkMs.at(-1)} ms: ${res.body.slice(0, 300)}`);
    lastSeq = res.json().lastSeq;
  }
  setup.seedMs = Math.round(performance.now() - t);
  setup.seedChunkMs = chunkMs;
  ctx.log(`chat-history: seeded ${TOTAL} messages in ${setup.seedMs} ms (chunks: ${chunkMs.join(", ")})`);
  if (lastSeq < TOTAL) throw new Error(`the room's lastSeq is ${lastSeq} after seeding ${TOTAL}`);

  // Give the room's flush alarm (unread counts after the bulk insert) a moment, then one untimed request.
  const first = await request({ port, path: `${base}?limit=50`, cookie: admin.cookie, timeoutMs: 60_000 });
  setup.firstLatestPageMs = Math.round(first.ms);

  const load1mBefore = round(loadavg()[0]);
  const floor = await requestFloor(ctx);
  const pageCheck = (want) => (j) => (j.messages?.length !== 50 ? `${j.messages?.length} messages` : want && !want(j.messages) ? "wrong seqs" : null);
  const latest = await serial(port, admin.cookie, () => `${base}?limit=50`, pageCheck((m) => m[49].seq === lastSeq));
  // Random depths, reproducible: a small LCG.
  let x = 12345;
  const rnd = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const beforeSeqs = Array.from({ length: N + 5 }, () => 51 + Math.floor(rnd() * (lastSeq - 51)));
  const before = await serial(port, admin.cookie, (i) => `${base}?before=${beforeSeqs[i]}&limit=50`, pageCheck(null));
  const afterSeqs = Array.from({ length: N + 5 }, () => Math.floor(rnd() * (lastSeq - 50)));
  const after = await serial(port, users[0].cookie, (i) => `${base}?after=${afterSeqs[i]}&limit=50`, pageCheck(null));

  return {
    chatId,
    messages: lastSeq,
    latestPage: latest,
    beforeRandomSeq: before,
    afterRandomSeq: after,
    floor,
    setup,
    load1mBefore,
    // The issue asks for the number, with no target: no goal line.
  };
}

export function rows(m) {
  const f = (s) => `${s.p50} / ${s.p99} (${s.count} req, ${s.bytes} B)`;
  return [
    ["latest page (limit=50) p50 / p99 (ms)", f(m.latestPage)],
    ["before=<random seq> p50 / p99 (ms)", f(m.beforeRandomSeq)],
    ["after=<random seq> p50 / p99 (ms), a member", f(m.afterRandomSeq)],
    ["request floor p50 (404 through the worker, ms)", m.floor.p50],
    ["setup: seed 1 000 000 messages (ms)", `${m.setup.seedMs} (chunks ${m.setup.seedChunkMs.join(", ")})`],
  ];
}
