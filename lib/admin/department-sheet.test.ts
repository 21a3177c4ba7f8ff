import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { departmentSheet, toCsv, toXlsx } from "./__fixtures__/sheets";
import { validateDepartmentSheet, type DepartmentSheetContext } from "./department-sheet";
import { readSheet, SheetError } from "./sheet";

const context: DepartmentSheetContext = {
  existing: [{ code: "434", name: "三河市人民政府办公室" }],
  desks: ["一科", "二科"],
};

describe("validateDepartmentSheet", () => {
  it("reads 150 departments from an .xlsx with a title row, rows of the same code adding units", async () => {
    const { rows } = departmentSheet(150);
    const result = validateDepartmentSheet(await readSheet(await toXlsx(rows), "部门.xlsx"), context);
    expect(result.problems).toEqual([]);
    expect(result.departments).toHaveLength(150);
    expect(result.rowCount).toBe(180);
    expect(result.departments[4]).toEqual({
      row: 7,
      code: "7005",
      name: "三河市测试部门7005",
      desk: "一科",
      orgUnits: [
        { name: "三河市测试部门7005", nature: "行政", level: "正科级", fundingForm: "财政拨款" },
        { name: "三河市测试部门7005服务中心", nature: "事业", level: "股级", fundingForm: "财政补助" },
      ],
    });
  });

  it("names each of three bad rows among 150 and why (a unit row, a department row, a code taken twice)", async () => {
    const { rows, bad } = departmentSheet(150, { spoil: { 20: "nature", 77: "desk", 150: "name-clash" } });
    const result = validateDepartmentSheet(await readSheet(await toXlsx(rows), "部门.xlsx"), context);
    expect(result.problems.map((p) => p.row)).toEqual([20, 77, 150]);
    result.problems.forEach((p, i) => expect(p.message).toContain(bad[i].why));
    expect(result.problems.map((p) => p.column)).toEqual(["单位性质", "审核科室", "部门名称"]);
  });

  it("refuses codes and names the database already has, and repeats within the sheet", () => {
    const rows = [
      ["部门编码", "部门名称"],
      ["434", "三河市人民政府办公室"],
      ["500", "三河市人民政府办公室"],
      ["501", "三河市统计局"],
      ["502", "三河市统计局"],
      ["50 3", "三河市审计局"],
      ["", "三河市档案馆"],
      ["504", ""],
    ];
    const result = validateDepartmentSheet(rows, context);
    expect(result.problems.map((p) => [p.row, p.message])).toEqual([
      [2, "部门编码“434”已存在（三河市人民政府办公室），不能重复导入。"],
      [3, "部门名称“三河市人民政府办公室”已被编码 434 使用。"],
      [5, "部门名称“三河市统计局”与第 4 行（编码 501）重复。"],
      [6, "部门编码“50 3”只能包含数字、字母和连字符，最长 20 位。"],
      [7, "请填写部门编码。"],
      [8, "请填写部门名称。"],
    ]);
  });

  it("checks each unit: all four cells, the nature and the funding form from their lists", () => {
    const rows = [
      ["部门编码*", "部门名称*", "单位名称", "单位性质", "单位规格", "经费保障形式"],
      ["601", "三河市文化局", "三河市文化局", "行政", "正科级", ""],
      ["601", "", "三河市图书馆", "事业单位", "股级", "财政补助"],
      ["601", "", "三河市文化馆", "事业", "股级", "差额拨款"],
      ["601", "", "三河市图书馆", "事业", "股级", "财政补助"],
      ["601", "", "三河市图书馆", "事业", "股级", "财政补助"],
    ];
    const result = validateDepartmentSheet(rows, context);
    expect(result.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [2, "经费保障形式", "单位名称、单位性质、单位规格、经费保障形式须同时填写。"],
      [3, "单位性质", "单位性质“事业单位”应为 行政、参公 或 事业。"],
      [4, "经费保障形式", "经费保障形式“差额拨款”应为 财政拨款、财政补助 或 自收自支。"],
      [6, "单位名称", "单位“三河市图书馆”与第 5 行重复。"],
    ]);
  });

  it("says which column is missing, and what the header should be when there is none", () => {
    expect(
      validateDepartmentSheet(
        [
          ["部门编码", "审核科室"],
          ["1", "一科"],
        ],
        context,
      ).problems,
    ).toEqual([{ row: 1, column: "部门名称", message: "缺少“部门名称”列。" }]);
    expect(
      validateDepartmentSheet(
        [
          ["编号", "名字"],
          ["1", "a"],
        ],
        context,
      ).problems[0].message,
    ).toMatch(/^没有找到表头：第一行应包含 “部门编码”、“部门名称”/);
    expect(
      validateDepartmentSheet(
        [
          ["部门编码", "部门名称"],
          ["", ""],
        ],
        context,
      ).problems[0].message,
    ).toBe("表格中没有数据。");
  });
});

describe("readSheet", () => {
  const rows = [
    ["部门编码", "部门名称"],
    ["701", "三河市统计局"],
  ];

  it("reads CSV in UTF-8 (with BOM) and in GB18030 as old Excel saves it", async () => {
    expect(await readSheet(toCsv(rows), "a.csv")).toEqual(rows);
    const gbk = new Uint8Array(iconv.encode(rows.map((r) => r.join(",")).join("\r\n"), "gb18030"));
    expect(await readSheet(gbk, "a.csv")).toEqual(rows);
  });

  it("refuses what is not a sheet with a message that says what to do", async () => {
    await expect(readSheet(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), "旧表.xls")).rejects.toThrow(
      "旧版 .xls 请在 Excel 中另存为 .xlsx",
    );
    await expect(readSheet(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), "坏.xlsx")).rejects.toThrow(SheetError);
    await expect(readSheet(new Uint8Array(), "空.csv")).rejects.toThrow("表格中没有数据。");
  });
});
