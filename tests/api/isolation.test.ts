import { describe, it, expect, beforeAll } from "vitest";
import { client, newPortal, newEmployee, upload, readJson, expectError, notificationsOf, type Client } from "./helpers";
import { seed, type Portal } from "./seed-portal";
import { appRoutes, bodyFor, fill, isDevTool, isPublic, type AppRoute, type Seed } from "./routes";
import { call, sweep } from "./sweep";

const routes = appRoutes();
const withIds = routes.filter((r) => r.params.length > 0);

let A: Portal, B: Portal, C: Portal, seedA: Seed, markers: string[];

beforeAll(async () => {
  A = await newPortal({ plan: "professional" });
  for (let i = 0; i < 10 && (!B || !C); i++) {
    const p = await newPortal({ plan: "professional" });
    if (p.shard !== A.shard) B ??= p;
    else C ??= p;
  }
  expect(B.shard).not.toBe(A.shard);
  expect(C.shard).toBe(A.shard);
  seedA = await seed(A);
  await seed(B);
  await seed(C);
  markers = [A.slug, ...Object.values(seedA).filter((v) => v.length >= 8)]; // not the message number
}, 60_000);

const leaks = (body: unknown) => markers.filter((m) => JSON.stringify(body ?? "").includes(m));

describe("the sweep knows every route", () => {
  it("reads the routes from the app and can fill and call each one", () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(expect.arrayContaining(["GET /api/v1/me", "DELETE /api/v1/structure/departments/:id", "PUT /api/v1/portal/business-users"]));
    // Throws, naming what to add to tests/api/routes.ts, for a route with an unknown parameter or no body.
    for (const r of withIds) {
      fill(r, seedA);
      bodyFor(r, seedA, { userId: A.adminId });
    }
  });
});

describe("no session", () => {
  it("every route that is not public answers 401 to an anonymous caller", async () => {
    const wrong = await sweep(routes, async (r) => {
      const res = await call(client(A.host), r, seedA, { userId: A.adminId }, true);
      return (isPublic(r) ? res.status >= 500 || res.status === 401 : res.status !== 401) ? `${res.route}: ${res.status}` : null;
    });
    expect(wrong).toEqual([]);
  });
});

for (const [label, target] of [["another shard", () => B], ["the same shard", () => C]] as const) {
  describe(`cross-tenant, portal on ${label}`, () => {
    it("the other portal's admin gets 404 for every route given this portal's ids", async () => {
      const T = target();
      const wrong = await sweep(withIds, async (r) => {
        const res = await call(T.admin, r, seedA, { userId: T.adminId });
        return res.status !== 404 || leaks(res.body).length ? `${res.route}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}` : null;
      });
      expect(wrong).toEqual([]);
      expect((await T.admin.json("GET", "/api/v1/me")).status).toBe(200); // the probes did not cost the session
    });

    it("this portal's session cookie does not authenticate on the other portal's host", async () => {
      const T = target();
      const wrong = await sweep(routes, async (r) => {
        const stolen = client(T.host);
        stolen.cookie = A.admin.cookie;
        const res = await call(stolen, r, seedA, { userId: A.adminId }, !r.params.length);
        // Public routes have no session to misuse, but this portal's tokens must not work there either.
        const ok = !isPublic(r) ? res.status === 401 : r.params.length ? res.status === 404 : res.status < 500;
        return !ok || (!isDevTool(r) && leaks(res.body).length) ? `${res.route}: ${res.status}` : null;
      });
      expect(wrong).toEqual([]);
    });

    it("nothing of this portal appears in any list of the other portal", async () => {
      const T = target();
      const wrong = await sweep(routes.filter((x) => x.method === "GET" && !x.params.length && !isDevTool(x)), async (r) => {
        const res = await call(T.admin, r, seedA, { userId: T.adminId });
        const answered = isPublic(r) ? res.status < 500 : res.status < 400; // a 400 would prove nothing: add a query to QUERIES
        return !answered || leaks(res.body).length ? `${res.route}: ${res.status} leaks ${leaks(res.body)}` : null;
      });
      expect(wrong).toEqual([]);
    });
  });
}

describe("foreign ids inside bodies and queries", () => {
  it("are looked up within the caller's portal", async () => {
    const [userA, deptA] = [seedA.userId, seedA.departmentId];
    const b = await newEmployee(B, "Bob B");
    const rootB = (await B.admin.json("GET", "/api/v1/structure/departments")).body.items[0].id;
    expectError(await B.admin.json("POST", "/api/v1/people/users", { name: "X", email: "x1@x.test", password: "password-123", departmentId: deptA }), 404);
    expectError(await B.admin.json("POST", "/api/v1/people/invitations", { emails: ["x2@x.test"], departmentId: deptA }), 404);
    expectError(await B.admin.json("POST", "/api/v1/structure/departments", { name: "X", parentId: deptA }), 404);
    expectError(await B.admin.json("POST", "/api/v1/structure/departments", { name: "X", parentId: rootB, headUserId: userA }), 400, "invalid_user");
    expectError(await B.admin.json("PATCH", `/api/v1/people/users/${b.id}`, { departmentId: deptA }), 404);
    expectError(await B.admin.json("PATCH", `/api/v1/structure/departments/${rootB}`, { headUserId: userA }), 400, "invalid_user");
    expectError(await B.admin.json("POST", `/api/v1/structure/departments/${rootB}/members`, { userId: userA }), 404);
    expectError(await B.admin.json("PUT", "/api/v1/portal/business-users", { userIds: [B.adminId, userA] }), 400, "invalid_user");
    expect((await B.admin.json("GET", `/api/v1/people/users?departmentId=${deptA}`)).body.items).toEqual([]);
    expect((await B.admin.json("GET", `/api/v1/feed?authorId=${A.adminId}`)).body.items).toEqual([]);
    const from = new Date().toISOString();
    const to = new Date(Date.now() + 14 * 86_400_000).toISOString();
    const planner = await B.admin.json("GET", `/api/v1/calendar/planner?userIds=${userA}&from=${from}&to=${to}`);
    expect(planner.status).toBeGreaterThanOrEqual(400); // A's busy time is not B's to see
    expect(leaks(planner.body)).toEqual([]);
    const noteA = (await notificationsOf(A.admin)).find((n) => n.type === "feed.comment") as { id?: string } | undefined;
    expect(noteA?.id).toBeTruthy();
    await B.admin.json("POST", "/api/v1/notifications/read", { ids: [noteA!.id] });
    expect((await A.admin.json("GET", "/api/v1/notifications")).body.unread).toBeGreaterThan(0);
    expect((await A.admin.json("GET", `/api/v1/people/users/${userA}`)).body.user.departmentId).not.toBe(rootB);
  });
});

describe("positive control", () => {
  it("the same calls with this portal's own session and host do find the ids (so the 404s above mean something)", async () => {
    // Reads and edits first, deletions last, the most specific first.
    const order = (r: AppRoute) => (r.method === "GET" ? 0 : r.method === "DELETE" ? 2 : 1) * 1000 - (r.method === "DELETE" ? r.path.length : 0);
    const wrong: string[] = [];
    for (const r of [...withIds].sort((x, y) => order(x) - order(y))) {
      const host = r.path.startsWith("/.well-known/") ? seedA.hostname : A.host;
      const c = isPublic(r) ? client(host) : A.admin;
      const res = await call(c, r, seedA, { userId: A.adminId });
      if (res.status === 404 || res.status === 401 || res.status >= 500) wrong.push(`${res.route}: ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
    }
    expect(wrong).toEqual([]);
  });
});
