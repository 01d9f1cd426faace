import { describe, it, expect } from "vitest";
import { env } from "cloudflare:workers";
import { newPortal, client, expectError } from "./helpers";
import { sweep } from "../../worker/scheduled";
import type { Env } from "../../worker/env";

describe("the hourly sweep", () => {
  it("removes expired sessions and used or expired link tokens, nothing alive", async () => {
    const p = await newPortal();
    const e = env as unknown as Env;
    const shard = e[`SHARD_${p.shard}`]!;
    const other = client(p.host);
    expect((await other.json("POST", "/api/v1/auth/login", { email: p.email, password: "password-123" })).status).toBe(200);
    await shard.prepare("UPDATE sessions SET expires_at = '2000-01-01T00:00:00.000Z' WHERE token_hash IN (SELECT token_hash FROM sessions WHERE tenant_id = (SELECT tenant_id FROM users WHERE email = ?) ORDER BY created_at DESC LIMIT 1)").bind(p.email).run();
    const result = await sweep(e);
    expect(result.sessions).toBeGreaterThanOrEqual(1);
    expect(result.linkTokens).toBeGreaterThanOrEqual(1); // the used confirmation link
    expectError(await other.json("GET", "/api/v1/me"), 401);
    expect((await p.admin.json("GET", "/api/v1/me")).status).toBe(200);
  });
});
