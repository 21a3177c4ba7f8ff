import { expect, test } from "@playwright/test";
import { artifacts, look, signIn } from "./accounts";

test("退出: signing out ends the session", async ({ page }) => {
  await signIn(page, "clerk");
  await page.getByRole("link", { name: "退出" }).click();
  await expect(page).toHaveURL(/\/signout$/);
  await expect(page.getByRole("heading", { name: "退出登录" })).toBeVisible();
  await page.getByRole("button", { name: "退出" }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await page.goto("/workbench");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
});

test("退出 ends the session on the server: a copy of the cookie is signed out too, another sign-in is not", async ({
  browser,
}) => {
  const office = await browser.newContext();
  const officePage = await office.newPage();
  await signIn(officePage, "clerk2");
  // Someone copies the cookie (a shared PC, a stolen file) into another browser.
  const copy = await browser.newContext();
  await copy.addCookies(await office.cookies());
  const copyPage = await copy.newPage();
  await copyPage.goto("/workbench");
  await expect(copyPage).toHaveURL(/\/workbench$/);
  // The same clerk, signed in on a second computer of their own.
  const home = await browser.newContext();
  const homePage = await home.newPage();
  await signIn(homePage, "clerk2");

  await officePage.goto("/signout");
  await look(officePage, { path: artifacts("sign-out") });
  await officePage.getByRole("button", { name: "退出" }).click();
  await expect(officePage).toHaveURL(/\/signin$/);

  await copyPage.goto("/workbench");
  await expect(copyPage).toHaveURL(/\/signin\?.*error=SignedOut/);
  await expect(copyPage.locator("#signin-error")).toHaveText("此次登录已退出，请重新登录。");
  await look(copyPage, { path: artifacts("signed-out-copy") });
  // The API refuses the copy as well.
  expect((await copyPage.request.get("/api/notices")).status()).toBe(401);

  await homePage.goto("/workbench");
  await expect(homePage).toHaveURL(/\/workbench$/);

  // The sign-out is in the audit log.
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signIn(adminPage, "admin");
  await adminPage.goto("/admin/audit?action=user.logout");
  await expect(adminPage.locator("tbody tr").first()).toContainText("退出登录");
  await expect(adminPage.locator("tbody tr").first()).toContainText("clerk2");
  for (const context of [office, copy, home, admin]) await context.close();
});
