import { describe, it, expect } from "vitest";
import { client, newPortal, expectError, testEnv } from "./helpers";

type Portal = Awaited<ReturnType<typeof newPortal>>;
let n = 0;
const hostname = () => `work${Date.now().toString(36)}${n++}.example.com`;

async function tenantId(p: Portal) {
  return (await testEnv.CONTROL.prepare("SELECT id FROM tenants WHERE slug = ?").bind(p.slug).first<{ id: string }>())!.id;
}
/** What the verification step does once the customer's CNAME reaches Kontor. */
async function insertDomain(p: Portal, host: string, verified: boolean) {
  await testEnv.CONTROL.prepare("INSERT INTO domains (hostname, tenant_id, verified, verification_token, created_at) VALUES (?, ?, ?, ?, ?)")
    .bind(host, await tenantId(p), verified ? 1 : 0, `tok-${host}`, new Date().toISOString())
    .run();
}
const signInAt = (host: string, p: Portal) => client(host).json("POST", "/api/v1/auth/login", { email: p.email, password: "password-123" });

describe("PORTAL-2 custom domains (professional plan)", () => {
  it("routes a verified domain of a professional portal to that portal", async () => {
    const p = await newPortal({ plan: "professional" });
    const host = hostname();
    await insertDomain(p, host, true);
    const c = client(host);
    expect((await c.json("POST", "/api/v1/auth/login", { email: p.email, password: "password-123" })).status).toBe(200);
    expect((await c.json("GET", "/api/v1/me")).body.portal.slug).toBe(p.slug);
    expect((await client(host.toUpperCase() + ":443").json("GET", "/api/v1/me")).status).toBe(401);
  });

  it("answers 404 for an unverified domain, and for a verified one of a portal not on professional", async () => {
    const pro = await newPortal({ plan: "professional" });
    const pending = hostname();
    await insertDomain(pro, pending, false);
    expectError(await signInAt(pending, pro), 404, "not_found");
    const free = await newPortal();
    const freeHost = hostname();
    await insertDomain(free, freeHost, true);
    expectError(await signInAt(freeHost, free), 404, "not_found");
    // A downgrade switches the domain off at once; the subdomain keeps working.
    const verified = hostname();
    await insertDomain(pro, verified, true);
    expect((await signInAt(verified, pro)).status).toBe(200);
    await pro.admin.json("PUT", "/api/v1/portal/plan", { plan: "standard" });
    expectError(await signInAt(verified, pro), 404);
    expect((await signInAt(pro.host, pro)).status).toBe(200);
  });

  it("lets the admin add, list and remove domains, and answers the verification fetch", async () => {
    const p = await newPortal({ plan: "professional" });
    const host = hostname();
    const added = await p.admin.json("POST", "/api/v1/portal/domains", { hostname: host.toUpperCase() });
    expect(added.status).toBe(201);
    expect(added.body.domain).toMatchObject({ hostname: host, verified: false });
    expect((await p.admin.json("GET", "/api/v1/portal/domains")).body.items.map((d: { hostname: string }) => d.hostname)).toEqual([host]);
    const proof = await client(host).request("GET", added.body.domain.verificationPath);
    expect(proof.status).toBe(200);
    expect(added.body.domain.verificationPath).toContain(await proof.text());
    expect((await client(host).request("GET", "/.well-known/kontor-domain/wrong-token")).status).toBe(404);
    expect((await client(hostname()).request("GET", added.body.domain.verificationPath)).status).toBe(404);
    expectError(await signInAt(host, p), 404); // not verified yet
    const q = await newPortal({ plan: "professional" });
    expectError(await q.admin.json("POST", "/api/v1/portal/domains", { hostname: host }), 409, "domain_taken");
    expectError(await p.admin.json("POST", "/api/v1/portal/domains", { hostname: `x.kontor.localhost` }), 400, "validation");
    expectError(await p.admin.json("POST", "/api/v1/portal/domains", { hostname: "not a host" }), 400, "validation");
    expectError(await p.admin.json("POST", "/api/v1/portal/domains", { hostname: `${"a".repeat(250)}.com` }), 400, "validation");
    expectError(await p.admin.json("DELETE", `/api/v1/portal/domains/${hostname()}`), 404);
    expect((await p.admin.json("DELETE", `/api/v1/portal/domains/${host}`)).status).toBe(200);
    expect((await p.admin.json("GET", "/api/v1/portal/domains")).body.items).toEqual([]);
  });
});
