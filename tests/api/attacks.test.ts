/**
 * Web attack checks (issue #6 part 4): CSRF on every unsafe route read from the app, open redirects,
 * mail header injection and uploaded HTML/SVG. Payloads go in through the real routes; the answer, the
 * stored state and the raw outgoing mail are checked.
 */
import { describe, it, expect, beforeAll } from "vitest";
import { SELF } from "cloudflare:test";
import { ROOT, newPortal, expectError, upload, readJson, client, PNG } from "./helpers";
import { appRoutes, bodyFor, fill, isSocket, type AppRoute, type Body, type Seed } from "./routes";
import { seed, type Portal } from "./seed-portal";
import { changedTables, expectCleanHeaders, hostileRequest, send, settledFingerprint, fingerprint, variants } from "./attack-helpers";
import { HOSTILE, mimeParts, provokeEveryMail } from "./attack-mail";
import { parseIcs } from "./calendar-helpers";
import { safeNext } from "../../web/src/lib/safe-next";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);
const unsafe = appRoutes().filter((r) => !SAFE.has(r.method));
const key = (r: AppRoute) => `${r.method} ${r.path}`;

/**
 * Documented exceptions. The guest page (/g/:token) is a server-rendered page for people without an
 * account: its Accept/Decline buttons are a plain HTML form, so a same-origin form body is its normal
 * request. It still refuses any foreign or missing Origin (checked by the sweep like every route).
 */
const FORM_BY_DESIGN: Record<string, string> = {
  "POST /g/:token": "the guest page's own Accept/Decline <form> (no JavaScript, no app header)",
};

// Operator routes (/ops/…) are not in appRoutes(): they take an Authorization: Bearer token, never the
// session cookie, so a page on another site has no ambient credential to ride on (backup.test.ts covers them).

let A: Portal, B: Portal, seedA: Seed;
beforeAll(async () => {
  A = await newPortal({ plan: "professional" });
  B = await newPortal();
  seedA = await seed(A);
}, 60_000);

/** Valid bodies for the unsafe routes without parameters (routes.ts has those with parameters), so a request that got through would write. */
const PLAIN: Record<string, (s: Seed) => Body> = {
  "POST /api/v1/portals": () => ({ company: "Csrf Co", subdomain: `csrf${Date.now().toString(36)}`, email: "csrf@x.test", password: "password-123" }),
  "POST /api/v1/auth/login": () => ({ email: A.email, password: "password-123" }),
  "PATCH /api/v1/me": () => ({ name: "Hacked" }),
  "POST /api/v1/me/password": () => ({ current: "password-123", password: "hacked-password" }),
  "POST /api/v1/people/users": () => ({ name: "Mallory", email: "mallory@x.test", password: "password-123", role: "admin" }),
  "POST /api/v1/people/invitations": () => ({ emails: ["mallory@x.test"] }),
  "PATCH /api/v1/portal/settings": () => ({ name: "Hacked", requireTotp: false }),
  "PUT /api/v1/portal/plan": () => ({ plan: "free" }),
  "PUT /api/v1/portal/logo": () => ({ file: PNG, type: "image/png" }),
  "PUT /api/v1/portal/business-users": () => ({ userIds: [] }),
  "POST /api/v1/portal/domains": () => ({ hostname: "csrf.example.com" }),
  "POST /api/v1/notifications/read": () => ({ all: true }),
  "POST /api/v1/feed/posts": () => ({ text: "<p>Forged</p>", audience: { company: true } }),
  "POST /api/v1/chats": () => ({ type: "group", title: "Forged", memberIds: [] }),
  "POST /api/v1/calendar/sender": () => ({ email: "mallory@x.test", name: "Mallory" }),
  "POST /api/v1/dev/seed/feed": () => ({ count: 5 }),
};
const bodyOf = (r: AppRoute) => (r.params.length ? bodyFor(r, seedA, { userId: A.adminId }) : (PLAIN[key(r)]?.(seedA) ?? {}));

const hostOf = (r: AppRoute) => (r.path === "/api/v1/portals" ? ROOT : A.host);

