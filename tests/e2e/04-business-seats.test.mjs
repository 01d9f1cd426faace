// PLAN-2..5: a user without a business seat sees the business tools locked with an explanation; the admin
// is notified, sees why, and the business-users list can be changed once a day (409 shown, not thrown).
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { e2eTest, launch, newPage, shot, url, uiLogin, http, apiLogin, apiPortal } from "./helpers.mjs";

let browser;
let portal;
const users = {};
before(async () => {
  browser = await launch();
  portal = await apiPortal("seats"); // free plan: 2 business seats; the admin took the first at sign-in
  for (const [key, name] of [["bob", "Bob Busy"], ["lena", "Lena Locked"]]) {
    const email = `${key}@${portal.slug}.test`;
    const r = await http(portal.host, "POST", "/api/v1/people/users", { cookie: portal.cookie, body: { name, email, password: "e2e-password-1", position: "Consultant" } });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    users[key] = { ...r.body.user, email };
  }
  await apiLogin(portal.host, users.bob.email, "e2e-password-1"); // takes the second and last seat
});
after(async () => browser?.close());

e2eTest("a user without a business seat sees the business tools locked, with an explanation", async () => {
  const page = await newPage(browser);
  await uiLogin(page, portal.host, users.lena.email, "e2e-password-1");
  const tasks = page.locator('a[data-module-link="tasks"]');
  await tasks.getByLabel("Locked").waitFor();
  assert.equal(await page.locator('a[data-module-link="company"]').getByLabel("Locked").count(), 0);
  await tasks.click();
  const locked = page.getByTestId("locked-module");
  await locked.waitFor();
  assert.match(await locked.textContent(), /Tasks needs a business seat/);
  assert.match(await locked.textContent(), /Ask your administrator/);
  await shot(page, "30-locked-module");

  // The API agrees with the screen.
  const status = await page.evaluate(async () => (await fetch("/api/v1/tasks")).status);
  assert.equal(status, 403);
  // Communication tools stay open.
  await page.locator('a[data-module-link="messenger"]').click();
  await page.waitForURL(/\/messenger/);
  await page.waitForTimeout(500);
  assert.equal(await page.getByTestId("locked-module").count(), 0);
  await page.context().close();
});

e2eTest("the admin is notified and sees who holds the seats", async () => {
  const page = await newPage(browser);
  await uiLogin(page, portal.host, portal.email, portal.password);
  const bell = page.getByTestId("notification-bell");
  await bell.click();
  await page.getByText("Lena Locked cannot use the business tools").waitFor();
  await shot(page, "31-notifications");
  await page.getByText("Lena Locked cannot use the business tools").click();
  await page.waitForURL(/\/admin\/business-users/);
  await page.getByText("Some users cannot use the business tools").waitFor();
  assert.equal((await page.getByTestId("seats-used").textContent()).trim(), "2 of 2 used");
  await shot(page, "32-business-users");
  await page.context().close();
});

e2eTest("the list of business users changes once a day; a second change is refused politely", async () => {
  const page = await newPage(browser);
  await uiLogin(page, portal.host, portal.email, portal.password);
  await page.goto(url(portal.host, "/admin/business-users"));
  await page.locator(`input[data-seat="${users.bob.email}"]`).uncheck();
  await page.locator(`input[data-seat="${users.lena.email}"]`).check();

  // Meanwhile another administrator changes the list (the day's one change).
  const me = await http(portal.host, "GET", "/api/v1/me", { cookie: portal.cookie });
  const first = await http(portal.host, "PUT", "/api/v1/portal/business-users", { cookie: portal.cookie, body: { userIds: [me.body.user.id, users.bob.id] } });
  assert.equal(first.status, 200);

  await page.getByTestId("seats-save").click();
  await page.getByTestId("confirm").click();
  const refusal = page.getByTestId("seats-refusal");
  await refusal.waitFor();
  assert.match(await refusal.textContent(), /once a day/);
  await shot(page, "33-business-users-once-per-day");

  // After a reload the page says so before anyone tries.
  await page.reload();
  await page.getByText("The list was already changed today").waitFor();
  await page.context().close();
});
