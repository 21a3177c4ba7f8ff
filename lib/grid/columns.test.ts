import { describe, expect, it } from "vitest";
import { findFramework } from "../domain/frameworks";
import { parseTarget } from "../domain/targets";
import {
  blankIndicator,
  cellText,
  choicesFor,
  isBlankIndicator,
  usesExtraColumns,
  usesScoringStandard,
  visibleColumns,
  writeCell,
} from "./columns";
import { countBySeverity, groupByProject, indexProjectFindings, worstSeverity } from "./findings-index";
import type { EditableIndicator } from "../domain/editable";
import { duplicateRow, insertBlankRow, moveRow, removeRow } from "./row-ops";
import { readTargetText } from "./target-display";

const f2020 = findFramework("2020")!;
const f2021 = findFramework("2021")!;
const base: EditableIndicator = {
  id: "r1",
  level1: "产出指标",
  level2: "数量指标",
  name: "培训次数",
  description: "",
  target: parseTarget("=2次"),
  basis: "",
};

describe("writing a cell", () => {
  it("keeps the raw 指标值 beside its reading, whatever the spelling", () => {
    for (const [typed, reading] of [
      [">=95%", "≥ 95 %"],
      ["≥ 90 %", "≥ 90 %"],
      ["不低于９５％", "≥ 95 %"],
      ["1,000件", "= 1000 件"],
      ["明显提升", "定性"],
    ] as const) {
      const w = writeCell(base, "target", typed, f2021);
      expect(w.ok && w.row.target.raw).toBe(typed);
      expect(w.ok && readTargetText(w.row.target.raw).text).toBe(reading);
    }
    expect(readTargetText("<95%以上").tone).toBe("unparsed");
    expect(readTargetText("").tone).toBe("empty");
  });

  it("refuses a 权重 or 方向 it cannot read, with a Chinese message, and accepts what it can", () => {
    expect(writeCell(base, "weight", "二十", f2021)).toEqual({
      ok: false,
      message: expect.stringContaining("权重“二十”不是数字"),
    });
    expect(writeCell(base, "weight", "１２.５", f2021)).toMatchObject({ ok: true, row: { weight: 12.5 } });
    expect(writeCell(base, "weight", "", f2021)).toMatchObject({ ok: true, row: { weight: null } });
    expect(writeCell(base, "direction", "反向", f2021)).toMatchObject({ ok: true, row: { direction: "negative" } });
    expect(writeCell(base, "direction", "正", f2021)).toMatchObject({ ok: true, row: { direction: "positive" } });
    expect(writeCell(base, "direction", "向上", f2021)).toMatchObject({ ok: false });
  });

  it("writes a 评（扣）分标准 as it writes 依据, trimmed at the edges; a row without one shows it empty", () => {
    expect(cellText(base, "scoringStandard")).toBe("");
    const w = writeCell(base, "scoringStandard", "  每少 1 次扣 1 分\n扣完为止 ", f2021);
    expect(w.ok && w.row.scoringStandard).toBe("每少 1 次扣 1 分\n扣完为止");
    expect(w.ok && cellText(w.row, "scoringStandard")).toBe("每少 1 次扣 1 分\n扣完为止");
    expect(isBlankIndicator({ ...blankIndicator("x"), scoringStandard: "每少 1 次扣 1 分" })).toBe(false);
  });

  it("shows 评（扣）分标准 after 依据 under the 2021 framework, or where a row has one; never in a plain 2020 table", () => {
    expect(usesScoringStandard([base], f2021)).toBe(true);
    expect(usesScoringStandard([base], f2020)).toBe(false);
    expect(usesScoringStandard([{ ...base, scoringStandard: "每少 1 次扣 1 分" }], f2020)).toBe(true);
    expect(visibleColumns(false, true)).toEqual([
      "level1",
      "level2",
      "name",
      "description",
      "target",
      "basis",
      "scoringStandard",
    ]);
    expect(visibleColumns(true, true).slice(-3)).toEqual(["scoringStandard", "weight", "direction"]);
    expect(visibleColumns(true)).not.toContain("scoringStandard");
  });

  it("clears a 二级 that no longer belongs when 一级 changes, keeps one that does", () => {
    const w = writeCell(base, "level1", "效益指标", f2021);
    expect(w.ok && [w.row.level1, w.row.level2]).toEqual(["效益指标", ""]);
    const keep = writeCell({ ...base, level2: "成本指标" }, "level1", "产出指标", f2020);
    expect(keep.ok && keep.row.level2).toBe("成本指标");
  });

  it("offers 二级 choices from the framework under the row's 一级 (never hard-coded)", () => {
    expect(choicesFor("level1", base, f2021)).toEqual(["产出指标", "效益指标", "成本指标", "满意度指标"]);
    expect(choicesFor("level2", base, f2021)).toEqual(["数量指标", "质量指标", "时效指标"]);
    expect(choicesFor("level2", base, f2020)).toEqual(["数量指标", "质量指标", "时效指标", "成本指标"]);
    expect(choicesFor("level2", { level1: "" }, f2021)).toEqual([]);
  });

  it("shows 权重/方向 columns only for tables that use them", () => {
    expect(usesExtraColumns([base])).toBe(false);
    expect(usesExtraColumns([base, { ...base, weight: 10 }])).toBe(true);
    expect(cellText({ ...base, direction: "positive" }, "direction")).toBe("正向");
  });
});

