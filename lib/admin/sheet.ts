import { decodeText, DecodeError } from "../import/decode";
import { parseDelimitedText } from "../import/delimited-text";
import { runParseJob } from "../import/parse/bounded-parse";
import { checkGridSize, ParseLimitError } from "../import/upload/limits";
import { readWorkbook } from "../import/xlsx-rows";
import { toHalfWidth } from "../domain/money";
import { normaliseText, textProblem } from "../domain/text-hygiene";
import { adminMessages } from "../i18n/zh-CN/admin";
import { UploadRejectedError, type UploadProblem } from "../security/upload-check";
import { UserError } from "../errors";

/**
 * What bulk imports share: an uploaded sheet (.xlsx or .csv) as rows of cells, its header row
 * found by the column names people actually type, and problems that name the row as Excel shows
 * it (1-based, the header counted), so "第 17 行" is the row the admin scrolls to.
 */

const m = adminMessages.sheet;

/** A problem with one row (or the whole sheet when `row` is null), in Chinese, safe to show. */
export type SheetProblem = { row: number | null; column: string | null; message: string };

/** A data row with the sheet row number it came from. */
export type SheetRow<K extends string> = { row: number; cells: Record<K, string> };

/** A file that cannot be read as a sheet at all; the message is for the admin. */
export class SheetError extends UserError {
  constructor(message: string) {
    super(message);
    // Spelled out: the parse worker sends refusals by name (lib/import/parse/parse-jobs.ts), and a minifier renames classes.
    this.name = "SheetError";
  }
}

/** More than a city's departments or users in one go is a mistake (a wrong file), not a sheet. */
export const MAX_SHEET_ROWS = 2000;
/** Under the server actions body limit (1 MB by default), so an oversized file gets our message, not the framework's. */
export const MAX_SHEET_BYTES = 900 * 1024;

/**
 * The first sheet of an .xlsx, or a CSV/tab-separated text file in UTF-8, GB18030 or UTF-16, read
 * in a worker thread within the bounds of lib/import/upload/limits.ts. With `check`, the bytes are
 * first judged by content (lib/security/upload-check.ts: only a workbook or text). Refusals are
 * SheetError or UploadRejectedError, both shown to the admin.
 */
export async function readSheet(
  bytes: Uint8Array,
  fileName: string,
  options: { check?: boolean } = {},
): Promise<string[][]> {
  return runParseJob({ kind: "sheet", bytes, fileName, check: options.check }, (refusal) =>
    refusal.name === "UploadRejectedError"
      ? new UploadRejectedError(refusal.problem as UploadProblem, refusal.message)
      : new SheetError(refusal.message),
  );
}

/** readSheet's reading itself, in this thread (the worker runs it). */
export async function readSheetHere(bytes: Uint8Array, fileName: string): Promise<string[][]> {
  if (bytes.byteLength === 0) throw new SheetError(m.empty);
  if (bytes.byteLength > MAX_SHEET_BYTES) throw new SheetError(m.tooLarge);
  const extension = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? "";
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (extension === "xlsx" || (isZip && extension !== "csv")) {
    try {
      const [first] = readWorkbook(bytes, undefined, 1);
      return first?.rows ?? [];
    } catch (error) {
      if (error instanceof ParseLimitError) throw error;
      throw new SheetError(m.unreadable(fileName));
    }
  }
  if (extension !== "csv" && extension !== "txt" && extension !== "tsv") throw new SheetError(m.unsupported(fileName));
  try {
    return checkGridSize(parseDelimitedText(decodeText(bytes).text));
  } catch (error) {
    if (error instanceof DecodeError) throw new SheetError(m.unreadable(fileName));
    throw error;
  }
}

export type ColumnSpec<K extends string> = {
  key: K;
  label: string;
  /** Other headers that mean this column (compared without spaces, full-width or asterisks). */
  aliases?: readonly string[];
  required?: boolean;
};

