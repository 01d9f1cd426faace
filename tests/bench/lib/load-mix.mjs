// The actions of the mixed load (load.mjs) and their bookkeeping. Each simulated user runs a closed
// loop: pick an action by weight, wait for its answer, think, repeat. Every non-2xx answer, timeout,
// socket error or chat error frame counts as an error. Tasks and CRM do not exist yet: not in the mix.
import http from "node:http";
import { request } from "./http.mjs";
import { summarize } from "./stats.mjs";
import { sleep } from "./pool.mjs";

const DAY = 86_400_000;
const TIMEOUT_MS = 30_000;

/** Weights in percent; `seat` actions only for business-seat holders (the others pick again without them). */
export const MIX = [
  { route: "GET /feed", weight: 20 },
  { route: "POST /feed/posts", weight: 4 },
  { route: "POST /feed/posts/:id/comments", weight: 5 },
  { route: "PUT|DELETE /feed/posts/:id/like", weight: 6 },
  { route: "GET /feed/posts/:id/comments", weight: 3 },
  { route: "WS chat send → ack", weight: 18 },
  { route: "GET /chats/:id/messages", weight: 8 },
  { route: "GET /chats", weight: 4 },
  { route: "GET /calendar/events (week)", weight: 8, seat: true },
  { route: "POST /calendar/events", weight: 2, seat: true },
  { route: "GET /people/users", weight: 6 },
  { route: "GET /people/users/:id", weight: 5 },
  { route: "GET /structure/departments", weight: 3 },
  { route: "GET /me", weight: 8 },
];

export class Recorder {
  constructor() {
    this.routes = new Map();
    this.examples = [];
  }
  add(route, ok, ms, detail) {
    let r = this.routes.get(route);
    if (!r) this.routes.set(route, (r = { ms: [], errors: 0, statuses: {} }));
    r.statuses[detail.status] = (r.statuses[detail.status] ?? 0) + 1;
    if (ok) r.ms.push(ms);
    else {
      r.errors++;
      if (this.examples.length < 10) this.examples.push({ route, ...detail });
    }
  }
  report(durationS) {
    const perRoute = {};
    let requests = 0, errors = 0;
    for (const [route, r] of [...this.routes].sort((a, b) => a[0].localeCompare(b[0]))) {
      const s = summarize(r.ms);
      const n = r.ms.length + r.errors;
      requests += n;
      errors += r.errors;
      perRoute[route] = { count: n, perS: Math.round((n / durationS) * 10) / 10, p50: s.p50, p99: s.p99, max: s.max, errors: r.errors, statuses: r.statuses };
    }
    return { requests, errors, errorRate: requests ? errors / requests : 0, throughputPerS: Math.round((requests / durationS) * 10) / 10, perRoute, errorExamples: this.examples };
  }
}

