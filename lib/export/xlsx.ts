import Decimal from "decimal.js";
import ExcelJS from "exceljs";
import type { Disclosure } from "../domain/model";
import type { OutlineOptions } from "../render/document";
import { deterministicZip } from "./deterministic-zip";
import { FIXED_TIMESTAMP } from "./fixed-timestamp";
import { sheetTables, type ColumnKind, type SheetTable, type SheetValue } from "./sheet-tables";
import { xmlSafe } from "./xml-safe";
import { keepText } from "./xlsx-text";

/**
 * Every table of a disclosure on its own sheet, for the clerks who check figures in Excel:
 * amounts are numbers (so they can be summed there) formatted to two decimals, text is always a
 * string cell (a clerk's "=HYPERLINK(…)" is never a formula, not even once edited: xlsx-text.ts),
 * header row bold and frozen.
 */

const NUMBER_FORMAT: Record<ColumnKind, string | undefined> = {
  text: undefined,
  amount: "0.00",
  count: "0",
  decimal: "General",
};

/**
 * exceljs needs a JS number for a numeric cell. A two-decimal amount string → Number is exact to
 * the cent for display at these magnitudes; nothing downstream adds these floats up — the read-back
 * compares the cell's two-decimal text.
 */
function cellValue(value: SheetValue, kind: ColumnKind): ExcelJS.CellValue {
  if (value == null || value === "") return null;
  if (kind === "text" || typeof value === "number") return typeof value === "string" ? xmlSafe(value) : value;
  return Number(value);
}

/** One table on its own sheet: bold frozen header, numbers as numbers, text always text. */
export function addSheet(workbook: ExcelJS.Workbook, table: SheetTable): void {
  const sheet = workbook.addWorksheet(table.name, { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });
  sheet.columns = table.columns.map((c) => ({ header: c.header, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  table.rows.forEach((values, r) => {
    const row = sheet.addRow(values.map((v, i) => cellValue(v, table.columns[i].kind)));
    table.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      keepText(cell);
      const format = NUMBER_FORMAT[c.kind];
      if (format) cell.numFmt = format;
      const indent = table.indent?.column === i ? table.indent.rows[r] : 0;
      // Long text wraps in its column rather than spilling over the next ones.
      cell.alignment =
        c.kind === "text"
          ? { vertical: "top", wrapText: true, ...(indent ? { indent } : {}) }
          : { vertical: "top", horizontal: "right" };
    });
    if (table.bold?.includes(r)) row.font = { bold: true };
  });
  if (table.rows.length > 0)
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
}

export type XlsxOptions = {
  at?: Date;
  /** Last year's published disclosure: the 上年 and 增减 figures the disclosure itself leaves blank. */
  previous?: Disclosure | null;
} & OutlineOptions;

export async function renderXlsx(d: Disclosure, options: XlsxOptions = {}): Promise<Uint8Array> {
  const at = options.at ?? FIXED_TIMESTAMP;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = d.department.name;
  workbook.lastModifiedBy = d.department.name;
  workbook.title = xmlSafe(d.title);
  workbook.created = at;
  workbook.modified = at;
  for (const table of sheetTables(d, options.nameOf, options.previous)) addSheet(workbook, table);
  // Stored, not deflated: deterministicZip deflates each part once, with zlib, as it pins the dates.
  const buffer = await workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } } as Parameters<
    typeof workbook.xlsx.writeBuffer
  >[0]);
  return deterministicZip(new Uint8Array(buffer as ArrayBuffer), { at });
}

/** A numeric cell as the sheet shows it under the formats this writer uses. */
function numberText(value: number, numFmt: string | undefined): string {
  const exact = new Decimal(value).toSignificantDigits(15);
  if (numFmt === "0.00") return exact.toFixed(2);
  if (numFmt === "0") return exact.toFixed(0);
  return exact.toFixed();
}

/**
 * Reads the sheets back as text grids, header row first: what a person sees in each cell. For the
 * tests, and for anyone checking that a workbook still says what the disclosure says.
 */
export async function readXlsxTables(bytes: Uint8Array): Promise<Record<string, string[][]>> {
  const workbook = new ExcelJS.Workbook();
  type XlsxInput = Parameters<typeof workbook.xlsx.load>[0];
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as XlsxInput);
  const tables: Record<string, string[][]> = {};
  for (const sheet of workbook.worksheets) {
    const rows: string[][] = [];
    for (let r = 1; r <= sheet.rowCount; r += 1) {
      const row = sheet.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= sheet.columnCount; c += 1) {
        const cell = row.getCell(c);
        const v = cell.value;
        cells.push(
          v == null ? "" : typeof v === "number" ? numberText(v, cell.numFmt) : typeof v === "string" ? v : cell.text,
        );
      }
      rows.push(cells);
    }
    tables[sheet.name] = rows;
  }
  return tables;
}

/**
 * The text grid a sheet should read back as, computed from the exact decimal strings without ever
 * passing through a float: the read-back test compares the two.
 */
export function expectedSheetText(table: SheetTable): string[][] {
  const text = (v: SheetValue, kind: ColumnKind): string => {
    if (v == null || v === "") return "";
    if (kind === "text") return xmlSafe(String(v));
    const exact = new Decimal(v);
    return kind === "amount" ? exact.toFixed(2) : kind === "count" ? exact.toFixed(0) : exact.toFixed();
  };
  return [
    table.columns.map((c) => c.header),
    ...table.rows.map((r) => r.map((v, i) => text(v, table.columns[i].kind))),
  ];
}
