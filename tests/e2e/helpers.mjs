// Shared pieces of the Chromium tests: the browser, hosts, the dev mailbox and a Node-side API client.
import { request } from "node:http";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { test } from "node:test";
import { chromium } from "playwright-core";

export const PORT = Number(process.env.E2E_PORT ?? 8790);
export const ROOT_HOST = `kontor.localhost:${PORT}`;
export const DEMO_HOST = `demo.kontor.localhost:${PORT}`;
export const DEMO_PASSWORD = "kontor-demo";
export const url = (host, path = "/") => `http://${host}${path}`;

const SHOTS = fileURLToPath(new URL("./screenshots/", import.meta.url));
mkdirSync(SHOTS, { recursive: true });

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

const openPages = new Set();

/** A fresh browser context (its own cookies), English, a desktop-sized window unless told otherwise. */
export async function newPage(browser, opts = {}) {
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1280, height: 800 }, locale: opts.locale ?? "en-US", timezoneId: "Europe/Berlin" });
  const page = await context.newPage();
  openPages.add(page);
  page.on("close", () => openPages.delete(page));
  // A page (document) answered with an error status is logged with its body; one such answer to a plain
  // navigation is retried once, so a transient worker hiccup shows in the log instead of failing the run.
  page.on("response", async (res) => {
    if (res.request().resourceType() === "document" && res.status() >= 400) {
      const body = await res.text().catch(() => "");
      console.error(`[e2e] ${res.status()} for ${res.url()}: ${body.replace(/\s+/g, " ").slice(0, 200)}`);
    }
  });
  const goto = page.goto.bind(page);
  page.goto = async (target, options) => {
    try {
      return await goto(target, options);
    } catch (e) {
      if (!/ERR_HTTP_RESPONSE_CODE_FAILURE/.test(String(e))) throw e;
      console.error(`[e2e] retrying ${target} once after: ${String(e).split("\n")[0]}`);
      return goto(target, options);
    }
  };
  page.setDefaultTimeout(30_000);
  page.setDefaultNavigationTimeout(45_000);
  page.on("pageerror", (e) => console.error(`[pageerror] ${e.message}`));
  return page;
}

export async function shot(page, name) {
  await page.waitForTimeout(150);
  await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: false });
}

/** Node-side HTTP to the worker: 127.0.0.1 with the tenant's Host header (Node cannot resolve *.localhost). */
export function http(host, method, path, { body, cookie, headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const h = { host, ...headers };
    if (cookie) h.cookie = cookie;
    let payload;
    if (body !== undefined) {
      payload = JSON.stringify(body);
      h["content-type"] = "application/json";
    }
    if (method !== "GET") h.origin = `http://${host}`;
    const req = request({ host: "127.0.0.1", port: PORT, method, path, headers: h }, (res) => {
      let data = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (data += c));
      res.on("end", () => {
        const set = res.headers["set-cookie"]?.find((c) => c.startsWith("kontor_sid="));
        resolve({ status: res.statusCode, body: data ? JSON.parse(data) : null, cookie: set ? set.split(";")[0] : undefined });
      });
    });
    req.on("error", reject);
    if (payload) req.write(payload);
    req.end();
  });
}

/** Signs in through the API; returns the session cookie. */
export async function apiLogin(host, email, password = DEMO_PASSWORD) {
  const r = await http(host, "POST", "/api/v1/auth/login", { body: { email, password } });
  if (r.status !== 200 || !r.cookie) throw new Error(`login ${email} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.cookie;
}

/** The newest mail to an address that has a link containing `part`, waiting for it to arrive. */
export async function mailLink(to, part, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const r = await http(ROOT_HOST, "GET", `/api/v1/dev/mail?to=${encodeURIComponent(to)}`);
    const link = r.body?.items?.flatMap((m) => m.links).find((l) => l.includes(part));
    if (link) return link.replace(/[)>.,]+$/, "");
    await new Promise((res) => setTimeout(res, 300));
  }
  throw new Error(`no mail to ${to} with a link containing ${part}`);
}

export function uniqueSlug(prefix) {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

/** A confirmed portal made through the API (the sign-up UI has its own test); returns its host and admin cookie. */
export async function apiPortal(prefix = "e2e") {
  const slug = uniqueSlug(prefix);
  const email = `admin@${slug}.test`;
  const password = "e2e-password-1";
  const r = await http(ROOT_HOST, "POST", "/api/v1/portals", { body: { company: `Portal ${slug}`, subdomain: slug, email, password } });
  if (r.status !== 201) throw new Error(`portal sign-up failed: ${r.status} ${JSON.stringify(r.body)}`);
  const host = `${slug}.kontor.localhost:${PORT}`;
  const token = new URL(await mailLink(email, "/confirm?token=")).searchParams.get("token");
  const c = await http(host, "POST", "/api/v1/auth/confirm", { body: { token } });
  if (c.status !== 200) throw new Error(`confirm failed: ${c.status}`);
  return { slug, host, email, password, cookie: await apiLogin(host, email, password) };
}

/** Signs in through the UI. */
export async function uiLogin(page, host, email, password = DEMO_PASSWORD) {
  await page.goto(url(host, "/sign-in"));
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
}

/** A test that, when it fails, leaves a screenshot of every page it still had open (FAIL-*.png). */
export function e2eTest(name, fn) {
  return test(name, async (t) => {
    try {
      await fn(t);
    } catch (e) {
      let i = 0;
      for (const page of openPages) {
        const file = `FAIL-${name.replace(/[^a-z0-9]+/gi, "-").slice(0, 60)}-${i++}`;
        await page.screenshot({ path: `${SHOTS}${file}.png` }).catch(() => undefined);
        console.error(`[e2e] failure screenshot: tests/e2e/screenshots/${file}.png (at ${page.url()})`);
      }
      throw e;
    } finally {
      for (const page of openPages) await page.context().close().catch(() => undefined);
      openPages.clear();
    }
  });
}
