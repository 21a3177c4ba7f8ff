import { ancestorCodes, type ClassificationKind, classificationKinds } from "../domain/budget-tables";
import { type ClassificationEntry, codeShapeProblem, codesMissing } from "../domain/classification";
import { adminMessages } from "../i18n/zh-CN/admin";
import { type ColumnSpec, type SheetProblem, sortProblems, tabulate } from "./sheet";

/**
 * A fiscal year's 《政府收支分类科目》 from a sheet (code, name; a 分类 column optional): the level
 * follows from the code's length (功能 类/款/项 = 3/5/7 digits, 经济 类/款 = 3/5), the kind from the
 * 分类 column or else the code (功能分类 codes begin with 2, 经济分类 codes with 3). The sheet
 * replaces the year's catalogue as a whole, so a code that a disclosure of that year uses must be
 * in it: leaving one out is a problem, and with any problem nothing is imported.
 */

const m = adminMessages.classificationSheet;
const need = adminMessages.sheet.required;

export type ClassificationColumn = "kind" | "code" | "name";
export const classificationColumns: ReadonlyArray<ColumnSpec<ClassificationColumn>> = [
  { key: "kind", label: m.columns.kind, aliases: ["类型", "科目类型", "分类类型"] },
  { key: "code", label: m.columns.code, aliases: ["编码", "科目代码", "代码", "code"], required: true },
  { key: "name", label: m.columns.name, aliases: ["名称", "科目", "name"], required: true },
];

/**
 * A whole year's 《政府收支分类科目》 (功能 类/款/项 and 经济 类/款) runs to well over a thousand
 * rows, more than a sheet of departments or users may hold; the upload's own bounds
 * (lib/import/upload/limits.ts) still stop anything larger long before this.
 */
export const MAX_CATALOGUE_ROWS = 5000;

export type ClassificationSheetContext = {
  fiscalYear: number;
  /** The codes the year's disclosures use (db/queries/classification.ts). */
  used: ReadonlyArray<{ kind: ClassificationKind; code: string }>;
};

export type ClassificationSheetResult = {
  entries: Array<ClassificationEntry & { row: number }>;
  problems: SheetProblem[];
  rowCount: number;
};

const kindOfCode = (code: string): ClassificationKind | null =>
  code.startsWith("2") ? "功能" : code.startsWith("3") ? "经济" : null;

export function validateClassificationSheet(
  rows: string[][],
  context: ClassificationSheetContext,
): ClassificationSheetResult {
  const table = tabulate(rows, classificationColumns, {
    rows: MAX_CATALOGUE_ROWS,
    message: m.tooManyRows(MAX_CATALOGUE_ROWS),
  });
  if (table.problems.length > 0) return { entries: [], problems: table.problems, rowCount: 0 };
  const problems: SheetProblem[] = [];
  const report = (row: number | null, column: ClassificationColumn | null, message: string) =>
    problems.push({ row, column: column ? m.columns[column] : null, message });
  const entries: ClassificationSheetResult["entries"] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const code = cells.code.replace(/\s/g, "");
    let kind: ClassificationKind | null = null;
    if (cells.kind !== "") {
      const named = cells.kind.replace(/分类$/, "");
      if ((classificationKinds as readonly string[]).includes(named)) kind = named as ClassificationKind;
      else report(row, "kind", m.badKind(cells.kind));
    } else if (code !== "") {
      kind = kindOfCode(code);
      if (!kind) report(row, "code", m.kindUnknown(code));
    }
    if (code === "") report(row, "code", need(m.columns.code));
    if (cells.name === "") report(row, "name", need(m.columns.name));
    if (!kind || code === "" || cells.name === "") continue;
    const shape = codeShapeProblem(kind, code);
    if (shape) {
      report(row, "code", `${shape}（“${code}”）`);
      continue;
    }
    const key = `${kind}:${code}`;
    if (seen.has(key)) {
      report(row, "code", m.codeRepeated(code, seen.get(key)!));
      continue;
    }
    seen.set(key, row);
    entries.push({ row, kind, code, name: cells.name });
  }
  for (const e of entries)
    for (const parent of ancestorCodes(e.kind, e.code))
      if (!seen.has(`${e.kind}:${parent}`)) {
        report(e.row, "code", m.parentMissing(e.code, parent));
        break;
      }
  for (const u of codesMissing(entries, context.used))
    report(null, "code", m.inUse(u.kind, u.code, context.fiscalYear));
  return { entries, problems: sortProblems(problems), rowCount: table.rows.length };
}
