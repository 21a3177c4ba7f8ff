import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { toCsv, toXlsx } from "../lib/admin/__fixtures__/sheets";
import { shippedClassification } from "../db/seed/classification";
import { artifacts, look, signIn } from "./accounts";

/**
 * The admin replaces 2021's 《政府收支分类科目》 (the demo's is a copy of the shipped 2020 subset,
 * and 434's 2021 tables use some of its codes): a sheet with a malformed code and without a code
 * in use is refused row by row, the corrected one is previewed and accepted. The accepted sheet
 * keeps every code of the copy and adds one, so the specs after this one find the codes they pick.
 */

async function shoot(page: Page, name: string) {
  mkdirSync("/tmp/shots-admin", { recursive: true });
  await look(page, { path: artifacts(name), fullPage: true });
  await look(page, { path: `/tmp/shots-admin/${name}.png`, fullPage: true });
}

const header = ["分类", "科目编码", "科目名称"];
const shipped = shippedClassification(2020).map((e) => [e.kind, e.code, e.name]);
const added = ["功能", "2010308", "信访事务"];

test("an admin imports a year's catalogue: row errors first, then the corrected sheet", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/fiscal-years");
  const year = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "2021年", exact: true }) });
  await expect(year).toContainText(`${shipped.length} 个科目`);
  await expect(year).toContainText("复制自2020年度，本年度目录尚未导入");
  await year.getByRole("link", { name: "分类科目" }).click();
  await expect(page).toHaveURL(/\/admin\/fiscal-years\/2021\/classification$/);
  await expect(page.getByRole("heading", { name: "2021年度政府收支分类科目" })).toBeVisible();

  // The catalogue as it stands, searchable; 行政运行 is used by 434's 2021 tables.
  await page.getByLabel("按编码或名称查找").fill("行政运行");
  const office = page.getByRole("row").filter({ hasText: "2010301" });
  await expect(office).toContainText("已使用");

  // Without 2010301 and with a four-digit code: two problems, nothing to confirm.
  const broken = [header, ...shipped.filter((r) => r[1] !== "2010301"), ["功能", "2010", "四位编码"], added];
  await page.getByLabel("选择文件").setInputFiles({
    name: "2021年科目.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(toCsv(broken)),
  });
  await page.getByRole("button", { name: "预览" }).click();
  await expect(page.getByText("有 2 个问题")).toBeVisible();
  const problems = page.getByRole("table", { name: "问题列表" });
  await expect(problems.getByRole("row").filter({ hasText: "全表" })).toContainText(
    "功能分类科目 2010301 正被2021年的信息公开使用",
  );
  await expect(problems.getByRole("row").filter({ hasText: `第 ${broken.length - 1} 行` })).toContainText(
    "功能分类科目编码为 3 位（类）、5 位（款）或 7 位（项）",
  );
  await expect(page.getByRole("button", { name: "确认导入" })).toHaveCount(0);
  await shoot(page, "admin-classification-problems");

  // Corrected, as a workbook: every code of the copy kept, one added.
  const fixed = [header, ...shipped, added];
  await page.getByLabel("选择文件").setInputFiles({
    name: "2021年科目.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from(await toXlsx(fixed, "科目")),
  });
  await page.getByRole("button", { name: "预览" }).click();
  await expect(page.getByText(`读取成功，可以导入 ${shipped.length + 1} 条。`)).toBeVisible();
  await expect(page.getByText("与现有目录相比：新增 1 个，删去 0 个，改名 0 个。")).toBeVisible();
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByText(`已导入 ${shipped.length + 1} 条。`)).toBeVisible();

  // The page shows the year's own catalogue now, with the added code.
  await expect(page.getByText("导入自“2021年科目.xlsx”")).toBeVisible();
  await page.getByLabel("按编码或名称查找").fill("信访");
  await expect(page.getByRole("row").filter({ hasText: "2010308" })).toContainText("信访事务");
  await shoot(page, "admin-classification-imported");

  await page.goto("/admin/fiscal-years");
  await expect(year).toContainText(`${shipped.length + 1} 个科目`);
  await expect(year).toContainText("导入自“2021年科目.xlsx”");
  await page.goto("/admin/audit");
  const audited = page.getByRole("row").filter({ has: page.getByRole("cell", { name: "导入政府收支分类科目" }) });
  await expect(audited.first()).toContainText(
    `从“2021年科目.xlsx”导入本年度的政府收支分类科目 ${shipped.length + 1} 个（原有 ${shipped.length} 个，新增 1 个）。`,
  );
});
