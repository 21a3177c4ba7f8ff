import { describe, expect, it } from "vitest";
import { sanhe2020 } from "../domain/__fixtures__/sanhe-2020";
import { fitColumns, TABLE_LINE_CHARS, textWidth } from "./column-fit";
import { gridRows, type Table } from "./outline";
import { indicatorTable, indicatorTables } from "./tables";

/** The printed lines of each row at the table's widths scaled to a line of `chars` characters. */
function rowLines(table: Table, chars: number): number[] {
  const total = table.columns.reduce((a, c) => a + c.weight, 0);
  const width = (c: number) => (table.columns[c].weight / total) * chars - 0.7;
  return gridRows(table).map((slots) =>
    Math.max(
      1,
      ...slots.flatMap((s) =>
        s.kind === "cell" && (s.cell.colSpan ?? 1) === 1 && (s.cell.rowSpan ?? 1) === 1
          ? [s.cell.text.split("\n").reduce((n, l) => n + Math.max(1, Math.ceil(textWidth(l) / width(s.column))), 0)]
          : [],
      ),
    ),
  );
}

describe("fitColumns", () => {
  const projects = sanhe2020().performance.projects;
  const fixed = projects.map((p, i) => indicatorTable(p, i));
  const fitted = indicatorTables(projects);

  it("gives the long 指标值确定依据 the width, so no indicator row of the fixture runs past five lines", () => {
    const worstFixed = Math.max(...fixed.flatMap((t) => rowLines(t, TABLE_LINE_CHARS.portrait)));
    const worstFitted = Math.max(...fitted.flatMap((t) => rowLines(t, TABLE_LINE_CHARS.portrait)));
    expect(worstFixed).toBeGreaterThanOrEqual(8);
    expect(worstFitted).toBeLessThanOrEqual(5);
    const sum = (ts: Table[]) => ts.flatMap((t) => rowLines(t, TABLE_LINE_CHARS.portrait)).reduce((a, b) => a + b, 0);
    expect(sum(fitted)).toBeLessThan(sum(fixed) * 0.8);
    const [level1, , , , , basis] = fitted[0].columns.map((c) => c.weight);
    expect(basis).toBeGreaterThan(level1 * 2);
  });

  it("sizes every project's table alike, so the tables line up page after page", () => {
    const widths = fitted.map((t) => t.columns.map((c) => c.weight).join());
    expect(new Set(widths).size).toBe(1);
  });

  it("keeps a figure on one line: a right-aligned column is at least as wide as its widest amount", () => {
    const table: Table = {
      id: "t",
      columns: [{ weight: 1 }, { weight: 1, align: "right" }],
      rows: [
        { header: true, cells: [{ text: "项目" }, { text: "金额" }] },
        { cells: [{ text: "很长的项目名称".repeat(6) }, { text: "12,345,678.90", align: "right" }] },
      ],
    };
    const [name, amount] = fitColumns(table, 42).columns.map((c) => c.weight);
    expect(amount).toBeGreaterThanOrEqual(textWidth("12,345,678.90"));
    expect(name).toBeGreaterThan(amount);
  });
});
