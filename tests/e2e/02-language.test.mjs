// USER-5: the language switch in the user menu changes the UI at once and is kept on the profile.
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { e2eTest, launch, newPage, shot, url, uiLogin, http, apiLogin, DEMO_HOST } from "./helpers.mjs";

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

async function pickLanguage(page, name) {
  await page.getByTestId("user-menu").click();
  // The submenu opens from the keyboard (ArrowRight), as a keyboard user would; then the choice is clicked.
  await page.getByTestId("language-menu").focus();
  await page.keyboard.press("ArrowRight");
  const item = page.getByRole("menuitemradio", { name });
  await item.waitFor();
  await item.focus();
  await page.keyboard.press("Enter");
}

e2eTest("switching to German changes the interface and survives a reload", async () => {
  const cookie = await apiLogin(DEMO_HOST, "dev@demo.test");
  await http(DEMO_HOST, "PATCH", "/api/v1/me", { cookie, body: { language: "en" } });
  const page = await newPage(browser);
  await uiLogin(page, DEMO_HOST, "dev@demo.test");
  await page.goto(url(DEMO_HOST, "/company/structure"));
  const nav = page.getByRole("navigation", { name: "Modules" });
  await nav.getByText("Company").waitFor();

  await pickLanguage(page, "Deutsch");
  await page.getByRole("navigation", { name: "Module" }).getByText("Unternehmen").waitFor();
  assert.equal(await page.locator("html").getAttribute("lang"), "de");
  await page.getByRole("link", { name: "Mitarbeiter" }).waitFor();
  await page.getByRole("link", { name: "Aufgaben" }).waitFor();
  await page.getByRole("button", { name: "Seitenleiste einklappen" }).waitFor();
  await shot(page, "20-german-shell");

  // Saved on the profile: a reload comes back in German.
  await page.reload();
  await page.getByRole("navigation", { name: "Module" }).getByText("Unternehmen").waitFor();
  await page.goto(url(DEMO_HOST, "/company/structure"));
  await page.getByRole("heading", { name: "Abteilungen" }).waitFor();
  await shot(page, "21-german-structure");

  await pickLanguage(page, "English");
  await page.getByRole("navigation", { name: "Modules" }).getByText("Company").waitFor();
  await page.context().close();
});

e2eTest("signed-out pages follow the language picker", async () => {
  const page = await newPage(browser);
  await page.goto(url(DEMO_HOST, "/sign-in"));
  await page.getByTestId("auth-language").selectOption("de");
  await page.getByRole("heading", { name: "Anmelden" }).waitFor();
  await page.getByRole("link", { name: "Passwort vergessen?" }).waitFor();
  await shot(page, "22-german-sign-in");
  await page.context().close();
});
