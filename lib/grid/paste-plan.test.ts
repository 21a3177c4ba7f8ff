import { describe, expect, it } from "vitest";
import { findFramework } from "../domain/frameworks";
import { parseTarget } from "../domain/targets";
import { baseColumns, extendedColumns, visibleColumns } from "./columns";
import { clipboardCells, isSingleCellPaste, planPaste } from "./paste-plan";
import type { EditableIndicator } from "../domain/editable";

const f2021 = findFramework("2021")!;
let n = 0;
const makeId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`;

const row = (
  id: string,
  level1: string,
  level2: string,
  name: string,
  target: string,
  basis = "",
): EditableIndicator => ({
  id,
  level1,
  level2,
  name,
  description: "",
  target: parseTarget(target),
  basis,
});

const existing: EditableIndicator[] = [
  row("a", "产出指标", "数量指标", "培训次数", ">=2次"),
  row("b", "产出指标", "质量指标", "培训合格率", ">=90%"),
];

describe("a block copied from Excel or WPS without a header: by position from the focused cell", () => {
  it("overwrites cells rightwards and downwards and reads targets as the importer does", () => {
    // Excel's clipboard: tab-separated, CRLF, a trailing line break.
    const text = "宣传次数\t组织宣传活动次数\t≥ ４ 次\r\n合格率\t\t９５％\r\n";
    const plan = planPaste({
      text,
      rows: existing,
      anchor: { row: 0, col: 2 },
      columns: baseColumns,
      framework: f2021,
      makeId,
    });
    expect(plan.mode).toBe("position");
    expect(plan.startColumn).toBe("name");
    expect(plan.added).toEqual([]);
    expect(plan.changes).toEqual([
      { row: 0, column: "name", before: "培训次数", after: "宣传次数" },
      { row: 0, column: "description", before: "", after: "组织宣传活动次数" },
      { row: 0, column: "target", before: ">=2次", after: "≥ ４ 次" },
      { row: 1, column: "name", before: "培训合格率", after: "合格率" },
      { row: 1, column: "target", before: ">=90%", after: "９５％" },
    ]);
    expect(plan.result[0].target).toMatchObject({ kind: "quantitative", operator: ">=", value: "4", unit: "次" });
    expect(plan.result[1].target).toMatchObject({ kind: "quantitative", operator: "=", value: "95", unit: "%" });
    // Untouched columns and ids stay.
    expect(plan.result[0]).toMatchObject({ id: "a", level1: "产出指标", level2: "数量指标" });
    expect(plan.problems).toEqual([]);
  });

  it("adds rows past the end, carrying 一级/二级 of the row above and giving each a new id", () => {
    const text = "时效指标\t完成时间\t\t=12个月\n\t办结率\t\t1,000件";
    const plan = planPaste({
      text,
      rows: existing,
      anchor: { row: 1, col: 1 },
      columns: baseColumns,
      framework: f2021,
      makeId,
    });
    expect(plan.changes.map((c) => c.column)).toEqual(["level2", "name", "target"]);
    expect(plan.added).toHaveLength(1);
    const added = plan.added[0];
    expect(added.row).toBe(2);
    expect(added.indicator).toMatchObject({ level1: "产出指标", level2: "时效指标", name: "办结率" });
    expect(added.indicator.target).toMatchObject({ kind: "quantitative", value: "1000", unit: "件" });
    expect(added.indicator.id).toMatch(/^00000000-0000-4000-8000-/);
    expect(plan.result).toHaveLength(3);
  });

  it("says what cannot be read, by the grid's row number, and where a 二级 does not belong", () => {
    const text = "效益指标\t数量指标\t满意度\t\t大约九成";
    const plan = planPaste({
      text,
      rows: existing,
      anchor: { row: 1, col: 0 },
      columns: baseColumns,
      framework: f2021,
      makeId,
    });
    expect(plan.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^第 2 行：二级指标“数量指标”不属于一级指标“效益指标”/),
    ]);
    // 大约九成 has no number: a qualitative phrase, kept as written.
    expect(plan.result[1].target).toMatchObject({ kind: "qualitative", raw: "大约九成" });
  });

  it("ignores columns past the grid's last and says so", () => {
    const plan = planPaste({
      text: "依据A\t多余1\t多余2",
      rows: existing,
      anchor: { row: 0, col: 5 },
      columns: baseColumns,
      framework: f2021,
      makeId,
    });
    expect(plan.changes).toEqual([{ row: 0, column: "basis", before: "", after: "依据A" }]);
    expect(plan.problems.map((p) => p.message)).toEqual(["粘贴的内容比表格多 2 列，多出的列已忽略"]);
  });

  it("reads 权重 and 方向 columns where the grid shows them, refusing what is not a number", () => {
    const plan = planPaste({
      text: "20%\t反向\nabc\t正向",
      rows: existing,
      anchor: { row: 0, col: 6 },
      columns: extendedColumns,
      framework: f2021,
      makeId,
    });
    expect(plan.result[0]).toMatchObject({ weight: 20, direction: "negative" });
    expect(plan.result[1]).toMatchObject({ weight: null, direction: "positive" });
    expect(plan.problems.map((p) => p.message)).toEqual([expect.stringContaining("第 2 行：权重“abc”不是数字")]);
  });

  it("reads a 评（扣）分标准 column as it reads 依据: by position where the grid shows it, by header in a table", () => {
    const scored = visibleColumns(false, true);
    const byPosition = planPaste({
      text: "计划标准\t每少 1 次扣 1 分\n\t合格率每低 1% 扣 1 分",
      rows: existing,
      anchor: { row: 0, col: scored.indexOf("basis") },
      columns: scored,
      framework: f2021,
      makeId,
    });
    expect(byPosition.changes).toEqual([
      { row: 0, column: "basis", before: "", after: "计划标准" },
      { row: 0, column: "scoringStandard", before: "", after: "每少 1 次扣 1 分" },
      { row: 1, column: "scoringStandard", before: "", after: "合格率每低 1% 扣 1 分" },
    ]);
    expect(byPosition.problems).toEqual([]);

    const byHeader = planPaste({
      text: "一级指标\t二级指标\t三级指标\t指标值\t评(扣)分标准\n产出指标\t时效指标\t按时完成率\t>=98%\t每低 1% 扣 1 分",
      rows: existing,
      anchor: { row: 1, col: 0 },
      columns: scored,
      framework: f2021,
      makeId,
    });
    expect(byHeader.added.map((a) => a.indicator)).toEqual([
      expect.objectContaining({ name: "按时完成率", scoringStandard: "每低 1% 扣 1 分" }),
    ]);
  });

  it("a single value into a single cell is applied at once; a column of values is previewed", () => {
    const single = planPaste({
      text: "≥95%\r\n",
      rows: existing,
      anchor: { row: 1, col: 4 },
      columns: baseColumns,
      framework: f2021,
      makeId,
    });
    expect(isSingleCellPaste(single)).toBe(true);
    expect(single.changes).toEqual([{ row: 1, column: "target", before: ">=90%", after: "≥95%" }]);
    const column = planPaste({
      text: "95%\n1,000",
      rows: existing,
      anchor: { row: 0, col: 4 },
      columns: baseColumns,
      framework: f2021,
      makeId,
    });
    expect(isSingleCellPaste(column)).toBe(false);
    // A single column has no tab: its commas are digit groups, not cell separators.
    expect(column.result[1].target).toMatchObject({ value: "1000" });
  });
});

describe("a block with a header row: whole indicator rows inserted below the focused row", () => {
  const table = [
    "一级指标\t二级指标\t三级指标\t指标值\t指标值确定依据",
    "产出指标\t数量指标\t宣传次数\t≥90%\t往年历史数据",
    "\t时效指标\t完成时间\t=12个月\t",
    "满意度指标\t服务对象满意度指标\t群众满意度\t>=95%\t",
  ].join("\r\n");

  it("reads by header names, repeats merged 一级 cells and inserts after the active row, each in its block", () => {
    const plan = planPaste({
      text: table,
      rows: existing,
      anchor: { row: 0, col: 3 },
      columns: baseColumns,
      framework: f2021,
      makeId,
    });
    expect(plan.mode).toBe("header");
    expect(plan.changes).toEqual([]);
    // 时效 after 质量 (the framework's order); 满意度指标 after the whole 产出指标 block, never inside it.
    expect(plan.added.map((a) => a.row)).toEqual([1, 3, 4]);
    expect(plan.added[1].indicator).toMatchObject({ level1: "产出指标", level2: "时效指标", name: "完成时间" });
    expect(plan.result.map((r) => r.name)).toEqual(["培训次数", "宣传次数", "培训合格率", "完成时间", "群众满意度"]);
    expect(plan.result[1].target).toMatchObject({ operator: ">=", value: "90", unit: "%" });
    expect(plan.focus).toEqual({ row: 1, col: 0 });
    expect(plan.problems).toEqual([]);
  });

  it("replaces the blank row a new project starts with", () => {
    const blank: EditableIndicator = {
      id: "z",
      level1: "",
      level2: "",
      name: "",
      description: "",
      target: { raw: "", kind: "unparsed" },
      basis: "",
    };
    const plan = planPaste({
      text: table,
      rows: [blank],
      anchor: { row: 0, col: 0 },
      columns: baseColumns,
      framework: f2021,
      makeId,
    });
    expect(plan.result.map((r) => r.name)).toEqual(["宣传次数", "完成时间", "群众满意度"]);
  });

  it("flags a 2020 table's 效果指标 pasted into a 2021 table, and a header missing a required column", () => {
    const old = "一级指标\t二级指标\t三级指标\t指标值\n效果指标\t社会效益指标\t知晓率\t>=90%";
    const plan = planPaste({
      text: old,
      rows: existing,
      anchor: { row: 1, col: 0 },
      columns: baseColumns,
      framework: f2021,
      makeId,
    });
    expect(plan.problems.map((p) => p.message)).toEqual(["第 3 行：“效果指标”不在2021年及以后绩效指标体系中"]);
    const missing = planPaste({
      text: "一级指标\t三级指标\t指标值\n产出指标\t次数\t=1次",
      rows: existing,
      anchor: { row: 0, col: 0 },
      columns: baseColumns,
      framework: f2021,
      makeId,
    });
    expect(missing.added).toEqual([]);
    expect(missing.result).toEqual(existing);
    expect(missing.problems.map((p) => p.message)).toEqual(["粘贴内容第 1 行：缺少“二级指标”列"]);
  });
});

describe("clipboard text", () => {
  it("splits Excel's tab-separated text with quoted cells holding line breaks", () => {
    expect(clipboardCells('a\t"第一行\n第二行"\tc\r\nd\te\tf\r\n')).toEqual([
      ["a", "第一行\n第二行", "c"],
      ["d", "e", "f"],
    ]);
  });
  it("drops trailing blank lines but keeps blank cells", () => {
    expect(clipboardCells("a\t\tc\r\n\r\n")).toEqual([["a", "", "c"]]);
  });
});
