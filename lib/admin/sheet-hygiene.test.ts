import { describe, expect, it } from "vitest";
import { textProblem } from "../domain/text-hygiene";
import { validateDepartmentSheet, type DepartmentSheetContext } from "./department-sheet";

/**
 * The admin's sheets hold text to the rule every other input follows (lib/domain/text-hygiene.ts):
 * a cell with a direction override or a control character refuses the sheet at that cell, and
 * zero-width characters are removed, so "三河市\u200b财政局" cannot pass for another department.
 */

const context: DepartmentSheetContext = {
  existing: [{ code: "434", name: "三河市人民政府办公室" }],
  desks: ["一科", "二科"],
};

describe("a department sheet", () => {
  it("is refused at each cell holding what no text may hold", () => {
    const result = validateDepartmentSheet(
      [
        ["部门编码", "部门名称"],
        ["500", "三河市\u202e财政局"],
        ["501", "三河市卫健局"],
        ["5\u00070\u00072", "三河市教育局"],
      ],
      context,
    );
    expect(result.departments).toEqual([]);
    expect(result.problems).toEqual([
      { row: 2, column: "部门名称", message: textProblem("三河市\u202e财政局") },
      { row: 4, column: "部门编码", message: textProblem("5\u00070\u00072") },
    ]);
  });

  it("loses its zero-width characters, in the header too, and a disguised duplicate is found", () => {
    const result = validateDepartmentSheet(
      [
        ["部门\u200b编码", "部门名称"],
        ["500", "三河市\u200b财政局"],
        ["501", "三河市人民\ufeff政府办公室"],
      ],
      context,
    );
    expect(result.departments[0]).toMatchObject({ row: 2, code: "500", name: "三河市财政局" });
    expect(result.problems.map((p) => [p.row, p.message])).toEqual([
      [3, "部门名称“三河市人民政府办公室”已被编码 434 使用。"],
    ]);
  });
});
