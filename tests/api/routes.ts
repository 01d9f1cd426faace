/**
 * Every route of the app, read from Hono's own route table (never a hand-kept list), and what the
 * cross-tenant sweep (isolation.test.ts) needs to call each one. A new route whose parameter, body
 * or public status is not described here makes the sweep fail with a message saying what to add.
 */
import { app } from "../../worker/app";

export interface AppRoute {
  method: string;
  path: string;
  params: string[];
}

/**
 * Operator routes (/ops/…, backup and restore) are not portal routes: they take an operator token, not a
 * session, and answer 404 on every portal host. tests/api/backup.test.ts sweeps them for exactly that.
 */
export const isOperatorPath = (path: string) => path.startsWith("/ops/");

/** Concrete routes: middleware-only entries (app.use) and catch-alls ("*") are left out. */
export function appRoutes(): AppRoute[] {
  const groups = new Map<string, { method: string; path: string; terminal: boolean }>();
  for (const r of app.routes) {
    if (r.path.includes("*") || isOperatorPath(r.path)) continue;
    const key = `${r.method} ${r.path}`;
    const g = groups.get(key) ?? { method: r.method, path: r.path, terminal: false };
    // Middleware take (c, next); a handler that answers takes (c).
    g.terminal ||= r.handler.length < 2;
    groups.set(key, g);
  }
  const out: AppRoute[] = [];
  for (const g of groups.values()) {
    if (!g.terminal) {
      if (g.method === "ALL") continue; // app.use("/exact/path", …)
      throw new Error(`${g.method} ${g.path}: only middleware found; write the handler as (c) => … so the sweep sees it`);
    }
    const params = [...g.path.matchAll(/:([^/{?]+)/g)].map((m) => m[1]);
    if (/[?{]/.test(g.path)) throw new Error(`${g.path}: optional or pattern parameters are not covered by the sweep yet`);
    out.push({ method: g.method === "ALL" ? "GET" : g.method, path: g.path, params });
  }
  return out;
}

/** Reachable without a session. Everything else must answer 401 to an anonymous caller. */
const PUBLIC: RegExp[] = [
  /^POST \/api\/v1\/portals$/,
  /^POST \/api\/v1\/auth\/login$/,
  /^POST \/api\/v1\/auth\/password\/(forgot|reset)$/,
  /^POST \/api\/v1\/auth\/confirm$/,
  /^(GET|POST) \/api\/v1\/auth\/invitations\/:token(\/accept)?$/,
  /^(GET|POST) \/api\/v1\/auth\/join\/:token$/,
  /^GET \/api\/v1\/portal\/(logo|public)$/,
  /^GET \/api\/v1\/dev\//,
  /^GET \/dev\//,
  /^GET \/\.well-known\/kontor-domain\/:token$/,
  /^(GET|POST) \/g\/:token$/,
  /^GET \/g\/:token\/files\/:fileId$/,
  /^GET \/ical\/:file$/,
];
export const isPublic = (r: AppRoute) => PUBLIC.some((re) => re.test(`${r.method} ${r.path}`));
/** The dev mailbox lists every portal's mail by design (local runs only); it is left out of leak checks. */
export const isDevTool = (r: AppRoute) => /^\/(api\/v1\/)?dev\//.test(r.path);

/** Real ids of the seeded portal, by the name the sweep gives them. */
export type Seed = Record<
  | "userId" | "departmentId" | "seatHolderId" | "hostname" | "invitationToken" | "joinToken" | "domainToken"
  | "postId" | "commentId" | "pollOptionId" | "chatId" | "messageSeq"
  | "calendarId" | "eventId" | "attachmentId" | "guestToken" | "icalFile",
  string
>;

/** Which seeded id each route parameter takes, keyed by "<segment before>/:<param>". */
const PARAMS: Record<string, keyof Seed> = {
  "users/:id": "userId",
  "departments/:id": "departmentId",
  "business-users/:userId": "seatHolderId",
  "domains/:hostname": "hostname",
  "invitations/:token": "invitationToken",
  "join/:token": "joinToken",
  "kontor-domain/:token": "domainToken",
  "posts/:id": "postId",
  "comments/:id": "commentId",
  "comments/:commentId": "commentId",
  "chats/:id": "chatId",
  "members/:userId": "userId",
  "messages/:seq": "messageSeq",
  "calendars/:id": "calendarId",
  "shares/:userId": "userId",
  "events/:id": "eventId",
  "attachments/:fileId": "attachmentId",
  "files/:fileId": "attachmentId",
  "g/:token": "guestToken",
  "ical/:file": "icalFile",
};

/** Fills a route's parameters with the seeded portal's ids. */
export function fill(r: AppRoute, seed: Seed): string {
  return r.path.replace(/([^/]+)\/:([^/]+)/g, (_, segment: string, param: string) => {
    const name = PARAMS[`${segment}/:${param}`];
    if (!name) throw new Error(`${r.method} ${r.path}: add "${segment}/:${param}" to PARAMS in tests/api/routes.ts with a seeded id`);
    return `${segment}/${encodeURIComponent(seed[name])}`;
  });
}

export type Body = null | { file: Uint8Array | string; type: string } | Record<string, unknown>;
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(32).fill(0)]);
const ICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//probe//EN\r\nBEGIN:VEVENT\r\nUID:probe@x\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260101T100000Z\r\nDTEND:20260101T110000Z\r\nSUMMARY:Probe\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
/**
 * A valid body for every unsafe route with parameters, so that the call reaches the lookup of the id
 * (an invalid body would stop at validation and prove nothing). `own` are the caller's own ids.
 */
