import { newRowId, type EditableIndicator } from "../domain/editable";
import { isValidPair, level2Options, type IndicatorFramework } from "../domain/frameworks";
import { weightProblem } from "../domain/limits";
import { normaliseText, textProblem } from "../domain/text-hygiene";
import { parseDelimitedText, readIndicatorRows, type IndicatorColumn } from "../import/indicator-table";
import { gridMessages } from "../i18n/zh-CN/grid";
import { blankIndicator, cellText, gridColumnKeys, isBlankIndicator, type GridColumnKey } from "./columns";
import { insertGrouped, regroupRow } from "./grouping";
import type { Cell } from "./navigation";

/**
 * What a block pasted into the grid (from Excel, WPS or Word) would change, worked out before
 * anything changes so the clerk sees a preview. Two kinds of block:
 *
 * - with a header row (一级指标 / 三级指标 / 指标值 …): whole indicator rows, read by their
 *   headers through lib/import/indicator-table.ts and inserted below the focused row;
 * - without one: cells by position from the focused cell rightwards and downwards, overwriting
 *   what is there and adding rows past the end, as a spreadsheet pastes; a whole row pasted
 *   into a new row starts at its first column (pasteStartColumn).
 *
 * Rows the paste brings (added, or a blank row filled) go into their 一级/二级 block (grouping.ts).
 *
 * Cells are read as the importer reads them (`95%`, `1,000`, `≥90%`, full-width digits), so a
 * pasted table and an uploaded one agree.
 */

export type PasteCellChange = { row: number; column: GridColumnKey; before: string; after: string };
export type PasteProblem = { message: string };

export type PastePlan = {
  mode: "header" | "position";
  /** The first column written (position mode). */
  startColumn: GridColumnKey;
  rowsRead: number;
  /** Cells per row of the widest pasted row. */
  width: number;
  /** Cells of existing rows that change. */
  changes: PasteCellChange[];
  /** Rows the paste adds, with the grid row number each will have (0-based). */
  added: Array<{ row: number; indicator: EditableIndicator }>;
  problems: PasteProblem[];
  /** The grid's rows once applied. */
  result: EditableIndicator[];
  /** Where the cursor goes once applied. */
  focus: Cell;
};

export type PasteInput = {
  text: string;
  rows: ReadonlyArray<EditableIndicator>;
  anchor: Cell;
  columns: ReadonlyArray<GridColumnKey>;
  framework: IndicatorFramework;
  makeId?: () => string;
};

/** Where each grid column sits in a full-width synthetic row handed to the importer. */
const FULL_POSITIONS: Partial<Record<IndicatorColumn, number>> = Object.fromEntries(
  gridColumnKeys.map((key, i) => [key, i]),
);

/**
 * Rows of cells from clipboard text. Excel and WPS separate cells by tab; a single column has no
 * tab and must not be split at the commas inside `1,000`, so it is read line by line.
 */
export function clipboardCells(text: string): string[][] {
  // Invisible characters go before anything reads the cells (text-hygiene.ts), a leading BOM with them.
  const clean = normaliseText(text);
  const rows = clean.includes("\t")
    ? parseDelimitedText(clean)
    : clean
        .replace(/\r\n?/g, "\n")
        .replace(/\n$/, "")
        .split("\n")
        .map((line) => [line]);
  while (rows.length > 0 && rows[rows.length - 1].every((c) => c.trim() === "")) rows.pop();
  return rows;
}

export function planPaste(input: PasteInput): PastePlan {
  const cells = clipboardCells(input.text);
  const header = cells.length > 1 ? readIndicatorRows(cells) : null;
  if (header && Object.keys(header.columns).length > 0) return planHeaderPaste(input, cells.length, header);
  return planPositionPaste(input, cells);
}

function planHeaderPaste(input: PasteInput, rowsRead: number, table: ReturnType<typeof readIndicatorRows>): PastePlan {
  const problems: PasteProblem[] = table.problems.map((p) => ({
    message: `${gridMessages.paste.pastedRowPrefix}${p.message}`,
  }));
  const anchorRow = Math.min(input.anchor.row, Math.max(input.rows.length - 1, 0));
  const indicators = table.indicators.map((indicator, i) => withoutRefused(indicator, i, problems));
  const {
    rows: result,
    first,
    ids,
  } = insertGrouped(input.rows, anchorRow, indicators, input.framework, input.makeId ?? newRowId);
  const added = ids.map((id) => {
    const row = result.findIndex((r) => r.id === id);
    return { row, indicator: result[row] };
  });
  for (const { row, indicator } of added) problems.push(...frameworkProblems(indicator, row, input.framework));
  return {
    mode: "header",
    startColumn: input.columns[0],
    rowsRead,
    width: Math.max(0, ...Object.values(table.columns).map((c) => c + 1)),
    changes: [],
    added,
    problems,
    result: added.length > 0 ? result : [...input.rows],
    focus: { row: first, col: 0 },
  };
}

