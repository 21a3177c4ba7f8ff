import Decimal from "decimal.js";
import { ParseLimitError, parseLimits, type ParseLimits } from "./upload/limits";
import { decodeOoxmlEscapes, isDateFormat, readWorkbookParts, type WorkbookParts } from "./xlsx-parts";
import { attribute, decodeXmlText, scanXml } from "./xml-scan";

/**
 * An .xlsx workbook as rows of cell text, one grid per sheet, the way the sheet shows them:
 * a cell formatted `0%` holding 0.95 reads "95%", a merged 一级指标 cell reads on every row
 * it spans. Row numbers are the sheet's (row 17 is rows[16]); each row ends at its last filled
 * cell and the grid at its last filled row.
 *
 * Read from the sheet XML in one pass, so the cost is linear in the file, and bounded: the row or
 * cell past the limits (lib/import/upload/limits.ts) stops the read with ParseLimitError, before
 * the rest is read. Anything that is not a workbook throws.
 */

export type WorkbookSheet = { name: string; rows: string[][] };

/** The workbook's sheets in tab order, or only the first `sheetCount` of them (the others are not read). */
export function readWorkbook(
  bytes: Uint8Array,
  limits: ParseLimits = parseLimits,
  sheetCount = Infinity,
): WorkbookSheet[] {
  const parts = readWorkbookParts(bytes, limits);
  const budget = { rows: 0, cells: 0, limits };
  return parts.sheets.slice(0, sheetCount).map((sheet) => {
    const rows = readSheetRows(sheet.xml(), parts, budget);
    budget.rows += rows.length;
    return { name: sheet.name, rows };
  });
}

/** Each sheet's rows, in tab order (readWorkbook with the names left out). */
export async function readWorkbookRows(
  buffer: ArrayBuffer | Uint8Array,
  limits: ParseLimits = parseLimits,
): Promise<string[][][]> {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  return readWorkbook(bytes, limits).map((sheet) => sheet.rows);
}

/** What the sheets of one workbook have used of the limits so far. */
type Budget = { rows: number; cells: number; limits: ParseLimits };

/** Excel's own bounds: a reference beyond them is not a cell. */
const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

type Merge = { top: number; left: number; bottom: number; right: number };

