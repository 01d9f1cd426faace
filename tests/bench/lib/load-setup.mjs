// Setup of the mixed load (load.mjs): N signed-in employees (lib/users.mjs), which of them hold a
// business seat (the calendar is a business tool: the first 50 to sign in on plan professional),
// group chats of 10, a seeded feed, and each user's three sockets as a browser tab has them:
// UserHub (/api/v1/live), FeedHub (/api/v1/feed/live) and their chat's ChatRoom.
import { request } from "./http.mjs";
import { mapLimit } from "./pool.mjs";
import { adminSession, benchUsers } from "./users.mjs";
import { openSocket } from "./ws.mjs";

const CHAT_SIZE = 10;
const SEED_POSTS = 5_000;

const brief = (res) => `${res.status} ${String(res.body).slice(0, 240)}`;

async function ok(res, what, status = 200) {
  const r = await res;
  if (r.status !== status) throw new Error(`${what} answered ${brief(r)}`);
  return r.json();
}

/** Users, seats, chats, calendars and a seeded feed; returns {users, chats, setup}. */
export async function prepare(ctx, { users: n }) {
  const { port } = ctx;
  const setup = {};
  let t = performance.now();
  const admin = await adminSession(ctx);
  const pool = await benchUsers(ctx, n, { concurrency: 6 });
  setup.usersCreatedMs = pool.createdMs;
  setup.usersLoginMs = pool.loginMs;
  const users = pool.users.map((u) => ({ ...u }));

  // Who got a seat (GET /api/v1/me), and the seat holders' personal calendars.
  await mapLimit(users, 8, async (u) => {
    const me = await ok(request({ port, path: "/api/v1/me", cookie: u.cookie }), `GET /api/v1/me (${u.email})`);
    u.seat = me.user.businessUser === true;
    if (!u.seat) return;
    const cals = await ok(request({ port, path: "/api/v1/calendar/calendars", cookie: u.cookie }), "GET /api/v1/calendar/calendars");
    u.calendarId = cals.items.find((c) => c.kind === "personal" && (c.ownerId === undefined || c.ownerId === u.id))?.id ?? null;
    if (!u.calendarId) u.seat = false;
  });
  setup.seatHolders = users.filter((u) => u.seat).length;
  setup.meAndCalendarsMs = Math.round(performance.now() - t);

  // Group chats of CHAT_SIZE: the first member of each group creates it with the others.
  t = performance.now();
  const groups = [];
  for (let i = 0; i < users.length; i += CHAT_SIZE) groups.push(users.slice(i, i + CHAT_SIZE));
  const runId = Date.now().toString(36);
  const chats = await mapLimit(groups, 4, async (g, k) => {
    const body = { type: "group", title: `Load room ${runId}-${k}`, memberIds: g.slice(1).map((u) => u.id), visibility: "private" };
    const { chat } = await ok(request({ port, method: "POST", path: "/api/v1/chats", cookie: g[0].cookie, body, timeoutMs: 60_000 }), "POST /api/v1/chats", 201);
    for (const u of g) u.chatId = chat.id;
    return { id: chat.id, members: g.length };
  });
  setup.chats = chats.length;
  setup.chatsMs = Math.round(performance.now() - t);

  // A feed with history to page through (dev seed route, as feed-page does).
  t = performance.now();
  await ok(request({ port, method: "POST", path: "/api/v1/dev/seed/feed", cookie: admin.cookie, body: { count: SEED_POSTS }, timeoutMs: 120_000 }), "POST /api/v1/dev/seed/feed", 201);
  setup.seededPosts = SEED_POSTS;
  setup.seedFeedMs = Math.round(performance.now() - t);
  const page = await ok(request({ port, path: "/api/v1/feed?limit=20", cookie: admin.cookie }), "GET /api/v1/feed");
  return { admin, users, chats, recentPosts: page.items.map((p) => p.id), runId, setup };
}

/**
 * Opens each user's sockets. `onChatFrame(user, frame)` gets every parsed ChatRoom frame; any other
 * frame only counts (in `counts`, from socketCounts()). `live.running` decides whether a close counts as unexpected.
 */
export const socketCounts = () => ({ frames: { hub: 0, feed: 0, chat: 0 }, errorFrames: 0, socketErrors: 0, unexpectedCloses: 0, firstProblem: null });

export async function openSockets(ctx, users, { onChatFrame, live, counts }) {
  const t = performance.now();
  const problem = (what) => {
    counts.firstProblem ??= what;
  };
  const sockets = [];
  const open = (u, kind, path, onFrame) =>
    openSocket({
      port: ctx.port, path, cookie: u.cookie, timeoutMs: 30_000,
      onMessage: (data) => {
        counts.frames[kind]++;
        let f;
        try {
          f = JSON.parse(data);
        } catch {
          return;
        }
        if (f.type === "error" && kind !== "chat") {
          counts.errorFrames++;
          problem(`${kind} error frame ${JSON.stringify(f).slice(0, 200)}`);
        }
        onFrame?.(f);
      },
      onClose: (code, reason) => {
        if (!live.running) return;
        counts.unexpectedCloses++;
        problem(`${kind} socket of ${u.email} closed ${code} ${reason}`);
      },
    }).then((ws) => {
      ws.on("error", (e) => {
        counts.socketErrors++;
        problem(`${kind} socket error ${e.message}`);
      });
      sockets.push(ws);
      return ws;
    });
  await mapLimit(users, 10, async (u) => {
    await open(u, "hub", "/api/v1/live");
    await open(u, "feed", "/api/v1/feed/live");
    u.chatSocket = await open(u, "chat", `/api/v1/chats/${u.chatId}/live`, (f) => onChatFrame(u, f));
  });
  return { sockets, openMs: Math.round(performance.now() - t) };
}
