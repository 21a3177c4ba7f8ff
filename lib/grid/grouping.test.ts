import { describe, expect, it } from "vitest";
import type { EditableIndicator } from "../domain/editable";
import { findFramework } from "../domain/frameworks";
import { parseTarget } from "../domain/targets";
import { baseColumns, blankIndicator } from "./columns";
import { groupedIndex, insertGrouped, regroupRow } from "./grouping";
import { clipboardCells, pasteStartColumn, planPaste } from "./paste-plan";

const f2021 = findFramework("2021")!;

const row = (id: string, level1: string, level2: string, name = id): EditableIndicator => ({
  id,
  level1,
  level2,
  name,
  description: "",
  target: parseTarget(""),
  basis: "",
});

/** The demo's six rows: 产出 (数量, 质量, 时效), 成本, 效益, 满意度. */
const table: EditableIndicator[] = [
  row("n", "产出指标", "数量指标"),
  row("q", "产出指标", "质量指标"),
  row("t", "产出指标", "时效指标"),
  row("c", "成本指标", "经济成本指标"),
  row("b", "效益指标", "社会效益指标"),
  row("s", "满意度指标", "服务对象满意度指标"),
];
const ids = (rows: ReadonlyArray<EditableIndicator>) => rows.map((r) => r.id);
const blocks = (rows: ReadonlyArray<EditableIndicator>) =>
  rows.map((r) => r.level1).filter((l, i, all) => i === 0 || all[i - 1] !== l);

describe("where an arriving row goes: inside its 一级/二级 block", () => {
  it("keeps the clerk's place when it is inside or at the edge of the row's block", () => {
    expect(groupedIndex(table, row("x", "产出指标", "数量指标"), 1, f2021)).toBe(1);
    expect(groupedIndex(table, row("x", "产出指标", "数量指标"), 0, f2021)).toBe(0);
    expect(groupedIndex(table, row("x", "产出指标", "时效指标"), 3, f2021)).toBe(3);
  });
  it("moves a row put outside its block to the end of its 二级 block", () => {
    // Added after 满意度 (the last row), then given 产出指标 / 数量指标: after the 数量 row.
    expect(groupedIndex(table, row("x", "产出指标", "数量指标"), 6, f2021)).toBe(1);
    expect(groupedIndex(table, row("x", "产出指标", "时效指标"), 5, f2021)).toBe(3);
  });
  it("puts a new 二级 between two 二级 blocks where it was put when that keeps the framework's order, else in that order", () => {
    const two = [
      row("n", "产出指标", "数量指标"),
      row("t", "产出指标", "时效指标"),
      row("s", "满意度指标", "服务对象满意度指标"),
    ];
    // 质量 belongs between 数量 and 时效: there it stays; after 时效, or from outside the block, it goes there.
    expect(groupedIndex(two, row("x", "产出指标", "质量指标"), 1, f2021)).toBe(1);
    expect(groupedIndex(two, row("x", "产出指标", "质量指标"), 2, f2021)).toBe(1);
    expect(groupedIndex(two, row("x", "产出指标", "质量指标"), 3, f2021)).toBe(1);
    // A 二级 the framework does not know stays at the block's edge.
    expect(groupedIndex(two, row("x", "产出指标", "成本指标"), 2, f2021)).toBe(2);
    // No 二级 yet (the clerk is still choosing it): anywhere in the block, else its end.
    expect(groupedIndex(two, row("x", "产出指标", ""), 1, f2021)).toBe(1);
    expect(groupedIndex(two, row("x", "产出指标", ""), 3, f2021)).toBe(2);
  });
  it("starts a new 一级 block in the framework's order, never inside another block", () => {
    const noCost = table.filter((r) => r.id !== "c");
    // 成本指标 comes after 效益指标 in the 2021 framework.
    expect(groupedIndex(noCost, row("x", "成本指标", "经济成本指标"), 5, f2021)).toBe(4);
    expect(groupedIndex(noCost, row("x", "成本指标", "经济成本指标"), 1, f2021)).toBe(4);
    expect(groupedIndex(noCost, row("x", "成本指标", "经济成本指标"), 4, f2021)).toBe(4);
    // A heading the framework does not know (a 2020 效果指标): between blocks where put, else after the block it was put into.
    expect(groupedIndex(table, row("x", "效果指标", ""), 6, f2021)).toBe(6);
    expect(groupedIndex(table, row("x", "效果指标", ""), 3, f2021)).toBe(3);
    expect(groupedIndex(table, row("x", "效果指标", ""), 1, f2021)).toBe(3);
    // Known headings are ordered among themselves only: 满意度 after a 效果指标 block stays at the end.
    const old = [row("n", "产出指标", "数量指标"), row("e", "效果指标", "社会效益指标")];
    expect(groupedIndex(old, row("x", "满意度指标", ""), 2, f2021)).toBe(2);
  });
  it("leaves a row without 一级指标 where it was put", () => {
    expect(groupedIndex(table, row("x", "", ""), 2, f2021)).toBe(2);
  });
});