function readSheetRows(xml: string, parts: WorkbookParts, budget: Budget): string[][] {
  const grid: Array<Array<string | undefined> | undefined> = [];
  const { limits } = budget;
  // Cells of this sheet counted against the workbook's budget: each row up to its last filled cell.
  const put = (row: number, column: number, text: string) => {
    if (budget.rows + row > limits.rows) throw new ParseLimitError("rows", limits.rows);
    const cells = (grid[row - 1] ??= []);
    if (column > cells.length) {
      budget.cells += column - cells.length;
      if (budget.cells > limits.cells) throw new ParseLimitError("cells", limits.cells);
    }
    cells[column - 1] = text;
  };

  let row = 0;
  let column = 0;
  let cell: CellValue | null = null;
  let capture: "v" | "t" | null = null;
  let captured: string[] = [];
  let phonetic = 0;
  const merges: Merge[] = [];

  scanXml(xml, {
    open(name, tag, selfClosing) {
      switch (name) {
        case "row": {
          const r = Number(attribute(tag, "r"));
          row = Number.isInteger(r) && r > row && r <= MAX_ROW ? r : row + 1;
          column = 0;
          break;
        }
        case "c": {
          const ref = attribute(tag, "r");
          const at = ref ? cellAddress(ref) : null;
          if (at && at.row !== row && at.row > 0) row = at.row;
          column = at ? at.column : column + 1;
          cell = {
            type: attribute(tag, "t") ?? "n",
            style: Number(attribute(tag, "s") ?? 0) || 0,
            value: null,
            formula: false,
            inline: null,
          };
          break;
        }
        case "v":
          if (cell && !selfClosing) [capture, captured] = ["v", []];
          break;
        case "f":
          if (cell) cell.formula = true;
          break;
        case "is":
          if (cell) cell.inline = [];
          break;
        case "rPh":
          phonetic++;
          break;
        case "t":
          if (cell?.inline && phonetic === 0 && !selfClosing) [capture, captured] = ["t", []];
          break;
        case "mergeCell": {
          const merge = mergeRange(attribute(tag, "ref") ?? "");
          if (merge) merges.push(merge);
          break;
        }
      }
    },
    close(name) {
      if (name === "v" && capture === "v" && cell) {
        cell.value = captured.join("");
        capture = null;
      } else if (name === "t" && capture === "t" && cell?.inline) {
        cell.inline.push(decodeOoxmlEscapes(captured.join("")));
        capture = null;
      } else if (name === "rPh") phonetic--;
      else if (name === "c" && cell) {
        if (column >= 1 && column <= MAX_COLUMN && row >= 1) {
          const text = cellText(cell, parts);
          if (text !== "") put(row, column, text);
        }
        cell = null;
      }
    },
    text(source, start, end, cdata) {
      if (capture) captured.push(cdata ? source.slice(start, end) : decodeXmlText(source.slice(start, end)));
    },
  });

  applyMerges(grid, merges, put, budget);
  const rows: string[][] = [];
  for (let r = 0; r < grid.length; r++) {
    const cells = grid[r];
    if (!cells) {
      rows.push([]);
      continue;
    }
    let width = cells.length;
    while (width > 0 && !cells[width - 1]) width--;
    const out = new Array<string>(width);
    for (let c = 0; c < width; c++) out[c] = cells[c] ?? "";
    rows.push(out);
  }
  // Rows emptied by a merge at the end are no longer part of the sheet.
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

/**
 * A merged range gives its text down its first column only: a 一级指标 spanning five rows
 * belongs to each of them, but a title spanning six columns is one cell, not six. Whatever the
 * other cells of the range held is hidden in Excel, so it is dropped here. The cells a merge
 * touches count against the cell limit, so ten thousand sheet-sized merges cannot loop for ever.
 */
function applyMerges(
  grid: Array<Array<string | undefined> | undefined>,
  merges: Merge[],
  put: (row: number, column: number, text: string) => void,
  budget: Budget,
): void {
  let work = 0;
  const spend = (n: number) => {
    work += n;
    if (work > budget.limits.cells) throw new ParseLimitError("cells", budget.limits.cells);
  };
  for (const m of merges) {
    const master = grid[m.top - 1]?.[m.left - 1] ?? "";
    const lastRow = Math.min(m.bottom, grid.length);
    for (let r = m.top; r <= lastRow; r++) {
      const cells = grid[r - 1];
      if (!cells) continue;
      const right = Math.min(m.right, cells.length);
      spend(Math.max(0, right - m.left) + 1);
      for (let c = m.left + 1; c <= right; c++) cells[c - 1] = undefined;
      if (r > m.top && m.left <= cells.length) cells[m.left - 1] = undefined;
    }
    if (master === "") continue;
    for (let r = m.top + 1; r <= m.bottom; r++) {
      spend(1);
      put(r, m.left, master);
    }
  }
}

/** "B3" as row 3, column 2; null for what is not a cell reference. */
function cellAddress(ref: string): { row: number; column: number } | null {
  let column = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i) & ~0x20; // upper case
    if (ch < 0x41 || ch > 0x5a) break;
    column = column * 26 + (ch - 0x40);
  }
  const row = Number(ref.slice(i).replace(/\$/g, ""));
  if (i === 0 || column > MAX_COLUMN || !Number.isInteger(row) || row < 1 || row > MAX_ROW) return null;
  return { row, column };
}

function mergeRange(ref: string): Merge | null {
  const [from, to = from] = ref.split(":");
  const a = cellAddress(from.replace(/\$/g, ""));
  const b = cellAddress(to.replace(/\$/g, ""));
  if (!a || !b) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}

type CellValue = { type: string; style: number; value: string | null; formula: boolean; inline: string[] | null };

