import {
  ancestorCodes,
  type BudgetTables,
  budgetTables,
  type ColumnDefinition,
  emptyTables,
  inputColumns,
  numberedTitle,
  ROW_CLASSIFICATION,
  rowValues,
  type TableDefinition,
  type TableId,
  type TableRow,
} from "../domain/budget-tables";
import { type Disclosure, disclosure as disclosureSchema } from "../domain/model";
import {
  addCents,
  type Cents,
  centsEqual,
  centsToAmount,
  money,
  normaliseNumber,
  toCents,
  ZERO_CENTS,
} from "../domain/money";
import { fillFromTables } from "../domain/text-from-tables";
import { importMessages } from "../i18n/zh-CN/import";
import type { WorkbookSheet } from "./xlsx-rows";

/**
 * The standard budget tables read from a workbook the way budget systems export them: one sheet
 * per table, titled (表3 部门支出总表), a 单位 line (单位：万元 or 单位：元), two header rows (a group
 * heading over its columns, 基本支出 › 人员经费), then the rows — 类 and 款 subtotals and the 合计
 * row included, which are checked against their parts and not stored (budget-tables.ts computes
 * them). Sheets are found by their title, columns by their headings, so order and extra sheets do
 * not matter. Pure: the workbook's rows come from the bounded reader (xlsx-rows.ts) in the parse
 * worker (parse/parse-jobs.ts, kind "tables").
 */

export type BudgetTablesReading = { tables: BudgetTables; found: TableId[]; notes: string[] };

const m = importMessages.budgetTables;

/** One header cell of a table's sheet: its heading (and group heading) and what the column holds. */
export type HeaderCell = {
  top: string;
  bottom: string;
  role:
    | { kind: "lineLabel" }
    | { kind: "lineValue"; column: string }
    | { kind: "code" }
    | { kind: "name" }
    | { kind: "rowValue"; column: string };
};

const columnCells = (columns: readonly ColumnDefinition[], kind: "lineValue" | "rowValue"): HeaderCell[] =>
  columns.map((c) => ({
    top: c.group ?? c.label,
    bottom: c.label,
    role: { kind, column: c.key },
  }));

/** The header of a table's sheet, left to right: the writer's (lib/tools/tasks) and the reader's one layout. */
export function sheetHeader(def: TableDefinition): HeaderCell[] {
  const cells: HeaderCell[] = [];
  if (def.lines)
    cells.push(
      { top: def.lines.heading, bottom: def.lines.heading, role: { kind: "lineLabel" } },
      ...columnCells(def.lines.columns, "lineValue"),
    );
  const spec = def.rows;
  if (spec) {
    const [code, name] =
      spec.kind === "unit"
        ? ["单位代码", "单位名称"]
        : spec.kind === "project"
          ? ["功能分类科目编码", "项目名称"]
          : ["科目编码", "科目名称"];
    cells.push(
      { top: code, bottom: code, role: { kind: "code" } },
      { top: name, bottom: name, role: { kind: "name" } },
      ...columnCells(spec.columns, "rowValue"),
    );
  }
  return cells;
}

