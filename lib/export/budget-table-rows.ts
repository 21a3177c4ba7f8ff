import { budgetTables, inputColumns, inputLines, type TableDefinition } from "../domain/budget-tables";
import type { Disclosure } from "../domain/model";
import { money } from "../domain/money";
import { type NameOf, ownNames } from "../render/budget-tables";
import type { SheetColumn, SheetValue } from "./sheet-tables";

/**
 * The budget tables as flat rows, one per figure a clerk entered (a stored row's input column, or
 * an input line's cell), each with its classification in the columns the Fiscal Data Package gives
 * classifications (functional / economic / administrative: code and label). Nothing computed: a
 * 合计 or a 类 subtotal beside its parts would be counted twice by whoever sums the file. Amounts
 * in 万元, exact two-decimal text. The CSV download for people (csv.ts) and the data package
 * (datapackage.ts) both write these rows.
 */

export type TableColumn = SheetColumn & {
  /** The field's name in the data package (snake_case, as its other resource's). */
  name: string;
  type: "string" | "integer" | "year" | "number";
  /** Fiscal Data Package 1.0 column type, where one fits. */
  columnType?: string;
};

const c = (
  name: string,
  header: string,
  kind: SheetColumn["kind"],
  type: TableColumn["type"],
  columnType?: string,
): TableColumn => ({ name, header, kind, type, width: 0, ...(columnType ? { columnType } : {}) });

export const TABLE_ROW_COLUMNS: ReadonlyArray<TableColumn> = [
  c("fiscal_year", "预算年度", "count", "year", "date:fiscal-year"),
  c("department_code", "部门编码", "text", "string"),
  c("department_name", "部门名称", "text", "string"),
  c("table_number", "表号", "count", "integer"),
  c("table_title", "表名", "text", "string"),
  c("direction", "收支", "text", "string"),
  c("administrative_classification_code", "单位代码", "text", "string", "administrative-classification:generic:code"),
  c("administrative_classification_name", "单位名称", "text", "string", "administrative-classification:generic:label"),
  c("functional_classification_code", "功能分类科目编码", "text", "string", "functional-classification:generic:code"),
  c("functional_classification_name", "功能分类科目名称", "text", "string", "functional-classification:generic:label"),
  c("economic_classification_code", "经济分类科目编码", "text", "string", "economic-classification:generic:code"),
  c("economic_classification_name", "经济分类科目名称", "text", "string", "economic-classification:generic:label"),
  c("project", "项目名称", "text", "string"),
  c("item", "项目（行）", "text", "string"),
  c("column", "栏目", "text", "string"),
  c("amount", "金额（万元）", "amount", "number", "value"),
];

const revenueTables = new Set<TableDefinition["id"]>(["income"]);

const label = (col: { label: string; group?: string }) =>
  col.group && col.group !== col.label ? `${col.group}·${col.label}` : col.label;

const exact = (v: string | null | undefined) => (v == null || v.trim() === "" ? null : money(v).toFixed(2));

/** Every entered figure of the disclosure's tables, in table order; none when it has no tables. */
export function budgetTableRows(d: Disclosure, nameOf?: NameOf): SheetValue[][] {
  const tables = d.tables;
  if (!tables) return [];
  const own = ownNames(tables);
  const names: NameOf = (kind, code) => nameOf?.(kind, code) ?? own(kind, code);
  const out: SheetValue[][] = [];
  for (const def of budgetTables) {
    const table = tables[def.id];
    const lead = [d.fiscalYear, d.department.code, d.department.name, def.number, def.title];
    if (def.lines) {
      const direction = def.id === "threePublic" ? "expenditure" : "revenue";
      for (const line of inputLines(def.lines.lines))
        for (const col of inputColumns(def.lines.columns)) {
          const amount = exact(table.lines?.[line.key]?.[col.key]);
          if (amount === null) continue;
          out.push([...lead, direction, "", "", "", "", "", "", "", line.label, label(col), amount]);
        }
    }
    if (def.rows) {
      const kind = def.rows.kind;
      const direction = revenueTables.has(def.id) ? "revenue" : "expenditure";
      for (const row of table.rows)
        for (const col of inputColumns(def.rows.columns)) {
          const amount = exact(row.amounts[col.key]);
          if (amount === null) continue;
          const unit = kind === "unit" ? [row.code, row.name] : ["", ""];
          const functional =
            kind === "functional"
              ? [row.code, row.name]
              : kind === "project"
                ? [row.code, names("功能", row.code) ?? ""]
                : ["", ""];
          const economic = kind === "economic" ? [row.code, row.name] : ["", ""];
          const project = kind === "project" ? row.name : "";
          out.push([...lead, direction, ...unit, ...functional, ...economic, project, "", label(col), amount]);
        }
    }
  }
  return out;
}
