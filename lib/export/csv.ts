import type { Disclosure } from "../domain/model";
import { sheetTables, type ColumnKind, type SheetColumn, type SheetTable, type SheetValue } from "./sheet-tables";

/**
 * CSV downloads for the people who open them in Excel or WPS: UTF-8 with a byte-order mark (without
 * it Excel reads Chinese as GBK mojibake), RFC 4180 quoting, CRLF line ends, and nothing a
 * spreadsheet would run. The columns are the Excel export's, so both downloads agree.
 */

const BOM = "\ufeff";

/**
 * A cell a spreadsheet would read as a formula or a command (=, +, -, @, or a leading tab or CR
 * that some importers strip first). Quoted with a leading apostrophe, the OWASP advice: Excel then
 * shows the text as typed.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** An exact number, as the model writes amounts, counts and areas: safe to leave unprefixed. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function neutralise(text: string, kind: ColumnKind = "text"): string {
  if (kind !== "text" && PLAIN_NUMBER.test(text)) return text;
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** RFC 4180: a field with a comma, quote or line break is quoted, and its quotes doubled. */
export function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

function field(value: SheetValue, kind: ColumnKind): string {
  if (value == null) return "";
  return quote(neutralise(String(value), kind));
}

export function csvText(columns: ReadonlyArray<SheetColumn>, rows: ReadonlyArray<ReadonlyArray<SheetValue>>): string {
  const header = columns.map((c) => quote(neutralise(c.header))).join(",");
  const body = rows.map((row) => row.map((v, i) => field(v, columns[i].kind)).join(","));
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
    columns: [{ header: "部门编码", kind: "text", width: 8 }, { header: "部门名称", kind: "text", width: 24 }, { header: "预算年度", kind: "count", width: 8 }, ...t.columns],
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
 * Reads a CSV this module wrote (or any RFC 4180 text) back into rows, BOM stripped. For tests and
 * for checking a download; not a general importer.
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
