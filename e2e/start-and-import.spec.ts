import { expect, test, type Page } from "@playwright/test";
import { artifacts, look, signIn } from "./accounts";
import { expectNoViolations } from "./axe";
import { sanhe2020Bytes } from "../lib/domain/__fixtures__/sanhe-2020";

/**
 * Starting the 2022 draft (open and not started in the demo seed): clerk2 (411) from last year's
 * published text, the office's clerk (434) from last year; a renamed binary is refused first,
 * while 411's 2022 is still free.
 */
test.describe.configure({ mode: "serial" });

const fixture = sanhe2020Bytes();
const DRAFT_URL = /\/disclosures\/([0-9a-f-]{36})(\/edit)?$/;

async function openStart(page: Page): Promise<void> {
  await page.getByRole("link", { name: "新建年度填报" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "新建年度填报" })).toBeVisible();
  await expect(page.getByLabel("预算年度")).toHaveValue("2022");
}

test.describe("新建年度填报", () => {
  test("a renamed binary and an oversized file are refused at the file field, in Chinese", async ({ page }) => {
    await signIn(page, "clerk2");
    await openStart(page);
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0,
    ]);
    const file = page.getByLabel("选择文件");
    await file.setInputFiles({ name: "2021年信息公开.txt", mimeType: "text/plain", buffer: png });
    await page.getByRole("button", { name: "上传并预览" }).click();
    await expect(
      page.getByText(
        "“2021年信息公开.txt”是图片，无法读取其中的文字。请上传 Word（.docx）、Excel（.xlsx）或文本文件。",
      ),
    ).toBeVisible();
    await expect(file).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(/\/workbench\/new/);
    await look(page, { path: artifacts("start-refused-binary") });

    await file.setInputFiles({
      name: "很大.docx",
      mimeType: "application/octet-stream",
      buffer: Buffer.alloc(11 * 1024 * 1024, 0x41),
    });
    await page.getByRole("button", { name: "上传并预览" }).click();
    await expect(
      page.getByText("文件大小为 11 MB，超过 10 MB 的上限。请删去文件中的图片，或只上传文字和表格部分。"),
    ).toBeVisible();
  });

  test("clerk2 uploads last year's published text, sees what was read, reloads, accepts", async ({ page, context }) => {
    await signIn(page, "clerk2");
    await openStart(page);
    await look(page, { path: artifacts("start-page"), fullPage: true });
    await page
      .getByLabel("选择文件")
      .setInputFiles({ name: "sanhe-2020-government-office.txt", mimeType: "text/plain", buffer: fixture });
    await page.getByRole("button", { name: "上传并预览" }).click();
    await expect(page).toHaveURL(/\/workbench\/new\/upload\/[0-9a-f-]{36}$/);

    const expectWhatWasRead = async () => {
      await expect(page.getByRole("heading", { level: 1, name: "核对读取结果" })).toBeVisible();
      const summary = page.getByTestId("section-summary");
      await expect(summary).toContainText("职责 16 条");
      await expect(summary).toContainText("项目 13 个 / 指标 107 条");
      await expect(summary).toContainText("名词 10 条");
      const total = page.getByTestId("figures").getByRole("row", { name: /^支出预算合计/ });
      await expect(total).toContainText("2,765.39");
      await expect(total).toContainText("2,671.20");
      await expect(page.getByTestId("figures").getByRole("row", { name: /^公务接待费/ })).toContainText("168.95");
      await expect(page.getByText("文件已全部读取，没有无法识别的内容。")).toBeVisible();
      await expect(
        page.getByText("文件中的部门为“三河市人民政府办公室（434）”，将按“三河市卫生健康局（411）”创建草稿。"),
      ).toBeVisible();
      await expect(page.getByTestId("projects").locator("details")).toHaveCount(13);
    };
    await expectWhatWasRead();
    await look(page, { path: artifacts("import-preview") });
    await expectNoViolations(page, "导入预览");
    await look(page, { path: artifacts("import-preview-full"), fullPage: true });

    // The preview is read again from the kept file: a reload shows the same.
    await page.reload();
    await expectWhatWasRead();

    // Nothing is a draft before Accept.
    const workbench = await context.newPage();
    await workbench.goto("/workbench");
    await expect(workbench.getByRole("cell", { name: "2022年" })).toHaveCount(0);

    await page.getByTestId("accept").click();
    await expect(page).toHaveURL(DRAFT_URL);
    const id = DRAFT_URL.exec(page.url())![1];
    const draft = await (await page.request.get(`/api/disclosures/${id}`)).json();
    expect(draft).toMatchObject({ fiscalYear: 2022, department: { code: "411", name: "三河市卫生健康局" } });
    expect(draft.performance.projects).toHaveLength(13);
    expect(draft.budget.priorYear.total).toBe("2765.39");

    await workbench.reload();
    await expect(workbench.getByRole("row").filter({ hasText: "2022年" })).toContainText("草稿");
    // The year is started: the start page says so and links to it.
    await workbench.goto("/workbench/new");
    await workbench.getByLabel("预算年度").selectOption("2022");
    await expect(workbench.getByText("该部门2022年度已有填报（草稿），不能再新建。")).toBeVisible();
    await expect(workbench.getByRole("link", { name: "打开已有填报" })).toHaveAttribute("href", `/disclosures/${id}`);
  });

  test("a clerk starts 2022 from last year and finds last year's projects and prior-year figures", async ({ page }) => {
    await signIn(page, "clerk");
    await openStart(page);
    await expect(page.getByText("来源：2021年 第1版（草稿）")).toBeVisible();
    await page.getByRole("link", { name: "预览上年内容" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "核对上年内容" })).toBeVisible();
    // 434's 2021 draft as the seed made it, plus whatever rows the grid spec added before this one.
    await expect(page.getByTestId("section-summary")).toContainText(/项目 13 个 \/ 指标 \d+ 条/);
    const header = page.getByTestId("figures").getByRole("row").first();
    await expect(header).toContainText("2022年");
    await expect(header).toContainText("2021年");
    await look(page, { path: artifacts("last-year-preview") });
    await expectNoViolations(page, "上年内容预览");

    await page.getByTestId("accept").click();
    await expect(page).toHaveURL(DRAFT_URL);
    const id = DRAFT_URL.exec(page.url())![1];
    const draft = await (await page.request.get(`/api/disclosures/${id}`)).json();
    const lastYearId = await lastYearDraftId(page);
    const lastYear = await (await page.request.get(`/api/disclosures/${lastYearId}`)).json();
    expect(draft.fiscalYear).toBe(2022);
    type Project = { name: string; indicators: Array<{ name: string }> };
    const rows = (d: { performance: { projects: Project[] } }) =>
      d.performance.projects.map((p) => [p.name, p.indicators.map((i) => i.name)]);
    expect(rows(draft)).toEqual(rows(lastYear));
    expect(draft.budget.priorYear).toEqual({
      total: lastYear.budget.expenditure.total,
      basic: lastYear.budget.expenditure.basic,
      project: lastYear.budget.expenditure.project,
    });
    expect(draft.threePublic.priorYear).toEqual(lastYear.threePublic.current);
  });
});

/** 434's 2021 disclosure, read off the clerk's workbench. */
async function lastYearDraftId(page: Page): Promise<string> {
  await page.goto("/workbench");
  const href = await page
    .getByRole("row")
    .filter({ hasText: "2021年" })
    .getByRole("link", { name: "查看" })
    .getAttribute("href");
  return /\/disclosures\/([0-9a-f-]{36})/.exec(href ?? "")![1];
}
