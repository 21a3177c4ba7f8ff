import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { artifacts, demoPassword, look, signIn } from "./accounts";

/**
 * The year from the admin's side, end to end. Named to run after the other specs (one server,
 * workers: 1, files in order): it opens a new year, which gives every department a draft.
 */

async function shoot(page: Page, name: string) {
  mkdirSync("/tmp/shots-admin", { recursive: true });
  await look(page, { path: artifacts(name), fullPage: true });
  await look(page, { path: `/tmp/shots-admin/${name}.png`, fullPage: true });
}

/** Signs in with a generated password; when the app asks for a new one first, sets it and signs in again. */
async function signInChangingPassword(page: Page, username: string, password: string): Promise<void> {
  await signIn(page, username, password);
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
  if (new URL(page.url()).pathname === "/account/password") {
    await page.getByLabel("当前密码").fill(password);
    await page.getByLabel("新密码", { exact: true }).fill(demoPassword);
    await page.getByLabel("再次输入新密码").fill(demoPassword);
    await page.getByRole("button", { name: "修改密码" }).click();
    await page.waitForURL(/\/signin/);
    await signIn(page, username, demoPassword);
  }
  await expect(page).toHaveURL(/\/workbench$/);
}

test("an admin sets up a department, its clerk and a new year; the clerks find their drafts and the dashboard shows them", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin");

  // The department, with a unit.
  await admin.goto("/admin/departments/new");
  await admin.getByLabel("部门编码").fill("901");
  await admin.getByLabel("部门名称").fill("三河市数据局");
  await admin.getByLabel("审核科室").selectOption({ label: "一科" });
  await admin.getByRole("button", { name: "添加单位" }).click();
  await admin.getByLabel("单位名称 1").fill("三河市数据局");
  await admin.getByLabel("单位规格 1").fill("正科级");
  await admin.getByRole("button", { name: "创建部门" }).click();
  await expect(admin.getByText("已创建部门 901。")).toBeVisible();
  await admin.goto("/admin/departments?q=901");
  await expect(admin.getByRole("link", { name: "三河市数据局" })).toBeVisible();
  await shoot(admin, "admin-departments");

  // Its clerk, with a generated password shown once.
  await admin.goto("/admin/users/new");
  await admin.getByLabel("用户名").fill("clerk901");
  await admin.getByLabel("姓名").fill("钱填报（数据局）");
  await admin.getByLabel("角色").selectOption("clerk");
  await admin.getByLabel("筛选部门").fill("数据局");
  await admin.getByLabel("901 三河市数据局").check();
  await shoot(admin, "admin-user-new");
  await admin.getByRole("button", { name: "创建用户" }).click();
  await expect(admin.getByText("已创建用户 clerk901。")).toBeVisible();
  const password = (await admin.getByTestId("initial-password").textContent())!.trim();
  expect(password.length).toBeGreaterThanOrEqual(12);
  await shoot(admin, "admin-user-created");

  // The new year, every department given its draft.
  await admin.goto("/admin/fiscal-years");
  await admin.getByLabel("年度", { exact: true }).fill("2023");
  await admin.getByLabel("提交截止日期").first().fill("2023-01-31");
  await expect(admin.getByLabel("同时为各部门生成草稿")).toBeChecked();
  await admin.getByRole("button", { name: "开启年度" }).click();
  // How many were copied depends on what earlier specs published (434 at least); 434 and 901 are checked below.
  await expect(admin.getByText(/已开启2023年度：\d+ 个部门的草稿复制自上一年度/)).toBeVisible();
  await shoot(admin, "admin-fiscal-years");

  // The new clerk finds a blank draft for the new department.
  const clerk = await (await browser.newContext()).newPage();
  await signInChangingPassword(clerk, "clerk901", password);
  const newRow = clerk.getByRole("row").filter({ hasText: "2023年" });
  await expect(newRow).toHaveCount(1);
  await expect(newRow).toContainText("三河市数据局");
  await expect(newRow).toContainText("草稿");

  // The office's clerk finds 2023 copied from the last published year (2020): its duties as published.
  const office = await (await browser.newContext()).newPage();
  await signIn(office, "clerk");
  const officeRow = office.getByRole("row").filter({ hasText: "2023年" });
  await expect(officeRow).toContainText("草稿");
  await officeRow.getByRole("link", { name: "查看", exact: true }).click();
  await expect(office.getByText(/围绕市政府各时期的中心工作和重点工作/).first()).toBeVisible();
  await shoot(office, "clerk-carried-2023");

  // The dashboard: both in 草稿.
  await admin.goto("/admin/years/2023");
  await expect(admin.getByRole("heading", { level: 1, name: /2023年度总览/ })).toBeVisible();
  for (const code of ["901", "434"]) {
    const row = admin.getByRole("row").filter({ has: admin.getByRole("cell", { name: code, exact: true }) });
    await expect(row).toContainText("草稿");
  }
  await shoot(admin, "admin-year-2023");
});

test("the year dashboard on the demo data", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/years/2021");
  await expect(page.getByRole("heading", { level: 1, name: /2021年度总览/ })).toBeVisible();
  await expect(page.getByRole("cell", { name: "411", exact: true })).toBeVisible();
  // All fifteen columns fit a 1366 px screen: the table does not scroll sideways.
  const fits = await page
    .getByRole("table", { name: "年度总览", exact: true })
    .evaluate((table) => table.scrollWidth <= (table.parentElement?.clientWidth ?? 0));
  expect(fits).toBe(true);
  await shoot(page, "admin-year-2021");
});
