import { describe, it, expect } from "vitest";
import { newPortal, newEmployee, createUser, signIn, inviteOne, expectError, notificationsOf, shardOf, type Client } from "./helpers";

type Portal = Awaited<ReturnType<typeof newPortal>>;
const crm = (c: Client) => c.json("GET", "/api/v1/crm/deals");
const overview = async (p: Portal) => (await p.admin.json("GET", "/api/v1/portal/business-users")).body;

describe("PLAN-2/3 business seats go to the first users who sign in", () => {
  it("free plan: two seats; the third user to sign in is locked out of business tools only", async () => {
    const p = await newPortal(); // the admin signed in first: seat 1
    const second = await newEmployee(p, "Sven Second");
    const third = await newEmployee(p, "Theo Third");
    expect((await second.client.json("GET", "/api/v1/me")).body.user.businessUser).toBe(true);
    const me = (await third.client.json("GET", "/api/v1/me")).body;
    expect(me.user.businessUser).toBe(false);
    expect(me.portal.moduleAccess.find((m: { name: string }) => m.name === "crm").locked).toBe("no_business_seat");
    expect(me.portal.moduleAccess.find((m: { name: string }) => m.name === "feed").locked).toBeNull();
    expectError(await crm(third.client), 403, "no_business_seat");
    for (const path of ["/api/v1/tasks", "/api/v1/calendar/events", "/api/v1/drive/files"]) expectError(await third.client.json("GET", path), 403, "no_business_seat");
    expectError(await crm(second.client), 404, "not_found"); // a seat and the module on: the gate lets the request through
    // Communication tools are for everyone (PLAN-2).
    expect((await third.client.json("GET", "/api/v1/people/users")).status).toBe(200);
    expect((await third.client.json("GET", "/api/v1/structure/departments")).status).toBe(200);
    expect((await third.client.json("GET", "/api/v1/feed")).status).toBe(200);
  });

  it("PLAN-5 tells the administrators, once per user, who could not get a seat", async () => {
    const p = await newPortal();
    await newEmployee(p, "Sven Second");
    const third = await newEmployee(p, "Theo Third");
    await signIn(p.host, third.email);
    const seatNotes = (await notificationsOf(p.admin)).filter((n) => n.type === "seats_exhausted");
    expect(seatNotes).toHaveLength(1);
    expect(seatNotes[0].data).toMatchObject({ userId: third.id, userName: "Theo Third", limit: 2 });
    expect((await overview(p))).toMatchObject({ limit: 2, used: 2, usersWithoutSeat: 1, overLimit: true });
  });

  it("users who never signed in hold no seat", async () => {
    const p = await newPortal();
    await createUser(p);
    expect(await overview(p)).toMatchObject({ used: 1, usersWithoutSeat: 1, overLimit: false });
  });
});

describe("PLAN-3 the admin manages the list once per calendar day", () => {
  it("replaces the list, refuses a second change the same day with 409 once_per_day", async () => {
    const p = await newPortal();
    const second = await newEmployee(p);
    const third = await newEmployee(p);
    const put = (userIds: string[]) => p.admin.json("PUT", "/api/v1/portal/business-users", { userIds });
    expectError(await put([p.adminId, second.id, third.id]), 409, "seat_limit");
    expectError(await put([p.adminId, "ghost"]), 400, "invalid_user");
    expectError(await put("nope" as never), 400, "validation");
    const res = await put([p.adminId, third.id]);
    expect(res.status).toBe(200);
    expect(res.body.changedToday).toBe(true);
    expectError(await crm(second.client), 403, "no_business_seat");
    expectError(await crm(third.client), 404);
    expectError(await put([p.adminId, second.id]), 409, "once_per_day");
    expectError(await crm(second.client), 403, "no_business_seat");
    expectError(await second.client.json("PUT", "/api/v1/portal/business-users", { userIds: [second.id] }), 403, "admin_only");
  });

  it("counts the day in the portal's time zone", async () => {
    const p = await newPortal();
    await p.admin.json("PATCH", "/api/v1/portal/settings", { timeZone: "Pacific/Kiritimati" });
    expect((await p.admin.json("PUT", "/api/v1/portal/business-users", { userIds: [p.adminId] })).status).toBe(200);
    const kiritimati = new Intl.DateTimeFormat("en-CA", { timeZone: "Pacific/Kiritimati" }).format(new Date());
    const row = await shardOf(p.shard).prepare("SELECT s.day FROM seat_changes s JOIN users u ON u.tenant_id = s.tenant_id WHERE u.id = ?").bind(p.adminId).first<{ day: string }>();
    expect(row?.day).toBe(kiritimati);
  });
});

