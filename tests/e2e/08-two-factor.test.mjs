// USER-6: a portal that requires two-factor sign-in sends a user without it to the setup screen; after
// setup, sign-in asks for the code (a wrong one is shown on the field).
import { before, after } from "node:test";
import assert from "node:assert/strict";
import * as OTPAuth from "otpauth";
import { e2eTest, launch, newPage, shot, url, uiLogin, http, apiPortal } from "./helpers.mjs";

let browser;
let portal;
const tom = { name: "Tom Token", password: "e2e-password-1" };
before(async () => {
  browser = await launch();
  portal = await apiPortal("totp");
  tom.email = `tom@${portal.slug}.test`;
  const r = await http(portal.host, "POST", "/api/v1/people/users", { cookie: portal.cookie, body: { name: tom.name, email: tom.email, password: tom.password } });
  assert.equal(r.status, 201);
  const s = await http(portal.host, "PATCH", "/api/v1/portal/settings", { cookie: portal.cookie, body: { requireTotp: true } });
  assert.equal(s.status, 200, JSON.stringify(s.body));
});
after(async () => browser?.close());

/** `step` 1 is the next 30-second code (accepted as clock drift): each code signs in only once. */
const codeFor = (secret, step = 0) => new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" }).generate({ timestamp: Date.now() + step * 30_000 });

e2eTest("required two-factor: set up first, then every sign-in asks for the code", async () => {
  const page = await newPage(browser);
  await uiLogin(page, portal.host, tom.email, tom.password);
  await page.waitForURL(/\/account\/security/);
  await page.getByText("Your portal requires two-factor sign-in.").waitFor();
  // Other pages lead back here until it is set up.
  await page.goto(url(portal.host, "/company/people"));
  await page.waitForURL(/\/account\/security/);

  await page.getByTestId("totp-start").click();
  const secret = (await page.getByTestId("totp-secret").textContent()).trim();
  await shot(page, "80-two-factor-required");
  await page.getByRole("textbox", { name: "Code" }).fill(codeFor(secret));
  await page.getByRole("button", { name: "Turn on" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/account"));

  // Sign out, sign in again: the code step.
  await page.getByTestId("user-menu").click();
  await page.getByTestId("sign-out").click();
  await page.waitForURL(/\/sign-in/);
  await page.getByLabel("E-mail").fill(tom.email);
  await page.getByLabel("Password", { exact: true }).fill(tom.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Two-factor sign-in" }).waitFor();
  const wrong = [codeFor(secret, -1), codeFor(secret), codeFor(secret, 1)].includes("000000") ? "111111" : "000000";
  await page.getByRole("textbox", { name: "Code" }).fill(wrong);
  await page.getByRole("button", { name: "Verify" }).click();
  await page.getByText("The code is not valid").waitFor();
  await shot(page, "81-two-factor-sign-in");
  await page.getByRole("textbox", { name: "Code" }).fill(codeFor(secret, 1));
  await page.getByRole("button", { name: "Verify" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
  const me = await page.evaluate(async () => (await fetch("/api/v1/me")).json());
  assert.equal(me.user.totpEnabled, true);
  await page.context().close();
});