/**
 * The text of one cell as the sheet shows it. A formula shows its last computed result; a number
 * shows under its format (a date format shows the ISO date); a boolean reads "true" or "false".
 */
function cellText(cell: CellValue, parts: WorkbookParts): string {
  const { type, value } = cell;
  if (type === "inlineStr" && !cell.formula) return cell.inline?.join("") ?? "";
  if (value === null) return "";
  switch (type) {
    case "s":
      return parts.sharedStrings[Number(value)] ?? "";
    case "str":
    case "inlineStr":
      return value;
    case "b":
      return String(parseInt(value, 10) !== 0);
    case "e":
      return value;
    case "d":
      return value.slice(0, 10);
    default: {
      const number = parseFloat(value);
      const numFmt = parts.numFmts[cell.style];
      if (Number.isFinite(number) && isDateFormat(numFmt)) {
        const date = new Date(Math.round((number - 25569 + (parts.date1904 ? 1462 : 0)) * 86_400_000));
        if (!Number.isNaN(date.getTime())) return date.toISOString().slice(0, 10);
      }
      return Number.isFinite(number) ? formatNumber(number, numFmt) : value.trim();
    }
  }
}

/** Excel displays at most 15 significant digits; so do we, without binary float noise. */
const EXCEL_DIGITS = 15;

/**
 * The text Excel shows for a number under its format, for the formats indicator tables use:
 * General, `0`, `0.00`, `#,##0.00`, `0%`, `0.00%`, and quoted or escaped literal prefixes and
 * suffixes (`0"次"`, `">="0%`). Grouping is left out on purpose: the text is read again.
 */
export function formatNumber(value: number, numFmt: string | undefined): string {
  const exact = new Decimal(value).toSignificantDigits(EXCEL_DIGITS);
  const section = firstSection(numFmt ?? "");
  if (section === "" || /^(general|@)$/i.test(section)) return exact.toFixed();

  const { pattern, prefix, suffix } = splitLiterals(section);
  const percent = pattern.includes("%");
  const decimals = pattern.match(/\.([0#?]+)/)?.[1] ?? "";
  const minDecimals = (decimals.match(/0/g) ?? []).length;
  const scaled = percent ? exact.times(100) : exact;
  let text = scaled.toFixed(decimals.length, Decimal.ROUND_HALF_UP);
  if (decimals.length > minDecimals && text.includes(".")) {
    const [int, frac] = text.split(".");
    const kept = frac.replace(/0+$/, "").padEnd(minDecimals, "0");
    text = kept === "" ? int : `${int}.${kept}`;
  }
  return `${prefix}${text}${percent ? "%" : ""}${suffix}`;
}

function firstSection(numFmt: string): string {
  let quoted = false;
  for (let i = 0; i < numFmt.length; i++) {
    if (numFmt[i] === '"') quoted = !quoted;
    if (numFmt[i] === ";" && !quoted) return numFmt.slice(0, i);
  }
  return numFmt;
}

/** Literal text before the first digit placeholder is a prefix, after the last one a suffix. */
function splitLiterals(section: string): { pattern: string; prefix: string; suffix: string } {
  let pattern = "";
  let prefix = "";
  let suffix = "";
  const add = (literal: string) => {
    if (/[0#?]/.test(pattern)) suffix += literal;
    else prefix += literal;
  };
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      add(section.slice(i + 1, end < 0 ? undefined : end));
      i = end < 0 ? section.length : end;
    } else if (ch === "\\" && i + 1 < section.length) {
      add(section[++i]);
    } else if (ch === "[") {
      i = Math.max(i, section.indexOf("]", i)); // colour and locale codes: [Red], [$-804]
    } else if (ch === "_" || ch === "*") {
      i++; // padding to the width of the next character
    } else if ("0#?.,%".includes(ch)) {
      pattern += ch;
    } else if (ch !== " ") {
      add(ch);
    }
  }
  return { pattern, prefix, suffix };
}