const BODIES: Record<string, (seed: Seed, own: { userId: string }) => Body> = {
  "PATCH /api/v1/people/users/:id": () => ({ position: "Probe" }),
  "DELETE /api/v1/people/users/:id": () => null,
  "POST /api/v1/people/users/:id/dismiss": () => null,
  "POST /api/v1/people/users/:id/reactivate": () => null,
  "POST /api/v1/people/users/:id/approve": () => null,
  "PUT /api/v1/people/users/:id/photo": () => ({ file: PNG, type: "image/png" }),
  "PATCH /api/v1/structure/departments/:id": () => ({ name: "Probe" }),
  "DELETE /api/v1/structure/departments/:id": () => null,
  "POST /api/v1/structure/departments/:id/members": (_, own) => ({ userId: own.userId }),
  "DELETE /api/v1/portal/business-users/:userId": () => null,
  "POST /api/v1/portal/domains/:hostname/verify": () => null,
  "DELETE /api/v1/portal/domains/:hostname": () => null,
  "POST /api/v1/auth/invitations/:token/accept": () => ({ name: "Probe", password: "password-123" }),
  "POST /api/v1/auth/join/:token": () => ({ name: "Probe", email: `probe${Math.random().toString(36).slice(2)}@x.test`, password: "password-123" }),
  "PATCH /api/v1/feed/posts/:id": () => ({ text: "Probe" }),
  "DELETE /api/v1/feed/posts/:id": () => null,
  "POST /api/v1/feed/posts/:id/comments": () => ({ text: "Probe" }),
  "PATCH /api/v1/feed/comments/:id": () => ({ text: "Probe" }),
  "DELETE /api/v1/feed/comments/:id": () => null,
  "PUT /api/v1/feed/posts/:id/like": () => null,
  "DELETE /api/v1/feed/posts/:id/like": () => null,
  "PUT /api/v1/feed/posts/:id/comments/:commentId/like": () => null,
  "DELETE /api/v1/feed/posts/:id/comments/:commentId/like": () => null,
  "POST /api/v1/feed/posts/:id/vote": (seed) => ({ optionIds: [seed.pollOptionId] }),
  "PATCH /api/v1/chats/:id": () => ({ title: "Probe" }),
  "POST /api/v1/chats/:id/members": (_, own) => ({ userIds: [own.userId] }),
  "DELETE /api/v1/chats/:id/members/:userId": () => null,
  "POST /api/v1/chats/:id/join": () => null,
  "POST /api/v1/chats/:id/messages": () => ({ clientId: `probe-${Math.random().toString(36).slice(2)}`, text: "Probe" }),
  "PATCH /api/v1/chats/:id/messages/:seq": () => ({ text: "Probe" }),
  "DELETE /api/v1/chats/:id/messages/:seq": () => null,
  "PUT /api/v1/chats/:id/messages/:seq/reactions": () => ({ emoji: "👍" }),
  "DELETE /api/v1/chats/:id/messages/:seq/reactions": () => ({ emoji: "👍" }),
  "PUT /api/v1/chats/:id/messages/:seq/pin": () => null,
  "DELETE /api/v1/chats/:id/messages/:seq/pin": () => null,
  "POST /api/v1/chats/:id/read": (seed) => ({ seq: Number(seed.messageSeq) }),
  "POST /api/v1/dev/seed/chats/:id/messages": () => ({ count: 1 }),
  "POST /api/v1/calendar/calendars/:id/shares": (_, own) => ({ userId: own.userId, access: "read" }),
  "DELETE /api/v1/calendar/calendars/:id/shares/:userId": () => null,
  "POST /api/v1/calendar/calendars/:id/feed": () => null,
  "DELETE /api/v1/calendar/calendars/:id/feed": () => null,
  "POST /api/v1/calendar/calendars/:id/import": () => ({ file: ICS, type: "text/calendar" }),
  "PATCH /api/v1/calendar/events/:id": () => ({ title: "Probe" }),
  "DELETE /api/v1/calendar/events/:id": () => null,
  "POST /api/v1/calendar/events/:id/respond": () => ({ answer: "accepted" }),
  "POST /api/v1/calendar/events/:id/attachments": () => ({ file: "probe", type: "text/plain" }),
  "DELETE /api/v1/calendar/events/:id/attachments/:fileId": () => null,
  "POST /g/:token": () => ({ answer: "accept" }),
};

