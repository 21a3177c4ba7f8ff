import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./accounts";

/**
 * The indicator grid (issue 4, item 4) in real Chromium, as the demo clerk on department 434's
 * 2021 draft (carried forward from 2020): rows, keyboard, 一级 → 二级, 指标值 as typed, undo and
 * redo, a TSV block pasted through the preview, the library, and an input method over CDP. Every
 * saved value is read back from GET /api/disclosures/[id]. Then the admin's library page.
 */

test.describe.configure({ mode: "serial" });

const shot = (name: string) => `/tmp/shots-grid/${name}.png`;

type Indicator = {
  level1: string;
  level2: string;
  name: string;
  description: string;
  basis: string;
  target: { raw: string; kind: string; operator?: string; value?: string; unit?: string };
};
type Saved = { performance: { projects: Array<{ name: string; indicators: Indicator[] }> } };

let page: Page;
let disclosureId: string;
/** The search the library dialog sent, reused to see what the clerk is offered. */
let librarySearchUrl: string;

/** The first project's grid (the one the editor opens), its editor and its cells. */
const grid = () => page.getByRole("group", { name: /的绩效指标表$/ }).first();
const editor = () => grid().getByTestId("cell-editor");
const cell = (row: number, col: number) => grid().locator(`td[data-cell="${row}:${col}"]`);
const rows = () => grid().locator("tbody tr");
const tool = (name: string) =>
  grid()
    .getByRole("toolbar")
    .getByRole("button", { name: new RegExp(`^${name}`) });

