// STRUCT-2: the directory searches as you type; a profile shows department, manager and contacts.
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { e2eTest, launch, newPage, shot, url, uiLogin, DEMO_HOST } from "./helpers.mjs";

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

const names = async (page) => (await page.locator("[data-testid=directory-list] li[data-person]").evaluateAll((els) => els.map((e) => e.getAttribute("data-person")))).sort();

e2eTest("people directory search as you type, then a profile", async () => {
  const page = await newPage(browser);
  await uiLogin(page, DEMO_HOST, "sales.rep@demo.test");
  await page.goto(url(DEMO_HOST, "/company/people"));
  await page.getByTestId("directory-list").waitFor();
  assert.ok((await names(page)).length >= 6);
  await shot(page, "40-directory");

  await page.getByTestId("directory-search").pressSequentially("Dave", { delay: 40 });
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=directory-list] li[data-person]").length === 1);
  assert.deepEqual(await names(page), ["Dave Coder"]);
  assert.match(page.url(), /q=Dave/);

  await page.getByTestId("directory-search").fill("head of");
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=directory-list] li[data-person]").length === 2);
  assert.deepEqual(await names(page), ["Lena Lead", "Sam Seller"]);
  await shot(page, "41-directory-search");

  await page.getByTestId("directory-search").fill("nobody-has-this-name");
  await page.getByText("Nobody found").waitFor();

  await page.getByTestId("directory-search").fill("Dave");
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=directory-list] li[data-person]").length === 1);
  await page.getByRole("link", { name: /Dave Coder/ }).click();
  await page.getByTestId("profile-name").waitFor();
  assert.equal(await page.getByTestId("profile-name").textContent(), "Dave Coder");
  assert.equal(await page.getByTestId("profile-department").textContent(), "Development");
  await page.getByRole("link", { name: "Lena Lead" }).waitFor(); // the head of Development is his manager
  await shot(page, "42-profile");
  await page.context().close();
});

e2eTest("own profile is editable", async () => {
  const page = await newPage(browser);
  await uiLogin(page, DEMO_HOST, "sales.rep@demo.test");
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: "My profile" }).click();
  await page.getByTestId("profile-edit").click();
  await page.getByLabel("Phone").fill("+49 30 1234567");
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByText("Profile saved.").waitFor();
  await page.getByRole("link", { name: "+49 30 1234567" }).waitFor();
  await shot(page, "43-own-profile");
  await page.context().close();
});
