import { describe, expect, it } from "vitest";
import { findFramework } from "../domain/frameworks";
import { parseTarget } from "../domain/targets";
import { extendedColumns, writeCell } from "./columns";
import { planPaste } from "./paste-plan";
import type { EditableIndicator } from "../domain/editable";

/**
 * The indicator grid refuses at the cell what the save would refuse at the field (issue 13):
 * characters no text may hold and a weight beyond 100, typed or pasted; invisible characters are
 * removed as they come in. The clerk hears it where the cell is, not from a failed autosave.
 */

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
let n = 0;
const makeId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`;

describe("typing into a cell", () => {
  it("refuses a direction override, a control character or half a surrogate pair, with the position", () => {
    for (const key of ["name", "description", "basis", "target", "level2"] as const) {
      const w = writeCell(base, key, "培训\u202e次数", f2021);
      expect(w).toEqual({
        ok: false,
        message: expect.stringMatching(/^第 3 个字符是看不见的文字方向控制符（U\+202E）/),
      });
    }
    expect(writeCell(base, "name", "培训\u0007", f2021)).toMatchObject({
      ok: false,
      message: expect.stringContaining("U+0007"),
    });
    expect(writeCell(base, "name", "培训\ud800", f2021)).toMatchObject({
      ok: false,
      message: expect.stringContaining("残缺的字符"),
    });
  });

  it("removes zero-width characters silently", () => {
    const w = writeCell(base, "name", "培\u200b训\ufeff次数", f2021);
    expect(w.ok && w.row.name).toBe("培训次数");
  });

  it("refuses a weight beyond 100, however it is written", () => {
    for (const typed of ["150", "1e308", "100.5"]) {
      const w = writeCell(base, "weight", typed, f2021);
      // "1e308" is not a number a clerk writes: refused as not a number, the others for the range.
      expect(w.ok).toBe(false);
    }
    expect(writeCell(base, "weight", "150", f2021)).toEqual({ ok: false, message: "权重须在 0 到 100 之间。" });
    expect(writeCell(base, "weight", "100", f2021)).toMatchObject({ ok: true, row: { weight: 100 } });
  });
});

describe("pasting", () => {
  it("by position: a refused cell keeps its value and the preview says why", () => {
    const plan = planPaste({
      text: "宣传\u202e次数\t描述\u200b文字",
      rows: [base],
      anchor: { row: 0, col: 2 },
      columns: extendedColumns,
      framework: f2021,
      makeId,
    });
    expect(plan.changes).toEqual([{ row: 0, column: "description", before: "", after: "描述文字" }]);
    expect(plan.problems.map((p) => p.message)).toContainEqual(
      expect.stringMatching(/^第 1 行：三级指标：第 3 个字符是看不见的文字方向控制符/),
    );
    const weight = planPaste({
      text: "150",
      rows: [base],
      anchor: { row: 0, col: extendedColumns.indexOf("weight") },
      columns: extendedColumns,
      framework: f2021,
      makeId,
    });
    expect(weight.changes).toEqual([]);
    expect(weight.problems.map((p) => p.message)).toContain("第 1 行：权重：权重须在 0 到 100 之间。");
  });

  it("with a header: the refused cells of the new rows are emptied and said", () => {
    const text = [
      "一级指标\t二级指标\t三级指标\t指标值\t权重",
      "产出指标\t数量指标\t受理\u202e量\t1000件\t150",
      "产出指标\t质量指标\t办结率\t>=95%\t20",
    ].join("\n");
    const plan = planPaste({
      text,
      rows: [base],
      anchor: { row: 0, col: 0 },
      columns: extendedColumns,
      framework: f2021,
      makeId,
    });
    expect(plan.mode).toBe("header");
    expect(plan.added.map((a) => [a.indicator.name, a.indicator.weight])).toEqual([
      ["", null],
      ["办结率", 20],
    ]);
    const messages = plan.problems.map((p) => p.message);
    expect(messages.some((m) => m.includes("三级指标：第 3 个字符是看不见的文字方向控制符"))).toBe(true);
    expect(messages.some((m) => m.includes("权重：权重须在 0 到 100 之间。"))).toBe(true);
  });
});
