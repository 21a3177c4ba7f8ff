import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import { budgetTables, numberedTitle } from "../domain/budget-tables";
import { classification2020, sanhe2020WithTables } from "../domain/__fixtures__/sanhe-2020-tables";
import type { Disclosure } from "../domain/model";
import { FORMULA_LIKE_TEXTS } from "./__fixtures__/hostile-disclosure";
import { renderBundle } from "./bundle";
import { budgetTablesCsv, parseCsv, readSpreadsheetText } from "./csv";
import { BUDGET_CSV, renderDatapackage, TABLES_CSV } from "./datapackage";
import { renderDocx } from "./docx";
import { documentXmlToLines } from "./docx-read";
import { PdfPrinter, renderPdf } from "./pdf";
import { readXlsxTables, renderXlsx } from "./xlsx";

/**
 * The standard budget tables in every published format (issue 15), on the demo's tables of 434:
 * titled and numbered as defined, codes as text, 类/款/项 indented, computed subtotals and 合计,
 * 空表说明 under an empty table; and a disclosure without tables exported exactly as before.
 */

const withTables = sanhe2020WithTables();
const withoutTables = (): Disclosure => {
  const d = sanhe2020WithTables();
  delete d.tables;
  return d;
};
const nameOf = classification2020().nameOf;
const titles = budgetTables.map(numberedTitle);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const documentXml = async (bytes: Uint8Array) =>
  (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");

const printer = new PdfPrinter();
const dir = mkdtempSync(path.join(tmpdir(), "budget-tables-"));
afterAll(async () => {
  await printer.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("Word", () => {
  it("prints the tables after the text, titled 表1 … 表10 in order, each with its grid", async () => {
    const lines = documentXmlToLines(await documentXml(await renderDocx(withTables, { nameOf })));
    const start = lines.indexOf("附表：2020年部门预算公开表");
    expect(start).toBeGreaterThan(lines.indexOf("九、其他需要说明的事项"));
    const captions = lines.slice(start).filter((l) => /^表\d+ /.test(l));
    expect(captions).toEqual(titles);
  });

  it("keeps codes as text, indents 款 and 项 rows, and prints the computed subtotals and 合计", async () => {
    const xml = await documentXml(await renderDocx(withTables, { nameOf }));
    // 项 行政运行: two steps in; 款 20103: one step in, its subtotal computed.
    expect(xml).toMatch(/<w:ind w:left="420"\/>(?:(?!<\/w:p>).)*<w:t[^>]*>行政运行<\/w:t>/);
    expect(xml).toMatch(/<w:ind w:left="210"\/>(?:(?!<\/w:p>).)*<w:t[^>]*>政府办公厅（室）及相关机构事务<\/w:t>/);
    expect(xml).toContain(">2010301</w:t>");
    expect(xml).toContain(">1,159.29</w:t>");
    expect(xml).toContain(">2,765.39</w:t>");
    expect(xml).toContain(">本部门无政府性基金预算支出，故本表为空表</w:t>");
    expect(xml).toContain(">本部门无国有资本经营预算支出，故本表为空表</w:t>");
  });

  it("prints a disclosure without tables exactly as before: nothing added, nothing changed", async () => {
    const before = documentXmlToLines(await documentXml(await renderDocx(withoutTables())));
    const after = documentXmlToLines(await documentXml(await renderDocx(withTables, { nameOf })));
    expect(before.join("\n")).not.toContain("附表");
    expect(after.slice(0, before.length)).toEqual(before);
  });
});

describe("PDF", () => {
  it("prints the tables after the text: titles in order, codes, subtotals, 空表说明", async () => {
    const file = path.join(dir, "tables.pdf");
    writeFileSync(file, await renderPdf(withTables, { printer, nameOf }));
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
    const flat = text.replace(/\s+/g, "");
    let at = flat.indexOf("附表：2020年部门预算公开表");
    expect(at).toBeGreaterThan(flat.indexOf("九、其他需要说明的事项"));
    for (const title of titles) {
      const next = flat.indexOf(title.replace(/\s+/g, ""), at);
      expect(next, title).toBeGreaterThan(at);
      at = next;
    }
    for (const s of ["2010301", "行政运行", "1,159.29", "本部门无政府性基金预算支出，故本表为空表"])
      expect(flat).toContain(s);
  }, 60_000);
});

describe("Excel", () => {
  it("adds one sheet per table, named by its title, after the existing sheets", async () => {
    const sheets = await readXlsxTables(await renderXlsx(withTables, { nameOf }));
    const before = await readXlsxTables(await renderXlsx(withoutTables()));
    expect(Object.keys(sheets)).toEqual([...Object.keys(before), ...titles]);
    for (const name of Object.keys(before)) expect(sheets[name], name).toEqual(before[name]);
  });

  it("writes codes as text cells and money as numbers to two decimals, 合计 and subtotals included", async () => {
    const bytes = await renderXlsx(withTables, { nameOf });
    const t = (await readXlsxTables(bytes))["表3 部门支出总表"];
    expect(t[0]).toEqual([
      "科目编码",
      "科目名称",
      "合计",
      "基本支出·小计",
      "基本支出·人员经费",
      "基本支出·公用经费",
      "项目支出",
    ]);
    expect(t[1]).toEqual(["", "合计", "2765.39", "1162.43", "1062.44", "99.99", "1602.96"]);
    expect(t.find((r) => r[0] === "20103")).toEqual([
      "20103",
      "政府办公厅（室）及相关机构事务",
      "1159.29",
      "839.99",
      "740.00",
      "99.99",
      "319.30",
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.getWorksheet("表3 部门支出总表")!;
    const row = sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(1).value === "2010301")!;
    expect(typeof row.getCell(1).value).toBe("string");
    expect(row.getCell(2).alignment.indent).toBe(2);
    expect(row.getCell(3).value).toBe(839.99);
    expect(row.getCell(3).numFmt).toBe("0.00");
    const empty = (await readXlsxTables(bytes))["表8 政府性基金预算支出表"];
    expect(empty[1]).toEqual(["", "合计", "0.00", "0.00", "0.00"]);
  });

  it("stacks 收入 lines and 支出 rows of 表1 under their headings", async () => {
    const t = (await readXlsxTables(await renderXlsx(withTables, { nameOf })))["表1 部门收支总表"];
    expect(t[1]).toEqual(["", "收入", ""]);
    expect(t.find((r) => r[1] === "收入合计")).toEqual(["", "收入合计", "2765.39"]);
    expect(t.find((r) => r[1] === "支出")).toEqual(["", "支出", ""]);
    expect(t.find((r) => r[0] === "201")).toEqual(["201", "一般公共服务支出", "1517.95"]);
  });
});

describe("CSV and the data package", () => {
  it("lists every entered figure with its functional, economic or unit classification, in 万元", () => {
    const [head, ...rows] = parseCsv(decode(budgetTablesCsv(withTables, nameOf)));
    expect(head).toEqual([
      "预算年度",
      "部门编码",
      "部门名称",
      "表号",
      "表名",
      "收支",
      "单位代码",
      "单位名称",
      "功能分类科目编码",
      "功能分类科目名称",
      "经济分类科目编码",
      "经济分类科目名称",
      "项目名称",
      "项目（行）",
      "栏目",
      "金额（万元）",
    ]);
    const col = (name: string) => head.indexOf(name);
    const personnel = rows.find(
      (r) =>
        r[col("表号")] === "3" && r[col("功能分类科目编码")] === "2010301" && r[col("栏目")] === "基本支出·人员经费",
    );
    expect(personnel?.[col("功能分类科目名称")]).toBe("行政运行");
    expect(personnel?.[col("金额（万元）")]).toBe("740.00");
    const wages = rows.find((r) => r[col("经济分类科目编码")] === "30101");
    expect(wages?.slice(col("经济分类科目名称"))).toEqual(["基本工资", "", "", "人员经费", "250.00"]);
    const project = rows.find((r) => r[col("项目名称")] === "政务公开专项经费" && r[col("栏目")] === "一般公共预算");
    expect(project?.slice(col("功能分类科目编码"), col("功能分类科目名称") + 1)).toEqual([
      "2010302",
      "一般行政管理事务",
    ]);
    expect(project?.[col("金额（万元）")]).toBe("19.30");
    // Nothing computed: no 合计, no subtotal row; the leaves of 表3 add up to its 合计.
    expect(rows.some((r) => r[col("功能分类科目编码")] === "201" && r[col("表号")] === "3")).toBe(false);
    const total = rows
      .filter((r) => r[col("表号")] === "3")
      .reduce((sum, r) => sum + Math.round(Number(r[col("金额（万元）")]) * 100), 0);
    expect(total).toBe(276539);
    expect(
      rows.find((r) => r[col("项目（行）")] === "公务接待费" && r[col("栏目")] === "本年预算数")?.[col("金额（万元）")],
    ).toBe("168.95");
  });

  it("keeps formula-like names harmless in the CSV for people, exact in the data package", () => {
    const d = sanhe2020WithTables();
    d.tables!.project.rows = FORMULA_LIKE_TEXTS.map((name) => ({ ...d.tables!.project.rows[0], name }));
    const [head, ...rows] = parseCsv(decode(budgetTablesCsv(d)));
    const names = rows.filter((r) => r[head.indexOf("表号")] === "10").map((r) => r[head.indexOf("项目名称")]);
    for (const n of names) expect(n === readSpreadsheetText(n) ? n : "=").toMatch(/^(?![=+\-@\t\r＝＋－＠])|^=/);
    expect([...new Set(names.map(readSpreadsheetText))]).toEqual([...FORMULA_LIKE_TEXTS]);
    const [pHead, ...pRows] = parseCsv(decode(renderDatapackage(d)[TABLES_CSV]));
    const exact = pRows
      .filter((r) => r[pHead.indexOf("table_number")] === "10")
      .map((r) => r[pHead.indexOf("project")]);
    expect([...new Set(exact)]).toEqual([...FORMULA_LIKE_TEXTS]);
  });

  it("describes the tables' resource with Fiscal Data Package classification columns and dimensions", () => {
    const files = renderDatapackage(withTables, nameOf);
    expect(Object.keys(files)).toEqual(["datapackage.json", BUDGET_CSV, TABLES_CSV]);
    const descriptor = JSON.parse(decode(files["datapackage.json"]));
    const resource = descriptor.resources[1];
    expect(resource).toMatchObject({ name: "budget-tables", path: TABLES_CSV, format: "csv" });
    const types = Object.fromEntries(
      resource.schema.fields
        .filter((f: { columnType?: string }) => f.columnType)
        .map((f: { name: string; columnType: string }) => [f.name, f.columnType]),
    );
    expect(types).toMatchObject({
      functional_classification_code: "functional-classification:generic:code",
      functional_classification_name: "functional-classification:generic:label",
      economic_classification_code: "economic-classification:generic:code",
      economic_classification_name: "economic-classification:generic:label",
      amount: "value",
    });
    expect(descriptor.model.dimensions["functional-classification"]).toEqual({
      dimensionType: "classification",
      classificationType: "functional",
      attributes: {
        code: { source: "functional_classification_code", resource: "budget-tables" },
        name: { source: "functional_classification_name", resource: "budget-tables", labelfor: "code" },
      },
      primaryKey: ["code"],
    });
    expect(descriptor.model.measures.table_amount).toMatchObject({
      source: "amount",
      resource: "budget-tables",
      factor: 10000,
    });
    const [head] = parseCsv(decode(files[TABLES_CSV]));
    expect(head).toEqual(resource.schema.fields.map((f: { name: string }) => f.name));
  });

  it("leaves the package and the downloads of a disclosure without tables exactly as they were", async () => {
    const before = renderDatapackage(withoutTables());
    const after = renderDatapackage(withTables, nameOf);
    expect(Object.keys(before)).toEqual(["datapackage.json", BUDGET_CSV]);
    expect(Buffer.from(after[BUDGET_CSV]).equals(Buffer.from(before[BUDGET_CSV]))).toBe(true);
    const descriptor = JSON.parse(decode(before["datapackage.json"]));
    expect(descriptor.resources).toHaveLength(1);
    expect(Object.keys(descriptor.model.dimensions)).not.toContain("functional-classification");
    const formats = async (d: Disclosure) =>
      (await renderBundle(d, { formats: ["csv-indicators", "csv-procurement", "csv-tables", "datapackage"] })).map(
        (f) => f.fileName,
      );
    expect(await formats(withoutTables())).toEqual([
      "434-2020-indicators.csv",
      "434-2020-procurement.csv",
      "434-2020-datapackage.zip",
    ]);
    expect(await formats(withTables)).toEqual([
      "434-2020-indicators.csv",
      "434-2020-procurement.csv",
      "434-2020-tables.csv",
      "434-2020-datapackage.zip",
    ]);
  });
});
