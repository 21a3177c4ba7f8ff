import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { exampleDisclosure } from "../render/__fixtures__/example-disclosure";
import { FORMULA_LIKE_TEXTS, HOSTILE_TEXTS, LONG_TEXT, hostileDisclosure } from "./__fixtures__/hostile-disclosure";
import { sheetTables } from "./sheet-tables";
import { expectedSheetText, readXlsxTables, renderXlsx } from "./xlsx";
import { hasQuotePrefix } from "./xlsx-text";
import { sanhe2020 } from "../domain/__fixtures__/sanhe-2020";

describe("renderXlsx", () => {
  it("puts every table on its own sheet and reads back the same tables, cell text for cell text", async () => {
    const tables = await readXlsxTables(await renderXlsx(exampleDisclosure));
    expect(Object.keys(tables)).toEqual([
      "概况",
      "收支总表",
      "三公经费",
      "绩效目标表",
      "政府采购",
      "国有资产",
      "机构设置",
    ]);
    for (const table of sheetTables(exampleDisclosure))
      expect(tables[table.name], table.name).toEqual(expectedSheetText(table));
  });

  it("reads back the fixture's tables: all 107 indicators, every figure to the cent", async () => {
    const golden = sanhe2020();
    const tables = await readXlsxTables(await renderXlsx(golden));
    for (const table of sheetTables(golden)) expect(tables[table.name], table.name).toEqual(expectedSheetText(table));
    expect(tables.绩效目标表).toHaveLength(108);
    expect(tables.三公经费[1]).toEqual(["合计", "252.89", "253.00", "-0.11", ""]);
  });

  it("writes amounts as numbers formatted 0.00 and computes changes exactly", async () => {
    const tables = await readXlsxTables(await renderXlsx(exampleDisclosure));
    expect(tables.收支总表[6]).toEqual(["支出合计", "2765.39", "2671.20", "94.19"]);
    expect(tables.三公经费[5]).toEqual(["  公务用车运维费", "30.00", "33.00", "-3.00", ""]);
    expect(tables.政府采购[1].slice(0, 8)).toEqual([
      "政府其他综合业务费",
      "53.94",
      "轿车",
      "A02030501",
      "辆",
      "3",
      "17.98",
      "53.94",
    ]);
    expect(tables.国有资产[2]).toEqual(["1、房屋（平方米）", "6841.88", "431.38"]);
    const sheet = await (await JSZip.loadAsync(await renderXlsx(exampleDisclosure)))
      .file("xl/worksheets/sheet2.xml")!
      .async("string");
    expect(sheet).toMatch(/<c r="B2" s="\d+"><v>2765\.39<\/v><\/c>/);
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
  });

  it("lists every indicator row with its project", async () => {
    const rows = (await readXlsxTables(await renderXlsx(exampleDisclosure))).绩效目标表;
    expect(rows[0]).toEqual([
      "序号",
      "项目名称",
      "一级指标",
      "二级指标",
      "三级指标",
      "绩效指标描述",
      "指标值",
      "指标值确定依据",
      "权重",
      "指标方向",
    ]);
    expect(rows).toHaveLength(1 + exampleDisclosure.performance.projects.flatMap((p) => p.indicators).length);
    expect(rows[1].slice(0, 7)).toEqual([
      "1",
      "市志编纂业务费",
      "产出指标",
      "数量指标",
      "培训修志队伍",
      "培训次数",
      "=2.00次",
    ]);
  });

  it("keeps formulas, markup and long text as plain strings", async () => {
    const bytes = await renderXlsx(hostileDisclosure());
    const zip = await JSZip.loadAsync(bytes);
    const sheets = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => n.startsWith("xl/worksheets/sheet"))
        .map((n) => zip.file(n)!.async("string")),
    );
    expect(sheets.join("")).not.toMatch(/<f>|<f /);
    const tables = await readXlsxTables(bytes);
    const names = tables.绩效目标表.map((r) => r[4]);
    const items = tables.政府采购.map((r) => r[2]);
    for (const text of HOSTILE_TEXTS) {
      expect(names).toContain(text);
      expect(items).toContain(text);
    }
  });

  it("stores formula-like text with the quote prefix, so it stays text when edited, its value exactly the text", async () => {
    const bytes = await renderXlsx(hostileDisclosure());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet("绩效目标表")!;
    const seen = new Map<string, { prefixed: boolean; address: string }>();
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      for (const column of [5, 7]) {
        const cell = row.getCell(column);
        if (typeof cell.value === "string")
          seen.set(cell.value, { prefixed: hasQuotePrefix(cell), address: cell.address });
      }
    });
    for (const text of FORMULA_LIKE_TEXTS) expect(seen.get(text)?.prefixed, JSON.stringify(text)).toBe(true);
    // The 指标值 "=2.00次" of the example's first indicator, too; plain text has no prefix.
    expect(seen.get("=2.00次")?.prefixed).toBe(true);
    for (const text of ["<script>alert(1)</script>", LONG_TEXT, "培训修志队伍", "<0.10%"])
      expect(seen.get(text)?.prefixed, text).toBe(false);

    // In the file itself (not through the reader this module teaches): the cell's style says quotePrefix="1".
    const zip = await JSZip.loadAsync(bytes);
    const styles = await zip.file("xl/styles.xml")!.async("string");
    const xfs = styles.match(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/)![1].match(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)!;
    const xml = await zip.file("xl/worksheets/sheet4.xml")!.async("string");
    const styleOf = (address: string) => xfs[Number(xml.match(new RegExp(`<c r="${address}" s="(\\d+)"`))![1])];
    expect(styleOf(seen.get('=HYPERLINK("http://x","y")')!.address)).toMatch(/^<xf [^>]*quotePrefix="1"/);
    expect(styleOf(seen.get("＠cmd")!.address)).toMatch(/^<xf [^>]*quotePrefix="1"/);
    expect(styleOf(seen.get("培训修志队伍")!.address)).not.toContain("quotePrefix");
  });

  it("gives the same bytes twice", async () => {
    const [a, b] = [await renderXlsx(exampleDisclosure), await renderXlsx(exampleDisclosure)];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
