// PORTAL-3 and PLAN-1/6: settings are saved (and refused on the field they concern); plans change at once.
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { e2eTest, launch, newPage, shot, url, uiLogin, apiPortal, DEMO_HOST } from "./helpers.mjs";

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

e2eTest("portal settings: a new name and a switched-off module take effect at once", async () => {
  const page = await newPage(browser);
  await uiLogin(page, DEMO_HOST, "admin@demo.test");
  await page.goto(url(DEMO_HOST, "/admin/settings"));
  await page.getByTestId("settings-form").waitFor();
  await shot(page, "50-settings");

  await page.getByLabel("Company name").fill("Demo Company GmbH");
  await page.getByTestId("module-toggle-crm").locator("label").click();
  await page.getByTestId("settings-save").click();
  await page.getByText("Settings saved.").waitFor();
  assert.equal(await page.getByTestId("portal-name").textContent(), "Demo Company GmbH");
  await page.locator('a[data-module-link="crm"]').waitFor({ state: "detached" });

  // Kept after a reload; the switched-off module answers 403 module_disabled.
  await page.reload();
  assert.equal(await page.getByLabel("Company name").inputValue(), "Demo Company GmbH");
  const crm = await page.evaluate(async () => (await fetch("/api/v1/crm")).json());
  assert.equal(crm.error.code, "module_disabled");

  // Put things back for the other tests.
  await page.getByLabel("Company name").fill("Demo Company");
  await page.getByTestId("module-toggle-crm").locator("label").click();
  await page.getByTestId("settings-save").click();
  await page.getByText("Settings saved.").waitFor();
  await page.locator('a[data-module-link="crm"]').waitFor();
  await page.context().close();
});

e2eTest("the logo upload shows in the header and on the sign-in page", async () => {
  const page = await newPage(browser);
  await uiLogin(page, DEMO_HOST, "admin@demo.test");
  await page.goto(url(DEMO_HOST, "/admin/settings"));
  // A small logo drawn in the page: a blue tile with a white "D".
  const png = await page.evaluate(() => {
    const c = document.createElement("canvas");
    c.width = c.height = 96;
    const g = c.getContext("2d");
    g.fillStyle = "#0f766e";
    g.beginPath();
    g.roundRect(0, 0, 96, 96, 18);
    g.fill();
    g.fillStyle = "#fff";
    g.font = "bold 60px sans-serif";
    g.textAlign = "center";
    g.textBaseline = "middle";
    g.fillText("D", 48, 52);
    return c.toDataURL("image/png").split(",")[1];
  });
  await page.getByTestId("logo-input").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: Buffer.from(png, "base64") });
  await page.getByText("Logo saved.").waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll("header img")].some((i) => i.src.includes("/api/v1/portal/logo") && i.naturalWidth > 0));

  const visitor = await newPage(browser);
  await visitor.goto(url(DEMO_HOST, "/sign-in"));
  await visitor.waitForFunction(() => [...document.querySelectorAll("img")].some((i) => i.src.includes("/api/v1/portal/logo") && i.naturalWidth > 0));
  await shot(visitor, "53-sign-in-with-logo");
  await visitor.context().close();
  await page.context().close();
});

e2eTest("a value the server refuses is shown on its field", async () => {
  const page = await newPage(browser);
  await uiLogin(page, DEMO_HOST, "admin@demo.test");
  await page.goto(url(DEMO_HOST, "/admin/settings"));
  await page.getByTestId("ip-allow-list").fill("999.1.1.1");
  await page.getByTestId("settings-save").click();
  await page.locator("#s-ips-msg").filter({ hasText: "999.1.1.1" }).waitFor();
  assert.equal(await page.getByTestId("ip-allow-list").getAttribute("aria-invalid"), "true");
  await shot(page, "51-settings-field-error");
  await page.context().close();
});

e2eTest("plans: the table, and an upgrade unlocks the work schedule at once", async () => {
  const portal = await apiPortal("plan");
  const page = await newPage(browser);
  await uiLogin(page, portal.host, portal.email, portal.password);
  await page.goto(url(portal.host, "/admin/settings"));
  await page.getByTestId("schedule-locked").waitFor();

  await page.goto(url(portal.host, "/admin/plan"));
  await page.getByTestId("plan-table").waitFor();
  await shot(page, "52-plan");
  await page.getByTestId("plan-standard").click();
  await page.getByTestId("confirm").click();
  await page.getByText("Your portal is now on the Standard plan.").waitFor();

  await page.goto(url(portal.host, "/admin/settings"));
  await page.getByTestId("settings-form").waitFor();
  assert.equal(await page.getByTestId("schedule-locked").count(), 0);
  await page.context().close();
});
