import { describe, it, expect } from "vitest";
import { client, newPortal, newEmployee, inviteOne, signIn, mailbox, linkToken, expectError } from "./helpers";

describe("USER-1 (a) invitations by e-mail", () => {
  it("invites into a department; accepting sets name and password and signs in at once", async () => {
    const p = await newPortal();
    const root = (await p.admin.json("GET", "/api/v1/structure/departments")).body.items[0].id;
    const sales = (await p.admin.json("POST", "/api/v1/structure/departments", { name: "Sales", parentId: root })).body.department.id;
    const inv = await inviteOne(p, "ivy@x.test", { departmentId: sales });
    expect(inv.mail.subject).toContain(`Company ${p.slug}`);
    const guest = client(p.host);
    expect((await guest.json("GET", `/api/v1/auth/invitations/${inv.token}`)).body).toEqual({ email: "ivy@x.test", portal: `Company ${p.slug}` });
    expectError(await guest.json("POST", `/api/v1/auth/invitations/${inv.token}/accept`, { name: "Ivy", password: "short" }), 400, "validation");
    const acc = await guest.json("POST", `/api/v1/auth/invitations/${inv.token}/accept`, { name: "Ivy Invited", password: "password-123" });
    expect(acc.status).toBe(200);
    const me = (await guest.json("GET", "/api/v1/me")).body.user;
    expect(me).toMatchObject({ name: "Ivy Invited", departmentId: sales, role: "employee", businessUser: true });
    expectError(await client(p.host).json("POST", `/api/v1/auth/invitations/${inv.token}/accept`, { name: "Again", password: "password-123" }), 404, "invalid_link");
    expect((await signIn(p.host, "ivy@x.test")).res.status).toBe(200);
  });

  it("an invitee cannot sign in before accepting; a re-invite revokes the old link", async () => {
    const p = await newPortal();
    const first = await inviteOne(p, "twice@x.test");
    expectError((await signIn(p.host, "twice@x.test")).res, 401);
    const again = await p.admin.json("POST", "/api/v1/people/invitations", { emails: ["twice@x.test"] });
    expect(again.body.invited[0].id).toBe(first.id);
    expectError(await client(p.host).json("GET", `/api/v1/auth/invitations/${first.token}`), 404, "invalid_link");
    const [latest] = await mailbox("twice@x.test");
    expect((await client(p.host).json("GET", `/api/v1/auth/invitations/${linkToken(latest.links[0])}`)).status).toBe(200);
  });

  it("skips members and dismissed people, dedupes, and validates input", async () => {
    const p = await newPortal();
    const e = await newEmployee(p);
    const d = await newEmployee(p);
    await p.admin.json("POST", `/api/v1/people/users/${d.id}/dismiss`);
    const res = await p.admin.json("POST", "/api/v1/people/invitations", { emails: [e.email, d.email, "new@x.test", "NEW@x.test"] });
    expect(res.status).toBe(201);
    expect(res.body.invited.map((i: { email: string }) => i.email)).toEqual(["new@x.test"]);
    expect(res.body.skipped).toEqual([{ email: e.email, reason: "already_member" }, { email: d.email, reason: "dismissed" }]);
    const bad = [{ emails: [] }, { emails: ["not-mail"] }, { emails: "a@b.test" }, { emails: Array.from({ length: 51 }, (_, i) => `u${i}@x.test`) }, { emails: ["a@b.test"], departmentId: 5 }, { emails: ["a@b.test"], role: "admin" }];
    for (const body of bad) expectError(await p.admin.json("POST", "/api/v1/people/invitations", body), 400, "validation");
    expectError(await p.admin.json("POST", "/api/v1/people/invitations", { emails: ["a@b.test"], departmentId: "ghost" }), 404);
    expectError(await e.client.json("POST", "/api/v1/people/invitations", { emails: ["a@b.test"] }), 403, "admin_only");
  });

  it("custom invitation text: refused on free, sent on paid plans (escaped in HTML)", async () => {
    const p = await newPortal();
    expectError(await p.admin.json("POST", "/api/v1/people/invitations", { emails: ["t@x.test"], text: "Hi" }), 403, "plan_limit");
    await p.admin.json("PUT", "/api/v1/portal/plan", { plan: "basic" });
    const text = "Welcome! <script>alert(1)</script>";
    expect((await p.admin.json("POST", "/api/v1/people/invitations", { emails: ["text@x.test"], text })).status).toBe(201);
    const [res] = await mailbox("text@x.test");
    expect(res.text).toContain(text);
    expect(res.html).not.toContain("<script>");
    expect(res.html).toContain("&#60;script&#62;");
    expectError(await p.admin.json("POST", "/api/v1/people/invitations", { emails: ["t@x.test"], text: "x".repeat(2001) }), 400, "validation");
  });
});

