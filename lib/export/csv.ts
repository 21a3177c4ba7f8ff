import type { Disclosure } from "../domain/model";
import type { NameOf } from "../render/budget-tables";
import { budgetTableRows, TABLE_ROW_COLUMNS } from "./budget-table-rows";
import { sheetTables, type ColumnKind, type SheetColumn, type SheetTable, type SheetValue } from "./sheet-tables";

/**
 * CSV downloads for the people who open them in Excel or WPS: UTF-8 with a byte-order mark (without
 * it Excel reads Chinese as GBK mojibake), RFC 4180 quoting, CRLF line ends, and nothing a
 * spreadsheet would run. The columns are the Excel export's, so both downloads agree. The data
 * package's CSV is for programs and is written as the data is ("programs" below).
 */

const BOM = "\ufeff";

/**
 * Text a spreadsheet program would take for a formula or a command, on opening a file or when
 * someone edits the cell: a leading =, +, - or @, their full-width forms ＝＋－＠ (which Excel and
 * WPS take as the ASCII ones under a Chinese or Japanese input method), or a leading tab or CR
 * that some importers strip first. The one rule for every CSV and Excel writer (here, xlsx-text.ts).
 */
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** An exact number, as the model writes amounts, counts and areas: safe to leave unprefixed. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** Excel keeps at most 255 characters in one text constant of a formula and 8,192 in a formula. */
const CONSTANT_CHARS = 255;
const FORMULA_CHARS = 8192;

/**
 * Formula-like text as a formula whose result is the text: =2.00次 is written ="=2.00次", which
 * Excel and WPS show as =2.00次, exactly, and run nothing (a string constant is not evaluated
 * again). Text longer than one constant goes in pieces joined with &. Text too long even for that
 * (over ~7,900 characters) keeps the apostrophe prefix, which Excel shows in the cell.
 * readSpreadsheetText undoes it for a program reading the CSV.
 */
export function spreadsheetText(text: string): string {
  if (!looksLikeFormula(text)) return text;
  const pieces: string[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + CONSTANT_CHARS, text.length);
    // Never between the two halves of a character beyond the BMP.
    if (end < text.length && /[\ud800-\udbff]/.test(text[end - 1])) end -= 1;
    pieces.push(`"${text.slice(start, end).replace(/"/g, '""')}"`);
    start = end;
  }
  const formula = `=${pieces.join("&")}`;
  return formula.length <= FORMULA_CHARS ? formula : `'${text}`;
}

const FORMULA_STRING = /^="(?:[^"]|"")*"(?:&"(?:[^"]|"")*")*$/;

/** The text a field written by spreadsheetText stands for (any other field is returned as it is). */
export function readSpreadsheetText(field: string): string {
  if (!FORMULA_STRING.test(field)) return field;
  return [...field.slice(1).matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1].replace(/""/g, '"')).join("");
}

export function neutralise(text: string, kind: ColumnKind = "text"): string {
  if (kind !== "text" && PLAIN_NUMBER.test(text)) return text;
  return spreadsheetText(text);
}

/** RFC 4180: a field with a comma, quote or line break is quoted, and its quotes doubled. */
export function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/**
 * Who reads the CSV: "people" open it in a spreadsheet, so formula-like text is written as
 * spreadsheetText; "programs" (the data package) read each field as data, so it is written exactly.
 */
export type CsvReader = "people" | "programs";

function field(value: SheetValue, kind: ColumnKind, reader: CsvReader): string {
  if (value == null) return "";
  return quote(reader === "people" ? neutralise(String(value), kind) : String(value));
}

export function csvText(
  columns: ReadonlyArray<SheetColumn>,
  rows: ReadonlyArray<ReadonlyArray<SheetValue>>,
  reader: CsvReader = "people",
): string {
  const header = columns.map((c) => field(c.header, "text", reader)).join(",");
  const body = rows.map((row) => row.map((v, i) => field(v, columns[i].kind, reader)).join(","));
  return `${[header, ...body].join("\r\n")}\r\n`;
}

function encode(text: string): Uint8Array {
  return new TextEncoder().encode(`${BOM}${text}`);
}

function table(d: Disclosure, name: string): SheetTable {
  const found = sheetTables(d).find((t) => t.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** Department and year lead every row, so the CSVs of many departments can be concatenated. */
function withDepartment(d: Disclosure, t: SheetTable): { columns: SheetColumn[]; rows: SheetValue[][] } {
  return {
    columns: [
      { header: "部门编码", kind: "text", width: 8 },
      { header: "部门名称", kind: "text", width: 24 },
      { header: "预算年度", kind: "count", width: 8 },
      ...t.columns,
    ],
    rows: t.rows.map((r) => [d.department.code, d.department.name, d.fiscalYear, ...r]),
  };
}

/** 绩效目标表: every indicator row of every project. */
export function indicatorsCsv(d: Disclosure): Uint8Array {
  const { columns, rows } = withDepartment(d, table(d, "绩效目标表"));
  return encode(csvText(columns, rows));
}

/** 政府采购预算: one row per planned purchase. */
export function procurementCsv(d: Disclosure): Uint8Array {
  const { columns, rows } = withDepartment(d, table(d, "政府采购"));
  return encode(csvText(columns, rows));
}

/**
 * 部门预算公开表: every figure entered in the standard tables, one per line, with its functional,
 * economic or unit classification (code and name) and its amount in 万元 (budget-table-rows.ts).
 */
export function budgetTablesCsv(d: Disclosure, nameOf?: NameOf): Uint8Array {
  return encode(csvText(TABLE_ROW_COLUMNS, budgetTableRows(d, nameOf)));
}

/**
 * Reads a CSV this module wrote (or any RFC 4180 text) back into rows, BOM stripped: each field as
 * written (readSpreadsheetText gives the text of a formula-like one). For tests and for checking a
 * download; not a general importer.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const input = text.replace(/^\ufeff/, "");
  for (let i = 0; i < input.length; i += 1) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && input[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i += 1;
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}