/** Required query strings, so that a read gets past validation to the data. `own` are the caller's own ids. */
const day = 86_400_000;
const range = () => `from=${new Date(Date.now() - day).toISOString()}&to=${new Date(Date.now() + 30 * day).toISOString()}`;
const QUERIES: Record<string, (own: { userId: string }) => string> = {
  "GET /api/v1/chats/:id/search": () => "?q=probe",
  "GET /api/v1/chats/search": () => "?q=iso",
  "GET /api/v1/calendar/events": () => `?${range()}`,
  "GET /api/v1/calendar/planner": (own) => `?userIds=${own.userId}&${range()}`,
};
export const queryFor = (r: AppRoute, own: { userId: string }) => QUERIES[`${r.method} ${r.path}`]?.(own) ?? "";

/** WebSocket routes are called as a tab opens them, so that they reach their checks. */
export const isSocket = (r: AppRoute) => r.method === "GET" && r.path.endsWith("/live");

export function bodyFor(r: AppRoute, seed: Seed, own: { userId: string }): Body {
  if (r.method === "GET" || r.method === "HEAD") return null;
  const make = BODIES[`${r.method} ${r.path}`];
  if (!make) throw new Error(`${r.method} ${r.path}: add a valid request body to BODIES in tests/api/routes.ts`);
  return make(seed, own);
}

/**
 * The handlers Hono runs for a route: its own and every middleware registered on a path that covers it
 * (`/x/*`, `/x`), in order. Lets a sweep ask the app itself which routes are behind `requireAdmin`.
 */
export function chainOf(r: AppRoute): Function[] {
  const covers = (pattern: string) => {
    const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\/\*$/, "(/.*)?").replace(/:[^/]+/g, "[^/]+").replace(/\*/g, ".*")}$`);
    return re.test(r.path.replace(/:[^/]+/g, "x"));
  };
  return app.routes.filter((h) => (h.method === r.method || h.method === "ALL") && (h.path === r.path || covers(h.path))).map((h) => h.handler);
}

/** Whether BODIES knows a valid body for the route (routes without parameters are swept with `{}`). */
export const hasKnownBody = (r: AppRoute) => r.method === "GET" || r.method === "HEAD" || `${r.method} ${r.path}` in BODIES;
