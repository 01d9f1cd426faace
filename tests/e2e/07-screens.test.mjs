// The remaining main screens, for a human to look at: account, admin people, module pages, mobile shell.
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { e2eTest, launch, newPage, shot, url, uiLogin, DEMO_HOST } from "./helpers.mjs";

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

e2eTest("account, admin and module screens render", async () => {
  const page = await newPage(browser);
  await uiLogin(page, DEMO_HOST, "admin@demo.test");
  await page.goto(url(DEMO_HOST, "/company/structure"));
  await page.getByTestId("dept-title").waitFor();
  await shot(page, "60-structure");

  // A module without its own screens yet says honestly what it will do (switched-off ones are absent).
  for (const m of ["drive", "groups", "crm", "tasks", "calendar"]) {
    await page.goto(url(DEMO_HOST, `/${m}`));
    await page.locator("main h1").first().waitFor();
    if (await page.getByTestId("coming-soon").count()) {
      await shot(page, "61-module-coming-soon");
      break;
    }
  }

  await page.goto(url(DEMO_HOST, "/admin/people"));
  await page.getByTestId("admin-people").waitFor();
  await shot(page, "62-admin-people");

  await page.goto(url(DEMO_HOST, "/account/region"));
  await page.getByTestId("account-timezone").waitFor();
  await shot(page, "63-account");
  await page.goto(url(DEMO_HOST, "/account/security"));
  await page.getByTestId("totp-start").click();
  await page.getByTestId("totp-secret").waitFor();
  assert.match(await page.getByTestId("totp-secret").textContent(), /^[A-Z2-7]{16,}$/);
  await shot(page, "64-two-factor");

  await page.goto(url(DEMO_HOST, "/admin/plan"));
  await page.getByTestId("plan-table").waitFor();
  await page.goto(url(DEMO_HOST, "/no-such-page"));
  await page.getByText("This page does not exist").waitFor();
  await page.context().close();
});

e2eTest("usable at 360 px: the navigation becomes a drawer", async () => {
  const page = await newPage(browser, { viewport: { width: 360, height: 740 } });
  await uiLogin(page, DEMO_HOST, "sales.head@demo.test");
  await page.goto(url(DEMO_HOST, "/company/structure"));
  await page.getByTestId("dept-title").waitFor();
  assert.equal(await page.getByRole("complementary", { name: "Main navigation" }).isVisible(), false);
  await shot(page, "70-mobile-structure");
  await page.getByRole("button", { name: "Open the menu" }).click();
  const drawer = page.getByRole("dialog");
  await drawer.waitFor();
  await shot(page, "71-mobile-drawer");
  await drawer.locator('a[data-module-link="company"]').click();
  await drawer.waitFor({ state: "hidden" });
  await page.goto(url(DEMO_HOST, "/company/people"));
  await page.getByTestId("directory-list").waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert.equal(overflow, false, "no horizontal scrolling at 360 px");
  await shot(page, "72-mobile-directory");
  await page.context().close();
});
