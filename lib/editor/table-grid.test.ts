import { describe, expect, it } from "vitest";
import { centsToAmount } from "../domain/money";
import { emptyTables, tableDefinitions } from "../domain/budget-tables";
import { classification2020, sanhe2020Tables } from "../domain/__fixtures__/sanhe-2020-tables";
import {
  catalogueKind,
  newTableRow,
  parseCellAmount,
  rowFieldPath,
  searchCatalogue,
  shownRows,
  withLineCell,
  withoutRow,
  withRow,
} from "./table-grid";

const functional = classification2020().entries("功能");

describe("the budget table grid", () => {
  it("reads a typed amount exactly, as 万元 with two decimals, and refuses what is no amount", () => {
    expect(parseCellAmount("1,062.44")).toEqual({ value: "1062.44" });
    expect(parseCellAmount("１０６２.４")).toEqual({ value: "1062.40" });
    expect(parseCellAmount(" 99 ")).toEqual({ value: "99.00" });
    expect(parseCellAmount("0.1")).toEqual({ value: "0.10" });
    expect(parseCellAmount("12345678901234.56")).toEqual({ value: "12345678901234.56" });
    expect(parseCellAmount("")).toEqual({ value: null });
    expect(parseCellAmount("1.230")).toEqual({ value: "1.23" });
    expect(parseCellAmount("1.234")).toHaveProperty("error");
    expect(parseCellAmount("一百")).toEqual({ error: "“一百”不是金额，请填写万元数，如 1062.44" });
  });

  it("offers catalogue entries by code or by name, the code itself first", () => {
    expect(searchCatalogue(functional, "2010301")[0]).toMatchObject({ code: "2010301", name: "行政运行" });
    expect(searchCatalogue(functional, "20103").map((e) => e.code)[0]).toBe("20103");
    expect(searchCatalogue(functional, "20103").every((e) => e.code.startsWith("20103"))).toBe(true);
    const byName = searchCatalogue(functional, "行政运行");
    expect(byName[0].name).toBe("行政运行");
    expect(byName.map((e) => e.code)).toContain("2010301");
    expect(searchCatalogue(functional, "不存在的科目")).toEqual([]);
    expect(searchCatalogue(functional, "", 3)).toHaveLength(3);
  });

  it("chooses codes from the catalogue the table is classified by", () => {
    expect(catalogueKind(tableDefinitions.expenditure)).toBe("功能");
    expect(catalogueKind(tableDefinitions.generalBudgetBasic)).toBe("经济");
    expect(catalogueKind(tableDefinitions.project)).toBe("功能");
    expect(catalogueKind(tableDefinitions.income)).toBeNull();
    expect(catalogueKind(tableDefinitions.threePublic)).toBeNull();
  });

  it("shows the rows with computed 类/款 subtotals, a row without a code yet at the bottom", () => {
    const def = tableDefinitions.expenditure;
    const table = sanhe2020Tables().expenditure;
    const added = { ...table, rows: [...table.rows, newTableRow(def)] };
    const shown = shownRows(def, added, (kind, code) => classification2020().nameOf(kind, code));
    expect(shown.rows[0]).toMatchObject({ code: "201", name: "一般公共服务支出", index: null, level: 1 });
    expect(shown.rows.at(-1)).toMatchObject({ code: "", index: table.rows.length });
    expect(centsToAmount(shown.total.total)).toBe("2765.39");
    expect(newTableRow(def).amounts).toEqual({ personnel: null, publicOperating: null, project: null });
  });

  it("changes one row or line and leaves the rest as they were", () => {
    const table = sanhe2020Tables().expenditure;
    const row = { ...table.rows[0], code: "2010302" };
    const changed = withRow(table, 0, row);
    expect(changed.rows[0]).toBe(row);
    expect(changed.rows[1]).toBe(table.rows[1]);
    expect(withoutRow(table, 0).rows).toHaveLength(table.rows.length - 1);
    const lines = withLineCell(emptyTables().threePublic, "reception", "current", "1.00");
    expect(lines.lines?.reception).toEqual({ current: "1.00", priorYear: null });
    expect(rowFieldPath("expenditure", 2, "code")).toBe("tables.expenditure.rows[2].code");
    expect(rowFieldPath("expenditure", 2, "project")).toBe("tables.expenditure.rows[2].amounts.project");
  });
});
