import { expect, test, type Page } from "@playwright/test";
import { artifacts, look, signIn } from "./accounts";

/**
 * The budget tables in the clerk's editor (issue 15), on the demo's 2021 draft of 三河市人民政府办公室,
 * carried forward from 2020 with its tables (db/seed/demo.ts): the clerk adds a row to 表3 by
 * keyboard, choosing the 科目 by its name from the year's catalogue; the subtotals and 合计 are
 * computed; the text's figures that agreed with the table follow it; a figure typed otherwise is
 * flagged at its field and set right with one click on 填入表中数.
 */
test.describe.configure({ mode: "serial" });

let page: Page;
let disclosureId: string;

type Saved = {
  budget: { expenditure: Record<string, string | null> };
  tables: { expenditure: { rows: Array<{ code: string; name: string; amounts: Record<string, string | null> }> } };
};

async function saved(): Promise<Saved> {
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 20_000 });
  const response = await page.request.get(`/api/disclosures/${disclosureId}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as Saved;
}

const table3 = () => page.getByRole("table", { name: "表3 部门支出总表" });
const field = (path: string) => page.locator(`[data-field-path="${path}"]`).locator("input").first();

test.beforeAll(async ({ browser }) => {
  page = await (await browser.newContext()).newPage();
  await signIn(page, "clerk");
  const row = page.getByRole("row").filter({ hasText: "2021年" }).filter({ hasText: "三河市人民政府办公室" });
  await row.getByRole("link", { name: "继续填报" }).click();
  await expect(page).toHaveURL(/\/disclosures\/[0-9a-f-]{36}\/edit/);
  disclosureId = /\/disclosures\/([0-9a-f-]{36})\//.exec(page.url())![1];
  await page.goto(`/disclosures/${disclosureId}/edit?section=tables`);
  await page.waitForLoadState("networkidle");
});

test.afterAll(async () => {
  await page?.context().close();
});

test("the ten tables are listed, numbered and titled, with last year's figures and computed subtotals", async () => {
  await expect(page.getByRole("heading", { name: "附：部门预算公开表" })).toBeVisible();
  for (const title of [
    "表1 部门收支总表",
    "表5 一般公共预算支出表",
    "表7 一般公共预算“三公”经费支出表",
    "表10 项目支出表",
  ])
    await expect(page.getByRole("heading", { name: title, exact: true })).toBeVisible();
  // The carried-over draft agrees with its tables: no finding in any of them.
  await expect(page.locator('[data-testid$="-findings"]')).toHaveCount(0);
  // 类 201 is a computed subtotal; the 合计 row adds up every stored row.
  const subtotal = table3().getByRole("row").filter({ hasText: "一般公共服务支出" }).first();
  await expect(subtotal.getByRole("textbox")).toHaveCount(0);
  await expect(table3().getByRole("row").last()).toContainText("2,765.39");
  // 表9 has nothing in it: its 空表说明 is shown.
  await expect(page.getByTestId("table-stateCapital").getByLabel(/本表为空表，空表说明/)).toHaveValue(
    "本部门无国有资本经营预算支出，故本表为空表",
  );
});

test("a row added by keyboard: the 科目 picked by its name, an amount typed; the text's figures follow", async () => {
  await page.getByTestId("table-expenditure").getByRole("button", { name: "+ 添加一行" }).click();
  const code = page.getByRole("combobox", { name: /^表3 部门支出总表 第 \d+ 行 科目编码$/ });
  await expect(code).toBeFocused();
  await page.keyboard.type("事业运行");
  const option = page.getByRole("option", { name: /2010350\s*事业运行/ });
  await expect(option).toBeVisible();
  await look(page, { path: artifacts("budget-tables-pick"), fullPage: false });
  // Tab picks the highlighted entry and moves right (名称, filled from the catalogue), Tab again to 人员经费.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("textbox", { name: "表3 部门支出总表 2010350 事业运行 科目名称" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("textbox", { name: "表3 部门支出总表 2010350 事业运行 基本支出人员经费" })).toBeFocused();
  // Typing replaces the cell; Enter commits.
  await page.keyboard.type("10");
  await page.keyboard.press("Enter");
  await expect(table3().getByRole("row").last()).toContainText("2,775.39");
  // The 款 subtotal 20103 counts the new row.
  await expect(table3().getByRole("row").filter({ hasText: "政府办公厅（室）及相关机构事务" }).first()).toContainText(
    "1,169.29",
  );
  const after = await saved();
  expect(after.tables.expenditure.rows.find((r) => r.code === "2010350")).toEqual({
    code: "2010350",
    name: "事业运行",
    amounts: { personnel: "10.00", publicOperating: null, project: null },
  });
  // The text agreed with 表3 and follows it.
  expect(after.budget.expenditure).toMatchObject({ total: "2775.39", basic: "1172.43", personnel: "1072.44" });
  await look(page, { path: artifacts("budget-tables-row"), fullPage: false });
});

test("a figure typed otherwise is flagged at its field and set to the table's with one click", async () => {
  await page.locator('a[data-section="budget"]').click();
  await expect(field("budget.expenditure.total")).toHaveValue("2,775.39");
  await field("budget.expenditure.personnel").fill("1000");
  const at = page.locator('[data-field-path="budget.expenditure.personnel"]');
  const finding = at.locator('[data-finding="tables.text-figure"]');
  await expect(finding).toContainText("人员经费 1000.00 与表3 部门支出总表 合计行「基本支出人员经费」 1072.44 不一致");
  await at.scrollIntoViewIfNeeded();
  await look(page, { path: artifacts("budget-tables-flagged"), fullPage: false });
  await finding.getByRole("button", { name: "填入表中数" }).click();
  await expect(finding).toHaveCount(0);
  await expect(field("budget.expenditure.personnel")).toHaveValue("1,072.44");
  expect((await saved()).budget.expenditure.personnel).toBe("1072.44");
});
