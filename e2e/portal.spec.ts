import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { look } from "./accounts";

/**
 * The public portal on the demo data (434's 2020 disclosure, published by the seed): no sign-in,
 * the nine sections as in the fixture, real tables with merged cells and right-aligned figures,
 * charts drawn on the server, readable without JavaScript, printable, every file downloadable
 * byte for byte as stored.
 */

const SHOTS = "/tmp/shots-portal";
mkdirSync(SHOTS, { recursive: true });
const PAGE = "/public/2020/434";
const SECTIONS = [
  "一、部门职责及机构设置情况",
  "二、部门预算安排的总体情况",
  "三、机关运行经费安排情况",
  "四、财政拨款“三公”经费预算情况及增减变化原因",
  "五、预算绩效信息",
  "六、政府采购预算情况",
  "七、国有资产信息",
  "八、名词解释",
  "九、其他需要说明的事项",
];

test.describe("公开目录 (the public portal)", () => {
  test("lists the published disclosure by year and department and opens it without signing in", async ({ page }) => {
    const response = await page.goto("/public");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 2, name: "2020年度部门预算" })).toBeVisible();
    await look(page, { path: `${SHOTS}/portal-list.png`, fullPage: true });
    await page.getByRole("link", { name: "三河市人民政府办公室2020年部门预算信息公开情况说明" }).click();
    await expect(page).toHaveURL(new RegExp(`${PAGE}$`));
    await expect(
      page.getByRole("heading", { level: 1, name: "三河市人民政府办公室2020年部门预算信息公开情况说明" }),
    ).toBeVisible();
    for (const heading of SECTIONS) await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  });

  test("on a phone the list keeps the titles wide enough to read, code and revision under them", async ({
    browser,
  }) => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto("/public");
    const title = page.getByRole("link", { name: "三河市人民政府办公室2020年部门预算信息公开情况说明" });
    // Squeezed between four columns it was 40 px wide: a character a line.
    expect((await title.boundingBox())!.width).toBeGreaterThan(150);
    await expect(page.getByRole("row").filter({ has: title })).toContainText("434 · 第1版");
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await look(page, { path: `${SHOTS}/portal-list-phone.png`, fullPage: true });
    // The search is a plain GET form: by a part of the department's name, read by the server.
    await page.getByLabel("查找部门").fill("人民政府办公室");
    await page.getByRole("button", { name: "查找" }).click();
    await expect(page).toHaveURL(/\/public\?q=/);
    await expect(title).toBeVisible();
    await expect(page.getByText("“人民政府办公室”：找到 1 份")).toBeVisible();
    await page.getByLabel("查找部门").fill("没有这个局");
    await page.getByRole("button", { name: "查找" }).click();
    await expect(page.getByText("没有找到含“没有这个局”的已公开部门预算信息")).toBeVisible();
    await expect(title).toHaveCount(0);
    await look(page, { path: `${SHOTS}/portal-search-phone.png`, fullPage: true });
    await page.close();
  });

  test("on a phone: the files at the top, wide tables scroll under a hint, long indicator cells folded", async ({
    browser,
  }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await context.newPage();
    await page.goto(PAGE);
    const quick = page.getByTestId("quick-downloads");
    await expect(quick.locator("a[data-quick-format]")).toHaveText([
      "PDF 文件",
      "Word 文件（.docx）",
      "Excel 工作簿（.xlsx）",
    ]);
    expect((await quick.boundingBox())!.y).toBeLessThan(844);
    await look(page, { path: `${SHOTS}/disclosure-phone-top.png` });
    // The procurement table scrolls inside its box, the hint above it says so.
    const procurement = page.locator("#table-procurement");
    await procurement.scrollIntoViewIfNeeded();
    await expect(page.locator("#section-procurement .dd-scroll-hint")).toBeVisible();
    expect(await procurement.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await look(page.locator("#section-procurement"), { path: `${SHOTS}/procurement-phone.png` });
    // A 绩效目标表's six columns keep a readable width and scroll in their box under the same hint:
    // squeezed, 一级/二级/三级 were one character wide. The page itself never scrolls sideways.
    const indicators = page.locator("#table-indicators-1");
    await indicators.scrollIntoViewIfNeeded();
    await expect(page.locator("p.dd-scroll-hint-phone:has(+ #table-indicators-1)")).toBeVisible();
    expect(await indicators.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    const level3 = indicators.locator("th", { hasText: "三级指标" });
    expect((await level3.boundingBox())!.width).toBeGreaterThanOrEqual(4 * 14);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await look(page, { path: `${SHOTS}/indicator-table-phone.png` });
    // A long 依据 is folded to its first words; 展开 shows the rest.
    const fold = page.locator("#section-performance details.dd-fold").first();
    await fold.scrollIntoViewIfNeeded();
    const row = fold.locator("xpath=ancestor::tr[1]");
    const folded = (await row.boundingBox())!.height;
    expect(folded).toBeLessThan(844 / 2);
    await look(page, { path: `${SHOTS}/indicators-phone.png` });
    await fold.locator("summary").click();
    await expect(fold).toHaveAttribute("open", "");
    expect((await row.boundingBox())!.height).toBeGreaterThan(folded);
    await context.close();
  });

  test("reads like the fixture: merged indicator cells, figures right-aligned, charts of the money", async ({
    page,
  }) => {
    await page.goto(PAGE);
    // On a desk's screen a 绩效目标表 fits its page: no hint, nothing to scroll.
    await expect(page.locator("p.dd-scroll-hint-phone:has(+ #table-indicators-1)")).toBeHidden();
    expect(await page.locator("#table-indicators-1").evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    // Indicator tables: 一级指标 cells span the rows of their 二级指标.
    const merged = page.locator("#section-performance table td[rowspan], #section-performance table th[rowspan]");
    expect(await merged.count()).toBeGreaterThan(3);
    // An amount cell is right-aligned in tabular digits.
    const amount = page.locator("#section-procurement .dd-table-wrap td.r").first();
    await expect(amount).toBeVisible();
    expect(await amount.evaluate((el) => getComputedStyle(el).textAlign)).toBe("right");
    // The charts: composition of income and spending, the change against last year, as SVG with their figures.
    for (const id of ["income", "expenditure", "change"]) await expect(page.locator(`#chart-${id} svg`)).toBeVisible();
    await expect(page.locator("#chart-income")).toContainText("收入构成");
    await expect(page.locator("#chart-change svg")).toHaveAttribute("aria-label", /2020年预算/);
    // No table is cut: each fits its column or scrolls inside its own box, never the page.
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(pageWidth).toBe(true);
    await look(page, { path: `${SHOTS}/disclosure-top.png` });
    await look(page, { path: `${SHOTS}/disclosure-full.png`, fullPage: true });
    await look(page.locator("#section-budget"), { path: `${SHOTS}/disclosure-budget.png` });
    await look(page.locator("#section-performance .dd-table-wrap").first(), { path: `${SHOTS}/indicator-table.png` });
    await look(page.locator("#section-procurement"), { path: `${SHOTS}/procurement.png` });
  });

  test("is readable without JavaScript and prints as the document alone", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(PAGE);
    for (const heading of SECTIONS) await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
    await expect(page.locator("#chart-income svg")).toBeVisible();
    await expect(page.getByTestId("revision-history")).toContainText("首次公开");
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("heading", { level: 2, name: "下载" })).toBeHidden();
    await expect(page.locator("header").first()).toBeHidden();
    await look(page, { path: `${SHOTS}/print.png` });
    await context.close();
  });

  test("serves every published format byte for byte, with its checksum", async ({ page, request }) => {
    await page.goto(PAGE);
    const links = page.locator("a[data-format]");
    const formats = await links.evaluateAll((as) => as.map((a) => a.getAttribute("data-format")));
    expect(formats).toEqual([
      "pdf",
      "docx",
      "xlsx",
      "json",
      "csv-indicators",
      "csv-procurement",
      "csv-tables",
      "datapackage",
    ]);
    for (const href of await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute("href")!))) {
      const response = await request.get(href);
      expect(response.status()).toBe(200);
      const body = await response.body();
      expect(createHash("sha256").update(body).digest("hex")).toBe(response.headers()["x-content-sha256"]);
      expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="434-2020-r1[.-]/);
      const again = await request.get(href);
      expect((await again.body()).equals(body)).toBe(true);
      if (href.endsWith(".pdf")) {
        expect(body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
        writeFileSync(`${SHOTS}/434-2020-r1.pdf`, body);
      }
      if (href.endsWith(".json"))
        expect(JSON.parse(body.toString("utf8")).title).toBe("三河市人民政府办公室2020年部门预算信息公开情况说明");
    }
    expect((await request.get(`${PAGE}/files/1/434-2020-r9.pdf`)).status()).toBe(404);
    expect((await request.get(`${PAGE}/files/7/434-2020-r1.pdf`)).status()).toBe(404);
  });

  test("prints the ten budget tables after the text: on the page, on a phone, in Word, PDF and Excel", async ({
    page,
    request,
    browser,
  }) => {
    const titles = [
      "表1 部门收支总表",
      "表2 部门收入总表",
      "表3 部门支出总表",
      "表4 财政拨款收支总表",
      "表5 一般公共预算支出表",
      "表6 一般公共预算基本支出表",
      "表7 一般公共预算“三公”经费支出表",
      "表8 政府性基金预算支出表",
      "表9 国有资本经营预算支出表",
      "表10 项目支出表",
    ];
    await page.goto(PAGE);
    const appendix = page.locator("#section-tables");
    await expect(appendix.getByRole("heading", { level: 2 })).toHaveText("附表：2020年部门预算公开表");
    for (const title of titles) await expect(appendix.getByText(title, { exact: true })).toBeVisible();
    // Codes as text, the 合计 of 表3 as the fixture's 支出合计.
    const table3 = appendix.locator("#table-budget-table-3");
    await expect(table3.getByRole("cell", { name: "2010301", exact: true })).toBeVisible();
    await expect(
      table3.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "合计", exact: true }) }),
    ).toContainText("2,765.39");
    await table3.scrollIntoViewIfNeeded();
    await look(page, { path: `${SHOTS}/tables.png` });

    // On a phone the wide tables scroll inside their box; the page itself does not.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const small = await phone.newPage();
    await small.goto(PAGE);
    const box = small.locator("#table-budget-table-5");
    await box.scrollIntoViewIfNeeded();
    expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await look(small, { path: `${SHOTS}/tables-phone.png` });
    await phone.close();

    const file = async (format: string) => {
      const href = await page.locator(`a[data-format="${format}"]`).getAttribute("href");
      const response = await request.get(href!);
      expect(response.status()).toBe(200);
      return response.body();
    };
    const docx = await JSZip.loadAsync(await file("docx"));
    const wordText = (await docx.file("word/document.xml")!.async("string")).replace(/<[^>]+>/g, "");
    let at = wordText.indexOf("九、其他需要说明的事项");
    for (const title of titles) {
      const next = wordText.indexOf(title, at);
      expect(next, title).toBeGreaterThan(at);
      at = next;
    }
    const pdf = `${SHOTS}/434-2020-tables.pdf`;
    writeFileSync(pdf, await file("pdf"));
    const pdfText = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    for (const title of titles) expect(pdfText, title).toContain(title);
    const lastPage = pdfText.split("\f").filter((p) => p.trim()).length;
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "60",
      "-f",
      String(lastPage),
      "-l",
      String(lastPage),
      pdf,
      `${SHOTS}/pdf-last`,
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await file("xlsx")) as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(titles));
  });

  test("answers a year or department with nothing published with a page, not an error", async ({ page }) => {
    const response = await page.goto("/public/2019/434");
    expect(response?.status()).toBe(404);
    const none = await page.goto("/public/2020/434?revision=5");
    expect(none?.status()).toBe(404);
  });
});
