/**
 * Issue #6, part 3: input fuzzing. Every route of the app (read from Hono's route table by
 * appRoutes(), with the ids of a seeded portal) gets generated bodies and query strings; every
 * live socket gets generated frames. Never a 5xx, a refusal is the error envelope, a refusal
 * writes nothing, and a socket that got garbage answers with an error and keeps working.
 *
 * CI: a fixed seed and a few runs per route. Long mode: `npm run fuzz` (FUZZ_RUNS, FUZZ_SEED).
 */
import { describe, it, expect, beforeAll } from "vitest";
import fc from "fast-check";
import { ROOT, client, newPortal } from "./helpers";
import { START } from "./fuzz-bodies";
import { appRoutes, bodyFor, fill, queryFor, isDevTool, isSocket, type AppRoute, type Seed } from "./routes";
import { seed, type Portal } from "./seed-portal";
import { body, fromValue, query, type Pools } from "./fuzz-values";
import { socketSuite } from "./fuzz-sockets";
import { LONG, SEED, changedTables, countRows, footprint, heal, refusalChecker, runs, schemaVocabulary, tenantRow, type Footprint } from "./fuzz-harness";

const routes = appRoutes();
const order = (r: AppRoute) => (r.method === "GET" ? 0 : r.method === "DELETE" ? 2 : 1) * 1000 - (r.method === "DELETE" ? r.path.length : 0) + (r.path.endsWith("/logout") ? 5000 : 0);
// The dev seed routes bulk-insert up to 2 000 000 rows by design (local benchmarks only): no fuzzing there.
const fuzzed = [...routes].filter((r) => r.method === "GET" || !isDevTool(r)).sort((x, y) => order(x) - order(y));
const BODY_RUNS = runs(12); // per route with a body
const QUERY_RUNS = runs(8); // per GET route
const perRouteTimeout = LONG ? 24 * 3600_000 : 60_000;

let A: Portal, seedA: Seed, f: Footprint, tenant: Record<string, string>, pools: Pools;

beforeAll(async () => {
  A = await newPortal({ plan: "professional" });
  seedA = await seed(A);
  f = await footprint(A.slug, A.shard);
  tenant = await tenantRow(f.tenantId);
  pools = { ...schemaVocabulary(), ids: [...new Set([...Object.values(seedA), A.adminId])] };
}, 60_000);

/** The body the fuzzer starts from: BODIES (tests/api/routes.ts) for routes with parameters, else START. */
function startBody(r: AppRoute): unknown {
  const key = `${r.method} ${r.path}`;
  const start = START[key] ?? (r.params.length ? () => bodyFor(r, seedA, { userId: A.adminId }) : null);
  if (!start) throw new Error(`${key}: add a valid starting body to START in tests/api/fuzz-bodies.ts`);
  const b = start(seedA, { userId: A.adminId });
  return b && typeof b === "object" && "file" in b ? null : b; // uploads: every JSON body is wrong anyway
}

const hash = (s: string) => [...s].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) | 0, 0);

describe("fuzzing every route", () => {
  it("knows the routes and the schemas' vocabulary", () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(pools.keys).toEqual(expect.arrayContaining(["text", "audience", "calendarId", "clientId", "optionIds"]));
    expect(pools.literals).toEqual(expect.arrayContaining(["group", "accepted"]));
  });

  it("has a valid starting body for every write route", () => {
    for (const r of fuzzed.filter((x) => x.method !== "GET")) startBody(r);
  });

  for (const r of fuzzed) {
    it(`${r.method} ${r.path}`, async () => {
      await heal(f, tenant, A.admin, A.email);
      const host = r.path === "/api/v1/portals" ? ROOT : r.path.startsWith("/.well-known/") ? seedA.hostname : A.host;
      const c = host === A.host ? A.admin : client(host);
      const own = { userId: A.adminId };
      const path = fill(r, seedA);
      const hasBody = r.method !== "GET" && r.method !== "HEAD";
      const valid = hasBody ? startBody(r) : null;
      const noBody = { text: null, type: null, extra: {} };
      const cases = hasBody
        ? fc.tuple(body(fromValue(valid), pools), fc.option(query(queryFor(r, own), pools), { freq: 4 }))
        : fc.tuple(fc.constant(noBody), query(queryFor(r, own), pools).map((q): string | null => q));
      const check = refusalChecker(f);
      await fc.assert(
        fc.asyncProperty(cases, async ([b, q]) => void (await check(c, r.method, path, q ?? "", b))),
        {
          seed: SEED ^ hash(`${r.method} ${r.path}`),
          numRuns: hasBody ? BODY_RUNS : QUERY_RUNS,
          endOnFailure: !LONG,
          // The valid request first (it must not fail either), except where it would delete what the fuzzing aims at.
          examples: r.method === "DELETE" ? [] : [[[hasBody ? { text: valid === null ? null : JSON.stringify(valid), type: "application/json", extra: {} } : noBody, queryFor(r, own) || null]]],
        },
      );
    }, perRouteTimeout);
  }
});

describe("the write detector", () => {
  it("sees a write (positive control: the unchanged counts after refusals mean something)", async () => {
    await heal(f, tenant, A.admin, A.email);
    const before = await countRows(f);
    const post = await A.admin.json("POST", "/api/v1/feed/posts", { text: "Counted", audience: { company: true } });
    expect(post.status).toBe(201);
    expect(changedTables(before, await countRows(f), "")).toEqual(expect.arrayContaining([expect.stringMatching(/^feed_posts: /)]));
  });
});

describe("inputs that were bugs", () => {
  it("stay refused or answered, never a 500 and never a partial write", async () => {
    await heal(f, tenant, A.admin, A.email);
    const check = refusalChecker(f);
    const json = (v: unknown) => ({ text: JSON.stringify(v), type: "application/json", extra: {} });
    const none = { text: null, type: null, extra: {} };
    const far = { calendarId: seedA.calendarId, title: "Far", start: "+275760-09-12T00:00:00Z", end: "+275760-09-13T00:00:00Z" };
    const soon = { ...far, start: "2026-12-01T10:00:00Z", end: "2026-12-01T11:00:00Z" };
    const cases: [string, string, string, { text: string | null; type: string | null; extra: Record<string, string> }, number][] = [
      ["PATCH", `/api/v1/chats/${seedA.chatId}`, "", none, 200], // drizzle: no values to set
      ["GET", "/api/v1/people/users", `?q=${"a".repeat(100)}`, none, 200], // D1: LIKE pattern over 50 bytes
      ["GET", "/api/v1/people/users", `?q=${"%C3%A9".repeat(30)}`, none, 200],
      ["GET", "/api/v1/dev/mail", `?to=${"x".repeat(80)}%40x.test`, none, 200],
      ["POST", "/api/v1/calendar/events", "", json(far), 400], // reminder alarm after 2189, after the insert
      ["POST", "/api/v1/calendar/events", "", json({ ...soon, rrule: "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31" }), 400], // rrule searched to 9999
      ["POST", "/api/v1/calendar/events", "", json({ ...soon, rrule: "FREQ=DAILY;BYHOUR=1,2,3" }), 400],
      ["POST", "/api/v1/calendar/events", "", json({ ...soon, rrule: "FREQ=DAILY;INTERVAL=0" }), 400],
    ];
    for (const [method, path, q, b, status] of cases) expect((await check(A.admin, method, path, q, b)).status, `${method} ${path}${q}`).toBe(status);
  });
});
socketSuite(routes.filter(isSocket), () => ({ A, seedA, pools, heal: () => heal(f, tenant, A.admin, A.email) }));
