import Decimal from "decimal.js";
import ExcelJS from "exceljs";

/**
 * An .xlsx workbook as rows of cell text, one grid per sheet, the way the sheet shows them:
 * a cell formatted `0%` holding 0.95 reads "95%", a merged 一级指标 cell reads on every row
 * it spans. Kept apart from indicator-table.ts so the browser grid does not load exceljs.
 */
export async function readWorkbookRows(buffer: ArrayBuffer | Uint8Array): Promise<string[][][]> {
  const workbook = new ExcelJS.Workbook();
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  // exceljs types its input as a private Buffer interface; at run time it reads a Node Buffer.
  type XlsxInput = Parameters<typeof workbook.xlsx.load>[0];
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as XlsxInput);
  return workbook.worksheets.map(sheetRows);
}

function sheetRows(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c)));
    while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
    rows.push(cells);
  }
  return rows;
}

/**
 * A merged range gives its text down its first column only: a 一级指标 spanning five rows
 * belongs to each of them, but a title spanning six columns is one cell, not six.
 */
function cellText(cell: ExcelJS.Cell): string {
  if (cell.isMerged && cell.master !== cell) {
    return cell.master.col === cell.col ? ownText(cell.master) : "";
  }
  return ownText(cell);
}

function ownText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value == null) return "";
  if (typeof value === "number") return formatNumber(value, cell.numFmt);
  if (typeof value === "string") return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object" && ("formula" in value || "sharedFormula" in value)) {
    const result = value.result;
    if (typeof result === "number") return formatNumber(result, cell.numFmt);
    if (result instanceof Date) return result.toISOString().slice(0, 10);
    if (result == null) return "";
    return typeof result === "object" && "error" in result ? String(result.error) : String(result);
  }
  if (typeof value === "object" && "richText" in value) return value.richText.map((run) => run.text).join("");
  return cell.text ?? "";
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
