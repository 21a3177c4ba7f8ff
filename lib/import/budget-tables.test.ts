import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { sanhe2020Tables } from "../domain/__fixtures__/sanhe-2020-tables";
import { sanhe2020 } from "../domain/__fixtures__/sanhe-2020";
import { money } from "../domain/money";
import { readBudgetTables, withBudgetTables } from "./budget-tables";
import { readBudgetTablesHere } from "./budget-tables-file";
import { readWorkbook, type WorkbookSheet } from "./xlsx-rows";

const SHIPPED = fileURLToPath(new URL("../../e2e/fixtures/sanhe-2020-tables.xlsx", import.meta.url));
const sheets = () => readWorkbook(readFileSync(SHIPPED));

describe("reading the budget tables from a workbook", () => {
  it("reads the shipped demo workbook back to the demo's tables exactly, subtotals and 合计 dropped", () => {
    const reading = readBudgetTables(sheets());
    expect(reading.notes).toEqual([]);
    expect(reading.found).toHaveLength(10);
    expect(reading.tables).toEqual(sanhe2020Tables());
  });

  it("finds sheets by their title whatever their order and tab names", () => {
    const shuffled = sheets()
      .reverse()
      .map((s, i) => ({ ...s, name: `Sheet${i + 1}` }));
    expect(readBudgetTables(shuffled).tables).toEqual(sanhe2020Tables());
  });

  it("converts a sheet in 元 to 万元 and says so", () => {
    const inYuan: WorkbookSheet[] = sheets().map((s) =>
      s.rows[0][0] === "表10 项目支出表"
        ? {
            ...s,
            rows: s.rows.map((r, i) =>
              i === 1
                ? r.map((c) => c.replace("单位：万元", "单位：元"))
                : i >= 4
                  ? r.map((c, j) => (j >= 2 && /^-?\d+\.\d\d$/.test(c) ? money(c).times(10_000).toFixed(0) : c))
                  : r,
            ),
          }
        : s,
    );
    const reading = readBudgetTables(inYuan);
    expect(reading.notes).toEqual(["表10 项目支出表以元为单位，已换算为万元（保留两位小数）。"]);
    expect(reading.tables.project).toEqual(sanhe2020Tables().project);
  });

  it("says where a typed subtotal disagrees with its parts, and which tables are missing", () => {
    const changed = sheets()
      .filter((s) => s.rows[0][0] !== "表9 国有资本经营预算支出表")
      .map((s) =>
        s.rows[0][0] === "表3 部门支出总表"
          ? { ...s, rows: s.rows.map((r) => (r[0] === "201" ? [r[0], r[1], "1517.96", ...r.slice(3)] : r)) }
          : s,
      );
    const reading = readBudgetTables(changed);
    expect(reading.notes).toEqual([
      "表3 部门支出总表第 5 行201「合计」为 1517.96，各下级科目之和为 1517.95：汇总数不另存，以下级科目之和为准。",
      "没有找到表9 国有资本经营预算支出表，按空表处理。",
    ]);
    expect(reading.tables.expenditure).toEqual(sanhe2020Tables().expenditure);
  });

  it("refuses a workbook without any budget table, and bytes that are no workbook", () => {
    expect(() => readBudgetTablesHere(new TextEncoder().encode("not a workbook"), "x.xlsx")).toThrow(/不是 Excel/);
  });

  it("fills the text's blank figures and project amounts from the tables, keeping stated ones", () => {
    const d = sanhe2020();
    d.operatingExpenses.amount = null;
    d.budget.expenditure.basic = "1.00";
    const { disclosure, notes } = withBudgetTables(d, sanhe2020Tables());
    expect(disclosure.operatingExpenses.amount).toBe("99.99");
    expect(disclosure.budget.expenditure.basic).toBe("1.00");
    expect(disclosure.performance.projects.map((p) => p.amount)).toContain("173.66");
    expect(notes[0]).toBe("文字中未写机关运行经费，已按预算公开表填入 99.99。");
    expect(notes).toHaveLength(14);
  });
});
