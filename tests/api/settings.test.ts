import { describe, it, expect } from "vitest";
import { client, newPortal, newEmployee, signIn, inviteOne, expectError, type Client } from "./helpers";

const patch = (c: Client, body: unknown) => c.json("PATCH", "/api/v1/portal/settings", body);

describe("PORTAL-3 portal settings", () => {
  it("changes name, time zone, formats and default language; everyone sees the public part", async () => {
    const p = await newPortal();
    const e = await newEmployee(p);
    const res = await patch(p.admin, { name: "Renamed GmbH", timeZone: "Europe/Berlin", dateFormat: "YYYY-MM-DD", timeFormat: "12h", defaultLanguage: "de", contactEmail: "info@renamed.test" });
    expect(res.status).toBe(200);
    expect(res.body.settings).toMatchObject({ timeZone: "Europe/Berlin", contactEmail: "info@renamed.test" });
    const me = (await e.client.json("GET", "/api/v1/me")).body;
    expect(me.portal).toMatchObject({ name: "Renamed GmbH", timeZone: "Europe/Berlin", dateFormat: "YYYY-MM-DD", timeFormat: "12h", defaultLanguage: "de" });
    const view = (await e.client.json("GET", "/api/v1/portal")).body;
    expect(view.portal.name).toBe("Renamed GmbH");
    expect(view.settings).toBeUndefined(); // IP list, registration link etc. are for admins only
    expect(view.limits.businessUsers).toBe(2);
    expect((await p.admin.json("GET", "/api/v1/portal")).body.settings.ipAllowList).toEqual([]);
  });

  it("refuses bad values with 400 and non-admins with 403", async () => {
    const p = await newPortal();
    const e = await newEmployee(p);
    for (const body of [
      { timeZone: "Nowhere/City" }, { dateFormat: "DD-MM" }, { defaultLanguage: "fr" }, { name: "x".repeat(121) }, { name: "" },
      { contactEmail: "nope" }, { disabledModules: ["company"] }, { disabledModules: "crm" }, { ipAllowList: ["not-an-ip"] },
      { ipAllowList: ["999.1.1.1"] }, { feedPosting: { mode: "some" } }, { unknownKey: 1 }, { requireTotp: "yes" },
    ]) expectError(await patch(p.admin, body), 400);
    expectError(await patch(e.client, { name: "Mine" }), 403, "admin_only");
    expectError(await p.admin.json("PATCH", "/api/v1/portal/settings", "{nope", { "content-type": "application/json" }), 400, "bad_request");
  });

  it("refuses paid-only settings on the free plan with 403 plan_limit and accepts them once paid", async () => {
    const p = await newPortal();
    const schedule = { workSchedule: { days: [1, 2, 3, 4], start: "08:00", end: "16:00" } };
    expectError(await patch(p.admin, schedule), 403, "plan_limit");
    expectError(await patch(p.admin, { invitationText: "Welcome aboard!" }), 403, "plan_limit");
    expectError(await p.admin.json("POST", "/api/v1/portal/domains", { hostname: "work.example.com" }), 403, "plan_limit");
    await p.admin.json("PUT", "/api/v1/portal/plan", { plan: "basic" });
    expect((await patch(p.admin, schedule)).body.settings.workSchedule).toEqual(schedule.workSchedule);
    expectError(await patch(p.admin, { workSchedule: { days: [1], start: "18:00", end: "09:00" } }), 400, "validation");
    expectError(await patch(p.admin, { workSchedule: { days: [8], start: "08:00", end: "09:00" } }), 400, "validation");
  });

  it("switched-off modules answer 403 module_disabled and disappear from /me", async () => {
    const p = await newPortal();
    const e = await newEmployee(p);
    expect((await patch(p.admin, { disabledModules: ["crm", "feed"] })).status).toBe(200);
    expectError(await e.client.json("GET", "/api/v1/crm/deals"), 403, "module_disabled");
    expectError(await p.admin.json("GET", "/api/v1/crm"), 403, "module_disabled");
    expectError(await e.client.json("GET", "/api/v1/feed"), 403, "module_disabled");
    const me = (await e.client.json("GET", "/api/v1/me")).body.portal;
    expect(me.modules).not.toContain("crm");
    expect(me.modules).not.toContain("feed");
    expect(me.modules).toContain("company");
    expect(me.moduleAccess.map((m: { name: string }) => m.name)).not.toContain("crm");
    await patch(p.admin, { disabledModules: [] });
    expectError(await p.admin.json("GET", "/api/v1/crm/deals"), 404);
  });

  it("stores who may post to the whole company", async () => {
    const p = await newPortal();
    const e = await newEmployee(p);
    const res = await patch(p.admin, { feedPosting: { mode: "list", userIds: [e.id] } });
    expect(res.body.settings.feedPosting).toEqual({ mode: "list", userIds: [e.id] });
  });
});

describe("PORTAL-3 IP allow-list for sign-in", () => {
  it("lets in addresses in the listed ranges only (IPv4 and IPv6)", async () => {
    const p = await newPortal();
    expect((await patch(p.admin, { ipAllowList: ["10.0.0.0/8", "2001:db8::/32", "192.0.2.7"] })).status).toBe(200);
    const from = (ip: string) => signIn(p.host, p.email, "password-123", { "cf-connecting-ip": ip });
    expect((await from("10.20.30.40")).res.status).toBe(200);
    expect((await from("2001:db8::1")).res.status).toBe(200);
    expect((await from("192.0.2.7")).res.status).toBe(200);
    expectError((await from("192.0.2.8")).res, 403, "ip_not_allowed");
    expectError((await from("2001:db9::1")).res, 403, "ip_not_allowed");
    expectError((await signIn(p.host, p.email, "password-123", { "cf-connecting-ip": "garbage" })).res, 403, "ip_not_allowed");
    // Existing sessions keep working; the list guards sign-in.
    expect((await p.admin.json("GET", "/api/v1/me")).status).toBe(200);
    await patch(p.admin, { ipAllowList: [] });
    expect((await from("192.0.2.8")).res.status).toBe(200);
  });

  it("also guards the other ways in that sign a person in: invitations and open registration", async () => {
    const p = await newPortal();
    const inv = await inviteOne(p, "far.away@x.test");
    const reg = await patch(p.admin, { ipAllowList: ["10.0.0.0/8"], registration: { enabled: true, mode: "open", allowedDomains: [] } });
    const join = new URL(reg.body.registrationUrl).searchParams.get("token")!;
    const outside = { "cf-connecting-ip": "198.51.100.9" };
    const inside = { "cf-connecting-ip": "10.1.1.1" };
    const accept = (headers: Record<string, string>) => client(p.host).json("POST", `/api/v1/auth/invitations/${inv.token}/accept`, { name: "Far Away", password: "password-123" }, headers);
    expectError(await accept(outside), 403, "ip_not_allowed");
    expect((await accept(inside)).status).toBe(200);
    const joinAs = (email: string, headers: Record<string, string>) => client(p.host).json("POST", `/api/v1/auth/join/${join}`, { name: "J", email, password: "password-123" }, headers);
    expectError(await joinAs("out@x.test", outside), 403, "ip_not_allowed");
    expect((await joinAs("in@x.test", inside)).status).toBe(201);
  });
});