/** Header cells as people type them: `部门编码*`, `部门 编码`, `（必填）部门编码`. */
export function normaliseHeader(cell: string): string {
  return toHalfWidth(normaliseText(cell))
    .replace(/[（(]必填[）)]|[（(]选填[）)]/g, "")
    .replace(/[\s*＊:：]/g, "");
}

/**
 * Finds the header among the first rows (a title row above it is common) and where each column
 * is. Returns the data rows after it, trimmed, with their sheet row numbers; empty rows are
 * skipped. A missing required column is a sheet-level problem and no rows are returned.
 */
export function tabulate<K extends string>(
  rows: string[][],
  columns: ReadonlyArray<ColumnSpec<K>>,
  /** A sheet that is one whole (a year's catalogue) has a limit of its own, and cannot be split. */
  limit: { rows: number; message: string } = { rows: MAX_SHEET_ROWS, message: m.tooManyRows(MAX_SHEET_ROWS) },
): { rows: SheetRow<K>[]; problems: SheetProblem[] } {
  const nonEmpty = rows.findIndex((row) => row.some((cell) => cell.trim() !== ""));
  if (nonEmpty < 0) return { rows: [], problems: [{ row: null, column: null, message: m.empty }] };

  const lookup = new Map<string, K>();
  for (const column of columns)
    for (const name of [column.label, ...(column.aliases ?? [])]) lookup.set(normaliseHeader(name), column.key);
  const positionsIn = (row: string[]) => {
    const found = new Map<K, number>();
    row.forEach((cell, index) => {
      const key = lookup.get(normaliseHeader(cell));
      if (key && !found.has(key)) found.set(key, index);
    });
    return found;
  };

  // The header is the first of the first five rows that names a required column.
  const required = columns.filter((c) => c.required);
  let headerIndex = -1;
  let positions = new Map<K, number>();
  for (let i = nonEmpty; i < Math.min(rows.length, nonEmpty + 5); i++) {
    const found = positionsIn(rows[i]);
    if (required.some((c) => found.has(c.key))) {
      headerIndex = i;
      positions = found;
      break;
    }
  }
  if (headerIndex < 0)
    return {
      rows: [],
      problems: [{ row: null, column: null, message: m.noHeader(columns.map((c) => `“${c.label}”`).join("、")) }],
    };

  const missing = required.filter((c) => !positions.has(c.key));
  if (missing.length > 0)
    return {
      rows: [],
      problems: missing.map((c) => ({ row: headerIndex + 1, column: c.label, message: m.missingColumn(c.label) })),
    };

  const out: SheetRow<K>[] = [];
  // A cell holding what no text may hold (lib/domain/text-hygiene.ts) refuses the sheet, each such cell said.
  const faults: SheetProblem[] = [];
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const row = rows[i];
    if (!row.some((cell) => cell.trim() !== "")) continue;
    const cells = {} as Record<K, string>;
    for (const column of columns) {
      const at = positions.get(column.key);
      cells[column.key] =
        at === undefined
          ? ""
          : normaliseText(row[at] ?? "")
              .replace(/[\u00a0\u3000]/g, " ")
              .trim();
      const fault = textProblem(cells[column.key]);
      if (fault) faults.push({ row: i + 1, column: column.label, message: fault });
    }
    out.push({ row: i + 1, cells });
  }
  if (faults.length > 0) return { rows: [], problems: faults };
  if (out.length === 0) return { rows: [], problems: [{ row: null, column: null, message: m.empty }] };
  if (out.length > limit.rows) return { rows: [], problems: [{ row: null, column: null, message: limit.message }] };
  return { rows: out, problems: [] };
}

/** Problems in sheet order: whole-sheet first, then by row. */
export function sortProblems(problems: SheetProblem[]): SheetProblem[] {
  return [...problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}

/** A list cell: `434、402`, `434,402`, `434；402` or one per line. */
export function splitList(cell: string): string[] {
  return cell
    .split(/[、,，;；\s]+/)
    .map((part) => part.trim())
    .filter((part) => part !== "");
}