describe("rows inserted from the library or a pasted table", () => {
  it("go into their blocks from the active row, in the order given, and say where the first went", () => {
    let n = 0;
    const picked = [
      row("", "满意度指标", "服务对象满意度指标", "来访满意度"),
      row("", "产出指标", "质量指标", "合格率"),
    ];
    const { rows, first, ids: made } = insertGrouped(table, 0, picked, f2021, () => `new${++n}`);
    expect(ids(rows)).toEqual(["n", "q", "new2", "t", "c", "b", "s", "new1"]);
    expect(first).toBe(7);
    expect(made).toEqual(["new1", "new2"]);
    expect(blocks(rows)).toEqual(["产出指标", "成本指标", "效益指标", "满意度指标"]);
  });
  it("replace the blank row the cursor is on, and fill an empty table", () => {
    const withBlank = [...table, blankIndicator("blank", table[5])];
    const { rows } = insertGrouped(withBlank, 6, [row("", "产出指标", "数量指标", "次数")], f2021, () => "lib");
    expect(ids(rows)).toEqual(["n", "lib", "q", "t", "c", "b", "s"]);
    expect(ids(insertGrouped([], 0, [row("", "产出指标", "数量指标")], f2021, () => "lib").rows)).toEqual(["lib"]);
  });
});

describe("a row given new headings", () => {
  it("moves into its block, and stays put when it is already there", () => {
    const added = [...table, { ...row("x", "产出指标", "时效指标"), name: "新指标" }];
    const moved = regroupRow(added, 6, f2021);
    expect(ids(moved.rows)).toEqual(["n", "q", "t", "x", "c", "b", "s"]);
    expect(moved.index).toBe(3);
    const still = regroupRow(table, 2, f2021);
    expect(still.rows).toBe(table);
    expect(still.index).toBe(2);
  });
});

describe("a whole row pasted into a new row", () => {
  const excelRow = "产出指标\t数量指标\t培训次数\t年内培训次数\t>=4次\t年度计划";
  const withNew = [...table, blankIndicator("new", table[5])];

  it("starts at the row's first column, wherever the cursor is in the new row", () => {
    const cells = clipboardCells(excelRow);
    // 添加指标 leaves the cursor on 三级指标 (column 2).
    expect(pasteStartColumn(cells, withNew, { row: 6, col: 2 }, baseColumns, f2021)).toBe(0);
    // Led by a 一级指标 even when narrower than the rest of the row.
    expect(
      pasteStartColumn(clipboardCells("产出指标\t数量指标"), withNew, { row: 6, col: 2 }, baseColumns, f2021),
    ).toBe(0);
  });
  it("starts at the cursor in a filled row, for a single value, and for cells that fit and are not a row", () => {
    expect(pasteStartColumn(clipboardCells(excelRow), table, { row: 0, col: 2 }, baseColumns, f2021)).toBe(2);
    expect(pasteStartColumn(clipboardCells("培训次数"), withNew, { row: 6, col: 2 }, baseColumns, f2021)).toBe(2);
    expect(pasteStartColumn(clipboardCells("培训次数\t描述"), withNew, { row: 6, col: 2 }, baseColumns, f2021)).toBe(2);
  });
  it("fills the new row column by column and puts it into its block", () => {
    const plan = planPaste({
      text: excelRow,
      rows: withNew,
      anchor: { row: 6, col: 2 },
      columns: baseColumns,
      framework: f2021,
    });
    expect(plan.startColumn).toBe("level1");
    expect(plan.problems).toEqual([]);
    const filled = plan.result.find((r) => r.id === "new")!;
    expect(filled).toMatchObject({
      level1: "产出指标",
      level2: "数量指标",
      name: "培训次数",
      description: "年内培训次数",
      basis: "年度计划",
    });
    expect(filled.target).toMatchObject({ raw: ">=4次", kind: "quantitative" });
    expect(ids(plan.result)).toEqual(["n", "new", "q", "t", "c", "b", "s"]);
    expect(plan.focus).toEqual({ row: 1, col: 0 });
    expect(plan.changes.every((c) => c.row === 1)).toBe(true);
  });
  it("rows pasted past the end go into their blocks too, their numbers in the preview following them", () => {
    const plan = planPaste({
      text: "产出指标\t质量指标\t合格率\r\n满意度指标\t服务对象满意度指标\t满意率",
      rows: table,
      anchor: { row: 6, col: 0 },
      columns: baseColumns,
      framework: f2021,
      makeId: (() => {
        let n = 0;
        return () => `p${++n}`;
      })(),
    });
    expect(ids(plan.result)).toEqual(["n", "q", "p1", "t", "c", "b", "s", "p2"]);
    expect(plan.added.map((a) => [a.row, a.indicator.name])).toEqual([
      [2, "合格率"],
      [7, "满意率"],
    ]);
    expect(blocks(plan.result)).toEqual(["产出指标", "成本指标", "效益指标", "满意度指标"]);
  });
});
