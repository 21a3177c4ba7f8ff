import { describe, expect, it } from "vitest";
import { centsToAmount } from "./money";
import { sanhe2020 } from "./__fixtures__/sanhe-2020";
import {
  budgetTables,
  cellValue,
  computeTable,
  emptyTables,
  isEmptyTable,
  tableDefinitions,
  textBindings,
} from "./budget-tables";
import { disclosureLimits } from "./limits";
import { disclosure } from "./model";

const expenditure = tableDefinitions.expenditure;

describe("the standard budget tables", () => {
  it("are the ten of the reference, numbered 1 to 10, each with its 空表说明", () => {
    expect(budgetTables.map((t) => `${t.number}${t.title}`)).toEqual([
      "1部门收支总表",
      "2部门收入总表",
      "3部门支出总表",
      "4财政拨款收支总表",
      "5一般公共预算支出表",
      "6一般公共预算基本支出表",
      "7一般公共预算“三公”经费支出表",
      "8政府性基金预算支出表",
      "9国有资本经营预算支出表",
      "10项目支出表",
    ]);
    for (const t of budgetTables) expect(t.emptyNote).toMatch(/故本表为空表$/);
  });

  it("leave a disclosure without tables valid, and parse one with them", () => {
    const d = sanhe2020();
    expect(d.tables).toBeUndefined();
    expect(disclosure.safeParse(d).success).toBe(true);
    const withTables = disclosure.parse({ ...d, tables: emptyTables() });
    expect(Object.keys(withTables.tables ?? {})).toHaveLength(10);
    expect(withTables.tables?.governmentFund.emptyNote).toBe("本部门无政府性基金预算支出，故本表为空表");
  });

  it("store only input columns: a typed subtotal is dropped, a float or an oversized figure refused", () => {
    const tables = emptyTables();
    tables.expenditure.rows.push({
      code: "2010301",
      name: "行政运行",
      amounts: { personnel: "1.00", publicOperating: "2.00", project: null, basic: "9.99" },
    });
    const parsed = disclosure.parse({ ...sanhe2020(), tables });
    expect(parsed.tables?.expenditure.rows[0].amounts).toEqual({
      personnel: "1.00",
      publicOperating: "2.00",
      project: null,
    });
    tables.expenditure.rows[0].amounts.personnel = "1.5";
    expect(disclosure.safeParse({ ...sanhe2020(), tables }).success).toBe(false);
    tables.expenditure.rows[0].amounts.personnel = "12345678901234.00";
    expect(disclosure.safeParse({ ...sanhe2020(), tables }).success).toBe(false);
  });

  it("refuse more rows than a table may hold", () => {
    const tables = emptyTables();
    const row = {
      code: "2010301",
      name: "行政运行",
      amounts: { personnel: null, publicOperating: null, project: null },
    };
    tables.expenditure.rows = Array.from({ length: disclosureLimits.tableRows + 1 }, () => row);
    const result = disclosure.safeParse({ ...sanhe2020(), tables });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toContain("超过每张预算公开表");
  });

  it("compute 类 = Σ款 = Σ项, each row's 合计 and the table's 合计, in code order", () => {
    const tables = emptyTables();
    tables.expenditure.rows = [
      {
        code: "2080505",
        name: "机关事业单位基本养老保险缴费支出",
        amounts: { personnel: "10.00", publicOperating: null, project: null },
      },
      { code: "2010301", name: "行政运行", amounts: { personnel: "100.00", publicOperating: "20.50", project: null } },
      {
        code: "2010302",
        name: "一般行政管理事务",
        amounts: { personnel: null, publicOperating: null, project: "7.25" },
      },
    ];
    const names: Record<string, string> = { "201": "一般公共服务支出", "20103": "政府办公厅（室）及相关机构事务" };
    const c = computeTable(expenditure, tables.expenditure, (_k, code) => names[code]);
    expect(c.rows.map((r) => [r.code, r.level, r.index, centsToAmount(r.values.total)])).toEqual([
      ["201", 1, null, "127.75"],
      ["20103", 2, null, "127.75"],
      ["2010301", 3, 1, "120.50"],
      ["2010302", 3, 2, "7.25"],
      ["208", 1, null, "10.00"],
      ["20805", 2, null, "10.00"],
      ["2080505", 3, 0, "10.00"],
    ]);
    expect(c.rows[0].name).toBe("一般公共服务支出");
    expect(centsToAmount(c.total.basic)).toBe("130.50");
    expect(centsToAmount(c.total.total)).toBe("137.75");
  });

  it("compute lines: the 三公 total, the vehicles subtotal and 增减", () => {
    const tables = emptyTables();
    tables.threePublic.lines = {
      outbound: { current: "0.00", priorYear: "0.00" },
      vehiclePurchase: { current: "53.94", priorYear: "0.00" },
      vehicleOperation: { current: "30.00", priorYear: "33.00" },
      reception: { current: "168.95", priorYear: "220.00" },
    };
    const c = computeTable(tableDefinitions.threePublic, tables.threePublic);
    expect(centsToAmount(c.lines.total.current)).toBe("252.89");
    expect(centsToAmount(c.lines.vehicles.change)).toBe("50.94");
    expect(centsToAmount(c.lines.total.change)).toBe("-0.11");
    expect(isEmptyTable(tables.threePublic)).toBe(false);
    expect(isEmptyTable(emptyTables().threePublic)).toBe(true);
  });

  it("bind every figure of the text's sections 二, 三, 四 to a cell", () => {
    const paths = textBindings.map((b) => b.path);
    expect(paths).toContain("budget.expenditure.basic");
    expect(paths).toContain("operatingExpenses.amount");
    expect(paths).toContain("threePublic.priorYear.vehicleOperation");
    expect(new Set(paths).size).toBe(paths.length);
    const tables = emptyTables();
    tables.incomeExpenditure.lines!.businessIncome.amount = "3.00";
    tables.incomeExpenditure.lines!.carryOver.amount = "1.50";
    const other = textBindings.find((b) => b.path === "budget.income.other")!;
    expect(centsToAmount(cellValue(tables, other.cell))).toBe("4.50");
  });
});
