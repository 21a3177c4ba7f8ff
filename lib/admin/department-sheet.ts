import { fundingForms, orgUnitNatures, type OrgUnit } from "../domain/model";
import { adminMessages } from "../i18n/zh-CN/admin";
import { sortProblems, tabulate, type ColumnSpec, type SheetProblem } from "./sheet";

/**
 * A sheet of departments, one row per unit: rows sharing a 部门编码 are one department and its
 * units (a merged 编码 cell reads on every row it spans). A department without units is one row
 * with the unit columns empty. Every row is checked against the sheet and the database as it
 * stands, so the preview shows every problem at once and the import either takes every row or none.
 */

const m = adminMessages.departmentSheet;
const need = adminMessages.sheet.required;

export const departmentColumns: ReadonlyArray<ColumnSpec<DepartmentColumn>> = [
  { key: "code", label: m.columns.code, aliases: ["编码", "部门代码", "单位编码"], required: true },
  { key: "name", label: m.columns.name, aliases: ["部门", "名称"], required: true },
  { key: "desk", label: m.columns.desk, aliases: ["科室", "主管科室"] },
  { key: "unitName", label: m.columns.unitName, aliases: ["所属单位", "下属单位"] },
  { key: "nature", label: m.columns.nature, aliases: ["性质"] },
  { key: "level", label: m.columns.level, aliases: ["规格", "机构规格"] },
  { key: "fundingForm", label: m.columns.fundingForm, aliases: ["经费形式", "经费保障方式"] },
];
export type DepartmentColumn = "code" | "name" | "desk" | "unitName" | "nature" | "level" | "fundingForm";

/** 部门编码 as the bureau's systems write them: digits, letters, hyphens. */
export const DEPARTMENT_CODE = /^[0-9A-Za-z-]{1,20}$/;

export type ImportedDepartment = { row: number; code: string; name: string; desk: string | null; orgUnits: OrgUnit[] };

/** What the database holds that the sheet must not clash with. */
export type DepartmentSheetContext = {
  existing: ReadonlyArray<{ code: string; name: string }>;
  desks: readonly string[];
};

export type DepartmentSheetResult = { departments: ImportedDepartment[]; problems: SheetProblem[]; rowCount: number };

export function validateDepartmentSheet(rows: string[][], context: DepartmentSheetContext): DepartmentSheetResult {
  const table = tabulate(rows, departmentColumns);
  if (table.problems.length > 0) return { departments: [], problems: table.problems, rowCount: 0 };

  const problems: SheetProblem[] = [];
  const report = (row: number, column: DepartmentColumn | null, message: string) =>
    problems.push({ row, column: column ? m.columns[column] : null, message });
  const existingByCode = new Map(context.existing.map((d) => [d.code, d.name]));
  const existingByName = new Map(context.existing.map((d) => [d.name, d.code]));
  const desks = new Set(context.desks);
  const knownDesks = context.desks.length > 0 ? context.desks.join("、") : adminMessages.desks.none;

  const byCode = new Map<string, ImportedDepartment>();
  const nameFirstSeen = new Map<string, { row: number; code: string }>();
  const unitFirstSeen = new Map<string, number>();

  for (const { row, cells } of table.rows) {
    const { code, name, desk } = cells;
    if (code === "") {
      report(row, "code", need(m.columns.code));
      continue;
    }
    if (!DEPARTMENT_CODE.test(code)) {
      report(row, "code", m.codeInvalid(code));
      continue;
    }
    const known = byCode.get(code);
    if (!known) {
      if (name === "") report(row, "name", need(m.columns.name));
      else if (existingByCode.has(code)) report(row, "code", m.codeExists(code, existingByCode.get(code)!));
      else if (existingByName.has(name)) report(row, "name", m.nameExists(name, existingByName.get(name)!));
      else if (nameFirstSeen.has(name))
        report(row, "name", m.nameRepeated(name, nameFirstSeen.get(name)!.row, nameFirstSeen.get(name)!.code));
      if (desk !== "" && !desks.has(desk)) report(row, "desk", m.unknownDesk(desk, knownDesks));
      const department: ImportedDepartment = { row, code, name, desk: desk || null, orgUnits: [] };
      byCode.set(code, department);
      if (name !== "" && !nameFirstSeen.has(name)) nameFirstSeen.set(name, { row, code });
    } else {
      // A later row of the same department adds a unit; its name and desk may be left empty.
      if (name !== "" && name !== known.name) report(row, "name", m.nameDiffers(code, known.row, known.name, name));
      if (desk !== "" && desk !== (known.desk ?? ""))
        report(row, "desk", m.deskDiffers(code, known.row, known.desk ?? adminMessages.departments.noDesk, desk));
    }
    const unit = readUnit(cells, (column, message) => report(row, column, message));
    if (unit) {
      const key = `${code}\u0000${unit.name}`;
      if (unitFirstSeen.has(key)) report(row, "unitName", m.unitRepeated(unit.name, unitFirstSeen.get(key)!));
      else unitFirstSeen.set(key, row);
      byCode.get(code)!.orgUnits.push(unit);
    }
  }
  return { departments: [...byCode.values()], problems: sortProblems(problems), rowCount: table.rows.length };
}

/** The unit on a row: none when its four cells are empty, a problem when only some are filled. */
function readUnit(
  cells: Record<DepartmentColumn, string>,
  report: (column: DepartmentColumn, message: string) => void,
): OrgUnit | null {
  const { unitName, nature, level, fundingForm } = cells;
  const filled = [unitName, nature, level, fundingForm].filter((v) => v !== "").length;
  if (filled === 0) return null;
  let ok = true;
  if (filled < 4) {
    const firstEmpty = (["unitName", "nature", "level", "fundingForm"] as const).find((k) => cells[k] === "")!;
    report(firstEmpty, m.unitIncomplete);
    ok = false;
  }
  if (nature !== "" && !(orgUnitNatures as readonly string[]).includes(nature)) {
    report("nature", m.badNature(nature));
    ok = false;
  }
  if (fundingForm !== "" && !(fundingForms as readonly string[]).includes(fundingForm)) {
    report("fundingForm", m.badFunding(fundingForm));
    ok = false;
  }
  return ok ? { name: unitName, nature, level, fundingForm } : null;
}
