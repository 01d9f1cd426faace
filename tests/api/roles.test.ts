import { describe, it, expect, beforeAll } from "vitest";
import { newPortal, newEmployee, signIn, type Client } from "./helpers";
import { seed, type Portal } from "./seed-portal";
import { appRoutes, chainOf, isDevTool, isPublic, type AppRoute, type Seed } from "./routes";
import { call, sweep } from "./sweep";
import { requireAdmin } from "../../worker/middleware/session";
import { MODULE_PATHS } from "../../worker/middleware/module-gate";
import { BUSINESS_MODULES, EXTRANET_MODULES, type ModuleName } from "../../worker/modules/portal/plans";

// Role sweeps inside one portal (issue #6): which routes a role may not use is read from the app (its
// middleware chains and module paths), never from a hand-kept list, so a new route is swept as it lands.

const routes = appRoutes().filter((r) => !isPublic(r) && !isDevTool(r));
const adminOnly = routes.filter((r) => chainOf(r).includes(requireAdmin));
const moduleOf = (r: AppRoute) => (Object.entries(MODULE_PATHS) as [ModuleName, string][]).find(([, prefix]) => r.path === prefix || r.path.startsWith(`${prefix}/`))?.[0];
const COMPANY = /^\/api\/v1\/(people|structure)(\/|$)/;

let P: Portal, S: Seed;
let employee: { client: Client; id: string };

beforeAll(async () => {
  P = await newPortal({ plan: "professional" });
  S = await seed(P);
  employee = await newEmployee(P, "Role Employee");
}, 60_000);

describe("role sweeps within a portal", () => {
  it("finds the admin-only routes in the app itself", () => {
    expect(adminOnly.length).toBeGreaterThan(10);
    expect(adminOnly.map((r) => `${r.method} ${r.path}`)).toContain("PATCH /api/v1/portal/settings");
  });

  it("an employee gets 403 admin_only from every route behind requireAdmin", async () => {
    const wrong = await sweep(adminOnly, async (r) => {
      const res = await call(employee.client, r, S, { userId: employee.id }, "if-unknown");
      return res.status !== 403 || res.body?.error?.code !== "admin_only" ? `${res.route}: ${res.status} ${JSON.stringify(res.body).slice(0, 120)}` : null;
    });
    expect(wrong).toEqual([]);
  });

  it("an extranet user reaches no module outside their groups, and no one else's record", async () => {
    const made = await newEmployee(P, "Xavier Extranet");
    expect((await P.admin.json("PATCH", `/api/v1/people/users/${made.id}`, { role: "extranet" })).status).toBe(200);
    const x = { id: made.id, client: (await signIn(P.host, made.email)).client }; // a role change ends the old sessions
    expect((await x.client.json("GET", "/api/v1/me")).body.user.role).toBe("extranet");
    const own = new Set([x.id]);
    // Their own account's routes (sign-out among them) are theirs to use and would end the probe early.
    const others = routes.filter((r) => !/^\/api\/v1\/(auth|me)(\/|$)/.test(r.path));
    const wrong = await sweep(others, async (r) => {
      const res = await call(x.client, r, S, { userId: x.id }, "if-unknown");
      const module = moduleOf(r);
      if ((module && !EXTRANET_MODULES.includes(module)) || COMPANY.test(r.path)) {
        // The directory lists only the user themself; everything else of the company is closed.
        if (r.method === "GET" && r.path === "/api/v1/people/users" && res.status === 200) {
          return res.body.items.every((u: { id: string }) => own.has(u.id)) ? null : `${res.route}: lists others`;
        }
        return res.status === 403 || res.status === 404 ? null : `${res.route}: ${res.status}`;
      }
      // Inside feed and chats: nothing of the company (no groups of theirs exist in this portal).
      const leaked = [S.postId, S.chatId, S.commentId].filter((id) => JSON.stringify(res.body ?? "").includes(id));
      return leaked.length || (r.params.length && res.status < 400) ? `${res.route}: ${res.status} ${leaked}` : null;
    });
    expect(wrong).toEqual([]);
  });

  it("a dismissed user's session ends at once: every route answers 401", async () => {
    const d = await newEmployee(P, "Dana Dismissed");
    expect((await d.client.json("GET", "/api/v1/me")).status).toBe(200);
    expect((await P.admin.json("POST", `/api/v1/people/users/${d.id}/dismiss`)).status).toBe(200);
    const wrong = await sweep(routes, async (r) => {
      const res = await call(d.client, r, S, { userId: d.id }, "if-unknown");
      return res.status === 401 ? null : `${res.route}: ${res.status}`;
    });
    expect(wrong).toEqual([]);
  });

  it("a user without a business seat gets 403 no_business_seat from every business module route", async () => {
    const free = await newPortal(); // free plan: two seats, the admin and the second user to sign in
    await newEmployee(free, "Second Seat");
    const third = await newEmployee(free, "Third Without Seat");
    const business = routes.filter((r) => BUSINESS_MODULES.includes(moduleOf(r) as ModuleName));
    expect(business.length).toBeGreaterThan(10);
    const wrong = await sweep(business, async (r) => {
      const res = await call(third.client, r, S, { userId: third.id }, "if-unknown");
      return res.status === 403 && res.body?.error?.code === "no_business_seat" ? null : `${res.route}: ${res.status} ${res.body?.error?.code}`;
    });
    expect(wrong).toEqual([]);
  });
});