/** Builds the per-user loop. `state` = {recentPosts, runId, running, acks: Map clientId → {resolve}}. */
export function makeUser(ctx, u, state, rec) {
  const { port } = ctx;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const liked = new Set();
  let k = 0;
  const mix = MIX.filter((a) => !a.seat || u.seat);
  const total = mix.reduce((s, a) => s + a.weight, 0);
  const pick = () => {
    let x = Math.random() * total;
    for (const a of mix) if ((x -= a.weight) < 0) return a.route;
    return mix[0].route;
  };
  const anyPost = () => state.recentPosts[Math.floor(Math.random() * state.recentPosts.length)];
  const call = async (route, opts, expect = [200, 201]) => {
    const t0 = performance.now();
    let res;
    try {
      res = await request({ port, cookie: u.cookie, agent, timeoutMs: TIMEOUT_MS, ...opts });
    } catch (e) {
      rec.add(route, false, performance.now() - t0, { status: e.code ?? "error", body: String(e.message).slice(0, 200) });
      return null;
    }
    const good = expect.includes(res.status);
    rec.add(route, good, res.ms, { status: res.status, body: good ? undefined : res.body.slice(0, 200) });
    return good ? res : null;
  };
  const weekRange = () => {
    const now = Date.now();
    const monday = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate()) - ((new Date(now).getUTCDay() + 6) % 7) * DAY;
    return { from: new Date(monday).toISOString(), to: new Date(monday + 7 * DAY).toISOString(), monday };
  };

  const actions = {
    "GET /feed": async (route) => {
      const res = await call(route, { path: "/api/v1/feed?limit=20" });
      // Only company-wide posts are shared between users: a department post an admin sees is a correct 404 for others.
      const ids = res?.json().items.filter((p) => p.audience.some((a) => a.kind === "company")).map((p) => p.id) ?? [];
      if (ids.length) state.recentPosts.splice(0, state.recentPosts.length, ...ids.slice(0, 20), ...state.recentPosts.slice(0, 40));
    },
    "POST /feed/posts": (route) => call(route, { method: "POST", path: "/api/v1/feed/posts", body: { text: `<p>load ${state.runId} post ${u.email} #${k++}</p>`, audience: { company: true } } }),
    "POST /feed/posts/:id/comments": (route) => call(route, { method: "POST", path: `/api/v1/feed/posts/${anyPost()}/comments`, body: { text: `load comment #${k++}` } }),
    "PUT|DELETE /feed/posts/:id/like": (route) => {
      const id = anyPost();
      const on = !liked.has(id);
      if (on) liked.add(id);
      else liked.delete(id);
      return call(route, { method: on ? "PUT" : "DELETE", path: `/api/v1/feed/posts/${id}/like` });
    },
    "GET /feed/posts/:id/comments": (route) => call(route, { path: `/api/v1/feed/posts/${anyPost()}/comments?limit=20` }),
    "WS chat send → ack": (route) => chatSend(route),
    "GET /chats/:id/messages": (route) => call(route, { path: `/api/v1/chats/${u.chatId}/messages?limit=50` }),
    "GET /chats": (route) => call(route, { path: "/api/v1/chats" }),
    "GET /calendar/events (week)": (route) => {
      const w = weekRange();
      return call(route, { path: `/api/v1/calendar/events?from=${encodeURIComponent(w.from)}&to=${encodeURIComponent(w.to)}` });
    },
    "POST /calendar/events": (route) => {
      const start = weekRange().monday + Math.floor(Math.random() * 5) * DAY + (8 + Math.floor(Math.random() * 9)) * 3_600_000;
      const body = { calendarId: u.calendarId, title: `Load event ${k++}`, start: new Date(start).toISOString(), end: new Date(start + 1_800_000).toISOString(), timeZone: "Europe/Berlin" };
      return call(route, { method: "POST", path: "/api/v1/calendar/events", body });
    },
    "GET /people/users": (route) => call(route, { path: "/api/v1/people/users?limit=50" }),
    "GET /people/users/:id": (route) => call(route, { path: `/api/v1/people/users/${state.userIds[Math.floor(Math.random() * state.userIds.length)]}` }),
    "GET /structure/departments": (route) => call(route, { path: "/api/v1/structure/departments" }),
    "GET /me": (route) => call(route, { path: "/api/v1/me" }),
  };

  /** A send over the ChatRoom socket; done when the ack (stored durably) comes back. */
  function chatSend(route) {
    const clientId = `${state.runId}-${u.id.slice(-6)}-${k++}`;
    const t0 = performance.now();
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish(false, { status: "ack timeout" }), TIMEOUT_MS);
      const finish = (good, detail) => {
        clearTimeout(timer);
        state.acks.delete(clientId);
        rec.add(route, good, performance.now() - t0, detail);
        resolve();
      };
      state.acks.set(clientId, { finish });
      try {
        u.chatSocket.send(JSON.stringify({ type: "send", message: { clientId, text: `load message ${k} from ${u.email}` } }));
      } catch (e) {
        finish(false, { status: "send failed", body: String(e.message) });
      }
    });
  }

  return {
    async loop({ thinkMs, until }) {
      await sleep(Math.random() * thinkMs);
      while (state.running && performance.now() < until) {
        const route = pick();
        await actions[route](route);
        await sleep(thinkMs * (0.5 + Math.random()));
      }
    },
    close: () => agent.destroy(),
  };
}

/** ChatRoom frames → the waiting sends: an ack finishes one, an error frame with its clientId fails it. */
export function onChatFrame(state, counts) {
  return (_u, f) => {
    if (f.type === "ack") state.acks.get(f.clientId)?.finish(true, { status: "ack" });
    else if (f.type === "error") {
      const waiting = f.clientId && state.acks.get(f.clientId);
      if (waiting) waiting.finish(false, { status: `error frame ${f.code}`, body: f.message });
      else {
        counts.errorFrames = (counts.errorFrames ?? 0) + 1;
        counts.firstProblem ??= `chat error frame ${JSON.stringify(f).slice(0, 200)}`;
      }
    }
  };
}
