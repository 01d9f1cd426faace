// USER-1 (b) and USER-3: a closed registration link waits for the admin's approval; dismissing blocks
// sign-in at once and re-activating restores it.
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { e2eTest, launch, newPage, shot, url, uiLogin, http, apiPortal } from "./helpers.mjs";

let browser;
let portal;
before(async () => {
  browser = await launch();
  portal = await apiPortal("join");
  const r = await http(portal.host, "PATCH", "/api/v1/portal/settings", { cookie: portal.cookie, body: { registration: { enabled: true, mode: "closed", allowedDomains: [] } } });
  assert.equal(r.status, 200);
  portal.joinUrl = r.body.registrationUrl;
  assert.ok(portal.joinUrl?.includes("/join?token="), JSON.stringify(r.body));
});
after(async () => browser?.close());

e2eTest("closed registration: the request waits, the admin approves, the person signs in", async () => {
  const email = `paul@${portal.slug}.test`;
  const visitor = await newPage(browser);
  await visitor.goto(portal.joinUrl);
  await visitor.getByLabel("Your full name").fill("Paul Pending");
  await visitor.getByLabel("E-mail").fill(email);
  await visitor.getByLabel("Choose a password").fill("paul-password-1");
  await shot(visitor, "90-join");
  await visitor.getByRole("button", { name: "Create my account" }).click();
  await visitor.getByTestId("join-pending").waitFor();

  const admin = await newPage(browser);
  await uiLogin(admin, portal.host, portal.email, portal.password);
  await admin.goto(url(portal.host, "/admin/people?status=pending_approval"));
  const row = admin.locator(`li[data-person="${email}"]`);
  await row.waitFor();
  await shot(admin, "91-admin-pending");
  await row.getByRole("button", { name: "Approve" }).click();
  await admin.getByText("Paul Pending can now sign in.").waitFor();

  await uiLogin(visitor, portal.host, email, "paul-password-1");
  await visitor.getByTestId("portal-name").waitFor();

  // Dismissed: the open session ends and sign-in is refused with a clear message.
  await admin.goto(url(portal.host, "/admin/people"));
  await admin.locator(`li[data-person="${email}"]`).getByRole("button", { name: "Dismiss" }).click();
  await admin.getByTestId("confirm").click();
  await admin.getByText("Paul Pending has been dismissed.").waitFor();
  const status = await visitor.evaluate(async () => (await fetch("/api/v1/me")).status);
  assert.equal(status, 401);
  await visitor.goto(url(portal.host, "/sign-in"));
  await visitor.getByLabel("E-mail").fill(email);
  await visitor.getByLabel("Password", { exact: true }).fill("paul-password-1");
  await visitor.getByRole("button", { name: "Sign in" }).click();
  await visitor.getByText("This account has been deactivated by the administrator.").waitFor();

  // Re-activated: sign-in works again.
  await admin.goto(url(portal.host, "/admin/people?status=dismissed"));
  await admin.locator(`li[data-person="${email}"]`).getByRole("button", { name: "Re-activate" }).click();
  await admin.getByText("Paul Pending is active again.").waitFor();
  await uiLogin(visitor, portal.host, email, "paul-password-1");
  await visitor.getByTestId("portal-name").waitFor();
  await visitor.context().close();
  await admin.context().close();
});
