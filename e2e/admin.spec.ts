import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { departmentSheet, toXlsx } from "../lib/admin/__fixtures__/sheets";
import { artifacts, look, signIn } from "./accounts";

/** Screenshots looked at by a person: e2e/.artifacts and /tmp/shots-admin. */
async function shoot(page: Page, name: string) {
  mkdirSync("/tmp/shots-admin", { recursive: true });
  await look(page, { path: artifacts(name), fullPage: true });
  await look(page, { path: `/tmp/shots-admin/${name}.png`, fullPage: true });
}

test.describe("系统管理员", () => {
  test("signs in to the console: users, departments, fiscal years", async ({ page }) => {
    await signIn(page, "admin");
    await expect(page.getByRole("heading", { level: 1, name: "管理" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "用户", exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { name: "部门", exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { name: "预算年度", exact: true })).toBeVisible();
    await expect(page.getByRole("cell", { name: "clerk2", exact: true })).toBeVisible();
    // What waits for the admin comes first: 418's approved 2021 (demo) to publish, the late departments.
    const waiting = page.getByTestId("admin-waiting");
    await expect(waiting.getByTestId("waiting-publish")).toContainText("三河市自然资源和规划局 2021年");
    const late2021 = waiting.getByTestId("waiting-late-2021");
    await expect(late2021).toContainText("三河市住房和城乡建设局");
    await shoot(page, "admin-home");
    await late2021.getByRole("link", { name: "查看年度总览" }).click();
    await expect(page).toHaveURL(/\/admin\/years\/2021\?late=1$/);
  });

  test("opens the year overview with every department's state", async ({ page }) => {
    await signIn(page, "admin");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "年度总览" }).click();
    await expect(page).toHaveURL(/\/admin\/years\/\d{4}$/);
    await expect(page.getByRole("heading", { level: 1, name: /年度总览$/ })).toBeVisible();
    await expect(page.getByRole("cell", { name: "434", exact: true })).toBeVisible();
    await look(page, { path: artifacts("admin-year-overview"), fullPage: true });
  });

  test("lists users with role and status filters kept in the URL, and edits a user's scope", async ({ page }) => {
    await signIn(page, "admin");
    await page.getByRole("navigation", { name: "管理功能" }).getByRole("link", { name: "用户" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "用户" })).toBeVisible();
    await page.getByLabel("角色", { exact: true }).selectOption("approver");
    await expect(page).toHaveURL(/role=approver/);
    await expect(page.getByRole("link", { name: "approver2", exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "clerk2", exact: true })).toHaveCount(0);
    await page.getByRole("button", { name: /^用户名/ }).click();
    await expect(page).toHaveURL(/sort=username/);
    // A reload keeps the filter and the sorting: they live in the URL.
    await page.reload();
    await expect(page.getByLabel("角色", { exact: true })).toHaveValue("approver");
    await expect(page.getByRole("columnheader", { name: /用户名/ })).toHaveAttribute("aria-sort", "ascending");
    await shoot(page, "admin-users");

    await page.getByRole("link", { name: "approver2", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: /修改用户/ })).toBeVisible();
    await page.getByLabel("一科").check();
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page.getByText("已保存。")).toBeVisible();
    await shoot(page, "admin-user-edit");
    await page.getByLabel("一科").uncheck();
    const name = await page.getByLabel("姓名").inputValue();
    await page.getByLabel("姓名").fill("");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page.getByText("请填写姓名。")).toBeVisible();
    // The ticked boxes are what the admin left, not the saved state: nothing typed is lost.
    await expect(page.getByLabel("一科")).not.toBeChecked();
    // Back to 二科 alone, as the seed has it: the review spec counts what approver2's desk holds.
    await page.getByLabel("姓名").fill(name);
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page.getByText("已保存。")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("一科")).not.toBeChecked();
    await expect(page.getByLabel("二科")).toBeChecked();
  });

  test("previews a sheet of 150 departments with three bad rows and imports none of them", async ({ page }) => {
    const { rows, bad } = departmentSheet(150, {
      firstCode: 8001,
      spoil: { 12: "nature", 60: "desk", 101: "name-clash" },
    });
    const bytes = await toXlsx(rows);
    await signIn(page, "admin");
    await page.goto("/admin/departments");
    const countLine = page.getByText(/共 \d+ 个部门/);
    const before = await countLine.textContent();
    await shoot(page, "admin-departments-all");
    await page.getByRole("link", { name: "批量导入部门" }).click();
    await page.getByLabel("选择文件").setInputFiles({
      name: "部门名录.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(bytes),
    });
    await page.getByRole("button", { name: "预览" }).click();
    await expect(page.getByText("有 3 个问题")).toBeVisible();
    const problems = page.getByRole("table", { name: "问题列表" });
    for (const b of bad) {
      const row = problems.getByRole("row").filter({ hasText: `第 ${b.sheetRow} 行` });
      await expect(row).toContainText(b.why);
    }
    // With problems there is nothing to confirm: the import cannot be half-done from here.
    await expect(page.getByRole("button", { name: "确认导入" })).toHaveCount(0);
    await shoot(page, "admin-department-import");
    await page.goto("/admin/departments");
    await expect(page.getByText(/共 \d+ 个部门/)).toHaveText(before!);
    await expect(page.getByText("三河市测试部门8001")).toHaveCount(0);
  });
});
