import {
  type BudgetTable,
  type ClassificationKind,
  type ComputedTable,
  computeTable,
  inputColumns,
  ROW_CLASSIFICATION,
  type TableDefinition,
  type TableId,
  type TableRow,
} from "../domain/budget-tables";
import type { ClassificationEntry } from "../domain/classification";
import { normaliseNumber, toAmount, money } from "../domain/money";
import { budgetTableMessages } from "../i18n/zh-CN/budget-tables";

/**
 * The budget tables' grid in the editor (components/budget-tables), as pure functions the
 * component and its tests share: what a typed cell becomes, which catalogue entries a typed code
 * or name offers, the rows as shown (subtotals computed in place), and the paths findings use.
 */

const m = budgetTableMessages;

/** The 功能 or 经济 catalogue a table's codes are chosen from (项目支出表: the project's 功能分类 项). */
export function catalogueKind(def: TableDefinition): ClassificationKind | null {
  const kind = def.rows?.kind;
  if (kind === "project") return "功能";
  return kind ? (ROW_CLASSIFICATION[kind] ?? null) : null;
}

/**
 * What an amount typed into a cell becomes: two-decimal 万元 text, exactly (never a float), null for
 * an emptied cell, or the reason it cannot be taken. `1,062.44`, `１０６２.４４` and ` 99 ` are read.
 */
export function parseCellAmount(text: string): { value: string | null } | { error: string } {
  if (text.trim() === "") return { value: null };
  const n = normaliseNumber(text);
  if (n === null) return { error: m.notAmount(text.trim()) };
  const fraction = n.split(".")[1] ?? "";
  if (fraction.replace(/0+$/, "").length > 2) return { error: m.tooManyDecimals };
  return { value: toAmount(money(n)) };
}

/**
 * The catalogue entries a typed code or name offers, best first: the code itself, codes beginning
 * with the digits typed, then names beginning with or containing the words typed. At most `limit`.
 */
export function searchCatalogue(
  entries: ReadonlyArray<ClassificationEntry>,
  query: string,
  limit = 8,
): ClassificationEntry[] {
  const q = query.trim();
  if (q === "") return entries.slice(0, limit);
  const rank = (e: ClassificationEntry): number => {
    if (e.code === q) return 0;
    if (e.code.startsWith(q)) return 1 + e.code.length / 100;
    if (e.name === q) return 2;
    if (e.name.startsWith(q)) return 3;
    if (e.name.includes(q)) return 4;
    return -1;
  };
  return entries
    .map((e) => ({ e, r: rank(e) }))
    .filter((x) => x.r >= 0)
    .sort((a, b) => a.r - b.r || (a.e.code < b.e.code ? -1 : a.e.code > b.e.code ? 1 : 0))
    .slice(0, limit)
    .map((x) => x.e);
}

/** A new row: no code yet, every input column blank. */
export function newTableRow(def: TableDefinition): TableRow {
  return {
    code: "",
    name: "",
    amounts: Object.fromEntries(inputColumns(def.rows?.columns ?? []).map((c) => [c.key, null])),
  };
}

/** The table with one stored row replaced (the same object elsewhere). */
export function withRow(table: BudgetTable, index: number, row: TableRow): BudgetTable {
  return { ...table, rows: table.rows.map((r, i) => (i === index ? row : r)) };
}

export function withoutRow(table: BudgetTable, index: number): BudgetTable {
  return { ...table, rows: table.rows.filter((_, i) => i !== index) };
}

export function withLineCell(table: BudgetTable, line: string, column: string, value: string | null): BudgetTable {
  const lines = table.lines ?? {};
  return { ...table, lines: { ...lines, [line]: { ...lines[line], [column]: value } } };
}

/**
 * The rows as the grid shows them: computeTable's (stored rows with their 类/款 subtotals, in code
 * order), except that a row without a code yet stays at the bottom, where it was added, until one
 * is chosen.
 */
export function shownRows(
  def: TableDefinition,
  table: BudgetTable,
  nameOf?: (kind: ClassificationKind, code: string) => string | undefined,
): ComputedTable {
  const computed = computeTable(def, table, nameOf);
  const uncoded = computed.rows.filter((r) => r.index !== null && r.code.trim() === "");
  if (uncoded.length === 0) return computed;
  return { ...computed, rows: [...computed.rows.filter((r) => !uncoded.includes(r)), ...uncoded] };
}

/** The path of a stored row's field, as the rules' findings name it. */
export const rowFieldPath = (id: TableId, index: number, field: string) =>
  field === "code" || field === "name"
    ? `tables.${id}.rows[${index}].${field}`
    : `tables.${id}.rows[${index}].amounts.${field}`;

export const lineCellPath = (id: TableId, line: string, column: string) => `tables.${id}.lines.${line}.${column}`;
