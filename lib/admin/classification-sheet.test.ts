import { describe, expect, it } from "vitest";
import { classification2020 } from "../domain/__fixtures__/sanhe-2020-tables";
import { validateClassificationSheet } from "./classification-sheet";

const context = { fiscalYear: 2021, used: [] };
const subset = () => [
  ["科目编码", "科目名称"],
  ...(["功能", "经济"] as const).flatMap((k) =>
    classification2020()
      .entries(k)
      .map((e) => [e.code, e.name]),
  ),
];

describe("a classification catalogue sheet", () => {
  it("takes the shipped subset as code and name, the kind and level read from the code", () => {
    const r = validateClassificationSheet(subset(), context);
    expect(r.problems).toEqual([]);
    expect(r.entries).toHaveLength(
      classification2020().entries("功能").length + classification2020().entries("经济").length,
    );
    expect(r.entries.find((e) => e.code === "30113")).toMatchObject({ kind: "经济", name: "住房公积金", row: 53 });
  });

  it("says what is wrong with each row: shape, repeats, a missing parent, an unknown kind", () => {
    const rows = [
      ["分类", "科目编码", "科目名称"],
      ["功能", "201", "一般公共服务支出"],
      ["功能", "2010", "四位编码"],
      ["功能", "201", "重复"],
      ["功能", "2050101", "行政运行"],
      ["", "101", "税收收入"],
      ["其他", "301", "工资福利支出"],
      ["经济", "302", ""],
    ];
    expect(validateClassificationSheet(rows, context).problems.map((p) => [p.row, p.message])).toEqual([
      [3, "功能分类科目编码为 3 位（类）、5 位（款）或 7 位（项）（“2010”）"],
      [4, "科目编码“201”与第 2 行重复。"],
      [5, "科目 2050101 的上级科目 205 不在表中。"],
      [6, "科目编码“101”看不出是功能分类（2 开头）还是经济分类（3 开头），请在“分类”列写明。"],
      [7, "分类“其他”应为 功能 或 经济。"],
      [8, "请填写科目名称。"],
    ]);
  });

  it("refuses to drop a code a disclosure of the year uses", () => {
    const rows = subset().filter((r) => r[0] !== "2210201");
    const r = validateClassificationSheet(rows, { fiscalYear: 2021, used: [{ kind: "功能", code: "2210201" }] });
    expect(r.problems).toEqual([
      {
        row: null,
        column: "科目编码",
        message: "功能分类科目 2210201 正被2021年的信息公开使用，表中没有它，不能删除；请在表中保留这一行。",
      },
    ]);
  });
});