describe("row operations", () => {
  const rows: EditableIndicator[] = [
    base,
    { ...base, id: "r2", name: "合格率" },
    { ...base, id: "r3", name: "满意度" },
  ];
  it("inserts a blank row carrying the 一级/二级 above, with the id given", () => {
    const next = insertBlankRow(rows, 0, "new");
    expect(next.map((r) => r.id)).toEqual(["r1", "new", "r2", "r3"]);
    expect(next[1]).toEqual(blankIndicator("new", base));
  });
  it("duplicates with a new id (a comment on the original stays on the original)", () => {
    const next = duplicateRow(rows, 1, "copy");
    expect(next.map((r) => r.id)).toEqual(["r1", "r2", "copy", "r3"]);
    expect(next[2]).toEqual({ ...rows[1], id: "copy" });
  });
  it("removes and moves rows, keeping ids", () => {
    expect(removeRow(rows, 1).map((r) => r.id)).toEqual(["r1", "r3"]);
    expect(moveRow(rows, 0, 2).map((r) => r.id)).toEqual(["r2", "r3", "r1"]);
    expect(moveRow(rows, 2, 0).map((r) => r.id)).toEqual(["r3", "r1", "r2"]);
    expect(moveRow(rows, 0, 5).map((r) => r.id)).toEqual(["r1", "r2", "r3"]);
  });
});

describe("findings at their cells", () => {
  const findings = [
    {
      rule: "t",
      severity: "error" as const,
      path: "performance.projects[1].indicators[0].target",
      message: "指标值无法识别",
    },
    {
      rule: "u",
      severity: "warning" as const,
      path: "performance.projects[1].indicators[0].target",
      message: "单位与指标不符",
    },
    { rule: "l", severity: "warning" as const, path: "performance.projects[1].indicators[2]", message: "重复的指标" },
    { rule: "p", severity: "error" as const, path: "performance.projects[1].indicators", message: "缺少产出指标" },
    {
      rule: "x",
      severity: "error" as const,
      path: "performance.projects[12].indicators[0].name",
      message: "另一个项目",
    },
    { rule: "o", severity: "error" as const, path: "budget.income.total", message: "其他章节" },
  ];
  it("puts each finding on its cell, its row or its table, and never on projects[1] for projects[12]", () => {
    const byProject = groupByProject(findings, "performance.projects");
    expect([...byProject.keys()].sort()).toEqual([1, 12]);
    const index = indexProjectFindings(byProject.get(1)!, "performance.projects", 1, ["level1", "name", "target"]);
    expect(index.cells.get("0:target")?.map((f) => f.rule)).toEqual(["t", "u"]);
    expect(index.rows.get(2)?.map((f) => f.rule)).toEqual(["l"]);
    expect(index.table.map((f) => f.rule)).toEqual(["p"]);
    expect(worstSeverity(index.cells.get("0:target"))).toBe("error");
    expect(worstSeverity(index.rows.get(2))).toBe("warning");
    expect(worstSeverity(undefined)).toBeNull();
    expect(countBySeverity(byProject.get(1))).toEqual({ error: 2, warning: 2 });
  });

  it("places a reviewer's comments the same way: on the commented cell, or on the row when the grid has no column for the field", () => {
    const comments = [
      { path: "performance.projects[0].indicators[3].target", author: "王审核", body: "目标值偏低", resolved: false },
      { path: "performance.projects[0].indicators[3].target", author: "王审核", body: "请补充依据", resolved: true },
      {
        path: "performance.projects[0].indicators[1].weight",
        author: "王审核",
        body: "权重合计不为100",
        resolved: false,
      },
      { path: "performance.projects[10].indicators[3].target", author: "王审核", body: "另一个项目", resolved: false },
    ];
    const byProject = groupByProject(comments, "performance.projects");
    const index = indexProjectFindings(byProject.get(0)!, "performance.projects", 0, ["level1", "name", "target"]);
    expect(index.cells.get("3:target")?.map((c) => c.body)).toEqual(["目标值偏低", "请补充依据"]);
    expect(index.rows.get(1)?.map((c) => c.body)).toEqual(["权重合计不为100"]);
    expect([...index.cells.keys()]).toEqual(["3:target"]);
  });
});
