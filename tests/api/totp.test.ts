import { describe, it, expect } from "vitest";
import * as OTPAuth from "otpauth";
import { newPortal, newEmployee, signIn, expectError, type Client } from "./helpers";

const code = (secret: string, offset = 0) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" }).generate({ timestamp: Date.now() + offset * 30_000 });
/** A valid-looking code that is not the current one (nor its neighbours). */
const wrong = (secret: string) => {
  const near = new Set([-1, 0, 1].map((o) => code(secret, o)));
  for (let i = 0; ; i++) if (!near.has(String(i).padStart(6, "0"))) return String(i).padStart(6, "0");
};

async function enableTotp(c: Client) {
  const setup = await c.json("POST", "/api/v1/auth/totp/setup");
  expect(setup.status).toBe(200);
  expect(setup.body.uri).toMatch(/^otpauth:\/\/totp\//);
  expect((await c.json("POST", "/api/v1/auth/totp/enable", { code: code(setup.body.secret) })).body).toEqual({ totpEnabled: true });
  return setup.body.secret as string;
}

describe("USER-6 TOTP second factor", () => {
  it("enables only with a valid code from the secret", async () => {
    const p = await newPortal();
    const setup = await p.admin.json("POST", "/api/v1/auth/totp/setup");
    expectError(await p.admin.json("POST", "/api/v1/auth/totp/enable", { code: wrong(setup.body.secret) }), 400, "invalid_code");
    expectError(await p.admin.json("POST", "/api/v1/auth/totp/enable", { code: "12ab56" }), 400, "validation");
    expectError(await p.admin.json("POST", "/api/v1/auth/totp/enable", { code: 123456 }), 400, "validation");
    expect((await p.admin.json("POST", "/api/v1/auth/totp/enable", { code: code(setup.body.secret) })).status).toBe(200);
    expect((await p.admin.json("GET", "/api/v1/me")).body.user.totpEnabled).toBe(true);
  });

  it("sign-in then asks for the code; the half-signed session reaches nothing else", async () => {
    const p = await newPortal();
    const secret = await enableTotp(p.admin);
    const { client: c, res } = await signIn(p.host, p.email);
    expect(res.body).toEqual({ mfaRequired: true });
    expectError(await c.json("GET", "/api/v1/me"), 401, "totp_required");
    expectError(await c.json("GET", "/api/v1/people/users"), 401, "totp_required");
    expectError(await c.json("POST", "/api/v1/auth/login/totp", { code: wrong(secret) }), 401, "invalid_code");
    // The code that turned the factor on is spent; the next step's code (clock drift allowance) works once.
    expectError(await c.json("POST", "/api/v1/auth/login/totp", { code: code(secret) }), 401, "invalid_code");
    const ok = await c.json("POST", "/api/v1/auth/login/totp", { code: code(secret, 1) });
    expect(ok.status).toBe(200);
    expect(ok.body.user.id).toBe(p.adminId);
    expect((await c.json("GET", "/api/v1/me")).status).toBe(200);
  });

  it("rate-limits wrong codes with 429", async () => {
    const p = await newPortal();
    const secret = await enableTotp(p.admin);
    const { client: c } = await signIn(p.host, p.email);
    for (let i = 0; i < 5; i++) expectError(await c.json("POST", "/api/v1/auth/login/totp", { code: wrong(secret) }), 401, "invalid_code");
    expectError(await c.json("POST", "/api/v1/auth/login/totp", { code: code(secret, 1) }), 429, "rate_limited");
  });

  it("cannot be switched off without a code, not even by starting a new setup", async () => {
    const p = await newPortal();
    const secret = await enableTotp(p.admin);
    expectError(await p.admin.json("POST", "/api/v1/auth/totp/setup"), 409, "totp_already_enabled");
    expectError(await p.admin.json("POST", "/api/v1/auth/totp/disable", { code: wrong(secret) }), 400, "invalid_code");
    expect((await p.admin.json("GET", "/api/v1/me")).body.user.totpEnabled).toBe(true);
    expect((await p.admin.json("POST", "/api/v1/auth/totp/disable", { code: code(secret, 1) })).body).toEqual({ totpEnabled: false });
    expect((await signIn(p.host, p.email)).res.body.mfaRequired).toBe(false);
  });

  it("required by the admin: users without it get 403 totp_setup_required until they set it up", async () => {
    const p = await newPortal();
    const e = await newEmployee(p);
    expect((await p.admin.json("PATCH", "/api/v1/portal/settings", { requireTotp: true })).status).toBe(200);
    expectError(await e.client.json("GET", "/api/v1/people/users"), 403, "totp_setup_required");
    expectError(await e.client.json("GET", "/api/v1/structure/departments"), 403, "totp_setup_required");
    expectError(await e.client.json("GET", "/api/v1/crm/deals"), 403, "totp_setup_required");
    expect((await e.client.json("GET", "/api/v1/me")).body.portal.requireTotp).toBe(true);
    const secret = await enableTotp(e.client);
    expect((await e.client.json("GET", "/api/v1/people/users")).status).toBe(200);
    expectError(await e.client.json("POST", "/api/v1/auth/totp/disable", { code: code(secret, 1) }), 403, "totp_required_by_portal");
    // The admin, too, must set it up before touching anything else.
    expectError(await p.admin.json("GET", "/api/v1/portal/business-users"), 403, "totp_setup_required");
  });

  it("a code is accepted once: a replay in its window and an older step both fail, in another session too", async () => {
    const p = await newPortal();
    const secret = await enableTotp(p.admin);
    const first = await signIn(p.host, p.email);
    expect((await first.client.json("POST", "/api/v1/auth/login/totp", { code: code(secret, 1) })).status).toBe(200);
    const second = await signIn(p.host, p.email);
    expectError(await second.client.json("POST", "/api/v1/auth/login/totp", { code: code(secret, 1) }), 401, "invalid_code");
    expectError(await second.client.json("POST", "/api/v1/auth/login/totp", { code: code(secret, 0) }), 401, "invalid_code");
    expectError(await second.client.json("GET", "/api/v1/me"), 401, "totp_required");
  });

  it("needs a session", async () => {
    const p = await newPortal();
    const anon = (await signIn(p.host, "nobody@x.test", "wrong")).client;
    expectError(await anon.json("POST", "/api/v1/auth/totp/setup"), 401);
    expectError(await anon.json("POST", "/api/v1/auth/login/totp", { code: "123456" }), 401);
  });
});
