// Sign-in errors are shown on the form; the forgot-password flow answers without telling who exists.
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { e2eTest, launch, newPage, shot, url, DEMO_HOST, mailLink } from "./helpers.mjs";

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

e2eTest("a wrong password shows the error on the sign-in form", async () => {
  const page = await newPage(browser);
  await page.goto(url(DEMO_HOST, "/sign-in"));
  await shot(page, "10-sign-in");
  await page.getByLabel("E-mail").fill("sales.rep@demo.test");
  await page.getByLabel("Password", { exact: true }).fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "Wrong e-mail or password." });
  await alert.waitFor();
  assert.match(page.url(), /\/sign-in/);
  await shot(page, "11-sign-in-error");
  await page.context().close();
});

e2eTest("a protected address leads to sign-in and back after it", async () => {
  const page = await newPage(browser);
  await page.goto(url(DEMO_HOST, "/company/people"));
  await page.waitForURL(/\/sign-in\?next=%2Fcompany%2Fpeople/);
  await page.getByLabel("E-mail").fill("sales.rep@demo.test");
  await page.getByLabel("Password", { exact: true }).fill("kontor-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/company\/people$/);
  await page.context().close();
});

e2eTest("forgot password sends a reset link that sets a new password", async () => {
  const page = await newPage(browser);
  await page.goto(url(DEMO_HOST, "/sign-in"));
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await page.getByLabel("E-mail").fill("marketing@demo.test");
  await page.getByRole("button", { name: "Send the link" }).click();
  await page.getByText("a link is on its way").waitFor();
  const link = await mailLink("marketing@demo.test", "/reset-password?token=");
  await page.goto(link);
  await page.getByLabel("New password").fill("kontor-demo");
  await page.getByLabel("Repeat the password").fill("kontor-demo");
  await shot(page, "12-reset-password");
  await page.getByRole("button", { name: "Set the password" }).click();
  await page.getByText("Your password has been changed.").waitFor();
  await page.context().close();
});
