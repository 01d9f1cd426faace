import { describe, it, expect } from "vitest";
import { client, newPortal, mailbox, linkToken, testEnv, ROOT, expectError } from "./helpers";

describe("PORTAL-1 sign-up", () => {
  it("creates a portal, mails a confirmation, and signs in only after confirming", async () => {
    const root = client(ROOT);
    const res = await root.json("POST", "/api/v1/portals", { company: "Acme", subdomain: "acme-signup", email: "boss@acme.test", password: "password-123" });
    expect(res.status).toBe(201);
    const [mail] = await mailbox("boss@acme.test");
    expect(mail.subject).toContain("Acme");
    const portal = client("acme-signup.kontor.localhost");
    expectError(await portal.json("POST", "/api/v1/auth/login", { email: "boss@acme.test", password: "password-123" }), 403, "email_unconfirmed");
    const token = new URL(mail.links[0]).searchParams.get("token");
    expect((await portal.json("POST", "/api/v1/auth/confirm", { token })).status).toBe(200);
    expect((await portal.json("POST", "/api/v1/auth/login", { email: "boss@acme.test", password: "password-123" })).status).toBe(200);
    const me = await portal.json("GET", "/api/v1/me");
    expect(me.body.user.role).toBe("admin");
    expect(me.body.user.businessUser).toBe(true);
    expect(me.body.portal).toMatchObject({ slug: "acme-signup", name: "Acme", plan: "free" });
  });

  it("refuses a taken subdomain with 409 and bad input with 400", async () => {
    const { slug } = await newPortal();
    const root = client(ROOT);
    expectError(await root.json("POST", "/api/v1/portals", { company: "X", subdomain: slug, email: "x@x.test", password: "password-123" }), 409, "subdomain_taken");
    expectError(await root.json("POST", "/api/v1/portals", { company: "X", subdomain: "Bad Name!", email: "x@x.test", password: "password-123" }), 400, "validation");
    expectError(await root.json("POST", "/api/v1/portals", "{not json", { "content-type": "application/json" }), 400);
  });
});

describe("PORTAL-1 sign-up: bad paths", () => {
  it("refuses reserved and malformed subdomains, oversize and missing fields, and the API off the root host", async () => {
    const root = client(ROOT);
    const ok = { company: "Co", subdomain: `ok${Date.now().toString(36)}`, email: "o@o.test", password: "password-123" };
    expectError(await root.json("POST", "/api/v1/portals", { ...ok, subdomain: "www" }), 409, "subdomain_taken");
    for (const subdomain of ["ab", "-lead", "trail-", "dots.in.it", "x".repeat(41)]) expectError(await root.json("POST", "/api/v1/portals", { ...ok, subdomain }), 400, "validation");
    expectError(await root.json("POST", "/api/v1/portals", { ...ok, company: "x".repeat(121) }), 400, "validation");
    expectError(await root.json("POST", "/api/v1/portals", { ...ok, password: "short" }), 400, "validation");
    expectError(await root.json("POST", "/api/v1/portals", { ...ok, company: 5 }), 400, "validation");
    expectError(await root.json("POST", "/api/v1/portals", { company: "Co" }), 400, "validation");
    const { host } = await newPortal();
    expectError(await client(host).json("POST", "/api/v1/portals", ok), 404);
    expectError(await root.json("GET", "/api/v1/me"), 404);
  });

  it("goes live with the creator's confirmation; the link works once", async () => {
    const root = client(ROOT);
    const slug = `live${Date.now().toString(36)}`;
    await root.json("POST", "/api/v1/portals", { company: "Live Co", subdomain: slug, email: `a@${slug}.test`, password: "password-123" });
    const status = async () => (await testEnv.CONTROL.prepare("SELECT status FROM tenants WHERE slug = ?").bind(slug).first<{ status: string }>())!.status;
    expect(await status()).toBe("pending");
    const token = linkToken((await mailbox(`a@${slug}.test`))[0].links[0]);
    const portal = client(`${slug}.${ROOT}`);
    expect((await portal.json("POST", "/api/v1/auth/confirm", { token })).body).toEqual({ ok: true, email: `a@${slug}.test` });
    expect(await status()).toBe("active");
    expectError(await portal.json("POST", "/api/v1/auth/confirm", { token }), 404, "invalid_link");
    expectError(await client(`x${slug}.${ROOT}`).json("POST", "/api/v1/auth/confirm", { token }), 404);
  });
});

describe("PORTAL-2 routing by host", () => {
  it("answers an unknown host with 404, for pages and API", async () => {
    const ghost = client("ghost.kontor.localhost");
    const page = await ghost.request("GET", "/");
    expect(page.status).toBe(404);
    expect(await page.text()).toContain("no portal");
    expectError(await ghost.json("GET", "/api/v1/me"), 404);
    for (const host of ["a.b.kontor.localhost", "evil.test", "kontor.localhost.evil.test"]) expectError(await client(host).json("GET", "/api/v1/me"), 404);
  });

  it("places new portals on both shards", async () => {
    const shards = new Set<number>();
    for (let i = 0; i < 4; i++) shards.add((await newPortal()).shard);
    expect([...shards].sort()).toEqual([0, 1]);
  });

  it("tells a signed-out page only its name, logo flag and language", async () => {
    const p = await newPortal();
    expect((await p.admin.json("PATCH", "/api/v1/portal/settings", { defaultLanguage: "de", contactEmail: "boss@x.test" })).status).toBe(200);
    const anon = await client(p.host).json("GET", "/api/v1/portal/public");
    expect(anon.status).toBe(200);
    expect(anon.body).toEqual({ portal: { name: `Company ${p.slug}`, hasLogo: false, defaultLanguage: "de" } });
    expectError(await client(ROOT).json("GET", "/api/v1/portal/public"), 404);
  });
});
