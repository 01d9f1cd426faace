import { describe, it, expect } from "vitest";
import { newPortal, newEmployee, createUser, signIn, inviteOne, expectError } from "./helpers";

describe("USER-1 (c) users registered by the admin", () => {
  it("creates a user with name, position, e-mail and a first password; only admins may", async () => {
    const p = await newPortal();
    const u = await createUser(p, "Paula Position", { position: "Buyer" });
    const profile = await p.admin.json("GET", `/api/v1/people/users/${u.id}`);
    expect(profile.body.user).toMatchObject({ name: "Paula Position", position: "Buyer", email: u.email, role: "employee", status: "active" });
    expect(JSON.stringify(profile.body)).not.toMatch(/password|totp_?secret|argon2/i);
    const e = await newEmployee(p);
    expectError(await e.client.json("POST", "/api/v1/people/users", { name: "X", email: "x@x.test", password: "password-123" }), 403, "admin_only");
    expectError(await p.admin.json("POST", "/api/v1/people/users", { name: "Dup", email: u.email, password: "password-123" }), 409, "email_taken");
  });

  it("validates input: types, sizes, unknown department, unknown fields", async () => {
    const p = await newPortal();
    const ok = { name: "Val Id", email: "val@x.test", password: "password-123" };
    expectError(await p.admin.json("POST", "/api/v1/people/users", { ...ok, name: "x".repeat(121) }), 400, "validation");
    expectError(await p.admin.json("POST", "/api/v1/people/users", { ...ok, name: 7 }), 400, "validation");
    expectError(await p.admin.json("POST", "/api/v1/people/users", { ...ok, email: "not-an-email" }), 400, "validation");
    expectError(await p.admin.json("POST", "/api/v1/people/users", { ...ok, password: "short" }), 400, "validation");
    expectError(await p.admin.json("POST", "/api/v1/people/users", { ...ok, role: "extranet" }), 400, "validation");
    expectError(await p.admin.json("POST", "/api/v1/people/users", { ...ok, isAdmin: true }), 400, "validation");
    expectError(await p.admin.json("POST", "/api/v1/people/users", { ...ok, departmentId: "no-such-dept" }), 404, "not_found");
    expectError(await p.admin.json("POST", "/api/v1/people/users", "{", { "content-type": "application/json" }), 400, "bad_request");
  });
});

describe("profiles and roles", () => {
  it("lets a user edit their own profile but not their role, department or others", async () => {
    const p = await newPortal();
    const e = await newEmployee(p, "Eva Edit");
    expect((await e.client.json("PATCH", `/api/v1/people/users/${e.id}`, { position: "Analyst", phone: "+49 1" })).body.user.position).toBe("Analyst");
    expectError(await e.client.json("PATCH", `/api/v1/people/users/${e.id}`, { role: "admin" }), 403, "admin_only");
    expectError(await e.client.json("PATCH", `/api/v1/people/users/${p.adminId}`, { position: "x" }), 403, "admin_only");
    expect((await e.client.json("PATCH", `/api/v1/people/users/${e.id}`, {})).status).toBe(200);
    expectError(await e.client.json("PATCH", `/api/v1/people/users/${e.id}`, { phone: "1".repeat(41) }), 400, "validation");
  });

  it("keeps at least one active administrator", async () => {
    const p = await newPortal();
    expectError(await p.admin.json("PATCH", `/api/v1/people/users/${p.adminId}`, { role: "employee" }), 409, "last_admin");
    const b = await newEmployee(p, "Bea Admin", { role: "admin" });
    expect((await b.client.json("PATCH", `/api/v1/people/users/${p.adminId}`, { role: "employee" })).body.user.role).toBe("employee");
    expectError(await p.admin.json("GET", "/api/v1/portal/business-users"), 403, "admin_only");
  });

  it("USER-2 extranet users need the Standard plan and see only themselves", async () => {
    const free = await newPortal();
    const e = await newEmployee(free);
    expectError(await free.admin.json("PATCH", `/api/v1/people/users/${e.id}`, { role: "extranet" }), 403, "plan_limit");
    expectError(await free.admin.json("POST", "/api/v1/people/invitations", { emails: ["ext@x.test"], role: "extranet" }), 403, "plan_limit");

    const p = await newPortal({ plan: "standard" });
    const x = await newEmployee(p, "Xena Extern");
    expect((await p.admin.json("PATCH", `/api/v1/people/users/${x.id}`, { role: "extranet" })).status).toBe(200);
    const list = await x.client.json("GET", "/api/v1/people/users");
    expect(list.body.items.map((u: { id: string }) => u.id)).toEqual([x.id]);
    expectError(await x.client.json("GET", `/api/v1/people/users/${p.adminId}`), 404);
    expectError(await x.client.json("GET", `/api/v1/people/users/${p.adminId}/photo`), 404);
    expectError(await x.client.json("GET", "/api/v1/structure/departments"), 403, "extranet");
    expectError(await x.client.json("GET", "/api/v1/crm/deals"), 403, "extranet");
    const me = await x.client.json("GET", "/api/v1/me");
    expect(me.body.user.role).toBe("extranet");
    expect(me.body.portal.moduleAccess.find((m: { name: string }) => m.name === "crm").locked).not.toBeNull();
    // The company's structure and directory are closed to them, and the menu says so.
    expect(me.body.portal.moduleAccess.find((m: { name: string }) => m.name === "company").locked).toBe("extranet");
  });

  it("USER-4 only administrators list people who are not active", async () => {
    const p = await newPortal();
    const e = await newEmployee(p);
    await inviteOne(p, "pending@x.test");
    expect((await p.admin.json("GET", "/api/v1/people/users?status=invited")).body.items.map((u: { email: string }) => u.email)).toEqual(["pending@x.test"]);
    expectError(await e.client.json("GET", "/api/v1/people/users?status=invited"), 403, "admin_only");
    expectError(await p.admin.json("GET", "/api/v1/people/users?status=gone"), 400, "validation");
  });

  it("USER-5 each user picks language and time zone", async () => {
    const p = await newPortal();
    const me = await p.admin.json("PATCH", "/api/v1/me", { language: "de", timeZone: "Europe/Berlin" });
    expect(me.body.user).toMatchObject({ language: "de", timeZone: "Europe/Berlin" });
    for (const language of ["en", "ru", "ro", "cs"]) expect((await p.admin.json("PATCH", "/api/v1/me", { language })).status).toBe(200);
    expectError(await p.admin.json("PATCH", "/api/v1/me", { language: "xx" }), 400, "validation");
    expectError(await p.admin.json("PATCH", "/api/v1/me", { timeZone: "Mars/Olympus" }), 400, "validation");
    expectError(await p.admin.json("PATCH", "/api/v1/me", { role: "admin" }), 400, "validation");
    expect((await p.admin.json("PATCH", "/api/v1/me", {})).status).toBe(200);
  });
});

