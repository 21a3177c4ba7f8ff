import { expect, test } from "@playwright/test";
import { signIn } from "./accounts";

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