describe("PLAN-4 pending invitations and dismissed holders take seats", () => {
  it("an invitee holds a seat, is explained on the page, and the admin can free it", async () => {
    const p = await newPortal();
    const inv = await inviteOne(p, "invitee@x.test");
    const e = await newEmployee(p, "Late Larry");
    expectError(await crm(e.client), 403, "no_business_seat");
    const o = await overview(p);
    expect(o.pendingHolders.map((u: { id: string }) => u.id)).toEqual([inv.id]);
    expect(o.active.map((u: { id: string }) => u.id)).not.toContain(inv.id); // the page lists only active users
    expect((await p.admin.json("DELETE", `/api/v1/portal/business-users/${inv.id}`)).body.pendingHolders).toEqual([]);
    expect((await p.admin.json("PUT", "/api/v1/portal/business-users", { userIds: [p.adminId, e.id] })).status).toBe(200);
    expectError(await crm(e.client), 404);
  });

  it("a dismissed user keeps their seat until the admin frees it; active holders cannot be freed this way", async () => {
    const p = await newPortal();
    const d = await newEmployee(p, "Dora Dismissed");
    await p.admin.json("POST", `/api/v1/people/users/${d.id}/dismiss`);
    const late = await newEmployee(p, "Late Lou");
    expectError(await crm(late.client), 403, "no_business_seat");
    expect((await overview(p)).dismissedHolders.map((u: { id: string }) => u.id)).toEqual([d.id]);
    expectError(await p.admin.json("DELETE", `/api/v1/portal/business-users/${p.adminId}`), 404);
    expectError(await p.admin.json("DELETE", `/api/v1/portal/business-users/ghost`), 404);
    expect((await p.admin.json("DELETE", `/api/v1/portal/business-users/${d.id}`)).body.dismissedHolders).toEqual([]);
    // Freeing is not a change of the active list: the daily change is still available.
    expect((await p.admin.json("PUT", "/api/v1/portal/business-users", { userIds: [p.adminId, late.id] })).status).toBe(200);
    expectError(await crm(late.client), 404);
  });
});

describe("PLAN-6 plan changes apply at once; a downgrade locks and never deletes", () => {
  it("an upgrade frees seats for the next sign-ins at once", async () => {
    const p = await newPortal();
    await newEmployee(p);
    expect((await p.admin.json("PUT", "/api/v1/portal/plan", { plan: "basic" })).body.portal.plan).toBe("basic");
    const third = await newEmployee(p);
    expectError(await crm(third.client), 404);
    expect((await overview(p)).limit).toBe(6);
  });

  it("a downgrade locks the newest holders, keeps their flag and data, and an upgrade unlocks them", async () => {
    const p = await newPortal({ plan: "basic" });
    const second = await newEmployee(p, "Sara Second");
    const third = await newEmployee(p, "Tina Third");
    expectError(await crm(third.client), 404);
    await p.admin.json("PUT", "/api/v1/portal/plan", { plan: "free" });
    expectError(await crm(third.client), 403, "no_business_seat");
    expectError(await crm(second.client), 404);
    expect((await third.client.json("GET", "/api/v1/me")).body.user.businessUser).toBe(false);
    const o = await overview(p);
    expect(o.active.find((u: { id: string }) => u.id === third.id)).toMatchObject({ businessUser: true, locked: true, status: "active" });
    expect(o).toMatchObject({ limit: 2, used: 3, overLimit: true });
    expect((await p.admin.json("GET", `/api/v1/people/users/${third.id}`)).body.user.status).toBe("active");
    // PLAN-5: the administrators are told at once that some users lost the business tools.
    expect((await notificationsOf(p.admin)).find((n) => n.type === "seats_over_limit")?.data).toMatchObject({ plan: "free", limit: 2, holders: 3 });
    await p.admin.json("PUT", "/api/v1/portal/plan", { plan: "standard" });
    expectError(await crm(third.client), 404);
  });

  it("validates the plan and is admin-only", async () => {
    const p = await newPortal();
    const e = await newEmployee(p);
    expectError(await p.admin.json("PUT", "/api/v1/portal/plan", { plan: "enterprise" }), 400, "validation");
    expectError(await p.admin.json("PUT", "/api/v1/portal/plan", {}), 400, "validation");
    expectError(await e.client.json("PUT", "/api/v1/portal/plan", { plan: "professional" }), 403, "admin_only");
    expect((await e.client.json("GET", "/api/v1/me")).body.portal.plan).toBe("free");
  });
});
