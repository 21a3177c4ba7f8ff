import { USERNAME, type Role } from "../auth/actor";
import { adminMessages } from "../i18n/zh-CN/admin";
import { sortProblems, splitList, tabulate, type ColumnSpec, type SheetProblem } from "./sheet";

/**
 * A sheet of users, one per row: 用户名, 姓名, 角色, and their scope — a clerk's departments by
 * 部门编码, an approver's desks by name. Checked against the sheet and the database as it stands;
 * passwords are not in the sheet (each user gets a generated one, shown once after the import).
 */

const m = adminMessages.userSheet;
const need = adminMessages.sheet.required;

export type UserColumn = "username" | "displayName" | "role" | "departments" | "desks";

export const userColumns: ReadonlyArray<ColumnSpec<UserColumn>> = [
  { key: "username", label: m.columns.username, aliases: ["账号", "登录名"], required: true },
  { key: "displayName", label: m.columns.displayName, aliases: ["名称", "显示名"], required: true },
  { key: "role", label: m.columns.role, aliases: ["用户角色", "身份"], required: true },
  { key: "departments", label: m.columns.departments, aliases: ["部门编码", "负责部门编码", "部门"] },
  { key: "desks", label: m.columns.desks, aliases: ["科室", "负责科室"] },
];

/** Roles as people write them in a sheet: the Chinese names, short forms, or the English codes. */
const roleWords: Record<string, Role> = {
  部门填报员: "clerk",
  填报员: "clerk",
  clerk: "clerk",
  财政局审核员: "approver",
  审核员: "approver",
  approver: "approver",
  系统管理员: "admin",
  管理员: "admin",
  admin: "admin",
};

export function parseRole(text: string): Role | null {
  return roleWords[text.trim().toLowerCase()] ?? roleWords[text.trim()] ?? null;
}

export type ImportedUser = {
  row: number;
  username: string;
  displayName: string;
  role: Role;
  departmentCodes: string[];
  desks: string[];
};

export type UserSheetContext = {
  usernames: readonly string[];
  departmentCodes: readonly string[];
  desks: readonly string[];
};

export type UserSheetResult = { users: ImportedUser[]; problems: SheetProblem[]; rowCount: number };

export function validateUserSheet(rows: string[][], context: UserSheetContext): UserSheetResult {
  const table = tabulate(rows, userColumns);
  if (table.problems.length > 0) return { users: [], problems: table.problems, rowCount: 0 };

  const problems: SheetProblem[] = [];
  const report = (row: number, column: UserColumn, message: string) =>
    problems.push({ row, column: m.columns[column], message });
  // Usernames compare as the sign-in compares them: exactly, after trimming.
  const taken = new Set(context.usernames);
  const codes = new Set(context.departmentCodes);
  const desks = new Set(context.desks);
  const knownDesks = context.desks.length > 0 ? context.desks.join("、") : adminMessages.desks.none;
  const firstRow = new Map<string, number>();
  const users: ImportedUser[] = [];

  for (const { row, cells } of table.rows) {
    const before = problems.length;
    const { username, displayName } = cells;
    if (username === "") report(row, "username", need(m.columns.username));
    else if (!USERNAME.test(username)) report(row, "username", m.usernameInvalid(username));
    else if (taken.has(username)) report(row, "username", adminMessages.users.usernameTaken(username));
    else if (firstRow.has(username)) report(row, "username", m.usernameRepeated(username, firstRow.get(username)!));
    if (username !== "" && !firstRow.has(username)) firstRow.set(username, row);
    if (displayName === "") report(row, "displayName", need(m.columns.displayName));

    const role = cells.role === "" ? null : parseRole(cells.role);
    if (cells.role === "") report(row, "role", need(m.columns.role));
    else if (!role) report(row, "role", m.badRole(cells.role));

    const departmentCodes = [...new Set(splitList(cells.departments))];
    const deskNames = [...new Set(splitList(cells.desks))];
    for (const code of departmentCodes) if (!codes.has(code)) report(row, "departments", m.unknownDepartment(code));
    for (const desk of deskNames) if (!desks.has(desk)) report(row, "desks", m.unknownDesk(desk, knownDesks));
    if (role === "clerk" && departmentCodes.length === 0) report(row, "departments", m.clerkNeedsDepartment);
    if (role === "approver" && deskNames.length === 0) report(row, "desks", m.approverNeedsDesk);
    if (role && role !== "clerk" && departmentCodes.length > 0) report(row, "departments", m.onlyClerkDepartments);
    if (role && role !== "approver" && deskNames.length > 0) report(row, "desks", m.onlyApproverDesks);

    if (problems.length === before && role)
      users.push({ row, username, displayName, role, departmentCodes, desks: deskNames });
  }
  return { users, problems: sortProblems(problems), rowCount: table.rows.length };
}
