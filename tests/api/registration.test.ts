import { describe, it, expect } from "vitest";
import { client, newPortal, signIn, expectError, notificationsOf } from "./helpers";

type Portal = Awaited<ReturnType<typeof newPortal>>;

async function openRegistration(p: Portal, registration: { mode: "open" | "closed"; allowedDomains?: string[] }) {
  const res = await p.admin.json("PATCH", "/api/v1/portal/settings", { registration: { enabled: true, allowedDomains: [], ...registration } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return new URL(res.body.registrationUrl).searchParams.get("token")!;
}
const join = (p: Portal, token: string, email: string, name = "Jo Joiner") => client(p.host).json("POST", `/api/v1/auth/join/${token}`, { name, email, password: "password-123" });

describe("USER-1 (b) quick-registration link", () => {
  it("is off by default and 404s for a wrong token", async () => {
    const p = await newPortal();
    expect((await p.admin.json("GET", "/api/v1/portal")).body.registrationUrl).toBeNull();
    expectError(await client(p.host).json("GET", "/api/v1/auth/join/anything"), 404, "invalid_link");
    expectError(await join(p, "anything", "x@x.test"), 404, "invalid_link");
  });

  it("open: joins at once with a session", async () => {
    const p = await newPortal();
    const token = await openRegistration(p, { mode: "open" });
    expect((await client(p.host).json("GET", `/api/v1/auth/join/${token}`)).body).toMatchObject({ mode: "open", portal: `Company ${p.slug}` });
    const c = client(p.host);
    const res = await c.json("POST", `/api/v1/auth/join/${token}`, { name: "Olga Open", email: "olga@anywhere.test", password: "password-123" });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ name: "Olga Open", status: "active", role: "employee" });
    expect((await c.json("GET", "/api/v1/me")).body.user.businessUser).toBe(true);
    expectError(await join(p, token, "olga@anywhere.test"), 409, "email_taken");
    expectError(await join(p, token, "bad"), 400, "validation");
  });

  it("closed: waits for the admin, who is notified and approves; allowed domains join at once", async () => {
    const p = await newPortal();
    const token = await openRegistration(p, { mode: "closed", allowedDomains: ["friends.test"] });
    const pending = await join(p, token, "carl@strangers.test", "Carl Closed");
    expect(pending.status).toBe(202);
    expect(pending.body).toEqual({ pending: true });
    expectError((await signIn(p.host, "carl@strangers.test")).res, 403, "approval_pending");
    const note = (await notificationsOf(p.admin)).find((n) => n.type === "registration_pending")!;
    expect(note.data).toMatchObject({ email: "carl@strangers.test" });
    const carlId = note.data.userId as string;
    expect((await p.admin.json("GET", "/api/v1/people/users?status=pending_approval")).body.items.map((u: { id: string }) => u.id)).toEqual([carlId]);
    expect((await p.admin.json("POST", `/api/v1/people/users/${carlId}/approve`)).body.user.status).toBe("active");
    expectError(await p.admin.json("POST", `/api/v1/people/users/${carlId}/approve`), 409, "not_pending");
    expect((await signIn(p.host, "carl@strangers.test")).res.status).toBe(200);
    expect((await join(p, token, "fred@friends.test")).status).toBe(201);
  });

  it("a new link invalidates the old one; switching off closes it", async () => {
    const p = await newPortal();
    const old = await openRegistration(p, { mode: "open" });
    const res = await p.admin.json("POST", "/api/v1/portal/registration-link");
    const fresh = new URL(res.body.registrationUrl).searchParams.get("token")!;
    expect(fresh).not.toBe(old);
    expectError(await join(p, old, "a@x.test"), 404, "invalid_link");
    await p.admin.json("PATCH", "/api/v1/portal/settings", { registration: { enabled: false, mode: "open", allowedDomains: [] } });
    expectError(await join(p, fresh, "b@x.test"), 404, "invalid_link");
    expectError(await p.admin.json("PATCH", "/api/v1/portal/settings", { registration: { enabled: true, mode: "open", allowedDomains: ["not a domain"] } }), 400, "validation");
  });

  it("a closed-registration approval with no seat left tells the admin (PLAN-5)", async () => {
    const p = await newPortal();
    const token = await openRegistration(p, { mode: "closed" });
    await join(p, token, "one@x.test", "One");
    await join(p, token, "two@x.test", "Two");
    const ids = (await p.admin.json("GET", "/api/v1/people/users?status=pending_approval")).body.items.map((u: { id: string }) => u.id);
    for (const id of ids) await p.admin.json("POST", `/api/v1/people/users/${id}/approve`);
    const denied = (await notificationsOf(p.admin)).filter((n) => n.type === "seats_exhausted");
    expect(denied).toHaveLength(1);
  });
});