const compact = (text: string) =>
  text
    .replace(/[\s\u3000]/g, "")
    .replace(/[“”"＂]/g, '"')
    .replace(/（(万元|元)）|\((万元|元)\)/g, "");
const heading = (top: string, bottom: string) => (bottom && bottom !== top ? `${top}${bottom}` : top);

/** The table a sheet holds, by the title in its first rows (or its tab's name): the longest title that fits. */
function tableOf(sheet: WorkbookSheet): TableDefinition | undefined {
  const texts = [sheet.name, ...sheet.rows.slice(0, 3).flat()].map(compact);
  return [...budgetTables]
    .sort((a, b) => b.title.length - a.title.length)
    .find((def) => texts.some((t) => t.includes(compact(def.title))));
}

/** Read one table's sheet into the stored shape; what was converted, rounded or left out goes to `notes`. */
function readSheet(def: TableDefinition, sheet: WorkbookSheet, notes: string[]) {
  const label = numberedTitle(def);
  const layout = sheetHeader(def);
  const rows = sheet.rows;
  // The header: the first row holding the layout's first heading.
  const first = compact(layout[0].top);
  const headerAt = rows.findIndex((r) => r.some((c) => compact(c) === first));
  const table = emptyTables()[def.id];
  if (headerAt < 0) {
    notes.push(m.noColumn(label, layout[0].top));
    return table;
  }
  const top = [...(rows[headerAt] ?? [])];
  const bottom = rows[headerAt + 1] ?? [];
  const width = Math.max(top.length, bottom.length);
  // A group heading merged across its columns reads in its first column only: carry it right.
  for (let j = 1; j < width; j++) if (!(top[j] ?? "").trim() && (bottom[j] ?? "").trim()) top[j] = top[j - 1] ?? "";
  const sheetHeadings = Array.from({ length: width }, (_, j) =>
    heading(compact(top[j] ?? ""), compact(bottom[j] ?? "")),
  );
  const yuan =
    rows.slice(0, headerAt + 2).some((r) => r.some((c) => /单位[:：]\s*元/.test(c) || /（元）|\(元\)/.test(c))) &&
    !rows.slice(0, headerAt).some((r) => r.some((c) => /单位[:：]\s*万元/.test(c)));
  if (yuan) notes.push(m.yuan(label));
  // Columns matched left to right: 部门收支总表 has 本年预算数 on both sides.
  const at = new Map<HeaderCell, number>();
  let from = 0;
  for (const cell of layout) {
    const want = heading(compact(cell.top), compact(cell.bottom));
    const j = sheetHeadings.findIndex((h, k) => k >= from && h === want);
    if (j < 0) {
      if (
        cell.role.kind !== "rowValue" ||
        inputColumns(def.rows?.columns ?? []).some((c) => c.key === (cell.role as { column: string }).column)
      )
        notes.push(m.noColumn(label, heading(cell.top, cell.bottom)));
      continue;
    }
    at.set(cell, j);
    from = j + 1;
  }
  // The second header row (a merged heading reads on both): the data begin below the last row
  // that still holds the first heading.
  let dataStart = headerAt + 1;
  while (dataStart < rows.length && (rows[dataStart] ?? []).some((c) => compact(c) === first)) dataStart++;
  const readAmount = (raw: string, rowNumber: number, column: string): string | null => {
    const text = raw.trim();
    if (text === "" || text === "-" || text === "—") return null;
    const n = normaliseNumber(text);
    if (n === null) {
      notes.push(m.notNumber(label, rowNumber, column, text));
      return null;
    }
    if (!yuan) return money(n).toFixed(2);
    const wan = money(n).div(10_000);
    const amount = wan.toFixed(2);
    if (!wan.eq(amount)) notes.push(m.rounded(label, rowNumber, text, amount));
    return amount;
  };
  const cellsOf = (kind: "lineValue" | "rowValue") =>
    layout.filter((c) => c.role.kind === kind && at.has(c)) as Array<HeaderCell & { role: { column: string } }>;

  // Fixed lines (收入 by source, the "三公" items): by their label.
  if (def.lines) {
    const labelCol = at.get(layout.find((c) => c.role.kind === "lineLabel") as HeaderCell);
    const inputs = new Map(def.lines.lines.filter((l) => !l.formula).map((l) => [compact(l.label), l.key]));
    const computed = new Set(def.lines.lines.filter((l) => l.formula).map((l) => compact(l.label)));
    const lines = table.lines ?? {};
    for (let r = dataStart; labelCol !== undefined && r < rows.length; r++) {
      const name = compact(rows[r]?.[labelCol] ?? "").replace(/^其中[:：]?/, "");
      if (name === "" || computed.has(name) || /合计|总计/.test(name)) continue;
      const key = inputs.get(name);
      if (!key) {
        notes.push(m.unknownLine(label, r + 1, rows[r][labelCol]));
        continue;
      }
      for (const cell of cellsOf("lineValue"))
        if (key in lines && cell.role.column in lines[key])
          lines[key][cell.role.column] = readAmount(
            rows[r][at.get(cell)!] ?? "",
            r + 1,
            heading(cell.top, cell.bottom),
          );
    }
    table.lines = lines;
  }

  // Rows by code: subtotals and 合计 read, compared, not stored.
  const spec = def.rows;
  if (spec) {
    const codeCol = at.get(layout.find((c) => c.role.kind === "code") as HeaderCell);
    const nameCol = at.get(layout.find((c) => c.role.kind === "name") as HeaderCell);
    const typed = new Set(inputColumns(spec.columns).map((c) => c.key));
    const read: Array<{ row: TableRow; rowNumber: number; stated: Record<string, string | null> }> = [];
    for (let r = dataStart; r < rows.length; r++) {
      const code = (codeCol === undefined ? "" : (rows[r]?.[codeCol] ?? "")).trim();
      const name = (nameCol === undefined ? "" : (rows[r]?.[nameCol] ?? "")).trim();
      if (code === "" && (name === "" || /合计|总计/.test(name))) continue;
      if (spec.kind !== "project" && code === "") continue;
      const stated: Record<string, string | null> = {};
      for (const cell of cellsOf("rowValue"))
        stated[cell.role.column] = readAmount(rows[r][at.get(cell)!] ?? "", r + 1, heading(cell.top, cell.bottom));
      const amounts = Object.fromEntries([...typed].map((k) => [k, stated[k] ?? null]));
      read.push({ row: { code, name, amounts }, rowNumber: r + 1, stated });
    }
    const kind = ROW_CLASSIFICATION[spec.kind];
    const codes = read.map((x) => x.row.code);
    const isSubtotal = (code: string) =>
      kind !== undefined && codes.some((c) => c !== code && ancestorCodes(kind, c).includes(code));
    const leaves = read.filter((x) => !isSubtotal(x.row.code));
    for (const x of read.filter((x) => isSubtotal(x.row.code))) {
      const under = leaves
        .filter((l) => l.row.code.startsWith(x.row.code))
        .map((l) => rowValues(spec.columns, l.row.amounts));
      for (const c of spec.columns) {
        const stated = x.stated[c.key];
        if (stated == null) continue;
        const sum = under.reduce<Cents>((acc, v) => addCents(acc, v[c.key]), ZERO_CENTS);
        if (!centsEqual(sum, toCents(stated)))
          notes.push(
            m.subtotal(
              label,
              x.rowNumber,
              `${x.row.code}「${heading(c.group ?? c.label, c.label)}」`,
              stated,
              centsToAmount(sum),
            ),
          );
      }
    }
    table.rows = leaves.map((x) => x.row);
  }
  return table;
}

/** The tables a workbook holds; a table without its sheet is empty (with its 空表说明) and named in the notes. */
export function readBudgetTables(sheets: ReadonlyArray<WorkbookSheet>): BudgetTablesReading {
  const tables = emptyTables();
  const notes: string[] = [];
  const found: TableId[] = [];
  for (const sheet of sheets) {
    const def = tableOf(sheet);
    if (!def || found.includes(def.id)) continue;
    found.push(def.id);
    // Each keeps its 空表说明, printed only while the table is empty.
    tables[def.id] = readSheet(def, sheet, notes);
  }
  if (found.length > 0)
    for (const def of budgetTables) if (!found.includes(def.id)) notes.push(m.missing(numberedTitle(def)));
  return { tables, found, notes };
}

/**
 * The disclosure with its tables: each text figure of sections 二, 三, 四 and each 绩效目标表
 * project's amount that the text leaves blank is filled in from its cell ("a new draft fills them
 * in"), and said; a figure the text states stays as stated, for the rules to compare.
 */
export function withBudgetTables(d: Disclosure, tables: BudgetTables): { disclosure: Disclosure; notes: string[] } {
  const { disclosure, filled } = fillFromTables({ ...d, tables });
  return { disclosure: disclosureSchema.parse(disclosure), notes: filled.map((f) => m.filled(f.label, f.amount)) };
}
