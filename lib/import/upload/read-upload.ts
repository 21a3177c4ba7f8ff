import JSZip from "jszip";
import { sections, type Disclosure } from "../../domain/model";
import { importMessages } from "../../i18n/zh-CN/import";
import { docxToDisclosureText } from "../../export/docx-read";
import { DecodeError, decodeText } from "../decode";
import { parseDelimitedText, readXlsxRows } from "../indicator-table";
import { importDisclosure, importDisclosureText, type ImportProblem, type ImportResult } from "../text/import-disclosure";
import { readIndicatorSheets, type IndicatorSheets, type SheetGrid } from "./indicator-sheet";
import { checkedDisclosure, checkedProjects, placeOfProblem, refusalAt } from "./reading-check";
import { sniffUpload, UploadRefused } from "./sniff";

/**
 * An uploaded file read into what the preview shows: a whole disclosure (the fixture's text in
 * any encoding, a Word file, canonical JSON) or project indicator tables (Excel, CSV, TSV). What
 * cannot be read at all is refused with UploadRefused; what is read in part lists its problems,
 * each with the line (text) or section (Word) or sheet it is about. Pure: same bytes, same reading.
 */

export type ReadProblem = { where: string | null; message: string };

export type DisclosureReading = { kind: "disclosure"; format: "text" | "json" | "docx"; encoding: string | null; disclosure: Disclosure; problems: ReadProblem[] };
export type IndicatorReading = { kind: "indicators"; format: "xlsx" | "delimited"; encoding: string | null; sheets: IndicatorSheets; problems: ReadProblem[] };
export type UploadReading = DisclosureReading | IndicatorReading;

const refused = importMessages.refused;
const labels = importMessages.preview;

export async function readUpload(bytes: Uint8Array, fileName: string): Promise<UploadReading> {
  const container = await sniffUpload(bytes, fileName);
  if (container.kind === "docx") return readWord(bytes, fileName);
  if (container.kind === "xlsx") return readWorkbook(bytes, fileName);

  let decoded: { text: string; encoding: string };
  try {
    decoded = decodeText(bytes);
  } catch (error) {
    if (error instanceof DecodeError) throw new UploadRefused(refused.binary(fileName, error.message));
    throw error;
  }
  const looksJson = /^\s*[{[]/.test(decoded.text);
  const result = importDisclosure(decoded.text, looksJson ? "upload.json" : undefined);
  if (result.readable || looksJson) return disclosureReading(result, looksJson ? "json" : "text", decoded.encoding, fileName, "line");
  // Not a disclosure: perhaps an indicator table saved as CSV or copied out as tab-separated text.
  const sheets = readIndicatorSheets([{ name: baseName(fileName), rows: parseDelimitedText(decoded.text) }], baseName(fileName));
  if (sheets.projects.length > 0) return indicatorReading(sheets, "delimited", decoded.encoding, fileName);
  // Neither: a disclosure refused for a character it holds says where; anything else, why not.
  throw refusalAt(fileName, result.problems.map((p) => ({ where: placeOfProblem(p, true), message: p.message })));
}

async function readWord(bytes: Uint8Array, fileName: string): Promise<DisclosureReading> {
  let text: string;
  try {
    text = await docxToDisclosureText(bytes);
  } catch {
    throw new UploadRefused(refused.brokenZip(fileName));
  }
  // Line numbers would count the lines of the text made from the Word file, which the clerk never
  // sees: Word problems say their section instead.
  return disclosureReading(importDisclosureText(text), "docx", null, fileName, "section");
}

async function readWorkbook(bytes: Uint8Array, fileName: string): Promise<IndicatorReading> {
  let grids: SheetGrid[];
  try {
    const [rows, names] = await Promise.all([readXlsxRows(bytes), sheetNames(bytes)]);
    grids = rows.map((r, i) => ({ name: names[i] ?? `Sheet${i + 1}`, rows: r }));
  } catch {
    throw new UploadRefused(refused.brokenZip(fileName));
  }
  const sheets = readIndicatorSheets(grids, baseName(fileName));
  if (sheets.projects.length === 0) throw new UploadRefused(sheets.problems[0] ? refused.unreadable(fileName, sheets.problems[0].message) : refused.noIndicators(fileName));
  return indicatorReading(sheets, "xlsx", null, fileName);
}

/** Sheet names in workbook order (exceljs gives rows; the names are in xl/workbook.xml). */
async function sheetNames(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  return [...xml.matchAll(/<(?:\w+:)?sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"'));
}

function disclosureReading(result: ImportResult, format: DisclosureReading["format"], encoding: string | null, fileName: string, locate: "line" | "section"): DisclosureReading {
  if (!result.readable) throw refusalAt(fileName, result.problems.map((p) => ({ where: placeOfProblem(p, locate === "line"), message: p.message })));
  // Held to the model here, so what the preview shows is what the accept saves (reading-check.ts).
  const disclosure = checkedDisclosure(result.disclosure, fileName);
  const problems = result.problems.map((p) => ({ where: locate === "line" && p.line !== null ? labels.line(p.line) : sectionOf(p), message: p.message }));
  return { kind: "disclosure", format, encoding, disclosure, problems };
}

function indicatorReading(sheets: IndicatorSheets, format: IndicatorReading["format"], encoding: string | null, fileName: string): IndicatorReading {
  const problems = sheets.problems.map((p) => ({ where: p.sheet === null ? null : labels.sheet(p.sheet), message: p.message }));
  return { kind: "indicators", format, encoding, sheets: { ...sheets, projects: checkedProjects(sheets.projects, fileName) }, problems };
}

/** “五、预算绩效信息” for a problem whose path starts in that section. */
function sectionOf(problem: ImportProblem): string | null {
  const head = problem.path?.split(/[.[]/)[0];
  if (!head) return null;
  const section = sections.find((s) => s.id === head || (s.fields as ReadonlyArray<string>).includes(head));
  return section ? `${section.number}、${section.title}` : null;
}

const baseName = (fileName: string) => fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "") || fileName;