async function saved(): Promise<Saved> {
  const response = await page.request.get(`/api/disclosures/${disclosureId}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as Saved;
}
const firstProject = async () => (await saved()).performance.projects[0].indicators;

/** Puts the cursor on a cell (a click, as the clerk does) and checks the editor followed. */
async function select(row: number, col: number): Promise<void> {
  await cell(row, col).click();
  await expect(editor()).toHaveAttribute("aria-label", new RegExp(`第 ${row + 1} 行$`));
}

async function names(): Promise<string[]> {
  const n = await rows().count();
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push((await cell(i, 2).innerText()).trim());
  return out;
}

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  page = await context.newPage();
  await signIn(page, "clerk");
  const row = page.getByRole("row").filter({ hasText: "2021年" }).filter({ hasText: "三河市人民政府办公室" });
  await row.getByRole("link", { name: "继续填报" }).click();
  await expect(page).toHaveURL(/\/disclosures\/[0-9a-f-]{36}\/edit/);
  disclosureId = /\/disclosures\/([0-9a-f-]{36})\//.exec(page.url())![1];
  await page.goto(`/disclosures/${disclosureId}/edit?section=performance`);
  await expect(grid()).toBeVisible();
});

test.afterAll(async () => {
  await page?.context().close();
});

test("arrow keys, Tab and Enter move like a spreadsheet; typing replaces a cell and Enter moves down", async () => {
  await page.screenshot({ path: shot("grid-1366"), fullPage: false });
  await select(0, 2);
  await expect(editor()).toHaveAttribute("aria-label", "三级指标，第 1 行");
  await page.keyboard.press("ArrowDown");
  await expect(editor()).toHaveAttribute("aria-label", "三级指标，第 2 行");
  await page.keyboard.press("ArrowRight");
  await expect(editor()).toHaveAttribute("aria-label", "绩效指标描述，第 2 行");
  await page.keyboard.press("Tab");
  await expect(editor()).toHaveAttribute("aria-label", "指标值，第 2 行");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowUp");
  await expect(editor()).toHaveAttribute("aria-label", "三级指标，第 1 行");
  await page.keyboard.press("Enter");
  await expect(editor()).toHaveAttribute("aria-label", "三级指标，第 2 行");
  // Tab at a row's last column wraps to the next row's first.
  await select(0, 5);
  await page.keyboard.press("Tab");
  await expect(editor()).toHaveAttribute("aria-label", "一级指标，第 2 行");

  // Typing replaces the cell; Enter writes it and moves down, Escape would have kept the old text.
  await select(1, 3);
  await page.keyboard.type("description typed in the grid");
  await expect(editor()).toHaveAttribute("data-editing", "true");
  await page.keyboard.press("Enter");
  await expect(editor()).toHaveAttribute("aria-label", "绩效指标描述，第 3 行");
  await expect(cell(1, 3)).toHaveText("description typed in the grid");
  await expect.poll(async () => (await firstProject())[1].description).toBe("description typed in the grid");
});

test("add, duplicate, reorder and delete rows, with undo and redo", async () => {
  const before = await names();
  const n = before.length;
  await select(1, 2);
  await page.keyboard.press("Control+d");
  await expect(rows()).toHaveCount(n + 1);
  expect((await names()).slice(0, 3)).toEqual([before[0], before[1], before[1]]);

  await select(3, 2);
  await page.keyboard.press("Alt+ArrowUp");
  expect((await names()).slice(0, 4)).toEqual([before[0], before[1], before[2], before[1]]);
  await expect(editor()).toHaveAttribute("aria-label", "三级指标，第 3 行");

  await page.keyboard.press("Control+Delete");
  await expect(rows()).toHaveCount(n);
  expect((await names()).slice(0, 3)).toEqual([before[0], before[1], before[1]]);

  // Undo brings the deleted row back where it was, redo deletes it again.
  await page.keyboard.press("Control+z");
  await expect(rows()).toHaveCount(n + 1);
  expect((await names()).slice(0, 4)).toEqual([before[0], before[1], before[2], before[1]]);
  await page.keyboard.press("Control+y");
  await expect(rows()).toHaveCount(n);
  await tool("撤销").click();
  await expect(rows()).toHaveCount(n + 1);
  await tool("重做").click();
  await expect(rows()).toHaveCount(n);

  // The toolbar adds a blank row at the end, carrying the headings of the row above.
  await tool("添加指标").click();
  await expect(rows()).toHaveCount(n + 1);
  await expect(cell(n, 2)).toHaveText("");
  // Saves of the steps above may land first: wait for the one with the blank row last.
  await expect
    .poll(async () => {
      const saved = await firstProject();
      return [saved.length, saved[n]?.name, saved[n]?.description, saved[n - 1]?.name];
    })
    .toEqual([n + 1, "", "", before[n - 1]]);
});

test("一级 → 二级 are choices from the year's framework; 指标值 is understood as typed", async () => {
  const n = await rows().count();
  const r = n - 1;
  await select(r, 0);
  await page.keyboard.press("F2");
  const choices = grid().getByRole("listbox");
  await expect(choices.getByRole("option")).toHaveText(["产出指标", "效益指标", "成本指标", "满意度指标"]);
  await page.keyboard.press("Escape");
  await page.keyboard.type("效益");
  await expect(choices.getByRole("option")).toHaveText(["效益指标"]);
  await page.keyboard.press("Tab");
  await expect(cell(r, 0)).toHaveText(/^效益指标/);
  // The 二级 choices follow the 一级 heading just chosen (the old 二级, if foreign, was cleared).
  await expect(editor()).toHaveAttribute("aria-label", `二级指标，第 ${r + 1} 行`);
  await page.keyboard.press("F2");
  await expect(choices.getByRole("option")).toHaveText([
    "经济效益指标",
    "社会效益指标",
    "生态效益指标",
    "可持续影响指标",
  ]);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(cell(r, 1)).toHaveText(/^社会效益指标/);

  await select(r, 2);
  await page.keyboard.type("zhi xiao lv");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  const typed = [">=95%", "≥ 90 %", "明显提升"];
  for (const raw of typed) {
    await expect(editor()).toHaveAttribute("aria-label", `指标值，第 ${r + 1} 行`);
    await page.keyboard.type(raw);
    await page.keyboard.press("Enter");
    await expect(cell(r, 4).locator("span.tabular").first()).toHaveText(raw);
    await expect(cell(r, 4).getByTestId("target-parsed")).toHaveText(
      raw === "明显提升" ? "定性" : raw === ">=95%" ? "≥ 95 %" : "≥ 90 %",
    );
    if (raw === "≥ 90 %") await page.screenshot({ path: shot("target-typed") });
    await select(r, 4);
  }
  await expect
    .poll(async () => (await firstProject())[r])
    .toMatchObject({
      level1: "效益指标",
      level2: "社会效益指标",
      name: "zhi xiao lv",
      target: { raw: "明显提升", kind: "qualitative" },
    });
  // A text that is no 指标值 is kept as typed and marked, never lost.
  await page.keyboard.type("about 95");
  await page.keyboard.press("Enter");
  await expect(cell(r, 4).getByTestId("target-parsed")).toHaveText("无法识别");
  await expect.poll(async () => (await firstProject())[r].target).toEqual({ raw: "about 95", kind: "unparsed" });
  await select(r, 4);
  await page.keyboard.type(">=95%");
  await page.keyboard.press("Enter");
  await expect
    .poll(async () => (await firstProject())[r].target)
    .toEqual({ raw: ">=95%", kind: "quantitative", operator: ">=", value: "95", unit: "%" });
});

const TSV = [
  ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"],
  ["产出指标", "数量指标", "粘贴指标一", "从表格复制", ">=3次", "年度工作计划"],
  ["产出指标", "时效指标", "粘贴指标二", "从表格复制", "≤ 12 个月", "年度工作计划"],
  ["满意度指标", "服务对象满意度指标", "粘贴指标三", "从表格复制", "明显提升", "往年历史数据"],
]
  .map((r) => r.join("\t"))
  .join("\r\n");

async function pasteBlock(text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press("Control+v");
}

test("a block copied from Excel/WPS/Word is previewed, and changes nothing until applied", async () => {
  const n = await rows().count();
  const dialog = page.getByRole("dialog", { name: "粘贴预览" });
  // Whole rows with their header: inserted below the focused row.
  await select(n - 1, 0);
  await pasteBlock(TSV);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("按表头识别列");
  await expect(dialog).toContainText("新增 3 行，修改 0 个单元格");
  await expect(dialog).toContainText("粘贴指标二");
  await page.screenshot({ path: shot("paste-preview") });
  await dialog.getByRole("button", { name: "取消" }).click();
  await expect(dialog).toBeHidden();
  await expect(rows()).toHaveCount(n);

  await pasteBlock(TSV);
  await dialog.getByRole("button", { name: "应用" }).click();
  await expect(rows()).toHaveCount(n + 3);
  expect((await names()).slice(-3)).toEqual(["粘贴指标一", "粘贴指标二", "粘贴指标三"]);
  await expect
    .poll(async () => (await firstProject()).slice(-3).map((i) => [i.level2, i.name, i.target.kind, i.target.raw]))
    .toEqual([
      ["数量指标", "粘贴指标一", "quantitative", ">=3次"],
      ["时效指标", "粘贴指标二", "quantitative", "≤ 12 个月"],
      ["服务对象满意度指标", "粘贴指标三", "qualitative", "明显提升"],
    ]);
  // One undo takes the whole paste back.
  await page.keyboard.press("Control+z");
  await expect(rows()).toHaveCount(n);
  await page.keyboard.press("Control+y");
  await expect(rows()).toHaveCount(n + 3);

  // Cells without a header: by position from the focused cell, overwriting, shown before → after.
  const before = (await firstProject()).slice(0, 2).map((i) => i.target.raw);
  await select(0, 4);
  await pasteBlock("=3次\t计划甲\r\n>=98%\t计划乙\r\n");
  await expect(dialog).toContainText("新增 0 行，修改 4 个单元格");
  await expect(dialog).toContainText(before[0]);
  await expect(dialog).toContainText("计划乙");
  await expect(cell(0, 4).locator("span.tabular").first()).toHaveText(before[0]);
  await dialog.getByRole("button", { name: "应用" }).click();
  await expect
    .poll(async () => (await firstProject()).slice(0, 2).map((i) => [i.target.raw, i.target.kind, i.basis]))
    .toEqual([
      ["=3次", "quantitative", "计划甲"],
      [">=98%", "quantitative", "计划乙"],
    ]);
});

test("rows are picked from the library: common indicators by level, and the department's own of earlier years", async () => {
  const n = await rows().count();
  await select(0, 2);
  const searched = page.waitForRequest((r) => r.url().includes("/api/indicator-library?"));
  await tool("从指标库选择").click();
  librarySearchUrl = (await searched).url();
  const dialog = page.getByRole("dialog", { name: "指标库" });
  await dialog.getByLabel("搜索指标").fill("满意度");
  await dialog.getByRole("checkbox", { name: "选择“服务对象满意度”" }).check();
  await dialog.getByRole("tab", { name: /本部门往年指标/ }).click();
  await dialog.getByLabel("搜索指标").fill("修志");
  const own = dialog.getByRole("tabpanel").getByRole("listitem").first();
  await expect(own).toContainText("2020年");
  const ownName = (await own.locator("span.font-medium").innerText()).trim();
  await own.getByRole("checkbox").check();
  await page.screenshot({ path: shot("library") });
  await dialog.getByRole("button", { name: "插入所选（2）" }).click();
  await expect(dialog).toBeHidden();
  await expect(rows()).toHaveCount(n + 2);
  const inserted = (await names()).slice(1, 3);
  expect(inserted.sort()).toEqual(["服务对象满意度", ownName].sort());
  await expect
    .poll(async () => (await firstProject()).slice(1, 3).find((i) => i.name === "服务对象满意度"))
    .toMatchObject({
      level1: "满意度指标",
      level2: "服务对象满意度指标",
      target: { raw: ">=90%", kind: "quantitative" },
    });
});

test("an input method (CDP composition) types 满意度 into a cell exactly", async () => {
  const cdp = await page.context().newCDPSession(page);
  await select(0, 3);
  const compose = async (steps: string[], commit: string) => {
    for (const text of steps)
      await cdp.send("Input.imeSetComposition", { text, selectionStart: text.length, selectionEnd: text.length });
    await cdp.send("Input.insertText", { text: commit });
  };
  await compose(["m", "ma", "man", "满"], "满");
  await compose(["y", "yi", "意"], "意");
  await compose(["d", "du", "度"], "度");
  await expect(editor()).toHaveValue("满意度");
  await expect(editor()).toHaveAttribute("data-editing", "true");
  await page.keyboard.press("Enter");
  await expect(cell(0, 3)).toHaveText("满意度");
  await expect.poll(async () => (await firstProject())[0].description).toBe("满意度");
  await cdp.detach();
});

test("the admin keeps the common library: add with checks, change, retire", async ({ browser }) => {
  const context = await browser.newContext();
  const admin = await context.newPage();
  await signIn(admin, "admin");
  await admin.getByRole("link", { name: "常用指标库" }).click();
  await expect(admin).toHaveURL(/\/admin\/library/);
  await expect(admin.getByRole("heading", { level: 1, name: "指标库" })).toBeVisible();
  const form = admin.getByTestId("library-entry-form");
  await form.getByLabel("一级指标", { exact: true }).selectOption("满意度指标");
  await expect(form.getByLabel("二级指标", { exact: true }).locator("option")).toHaveText(["服务对象满意度指标"]);
  await form.getByLabel("三级指标", { exact: true }).fill("来访群众满意度");
  await form.getByLabel("指标值", { exact: true }).fill("大约95");
  await form.getByRole("button", { name: "添加指标" }).click();
  await expect(form.getByText(/指标值无法识别/)).toBeVisible();
  await expect(form.getByLabel("三级指标", { exact: true })).toHaveValue("来访群众满意度");
  await form.getByLabel("指标值", { exact: true }).fill("≥ 90 %");
  await form.getByRole("button", { name: "添加指标" }).click();
  await expect(form.getByText("已保存。")).toBeVisible();
  const row = admin.getByTestId("library-row").filter({ hasText: "来访群众满意度" });
  await expect(row).toContainText("≥ 90 %");
  await admin.screenshot({ path: shot("admin-library"), fullPage: false });

  await row.getByRole("link", { name: "修改“来访群众满意度”" }).click();
  await expect(admin.getByRole("heading", { name: "修改“来访群众满意度”" })).toBeVisible();
  await form.getByLabel("指标值", { exact: true }).fill(">=95%");
  await form.getByRole("button", { name: "保存" }).click();
  await expect(row).toContainText(">=95%");

  // The clerk's grid is offered it (the same search the library dialog sent), until it is retired.
  const offered = async () => {
    const url = new URL(librarySearchUrl);
    url.searchParams.set("q", "来访群众");
    const response = await page.request.get(url.toString());
    expect(response.status()).toBe(200);
    return ((await response.json()) as { common: Array<{ name: string; target: string }> }).common;
  };
  expect(await offered()).toEqual([expect.objectContaining({ name: "来访群众满意度", target: ">=95%" })]);
  await row.getByRole("button", { name: "停用“来访群众满意度”" }).click();
  await expect(admin.getByTestId("library-row").filter({ hasText: "来访群众满意度" })).toContainText("已停用");
  expect(await offered()).toEqual([]);
  await context.close();
});
