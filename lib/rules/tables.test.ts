import { describe, expect, it } from "vitest";
import { budgetTables, textBindings, type TableId } from "../domain/budget-tables";
import { classification2020, sanhe2020WithTables } from "../domain/__fixtures__/sanhe-2020-tables";
import type { Disclosure } from "../domain/model";
import { money, toAmount } from "../domain/money";
import { getAt, isWithin, setAt } from "../domain/paths";
import { checkDisclosure } from "./engine";

/**
 * The demo's tables (an illustrative reconstruction of 434's 2020 budget, agreeing with every
 * figure of the published text) against the rules: untouched, not one error of the tables'; any
 * one cell or bound text figure changed, an error where the change is.
 */
const classification = classification2020();
const errors = (d: Disclosure) =>
  checkDisclosure(d, { classification }).filter(
    (f) =>
      f.severity === "error" &&
      (f.rule.startsWith("tables.") ||
        f.rule.startsWith("budget.") ||
        f.rule.startsWith("three-public.") ||
        f.rule.startsWith("operating-expenses.")),
  );

/** Every typed cell of the demo: rows' amounts and lines' cells. */
function cellPaths(d: Disclosure): Array<{ table: TableId; path: string }> {
  const out: Array<{ table: TableId; path: string }> = [];
  for (const def of budgetTables) {
    const t = d.tables![def.id];
    t.rows.forEach((row, i) => {
      for (const key of Object.keys(row.amounts))
        out.push({ table: def.id, path: `tables.${def.id}.rows[${i}].amounts.${key}` });
    });
    for (const [line, cells] of Object.entries(t.lines ?? {}))
      for (const key of Object.keys(cells)) out.push({ table: def.id, path: `tables.${def.id}.lines.${line}.${key}` });
  }
  return out;
}

describe("the demo's budget tables", () => {
  it("give no error finding, and agree with every figure of the text", () => {
    const d = sanhe2020WithTables();
    expect(errors(d)).toEqual([]);
    expect(checkDisclosure(d, { classification }).filter((f) => f.rule.startsWith("tables."))).toEqual([]);
    expect(d.performance.projects.every((p) => p.amount !== null)).toBe(true);
  });

  const demo = sanhe2020WithTables();
  const cells = cellPaths(demo);

  it("have cells in every table that is not empty", () => {
    const tables = new Set(cells.map((c) => c.table));
    expect([...tables].sort()).toEqual(
      budgetTables
        .map((t) => t.id)
        .filter((id) => id !== "governmentFund" && id !== "stateCapital")
        .sort(),
    );
    expect(cells.length).toBeGreaterThan(200);
  });

  it.each(cells)(
    "changing $path by 0.01 gives an error at that table or the text figure it is read into",
    ({ table, path }) => {
      const d = setAt(
        sanhe2020WithTables(),
        path,
        toAmount(money((getAt(demo, path) as string | null) ?? 0).plus("0.01")),
      );
      const found = errors(d);
      const readInto = textBindings.filter((b) => b.cell.table === table).map((b) => b.path);
      const at = (p: string) =>
        isWithin(p, `tables.${table}`) ||
        readInto.includes(p) ||
        (table === "project" && /^performance\.projects\[\d+\]\.amount$/.test(p));
      expect(found.filter((f) => at(f.path)).length).toBeGreaterThan(0);
      // The changed cell itself is named when an identity compares it row by row.
      if (path.includes(".rows[") && found.some((f) => f.rule === "tables.rows-agree"))
        expect(found.some((f) => f.path === path || path.startsWith(`${f.path}.`))).toBe(true);
    },
  );

  it.each(textBindings.map((b) => b.path))(
    "changing the text's %s gives an error there, fixed by the table's figure",
    (path) => {
      const original = getAt(demo, path) as string;
      const d = setAt(sanhe2020WithTables(), path, toAmount(money(original).plus("0.01")));
      const found = checkDisclosure(d, { classification }).filter((f) => f.rule === "tables.text-figure");
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ path, severity: "error", fix: { label: "填入表中数", value: original } });
      const fixed = setAt(d, path, found[0].fix?.value);
      expect(errors(fixed)).toEqual([]);
    },
  );

  it("each project's amount is its 项目支出表 row, the fix filling it in", () => {
    const d = sanhe2020WithTables();
    d.performance.projects[12].amount = "173.67";
    const [f] = checkDisclosure(d).filter((x) => x.rule === "tables.project-amount");
    expect(f).toMatchObject({ path: "performance.projects[12].amount", fix: { value: "173.66" } });
    d.performance.projects[12].name = "农交会";
    expect(checkDisclosure(d).filter((x) => x.rule === "tables.project-amount")[0].message).toBe(
      "表10 项目支出表中没有项目「农交会」",
    );
  });

  it("ask a row added without a code for its 科目, not for digits", () => {
    const d = sanhe2020WithTables();
    const tables = d.tables!;
    const blank = { personnel: null, publicOperating: null };
    const fRow = tables.expenditure.rows.push({ code: "", name: "", amounts: { ...blank, project: null } }) - 1;
    const eRow = tables.generalBudgetBasic.rows.push({ code: " ", name: "", amounts: blank }) - 1;
    const codePath = (table: string, i: number) => `tables.${table}.rows[${i}].code`;
    const found = checkDisclosure(d, { classification }).filter((x) => x.rule.startsWith("tables.code"));
    expect(found.map((x) => [x.path, x.message, x.severity])).toEqual([
      [codePath("expenditure", fRow), "请选择功能分类科目", "error"],
      [codePath("generalBudgetBasic", eRow), "请选择经济分类科目", "error"],
    ]);
    // A code that is typed but not a code still says what is wrong with it.
    tables.expenditure.rows[fRow].code = "20a";
    expect(checkDisclosure(d, { classification }).find((x) => x.path === codePath("expenditure", fRow))?.message).toBe(
      "科目编码只能由数字组成（「20a」）",
    );
  });

  it("stay silent for a disclosure without tables", () => {
    const d = sanhe2020WithTables();
    delete d.tables;
    expect(checkDisclosure(d, { classification }).filter((f) => f.rule.startsWith("tables."))).toEqual([]);
  });
});
