import { describe, it, expect } from "vitest";
import { SELF } from "cloudflare:test";
import { client, newPortal, newEmployee, createUser, signIn, mailbox, linkToken, expectError, shardOf, sha256Hex, ROOT } from "./helpers";

describe("sign-in and sign-out", () => {
  it("signs in with a host-only HttpOnly cookie whose token is stored only as its SHA-256", async () => {
    const p = await newPortal();
    const res = await client(p.host).request("POST", "/api/v1/auth/login", { email: p.email, password: "password-123" });
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^kontor_sid=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Domain=/i);
    const token = cookie.match(/kontor_sid=([^;]+)/)![1];
    const db = shardOf(p.shard);
    expect(await db.prepare("SELECT 1 FROM sessions WHERE token_hash = ?").bind(token).first()).toBeNull();
    expect(await db.prepare("SELECT 1 FROM sessions WHERE token_hash = ?").bind(await sha256Hex(token)).first()).not.toBeNull();
  });

  it("uses a Secure __Host- cookie over https", async () => {
    const p = await newPortal();
    const res = await SELF.fetch(`https://${p.host}/api/v1/auth/login`, {
      method: "POST",
      headers: { origin: `https://${p.host}`, "content-type": "application/json" },
      body: JSON.stringify({ email: p.email, password: "password-123" }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^__Host-kontor_sid=/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/Path=\//);
  });

  it("answers a wrong password or unknown e-mail with the same 401", async () => {
    const p = await newPortal();
    expectError((await signIn(p.host, p.email, "wrong-password")).res, 401, "invalid_credentials");
    expectError((await signIn(p.host, "nobody@nowhere.test", "password-123")).res, 401, "invalid_credentials");
  });

  it("validates the body: malformed JSON, wrong types, oversize and unknown fields", async () => {
    const p = await newPortal();
    const c = client(p.host);
    expectError(await c.json("POST", "/api/v1/auth/login", "{oops", { "content-type": "application/json" }), 400, "bad_request");
    expectError(await c.json("POST", "/api/v1/auth/login", { email: 42, password: "x" }), 400, "validation");
    expectError(await c.json("POST", "/api/v1/auth/login", { email: p.email, password: "x".repeat(201) }), 400, "validation");
    expectError(await c.json("POST", "/api/v1/auth/login", { email: `${"a".repeat(250)}@x.test`, password: "x" }), 400, "validation");
    expectError(await c.json("POST", "/api/v1/auth/login", { email: p.email, password: "password-123", admin: true }), 400, "validation");
    expectError(await c.json("POST", "/api/v1/auth/login", [1, 2]), 400, "validation");
  });

  it("logs out: the old cookie no longer authenticates", async () => {
    const p = await newPortal();
    const old = p.admin.cookie!;
    expect((await p.admin.json("POST", "/api/v1/auth/logout")).status).toBe(200);
    const replay = client(p.host);
    replay.cookie = old;
    expectError(await replay.json("GET", "/api/v1/me"), 401, "unauthorized");
    expectError(await p.admin.json("POST", "/api/v1/auth/logout"), 401);
  });

  it("keeps the login API off the root host", async () => {
    expectError(await client(ROOT).json("POST", "/api/v1/auth/login", { email: "a@b.test", password: "password-123" }), 404);
  });
});

describe("login rate limit", () => {
  it("answers 429 after five failures, even for the right password (checked before hashing)", async () => {
    const p = await newPortal();
    const ip = { "cf-connecting-ip": "203.0.113.7" };
    for (let i = 0; i < 5; i++) expectError((await signIn(p.host, p.email, `wrong-${i}`, ip)).res, 401, "invalid_credentials");
    expectError((await signIn(p.host, p.email, "password-123", ip)).res, 429, "rate_limited");
    // The e-mail is limited from any address, and the address for any e-mail.
    expectError((await signIn(p.host, p.email, "password-123", { "cf-connecting-ip": "198.51.100.1" })).res, 429);
    expectError((await signIn(p.host, "other@x.test", "password-123", ip)).res, 429);
  });

  it("limits one address guessing many accounts, and is per portal", async () => {
    const p = await newPortal();
    const q = await newPortal();
    const ip = { "cf-connecting-ip": "203.0.113.8" };
    for (let i = 0; i < 5; i++) await signIn(p.host, `guess${i}@x.test`, "password-123", ip);
    expectError((await signIn(p.host, p.email, "password-123", ip)).res, 429);
    expect((await signIn(q.host, q.email, "password-123", ip)).res.status).toBe(200);
  });

  it("a successful sign-in clears the e-mail's failures", async () => {
    const p = await newPortal();
    for (let i = 0; i < 4; i++) await signIn(p.host, p.email, "wrong", { "cf-connecting-ip": "203.0.113.9" });
    expect((await signIn(p.host, p.email, "password-123", { "cf-connecting-ip": "203.0.113.9" })).res.status).toBe(200);
    for (let i = 0; i < 4; i++) await signIn(p.host, p.email, "wrong", { "cf-connecting-ip": "203.0.113.9" });
    expect((await signIn(p.host, p.email, "password-123", { "cf-connecting-ip": "203.0.113.9" })).res.status).toBe(200);
  });
});

describe("USER-3 dismissed users", () => {
  it("ends the session at once, blocks sign-in, and can be re-activated with content kept", async () => {
    const p = await newPortal();
    const e = await newEmployee(p, "Dana Dismissed");
    expect((await e.client.json("GET", "/api/v1/me")).status).toBe(200);
    expect((await p.admin.json("POST", `/api/v1/people/users/${e.id}/dismiss`)).body.user.status).toBe("dismissed");
    expectError(await e.client.json("GET", "/api/v1/me"), 401);
    expectError(await e.client.json("PATCH", "/api/v1/me", { position: "x" }), 401);
    expectError((await signIn(p.host, e.email)).res, 403, "user_dismissed");
    expect((await p.admin.json("GET", `/api/v1/people/users/${e.id}`)).body.user.name).toBe("Dana Dismissed");
    expect((await p.admin.json("POST", `/api/v1/people/users/${e.id}/reactivate`)).body.user.status).toBe("active");
    expect((await signIn(p.host, e.email)).res.status).toBe(200);
  });

  it("refuses to dismiss yourself, the last admin, or a user twice", async () => {
    const p = await newPortal();
    expectError(await p.admin.json("POST", `/api/v1/people/users/${p.adminId}/dismiss`), 400, "self");
    const other = await newEmployee(p, "Other Admin", { role: "admin" });
    expect((await other.client.json("POST", `/api/v1/people/users/${p.adminId}/dismiss`)).status).toBe(200);
    expectError(await other.client.json("POST", `/api/v1/people/users/${p.adminId}/dismiss`), 409, "not_active");
    expectError(await other.client.json("POST", `/api/v1/people/users/${other.id}/reactivate`), 409, "not_dismissed");
  });
});

describe("password reset and change", () => {
  it("mails a one-time link that sets a new password and ends every session", async () => {
    const p = await newPortal();
    const c = client(p.host);
    expect((await c.json("POST", "/api/v1/auth/password/forgot", { email: p.email })).status).toBe(202);
    const mail = (await mailbox(p.email)).find((m) => m.subject.includes("Reset"))!;
    const token = linkToken(mail.links[0]);
    expect((await c.json("POST", "/api/v1/auth/password/reset", { token, password: "new-password-1" })).status).toBe(200);
    expectError(await p.admin.json("GET", "/api/v1/me"), 401);
    expectError((await signIn(p.host, p.email)).res, 401);
    expect((await signIn(p.host, p.email, "new-password-1")).res.status).toBe(200);
    expectError(await c.json("POST", "/api/v1/auth/password/reset", { token, password: "again-password" }), 404, "invalid_link");
    expectError(await c.json("POST", "/api/v1/auth/password/reset", { token, password: "short" }), 400, "validation");
  });

  it("answers the same for unknown addresses and sends nothing", async () => {
    const p = await newPortal();
    expect((await client(p.host).json("POST", "/api/v1/auth/password/forgot", { email: "ghost@nowhere.test" })).status).toBe(202);
    expect(await mailbox("ghost@nowhere.test")).toHaveLength(0);
  });

  it("changes the password only with the current one, ending the other sessions", async () => {
    const p = await newPortal();
    expectError(await p.admin.json("POST", "/api/v1/me/password", { current: "wrong", password: "new-password-1" }), 400, "invalid_password");
    expectError(await p.admin.json("POST", "/api/v1/me/password", { current: "password-123", password: "short" }), 400, "validation");
    const other = (await signIn(p.host, p.email)).client;
    expect((await p.admin.json("POST", "/api/v1/me/password", { current: "password-123", password: "new-password-1" })).status).toBe(200);
    expect((await p.admin.json("GET", "/api/v1/me")).status).toBe(200); // this session stays
    expectError(await other.json("GET", "/api/v1/me"), 401); // every other one ends
    expect((await signIn(p.host, p.email, "new-password-1")).res.status).toBe(200);
  });
});

describe("e-mail confirmation", () => {
  it("refuses unknown, malformed and other portals' tokens", async () => {
    const p = await newPortal();
    const q = await newPortal();
    const c = client(p.host);
    expectError(await c.json("POST", "/api/v1/auth/confirm", { token: "x".repeat(43) }), 404, "invalid_link");
    expectError(await c.json("POST", "/api/v1/auth/confirm", { token: "short" }), 400, "validation");
    await client(q.host).json("POST", "/api/v1/auth/password/forgot", { email: q.email });
    const qToken = linkToken((await mailbox(q.email)).find((m) => m.subject.includes("Reset"))!.links[0]);
    expectError(await c.json("POST", "/api/v1/auth/password/reset", { token: qToken, password: "new-password-1" }), 404, "invalid_link");
  });

  it("a user created by the admin signs in at once; me answers the contract shape", async () => {
    const p = await newPortal();
    const u = await createUser(p, "Carl Created", { position: "Clerk" });
    const { client: c, res } = await signIn(p.host, u.email);
    expect(res.status).toBe(200);
    const me = await c.json("GET", "/api/v1/me");
    expect(me.body.user).toMatchObject({ id: u.id, name: "Carl Created", email: u.email, role: "employee", language: "en", timeZone: "UTC" });
    expect(typeof me.body.user.businessUser).toBe("boolean");
    expect(me.body.portal).toMatchObject({ slug: p.slug, plan: "free" });
    expect(Array.isArray(me.body.portal.modules)).toBe(true);
  });
});
