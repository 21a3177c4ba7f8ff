import { expect, test } from "@playwright/test";
import { artifacts, signIn } from "./accounts";

test.describe("系统管理员", () => {
  test("signs in to the console: users, departments, fiscal years", async ({ page }) => {
    await signIn(page, "admin");
    await expect(page.getByRole("heading", { level: 1, name: "管理" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "用户" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "部门" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "预算年度" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "clerk2", exact: true })).toBeVisible();
    await page.screenshot({ path: artifacts("admin-home"), fullPage: true });
  });

  test("opens the year overview with every department's state", async ({ page }) => {
    await signIn(page, "admin");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "年度总览" }).click();
    await expect(page).toHaveURL(/\/admin\/years\/\d{4}$/);
    await expect(page.getByRole("heading", { level: 1, name: /年度总览$/ })).toBeVisible();
    await expect(page.getByRole("cell", { name: "434", exact: true })).toBeVisible();
    await page.screenshot({ path: artifacts("admin-year-overview"), fullPage: true });
  });
});
