import { describe, expect, it } from "vitest";
import { toXlsx } from "./__fixtures__/sheets";
import { readSheet } from "./sheet";
import { parseRole, validateUserSheet, type UserSheetContext } from "./user-sheet";

const context: UserSheetContext = {
  usernames: ["admin", "clerk"],
  departmentCodes: ["434", "402", "411"],
  desks: ["一科", "二科"],
};

describe("validateUserSheet", () => {
  it("reads clerks with their departments and approvers with their desks, lists written as people write them", async () => {
    const rows = [
      ["用户名", "姓名", "角色", "负责部门", "审核科室"],
      ["zhang.san", "张三", "部门填报员", "434、402", ""],
      ["li_si", "李四", "审核员", "", "一科，二科"],
      ["wang-wu", "王五", "系统管理员", "", ""],
      ["zhao6", "赵六", "clerk", "411; 411", ""],
    ];
    const result = validateUserSheet(await readSheet(await toXlsx(rows, "用户"), "用户.xlsx"), context);
    expect(result.problems).toEqual([]);
    expect(result.users).toEqual([
      { row: 2, username: "zhang.san", displayName: "张三", role: "clerk", departmentCodes: ["434", "402"], desks: [] },
      {
        row: 3,
        username: "li_si",
        displayName: "李四",
        role: "approver",
        departmentCodes: [],
        desks: ["一科", "二科"],
      },
      { row: 4, username: "wang-wu", displayName: "王五", role: "admin", departmentCodes: [], desks: [] },
      { row: 5, username: "zhao6", displayName: "赵六", role: "clerk", departmentCodes: ["411"], desks: [] },
    ]);
  });

  it("names the row, the column and the reason for every problem, and keeps no user from a bad row", () => {
    const rows = [
      ["用户名", "姓名", "角色", "负责部门", "审核科室"],
      ["clerk", "重名", "部门填报员", "434", ""],
      ["张三", "张三", "部门填报员", "434", ""],
      ["a1", "", "部门填报员", "999", ""],
      ["a2", "甲", "科长", "", ""],
      ["a3", "乙", "部门填报员", "", ""],
      ["a4", "丙", "财政局审核员", "434", "三科"],
      ["a3", "丁", "系统管理员", "", "一科"],
    ];
    const result = validateUserSheet(rows, context);
    expect(result.users).toEqual([]);
    expect(result.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [2, "用户名", "用户名“clerk”已被使用。"],
      [3, "用户名", "用户名“张三”须为 2–64 位字母、数字、下划线、点或连字符。"],
      [4, "姓名", "请填写姓名。"],
      [4, "负责部门", "部门编码“999”不存在，请先导入部门。"],
      [5, "角色", "角色“科长”应为 部门填报员、财政局审核员 或 系统管理员。"],
      [6, "负责部门", "部门填报员须填写负责部门（部门编码，多个用顿号分隔）。"],
      [7, "审核科室", "审核科室“三科”不存在。现有科室：一科、二科。"],
      [7, "负责部门", "只有部门填报员可以填写负责部门。"],
      [8, "用户名", "用户名“a3”与第 6 行重复。"],
      [8, "审核科室", "只有财政局审核员可以填写审核科室。"],
    ]);
  });

  it("reads roles in Chinese, short Chinese and English", () => {
    expect(["部门填报员", "填报员", "Clerk", " approver ", "管理员", "科员"].map(parseRole)).toEqual([
      "clerk",
      "clerk",
      "clerk",
      "approver",
      "admin",
      null,
    ]);
  });
});
