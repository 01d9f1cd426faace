import { describe, it, expect } from "vitest";
import { client, newPortal, newEmployee, expectError, readJson, ROOT } from "./helpers";

/** Tenant subdomains are same-site: every unsafe method needs the exact same Origin (or Referer). */
describe("CSRF on unsafe methods", () => {
  it("refuses a missing, foreign or sibling-portal Origin with 403 csrf", async () => {
    const p = await newPortal();
    const q = await newPortal();
    const body = { position: "Hacked" };
    const path = `/api/v1/people/users/${p.adminId}`;
    expectError(await p.admin.json("PATCH", path, body, { origin: "" }), 403, "csrf");
    expectError(await p.admin.json("PATCH", path, body, { origin: "https://evil.test" }), 403, "csrf");
    expectError(await p.admin.json("PATCH", path, body, { origin: `http://${q.host}` }), 403, "csrf");
    expectError(await p.admin.json("PATCH", path, body, { origin: "null" }), 403, "csrf");
    expectError(await p.admin.json("PATCH", path, body, { origin: `https://${p.host}` }), 403, "csrf");
    expect((await p.admin.json("GET", `/api/v1/people/users/${p.adminId}`)).body.user.position).toBe("");
  });

  it("accepts a same-origin Referer when Origin is absent", async () => {
    const p = await newPortal();
    const res = await p.admin.request("PATCH", "/api/v1/me", { position: "Boss" }, { origin: "", referer: `http://${p.host}/settings` });
    expect(res.status).toBe(200);
    const bad = await p.admin.request("PATCH", "/api/v1/me", { position: "x" }, { origin: "", referer: `http://evil.test/${p.host}` });
    expectError(await readJson(bad), 403, "csrf");
  });

  it("refuses form-encoded and text bodies even from the same origin, unless the app's header is sent", async () => {
    const p = await newPortal();
    const form = await p.admin.request("POST", "/api/v1/people/invitations", "emails=a@b.test", { "content-type": "application/x-www-form-urlencoded" });
    expectError(await readJson(form), 403, "csrf");
    const text = await p.admin.request("POST", "/api/v1/auth/logout", "{}", { "content-type": "text/plain" });
    expectError(await readJson(text), 403, "csrf");
    expect((await p.admin.json("GET", "/api/v1/me")).status).toBe(200);
  });

  it("protects sign-in itself (login CSRF) and portal sign-up", async () => {
    const p = await newPortal();
    const c = client(p.host);
    expectError(await c.json("POST", "/api/v1/auth/login", { email: p.email, password: "password-123" }, { origin: "http://evil.test" }), 403, "csrf");
    const root = client(ROOT);
    expectError(await root.json("POST", "/api/v1/portals", { company: "X", subdomain: "csrf-x", email: "x@x.test", password: "password-123" }, { origin: "http://evil.test" }), 403, "csrf");
  });

  it("lets safe methods through without Origin", async () => {
    const p = await newPortal();
    const e = await newEmployee(p);
    expect((await e.client.json("GET", "/api/v1/people/users")).status).toBe(200);
  });
});

describe("sessions", () => {
  it("answers 401 without a session and with a forged cookie", async () => {
    const p = await newPortal();
    const anon = client(p.host);
    expectError(await anon.json("GET", "/api/v1/me"), 401, "unauthorized");
    anon.cookie = "kontor_sid=" + "A".repeat(43);
    expectError(await anon.json("GET", "/api/v1/people/users"), 401, "unauthorized");
  });

  it("answers every error with the envelope and a request id, never a stack", async () => {
    const p = await newPortal();
    const res = await p.admin.request("GET", "/api/v1/nothing-here");
    const body = await readJson(res);
    expectError(body, 404, "not_found");
    expect(body.body.error.requestId).toBe(res.headers.get("x-request-id"));
    expectError(await p.admin.json("POST", "/api/v1/people/invitations", "x".repeat(3 * 1024 * 1024 + 10), { "content-type": "application/json" }), 413, "too_large");
  });
});
