// STRUCT-1: the admin adds, renames, moves and deletes departments, sets heads, and moves people with the
// keyboard alternative to drag and drop.
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { e2eTest, launch, newPage, shot, url, uiLogin, http, apiPortal } from "./helpers.mjs";

let browser;
let portal;
before(async () => {
  browser = await launch();
  portal = await apiPortal("tree");
  const r = await http(portal.host, "POST", "/api/v1/people/users", { cookie: portal.cookie, body: { name: "Kim Keyboard", email: `kim@${portal.slug}.test`, password: "e2e-password-1", position: "Analyst" } });
  assert.equal(r.status, 201);
});
after(async () => browser?.close());

async function addDepartment(page, name) {
  await page.getByTestId("dept-add").click();
  await page.getByTestId("dept-name").fill(name);
  await page.getByRole("button", { name: "Create" }).click();
  await page.locator(`[data-dept="${name}"]`).waitFor();
}

e2eTest("departments: add, rename, move under another, set the head, delete; move a person by keyboard", async () => {
  const page = await newPage(browser);
  await uiLogin(page, portal.host, portal.email, portal.password);
  await page.goto(url(portal.host, "/company/structure"));
  await page.getByTestId("dept-title").waitFor();
  await addDepartment(page, "Sales");
  await page.locator('[data-dept^="Portal "] button').nth(1).click();
  await addDepartment(page, "Inside Sale"); // selected after creation

  // Rename, move under Sales and make Kim the head, in one dialog.
  await page.getByTestId("dept-edit").click();
  const dialog = page.getByRole("dialog");
  await dialog.getByTestId("dept-name").fill("Inside Sales");
  await dialog.getByRole("button", { name: /Part of/ }).click();
  await page.getByRole("option", { name: /› Sales$/ }).click();
  await dialog.getByTestId("person-picker").fill("Kim");
  await page.getByRole("option", { name: /Kim Keyboard/ }).click();
  await shot(page, "95-department-dialog");
  await dialog.getByRole("button", { name: "Save" }).click();
  await page.getByText("Department saved.").waitFor();
  await page.getByTestId("dept-title").filter({ hasText: "Inside Sales" }).waitFor();
  await page.getByRole("link", { name: /Kim Keyboard/ }).first().waitFor();
  // Nested one level deeper than Sales.
  const pad = (name) => page.locator(`[data-dept="${name}"]`).evaluate((el) => parseInt(el.style.paddingLeft));
  assert.ok((await pad("Inside Sales")) > (await pad("Sales")));

  // Keyboard alternative: "Move" on Kim's row, pick the department, confirm.
  await page.locator('[data-dept^="Portal "] button').nth(1).click();
  const kim = page.locator('li[data-member="Kim Keyboard"]');
  await kim.getByTestId("move-button").click();
  await page.getByTestId("move-target").click();
  await page.getByRole("option", { name: /› Sales$/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Move" }).click();

  await page.getByText("Kim Keyboard moved to Sales.").waitFor();
  await kim.waitFor({ state: "detached" });

  // Delete Inside Sales: its people would move up; nothing is lost.
  await page.locator('[data-dept="Inside Sales"] button').nth(1).click();
  await page.getByRole("button", { name: "Delete the department" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
  await page.getByText("Department “Inside Sales” deleted.").waitFor();
  await page.locator('[data-dept="Inside Sales"]').waitFor({ state: "detached" });
  await shot(page, "96-structure-edited");
  await page.context().close();
});
