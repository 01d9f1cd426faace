import { describe, it, expect } from "vitest";
import { env, createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { app } from "../../worker/app";
import { buildMime } from "../../worker/lib/mail";
import { client, newPortal, inviteOne, mailbox, shardOf, ROOT, expectError } from "./helpers";

/** The app with its real bindings but another value of one variable. */
async function fetchWith(vars: Record<string, string | undefined>, url: string, init?: RequestInit) {
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(url, init), { ...(env as object), ...vars }, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

describe("mail outbox", () => {
  it("records every mail per portal with its delivery status", async () => {
    const p = await newPortal();
    await inviteOne(p, "outbox@x.test");
    await client(p.host).json("POST", "/api/v1/auth/password/forgot", { email: p.email });
    const rows = await shardOf(p.shard)
      .prepare("SELECT to_address, subject, status, sent_at FROM mail_outbox WHERE tenant_id = (SELECT tenant_id FROM users WHERE id = ?) ORDER BY created_at")
      .bind(p.adminId)
      .all<{ to_address: string; subject: string; status: string; sent_at: string | null }>();
    expect(rows.results.map((r) => r.to_address)).toEqual([p.email, "outbox@x.test", p.email]);
    for (const r of rows.results) {
      expect(r.status).toBe("sent");
      expect(r.sent_at).toBeTruthy();
    }
    const [dev] = await mailbox("outbox@x.test");
    expect(dev).toMatchObject({ to: "outbox@x.test", status: "sent" });
    expect(dev.html).toContain("<a href=");
    expect(dev.links[0]).toMatch(new RegExp(`^http://${p.host.replace(/\./g, "\\.")}/invite\\?token=`));
  });

  it("keeps line breaks in names and subjects out of the headers", async () => {
    const raw = buildMime(
      { name: 'Evil"\r\nBcc: victim@x.test', addr: "noreply@kontor.localhost" },
      { to: "a@b.test", subject: "Hello\r\nBcc: victim@x.test\nX-Injected: 1", text: "t", html: "<p>h</p>" },
    );
    const headers = raw.split("\r\n\r\n")[0].split("\r\n");
    expect(headers.filter((h) => /^(bcc|x-injected):/i.test(h))).toEqual([]);
    expect(headers.filter((h) => /^subject:/i.test(h))).toHaveLength(1);
    expect(headers.every((h) => /^[A-Za-z-]+: /.test(h) || /^\s/.test(h))).toBe(true);
  });

  it("a company name with line breaks is refused, so it never reaches a mail header", async () => {
    const slug = `inj${Date.now().toString(36)}`;
    const email = `boss@${slug}.test`;
    const res = await client(ROOT).json("POST", "/api/v1/portals", { company: "Evil\r\nBcc: victim@x.test", subdomain: slug, email, password: "password-123" });
    expectError(res, 400, "validation");
    expect(await mailbox(email)).toEqual([]);
    expect(await mailbox("victim@x.test")).toEqual([]);
  });
});

describe("dev mailbox", () => {
  it("lists recent mail as JSON and as an escaped page when DEV_MAILBOX is 1", async () => {
    const slug = `dev${Date.now().toString(36)}`;
    await client(ROOT).json("POST", "/api/v1/portals", { company: "<img src=x onerror=alert(1)>", subdomain: slug, email: `a@${slug}.test`, password: "password-123" });
    const page = await fetchWith({ DEV_MAILBOX: "1" }, `http://${ROOT}/dev/mail?to=a@${slug}.test`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("&#60;img src=x");
    expect(html).not.toContain("<img src=x");
  });

  it("does not exist unless DEV_MAILBOX is 1, and the rest of the app still works", async () => {
    const p = await newPortal();
    for (const vars of [{ DEV_MAILBOX: undefined }, { DEV_MAILBOX: "0" }, { DEV_MAILBOX: "true" }]) {
      expect((await fetchWith(vars, `http://${ROOT}/api/v1/dev/mail`)).status).toBe(404);
      expect((await fetchWith(vars, `http://${ROOT}/dev/mail`)).status).toBe(404);
      expect((await fetchWith(vars, `http://${p.host}/api/v1/dev/mail`)).status).toBe(404);
      expect((await fetchWith(vars, `http://${p.host}/api/v1/me`)).status).toBe(401);
      const login = await fetchWith(vars, `http://${p.host}/api/v1/auth/login`, {
        method: "POST",
        headers: { origin: `http://${p.host}`, "content-type": "application/json" },
        body: JSON.stringify({ email: p.email, password: "password-123" }),
      });
      expect(login.status).toBe(200);
    }
  });
});