describe("STRUCT-2 employee directory", () => {
  it("searches by name, e-mail and position, hides dismissed people, and pages by cursor", async () => {
    const p = await newPortal();
    const a = await createUser(p, "Zoe Zebra", { position: "Zookeeper" });
    const b = await createUser(p, "Zack Zebra");
    await createUser(p, "Omar Other");
    const search = async (q: string) => (await p.admin.json("GET", `/api/v1/people/users?q=${encodeURIComponent(q)}`)).body.items.map((u: { id: string }) => u.id);
    expect(await search("zebra")).toEqual([b.id, a.id]);
    expect(await search("zookeeper")).toEqual([a.id]);
    expect(await search("%")).toEqual([]);
    await p.admin.json("POST", `/api/v1/people/users/${b.id}/dismiss`);
    expect(await search("zebra")).toEqual([a.id]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await p.admin.json("GET", `/api/v1/people/users?limit=1${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.body.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.body.items.map((u) => u.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(3);
    expect(new Set(seen).size).toBe(3);
  });

  it("refuses bad cursors and limits with 400, never 500", async () => {
    const p = await newPortal();
    for (const q of ["cursor=%%%", `cursor=${btoa('["only-one"]')}`, `cursor=${btoa("[1,2]")}`, "limit=0", "limit=abc", "limit=1000", `q=${"x".repeat(101)}`]) {
      expectError(await p.admin.json("GET", `/api/v1/people/users?${q}`), 400);
    }
  });

  it("shows a profile with department, manager and presence", async () => {
    const p = await newPortal();
    const e = await newEmployee(p, "Pia Present");
    const profile = await e.client.json("GET", `/api/v1/people/users/${e.id}`);
    expect(profile.body.user.presence).toBe("online");
    expect(typeof profile.body.user.id).toBe("string");
    for (const t of [profile.body.user.createdAt, profile.body.user.lastSeenAt]) expect(t).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
    expect(profile.body.department.name).toBe(`Company ${p.slug}`);
    expect(profile.body.manager).toMatchObject({ id: p.adminId });
    expect((await e.client.json("GET", `/api/v1/people/users/${p.adminId}`)).body.manager).toBeNull();
    const fresh = await createUser(p);
    expect((await e.client.json("GET", `/api/v1/people/users/${fresh.id}`)).body.user.presence).toBe("offline");
    expectError(await e.client.json("GET", "/api/v1/people/users/no-such-user"), 404, "not_found");
  });

  it("removes only people who never joined; joined ones are dismissed, never deleted", async () => {
    const p = await newPortal();
    const inv = await inviteOne(p, "gone@x.test");
    const e = await newEmployee(p);
    expectError(await p.admin.json("DELETE", `/api/v1/people/users/${e.id}`), 409, "has_profile");
    expect((await p.admin.json("DELETE", `/api/v1/people/users/${inv.id}`)).status).toBe(200);
    expectError(await p.admin.json("GET", `/api/v1/people/users/${inv.id}`), 404);
    expectError((await signIn(p.host, "gone@x.test")).res, 401);
  });
});

describe("PLAN-6 extranet users after a downgrade", () => {
  it("are locked, not deleted, below the Standard plan, and back when the plan allows them", async () => {
    const p = await newPortal({ plan: "standard" });
    const ext = await newEmployee(p, "Ext Ra");
    expect((await p.admin.json("PATCH", `/api/v1/people/users/${ext.id}`, { role: "extranet" })).status).toBe(200);
    expect((await ext.client.json("GET", "/api/v1/notifications")).status).toBe(200);
    await p.admin.json("PUT", "/api/v1/portal/plan", { plan: "basic" });
    expectError(await ext.client.json("GET", "/api/v1/notifications"), 403, "extranet_locked");
    expect((await ext.client.json("GET", "/api/v1/me")).status).toBe(200);
    expect((await p.admin.json("GET", `/api/v1/people/users/${ext.id}`)).body.user.role).toBe("extranet");
    await p.admin.json("PUT", "/api/v1/portal/plan", { plan: "professional" });
    expect((await ext.client.json("GET", "/api/v1/notifications")).status).toBe(200);
  });
});