/**
 * The column a block pasted at `anchor` starts at. A whole row copied from Excel into a new row
 * (one just added, still blank) means the row: when it is wider than what fits right of the
 * cursor, or starts with a 一级指标, it starts at the row's first column, not at the cursor
 * (添加指标 puts the cursor on 三级指标). Anywhere else a paste starts where the cursor is.
 */
export function pasteStartColumn(
  cells: ReadonlyArray<ReadonlyArray<string>>,
  rows: ReadonlyArray<EditableIndicator>,
  anchor: Cell,
  columns: ReadonlyArray<GridColumnKey>,
  framework: IndicatorFramework,
): number {
  const target = rows[anchor.row];
  const width = Math.max(0, ...cells.map((r) => r.length));
  if (anchor.col === 0 || width <= 1 || (target && !isBlankIndicator(target))) return anchor.col;
  const lead = (cells[0]?.[0] ?? "").replace(/\s+/g, "");
  const ledByLevel1 = framework.levels.some((l) => l.level1 === lead);
  return width > columns.length - anchor.col || ledByLevel1 ? 0 : anchor.col;
}

function planPositionPaste(input: PasteInput, cells: string[][]): PastePlan {
  const { rows, columns, framework } = input;
  const anchor = { row: input.anchor.row, col: pasteStartColumn(cells, rows, input.anchor, columns, framework) };
  const makeId = input.makeId ?? newRowId;
  // Rows the paste brings in (added, or blank before): they go into their block once written.
  const arriving: EditableIndicator[] = [];
  const problems: PasteProblem[] = [];
  const width = Math.max(0, ...cells.map((r) => r.length));
  const covered = columns.slice(anchor.col, anchor.col + width);
  if (width > covered.length) problems.push({ message: gridMessages.paste.tooWide(width - covered.length) });

  const result: EditableIndicator[] = [...rows];
  const changes: PasteCellChange[] = [];
  const added: PastePlan["added"] = [];
  cells.forEach((pasted, r) => {
    const g = anchor.row + r;
    const existing = rows[g];
    const above = result[g - 1];
    const base = existing ?? blankIndicator(makeId(), above);
    // The importer reads one full-width row: pasted cells where the block covers, the row's own text elsewhere.
    const full = gridColumnKeys.map((key) => cellText(base, key));
    covered.forEach((key, j) => {
      let value = (pasted[j] ?? "").trim();
      // A merged 一级/二级 cell copies as blank below its first row: it repeats the row above.
      if (value === "" && (key === "level1" || key === "level2") && above) value = cellText(above, key);
      full[gridColumnKeys.indexOf(key)] = value;
    });
    // Padding rows keep the importer's row numbers equal to the pasted row numbers.
    const read = readIndicatorRows([...Array.from({ length: r }, () => [] as string[]), full], {
      columns: FULL_POSITIONS,
    });
    const parsed = read.indicators[0];
    const next: EditableIndicator = { ...base };
    for (const key of covered) {
      const value = full[gridColumnKeys.indexOf(key)];
      // A cell holding what the save would refuse (text-hygiene.ts, limits.ts) keeps its old value, and says why.
      const refused =
        textProblem(value) ?? (key === "weight" && parsed?.weight != null ? weightProblem(parsed.weight) : null);
      if (refused) {
        problems.push({ message: `第 ${g + 1} 行：${gridMessages.columns[key]}：${refused}` });
        continue;
      }
      if (key === "target") next.target = parsed ? parsed.target : { raw: value, kind: "unparsed" };
      else if (key === "weight") next.weight = parsed?.weight ?? null;
      else if (key === "direction") next.direction = parsed?.direction ?? null;
      // Line breaks from narrow Word cells are noise inside a level name, not inside a text.
      else next[key] = key === "level1" || key === "level2" ? value.replace(/\s+/g, "") : value;
    }
    for (const p of read.problems) {
      if (!existing || (p.column && covered.includes(p.column as GridColumnKey)))
        problems.push({ message: renumber(p.message, g) });
    }
    if ((covered.includes("level1") || covered.includes("level2") || !existing) && next.level1 !== "")
      problems.push(...frameworkProblems(next, g, framework));
    if (existing) {
      const changed = covered.filter((key) => cellText(existing, key) !== cellText(next, key));
      if (changed.length === 0) return;
      for (const key of changed)
        changes.push({ row: g, column: key, before: cellText(existing, key), after: cellText(next, key) });
      result[g] = next;
      if (isBlankIndicator(existing)) arriving.push(next);
    } else {
      result[g] = next;
      added.push({ row: g, indicator: next });
      arriving.push(next);
    }
  });
  // Rows are told apart by identity here: a row from an old import may have no id yet.
  let grouped: ReadonlyArray<EditableIndicator> = result;
  for (const row of arriving) grouped = regroupRow(grouped, grouped.indexOf(row), framework).rows;
  const now = (row: number) => (grouped === result ? row : grouped.indexOf(result[row]));
  return {
    mode: "position",
    startColumn: columns[anchor.col] ?? columns[0],
    rowsRead: cells.length,
    width,
    changes: changes.map((c) => ({ ...c, row: now(c.row) })),
    added: added.map((a) => ({ ...a, row: now(a.row) })),
    problems: grouped === result ? problems : problems.map((p) => ({ message: renumberMoved(p.message, now) })),
    result: [...grouped],
    focus: { row: result[anchor.row] ? now(anchor.row) : anchor.row, col: anchor.col },
  };
}

