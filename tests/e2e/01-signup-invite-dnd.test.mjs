// The "Must show": sign-up → confirmation from the dev mailbox → sign-in → invite → accept in a
// second browser → the admin moves the new person to another department by drag and drop.
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { e2eTest, launch, newPage, shot, url, mailLink, uniqueSlug, ROOT_HOST, PORT } from "./helpers.mjs";

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

/** Drags with real pointer events: press, move a little (activation), glide to the target, release. */
async function dragTo(page, source, target) {
  const s = await source.boundingBox();
  const t = await target.boundingBox();
  await page.mouse.move(s.x + s.width / 2, s.y + s.height / 2);
  await page.mouse.down();
  await page.mouse.move(s.x + s.width / 2 + 6, s.y + s.height / 2 + 6, { steps: 3 });
  await page.mouse.move(t.x + 30, t.y + t.height / 2, { steps: 20 });
  await page.waitForTimeout(150);
  await page.mouse.up();
}

e2eTest("portal sign-up, confirmation, invitation and drag-and-drop move", async () => {
  const slug = uniqueSlug("acme");
  const adminEmail = `owner@${slug}.test`;
  const password = "correct-horse-1";
  const admin = await newPage(browser);

  // 1. Sign-up on the root host, with the live address preview.
  await admin.goto(url(ROOT_HOST, "/"));
  await admin.getByLabel("Company name").fill("Acme Testing");
  await admin.getByLabel("Portal address").fill(slug);
  assert.equal(await admin.getByTestId("address-preview").textContent(), `http://${slug}.${ROOT_HOST}`);
  await admin.getByLabel("Your full name").fill("Olga Owner");
  await admin.getByLabel("Your work e-mail").fill(adminEmail);
  await admin.getByLabel("Password").fill(password);
  await shot(admin, "01-signup");
  await admin.getByRole("button", { name: "Create the portal" }).click();
  await admin.getByTestId("check-mail").waitFor();
  assert.match(await admin.getByTestId("check-mail").textContent(), new RegExp(adminEmail.replace(/\./g, "\\.")));
  await shot(admin, "02-check-mail");

  // 2. The confirmation link from the dev mailbox.
  const confirmLink = await mailLink(adminEmail, "/confirm?token=");
  assert.ok(confirmLink.startsWith(`http://${slug}.kontor.localhost:${PORT}/confirm`), confirmLink);
  await admin.goto(confirmLink);
  await admin.getByTestId("confirm-ok").waitFor();
  await shot(admin, "03-confirmed");

  // 3. Sign in (the e-mail is carried over from the confirmation page).
  await admin.getByRole("link", { name: "Sign in" }).click();
  await admin.waitForURL(/\/sign-in/);
  assert.equal(await admin.getByLabel("E-mail").inputValue(), adminEmail);
  await admin.getByLabel("Password", { exact: true }).fill(password);
  await admin.getByRole("button", { name: "Sign in" }).click();
  await admin.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
  await admin.goto(url(`${slug}.${ROOT_HOST}`, "/company/structure"));
  assert.equal(await admin.getByTestId("portal-name").textContent(), "Acme Testing");

  // 4. A second department to move people into.
  await admin.getByTestId("dept-add").click();
  await admin.getByTestId("dept-name").fill("Sales");
  await admin.getByRole("button", { name: "Create" }).click();
  const sales = admin.locator('[data-dept="Sales"]');
  await sales.waitFor();
  const salesId = await sales.getAttribute("data-dept-id");

  // 5. Invite a colleague into the top department.
  const inviteeEmail = `nina@${slug}.test`;
  await admin.goto(url(`${slug}.${ROOT_HOST}`, "/admin/people"));
  await admin.getByTestId("invite-open").click();
  await admin.getByTestId("invite-emails").fill(inviteeEmail);
  await shot(admin, "04-invite-dialog");
  await admin.getByTestId("invite-send").click();
  await admin.getByText("1 invitation sent.").waitFor();

  // 6. The invitee accepts in a browser of their own.
  const inviteLink = await mailLink(inviteeEmail, "/invite?token=");
  const nina = await newPage(browser);
  await nina.goto(inviteLink);
  await nina.getByTestId("invite-form").waitFor();
  await shot(nina, "05-invitation");
  await nina.getByLabel("Your full name").fill("Nina Newbie");
  await nina.getByLabel("Choose a password").fill("nina-password-1");
  await nina.getByRole("button", { name: "Accept the invitation" }).click();
  await nina.waitForURL((u) => !u.pathname.startsWith("/invite"));
  assert.equal(await nina.getByTestId("portal-name").textContent(), "Acme Testing");

  // 7. The admin drags Nina from the top department onto Sales.
  await admin.goto(url(`${slug}.${ROOT_HOST}`, "/company/structure"));
  const row = admin.locator('li[data-member="Nina Newbie"]');
  await row.waitFor();
  await shot(admin, "06-structure-before-move");
  await dragTo(admin, row.getByTestId("drag-handle"), sales);
  await admin.getByText("Nina Newbie moved to Sales.").waitFor();
  await row.waitFor({ state: "detached" });

  // The server agrees: Nina is in Sales now.
  const dept = await admin.evaluate(async () => {
    const r = await fetch("/api/v1/people/users?q=Nina");
    return (await r.json()).items[0].departmentId;
  });
  assert.equal(dept, salesId);
  await sales.locator("button").nth(1).click();
  await admin.locator('li[data-member="Nina Newbie"]').waitFor();
  await shot(admin, "07-structure-after-move");

  await admin.context().close();
  await nina.context().close();
});