describe("CSRF on every unsafe route", () => {
  it("the sweep reads the unsafe routes from the app", () => {
    expect(unsafe.length).toBeGreaterThan(60);
    expect(unsafe.map(key)).toEqual(expect.arrayContaining(["POST /api/v1/auth/logout", "PATCH /api/v1/portal/settings", "POST /g/:token", "POST /api/v1/portals"]));
  });

  it("a missing or foreign Origin, or a form/text body without the app header, is refused with 403 and nothing is written", async () => {
    const before = await settledFingerprint();
    const messagesBefore = (await A.admin.json("GET", `/api/v1/chats/${seedA.chatId}/messages`)).body;
    const wrong: string[] = [];
    const jobs: (() => Promise<void>)[] = [];
    for (const r of unsafe) {
      const host = hostOf(r);
      const path = fill(r, seedA);
      const body = bodyOf(r);
      for (const v of variants(host, B.host)) {
        if (FORM_BY_DESIGN[key(r)] && v.origin === undefined && !v.referer) continue; // same-origin bodies: see the exception test
        jobs.push(async () => {
          const res = await send(hostileRequest(host, path, r.method, body, host === ROOT ? undefined : A.admin.cookie, v));
          if (res.status !== 403 || res.body?.error?.code !== "csrf" || typeof res.body?.error?.message !== "string") {
            wrong.push(`${key(r)} [${v.name}]: ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`);
          }
        });
      }
    }
    for (let i = 0; i < jobs.length; i += 8) await Promise.all(jobs.slice(i, i + 8).map((j) => j()));
    expect(wrong).toEqual([]);
    expect(changedTables(before, await fingerprint())).toEqual([]);
    expect((await A.admin.json("GET", `/api/v1/chats/${seedA.chatId}/messages`)).body).toEqual(messagesBefore);
    expect((await A.admin.json("GET", "/api/v1/me")).status).toBe(200); // not even signed out
  }, 120_000);

  it(`exception, documented: ${Object.keys(FORM_BY_DESIGN).join(", ")} takes a same-origin form (${Object.values(FORM_BY_DESIGN).join("; ")})`, async () => {
    const path = `/g/${encodeURIComponent(seedA.guestToken)}`;
    const form = await SELF.fetch(`http://${A.host}${path}`, {
      method: "POST", redirect: "manual", body: "answer=accept",
      headers: { origin: `http://${A.host}`, "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(303);
    expect(form.headers.get("location")).toBe(`${path}?saved=1`);
    // The same form from another site or another portal is refused.
    for (const origin of ["http://evil.test", `http://${B.host}`, "null"]) {
      const res = await SELF.fetch(`http://${A.host}${path}`, { method: "POST", redirect: "manual", body: "answer=decline", headers: { origin, "content-type": "application/x-www-form-urlencoded" } });
      expectError(await readJson(res), 403, "csrf");
    }
  });

  it("WebSocket routes refuse a handshake from a foreign page (SameSite does not cover sockets)", async () => {
    const sockets = appRoutes().filter(isSocket);
    expect(sockets.length).toBeGreaterThanOrEqual(3);
    for (const r of sockets) {
      for (const origin of ["http://evil.test", `http://${B.host}`, "http://x.kontor.localhost", undefined]) {
        const headers: Record<string, string> = { upgrade: "websocket", cookie: A.admin.cookie! };
        if (origin) headers.origin = origin;
        const res = await SELF.fetch(`http://${A.host}${fill(r, seedA)}`, { headers });
        expect(res.webSocket, `${key(r)} from ${origin}`).toBeFalsy();
        expectError(await readJson(res), 403, "csrf");
      }
    }
  });
});

const EVIL = ["//evil.test", "https://evil.test", "/\\evil.test", "javascript:alert(1)", "/\t/evil.test", "https:evil.test", "\\\\evil.test/"];
const REDIRECT_PARAMS = ["next", "returnTo", "return_to", "redirect", "redirect_uri", "url", "to", "continue"];

/** A 3xx must point at the host that was asked; anything else (or a script URL) is an open redirect. */
function offHost(res: Response, requested: string): string | null {
  const location = res.headers.get("location");
  if (res.status < 300 || res.status >= 400 || location === null) return null;
  const to = new URL(location, requested);
  return to.host === new URL(requested).host && to.protocol === "http:" ? null : `${res.status} → ${location}`;
}

describe("open redirects", () => {
  it("no route redirects off the portal's host, whatever next=, returnTo= or url= say", async () => {
    const wrong: string[] = [];
    const reads = appRoutes().filter((r) => r.method === "GET" && !isSocket(r));
    for (const payload of EVIL) {
      const query = REDIRECT_PARAMS.map((p) => `${p}=${encodeURIComponent(payload)}`).join("&");
      await Promise.all(
        reads.map(async (r) => {
          for (const cookie of [A.admin.cookie, undefined]) {
            const url = `http://${hostOf(r)}${fill(r, seedA)}?${query}`;
            const res = await SELF.fetch(url, { redirect: "manual", headers: cookie ? { cookie } : {} });
            await res.arrayBuffer();
            const off = offHost(res, url);
            if (off) wrong.push(`${key(r)} with ${payload}: ${off}`);
          }
        }),
      );
    }
    expect(wrong).toEqual([]);
  });

  it("the guest page's one redirect (after a form answer) stays on the portal, and hostile tokens get no redirect", async () => {
    const post = (token: string, query = "") =>
      SELF.fetch(`http://${A.host}/g/${token}${query}`, { method: "POST", redirect: "manual", body: "answer=accept", headers: { origin: `http://${A.host}`, "content-type": "application/x-www-form-urlencoded" } });
    for (const payload of EVIL) {
      const ok = await post(encodeURIComponent(seedA.guestToken), `?next=${encodeURIComponent(payload)}`);
      expect(ok.status).toBe(303);
      expect(offHost(ok, `http://${A.host}/`)).toBeNull();
      for (const token of [encodeURIComponent(payload), payload.replace(/^\/+/, "")]) {
        const bad = await post(token);
        await bad.arrayBuffer();
        expect(bad.status, `${token}: ${bad.headers.get("location")}`).toBeGreaterThanOrEqual(400);
      }
    }
  });

  it("static paths that name another host stay on this one (the asset server's own redirects)", async () => {
    for (const path of ["//evil.test/", "//evil.test/index.html", "/\\evil.test/index.html", "/%2F%2Fevil.test/index.html", "/%5Cevil.test/index.html", "/.//evil.test/index.html", "/x/..//evil.test/index.html", "/%09/evil.test/index.html", "/index.html?next=//evil.test"]) {
      const url = `http://${A.host}${path}`;
      const res = await SELF.fetch(url, { redirect: "manual" });
      await res.arrayBuffer();
      expect(offHost(res, url), path).toBeNull();
    }
  });

  it("sign-in's ?next= (checked in the browser) only leads to a path of this portal", () => {
    const origin = "http://demo.kontor.localhost";
    for (const payload of [...EVIL, "/%5Cevil.test", "/\\/evil.test", "/\r\n/evil.test", " //evil.test", "http://demo.kontor.localhost.evil.test/", "/sign-in?next=//evil.test"]) {
      const to = safeNext(payload, origin);
      if (to !== null) expect(new URL(to, origin).origin, payload).toBe(origin);
      expect(to === null || (!to.startsWith("//") && !to.includes("\\")), `${JSON.stringify(payload)} → ${to}`).toBe(true);
    }
    expect(safeNext("/feed?post=1#c", origin)).toBe("/feed?post=1#c");
    expect(safeNext(["/calendar", "//evil.test"], origin)).toBe("/calendar");
  });
});

describe("mail header injection", () => {
  it.each(HOSTILE.map((v, i) => [i, v] as const))("payload %i in every name, subject and title adds no header and no iCalendar line", async (i, payload) => {
    const { raws, sent, refused } = await provokeEveryMail(payload, i);
    // Every kind of mail was either sent with the hostile value or the value was refused (400) before any mail.
    expect([...sent, ...refused].sort()).toEqual(["confirm", "invite", "reset", "sender code", "guest invite", "guest update", "guest answer", "reminder", "chat digest", "guest cancel"].sort());
    for (const raw of raws) {
      expectCleanHeaders(raw);
      for (const part of mimeParts(raw)) {
        for (const h of part.headers) expect(h, raw.slice(0, 1500)).toMatch(/^(Content-Type|Content-Transfer-Encoding|Content-Disposition|Content-ID): /i);
        if (!part.type.startsWith("text/calendar")) continue;
        const ics = parseIcs(part.body);
        expect([ics.organizer, ...ics.attendees.map((a) => a.email)].join(" ")).not.toContain("evil.test");
        const lines = part.body.replace(/\r\n[ \t]/g, "").split("\r\n");
        expect(lines.filter((l) => /^(ATTENDEE|ORGANIZER)\b/.test(l)).every((l) => !/mailto:x@evil\.test/i.test(l.replace(/^[^:]*"[^"]*"/, "")))).toBe(true);
        expect(lines.filter((l) => /^(BCC|X-INJECTED)/i.test(l))).toEqual([]);
      }
    }
  }, 60_000);
});

const HTML = "<!doctype html><script>parent.__xss=1</script>";
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>';
const POLYGLOT = new Uint8Array([...PNG, ...new TextEncoder().encode(HTML)]);

function expectInert(res: Response, what: string) {
  const type = res.headers.get("content-type") ?? "";
  expect(type, what).not.toMatch(/html|svg|xml|javascript/i);
  expect(res.headers.get("x-content-type-options"), what).toBe("nosniff");
  expect(res.headers.get("content-security-policy"), what).toMatch(/default-src 'none'.*sandbox/);
}

describe("uploaded HTML and SVG are never served as a page", () => {
  it("logo and profile photo: HTML and SVG are refused whatever they claim; an image with HTML behind it stays an image", async () => {
    const targets = ["/api/v1/portal/logo", `/api/v1/people/users/${A.adminId}/photo`];
    for (const path of targets) {
      for (const [bytes, type] of [[HTML, "text/html"], [HTML, "image/png"], [SVG, "image/svg+xml"], [SVG, "image/png"], [`<?xml version="1.0"?>${SVG}`, "image/svg+xml"]] as const) {
        expectError(await readJson(await upload(A.admin, "PUT", path, bytes, type)), 400, "unsupported_type");
      }
      expect((await upload(A.admin, "PUT", path, POLYGLOT, "text/html")).status).toBe(200);
      const res = await A.admin.request("GET", path);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/png");
      expectInert(res, path);
    }
  });

  it("event attachments (for colleagues and through guest links) are downloads, never rendered", async () => {
    const files: [string | Uint8Array, string, string][] = [[HTML, "text/html", "page.html"], [SVG, "image/svg+xml", "logo.svg"], [HTML, "application/xhtml+xml", "x\"; filename=evil.html; x=\".txt"], [POLYGLOT, "image/png", "img.png"]];
    for (const [bytes, type, name] of files) {
      const form = new FormData();
      form.set("file", new File([typeof bytes === "string" ? bytes : new Uint8Array(bytes)], name, { type }));
      const res = await readJson(await A.admin.request("POST", `/api/v1/calendar/events/${seedA.eventId}/attachments`, form, { "x-kontor-request": "1" }));
      expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(201);
      const id = res.body.attachments.at(-1).id;
      for (const [c, path] of [[A.admin, `/api/v1/calendar/events/${seedA.eventId}/attachments/${id}`], [client(A.host), `/g/${seedA.guestToken}/files/${id}`]] as const) {
        const got = await c.request("GET", path);
        expect(got.status, path).toBe(200);
        expectInert(got, `${name} at ${path}`);
        expect(got.headers.get("content-type")).toBe("application/octet-stream");
        const disposition = got.headers.get("content-disposition") ?? "";
        expect(disposition).toMatch(/^attachment; filename="[^"\\]*"; filename\*=UTF-8''[^\s"]*$/);
        expect(disposition).not.toMatch(/[\r\n]/);
        expect([...got.headers.keys()].filter((k) => k === "content-type")).toHaveLength(1);
      }
    }
  });
});

describe("stored rich text (posts, comments)", () => {
  const PAYLOADS = [
    '<img src=x onerror=window.__xss(1)>', "<script>window.__xss(2)</script>", "<svg onload=window.__xss(3)>", '<a href="javascript:window.__xss(4)">j</a>',
    '<a href="&#106;avascript:window.__xss(5)">e</a>', '<a href="java&#x09;script:window.__xss(6)">t</a>', '<a href=" javascript:window.__xss(7)">s</a>',
    '<a href="data:text/html,<script>1</script>">d</a>', '<a href="/\\evil.test">b</a>', '<a href="/&#92;evil.test">e</a>', '<a href="/\t/evil.test">t</a>',
    '<a href="/&bsol;evil.test">n</a>', '<a title="x" onclick="window.__xss(8)" href="/feed">c</a>', '<a title=\'"><img src=x onerror=window.__xss(9)>\'>q</a>',
    '<p style="background:url(javascript:x)">s</p>', '<a href="/feed?x=1&amp;y=2">ok</a>',
  ];
  it("keeps no script, handler or off-site path; links lead to http(s), mailto or a path of this portal", async () => {
    const post = await A.admin.json("POST", "/api/v1/feed/posts", { text: PAYLOADS.join(""), audience: { company: true } });
    expect(post.status, JSON.stringify(post.body)).toBe(201);
    const comment = await A.admin.json("POST", `/api/v1/feed/posts/${post.body.post.id}/comments`, { text: PAYLOADS.join("") });
    expect(comment.status).toBe(201);
    for (const html of [post.body.post.text as string, comment.body.comment.text as string]) {
      const markup = html.replace(/"[^"]*"/g, '""'); // attribute values are text; the markup around them is what runs
      expect(markup).not.toMatch(/<(img|script|svg|iframe|style)|\son\w+\s*=|style=|javascript:|data:/i);
      expect(html).not.toMatch(/<(img|script|svg)/i);
      const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1].replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&"));
      expect(hrefs).toContain("/feed?x=1&y=2");
      for (const href of hrefs) {
        const url = new URL(href, `http://${A.host}/`);
        expect(["http:", "https:", "mailto:"], href).toContain(url.protocol);
        if (href.startsWith("/")) expect(url.host, href).toBe(A.host);
      }
    }
  });
});