/** A problem of a row that went into its block speaks of the row's new number. */
function renumberMoved(message: string, now: (row: number) => number): string {
  return message.replace(/^第 (\d+) 行：/, (_, n: string) => `第 ${now(Number(n) - 1) + 1} 行：`);
}

/** The importer counts rows of the pasted block; the preview speaks of the grid's own row numbers. */
function renumber(message: string, gridRow: number): string {
  return message.replace(/^第 \d+ 行：/, `第 ${gridRow + 1} 行：`);
}

const TEXT_COLUMNS = ["level1", "level2", "name", "description", "basis", "scoringStandard"] as const;

/** A pasted row with each cell the save would refuse (text-hygiene.ts, limits.ts) emptied, and said. */
function withoutRefused<I extends Omit<EditableIndicator, "id">>(
  indicator: I,
  pastedRow: number,
  problems: PasteProblem[],
): I {
  const refuse = (column: GridColumnKey, message: string) =>
    problems.push({
      message: `${gridMessages.paste.pastedRowPrefix}第 ${pastedRow + 1} 行：${gridMessages.columns[column]}：${message}`,
    });
  const out = { ...indicator };
  for (const key of TEXT_COLUMNS) {
    const fault = textProblem(out[key] ?? "");
    if (fault) {
      refuse(key, fault);
      out[key] = "";
    }
  }
  const targetFault = textProblem(out.target.raw);
  if (targetFault) {
    refuse("target", targetFault);
    out.target = { raw: "", kind: "unparsed" };
  }
  const beyond = out.weight == null ? null : weightProblem(out.weight);
  if (beyond) {
    refuse("weight", beyond);
    out.weight = null;
  }
  return out;
}

function frameworkProblems(row: EditableIndicator, gridRow: number, framework: IndicatorFramework): PasteProblem[] {
  const at = `第 ${gridRow + 1} 行：`;
  if (row.level1 === "") return [];
  if (!framework.levels.some((l) => l.level1 === row.level1))
    return [{ message: at + gridMessages.cell.notInFramework(row.level1, framework.name) }];
  if (
    row.level2 !== "" &&
    !isValidPair(framework, row.level1, row.level2) &&
    level2Options(framework, row.level1).length > 0
  ) {
    return [{ message: at + gridMessages.cell.level2NotUnder(row.level2, row.level1) }];
  }
  return [];
}

/** True when a paste is a single value into a single cell: applied at once, no preview needed. */
export function isSingleCellPaste(plan: PastePlan): boolean {
  return (
    plan.mode === "position" &&
    plan.rowsRead === 1 &&
    plan.width === 1 &&
    plan.added.length === 0 &&
    plan.changes.length <= 1 &&
    plan.problems.length === 0
  );
}
