import { sections, type Disclosure } from "../../domain/model";
import { importMessages } from "../../i18n/zh-CN/import";
import { docxToDisclosureText } from "../../export/docx-read";
import { UploadRejectedError, type UploadProblem } from "../../security/upload-check";
import { DecodeError, decodeText } from "../decode";
import { parseDelimitedText } from "../indicator-table";
import { runParseJob } from "../parse/bounded-parse";
import {
  importDisclosure,
  importDisclosureText,
  type ImportProblem,
  type ImportResult,
} from "../text/import-disclosure";
import { readWorkbook as readWorkbookSheets } from "../xlsx-rows";
import { readIndicatorSheets, type IndicatorSheets, type SheetGrid } from "./indicator-sheet";
import { checkedDisclosure, checkedProjects, placeOfProblem, refusalAt } from "./reading-check";
import { checkGridSize, checkLineCount, ParseLimitError } from "./limits";
import { sniffUpload, UploadRefused } from "./sniff";

/**
 * An uploaded file read into what the preview shows: a whole disclosure (the fixture's text in
 * any encoding, a Word file, canonical JSON) or project indicator tables (Excel, CSV, TSV). What
 * cannot be read at all is refused with UploadRefused; what is read in part lists its problems,
 * each with the line (text) or section (Word) or sheet it is about. Pure: same bytes, same reading.
 *
 * readUpload reads in a worker thread, bounded in rows, cells, lines, time and memory
 * (lib/import/upload/limits.ts): what every caller on the server uses. With `check`, the bytes are
 * first judged by content (lib/security/upload-check.ts), as a file arriving from outside must be.
 * readUploadHere is the reading itself, in this thread.
 */

export type ReadProblem = { where: string | null; message: string };

export type DisclosureReading = {
  kind: "disclosure";
  format: "text" | "json" | "docx";
  encoding: string | null;
  disclosure: Disclosure;
  problems: ReadProblem[];
};
export type IndicatorReading = {
  kind: "indicators";
  format: "xlsx" | "delimited";
  encoding: string | null;
  sheets: IndicatorSheets;
  problems: ReadProblem[];
};
export type UploadReading = DisclosureReading | IndicatorReading;

const refused = importMessages.refused;
const labels = importMessages.preview;

export async function readUpload(
  bytes: Uint8Array,
  fileName: string,
  options: { check?: boolean } = {},
): Promise<UploadReading> {
  return runParseJob({ kind: "upload", bytes, fileName, check: options.check }, (refusal) =>
    refusal.name === "UploadRejectedError"
      ? new UploadRejectedError(refusal.problem as UploadProblem, refusal.message)
      : new UploadRefused(refusal.message),
  );
}

export async function readUploadHere(bytes: Uint8Array, fileName: string): Promise<UploadReading> {
  try {
    return await readByContent(bytes, fileName);
  } catch (error) {
    if (error instanceof ParseLimitError)
      throw new UploadRefused(importMessages.parseLimits[error.limit](fileName, error.max));
    throw error;
  }
}

async function readByContent(bytes: Uint8Array, fileName: string): Promise<UploadReading> {
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
  checkLineCount(decoded.text);
  const looksJson = /^\s*[{[]/.test(decoded.text);
  const result = importDisclosure(decoded.text, looksJson ? "upload.json" : undefined);
  if (result.readable || looksJson)
    return disclosureReading(result, looksJson ? "json" : "text", decoded.encoding, fileName, "line");
  // Not a disclosure: perhaps an indicator table saved as CSV or copied out as tab-separated text.
  const rows = checkGridSize(parseDelimitedText(decoded.text));
  const sheets = readIndicatorSheets([{ name: baseName(fileName), rows }], baseName(fileName));
  if (sheets.projects.length > 0) return indicatorReading(sheets, "delimited", decoded.encoding, fileName);
  // Neither: a disclosure refused for a character it holds says where; anything else, why not.
  throw refusalAt(
    fileName,
    result.problems.map((p) => ({ where: placeOfProblem(p, true), message: p.message })),
  );
}

async function readWord(bytes: Uint8Array, fileName: string): Promise<DisclosureReading> {
  let text: string;
  try {
    text = await docxToDisclosureText(bytes);
  } catch {
    throw new UploadRefused(refused.brokenZip(fileName));
  }
  checkLineCount(text);
  // Line numbers would count the lines of the text made from the Word file, which the clerk never
  // sees: Word problems say their section instead.
  return disclosureReading(importDisclosureText(text), "docx", null, fileName, "section");
}

async function readWorkbook(bytes: Uint8Array, fileName: string): Promise<IndicatorReading> {
  let grids: SheetGrid[];
  try {
    grids = readWorkbookSheets(bytes).map((sheet, i) => ({ name: sheet.name || `Sheet${i + 1}`, rows: sheet.rows }));
  } catch (error) {
    if (error instanceof ParseLimitError) throw error;
    throw new UploadRefused(refused.brokenZip(fileName));
  }
  const sheets = readIndicatorSheets(grids, baseName(fileName));
  if (sheets.projects.length === 0)
    throw new UploadRefused(
      sheets.problems[0] ? refused.unreadable(fileName, sheets.problems[0].message) : refused.noIndicators(fileName),
    );
  return indicatorReading(sheets, "xlsx", null, fileName);
}

function disclosureReading(
  result: ImportResult,
  format: DisclosureReading["format"],
  encoding: string | null,
  fileName: string,
  locate: "line" | "section",
): DisclosureReading {
  if (!result.readable)
    throw refusalAt(
      fileName,
      result.problems.map((p) => ({ where: placeOfProblem(p, locate === "line"), message: p.message })),
    );
  // Held to the model here, so what the preview shows is what the accept saves (reading-check.ts).
  const disclosure = checkedDisclosure(result.disclosure, fileName);
  const problems = result.problems.map((p) => ({
    where: locate === "line" && p.line !== null ? labels.line(p.line) : sectionOf(p),
    message: p.message,
  }));
  return { kind: "disclosure", format, encoding, disclosure, problems };
}

function indicatorReading(
  sheets: IndicatorSheets,
  format: IndicatorReading["format"],
  encoding: string | null,
  fileName: string,
): IndicatorReading {
  const problems = sheets.problems.map((p) => ({
    where: p.sheet === null ? null : labels.sheet(p.sheet),
    message: p.message,
  }));
  return {
    kind: "indicators",
    format,
    encoding,
    sheets: { ...sheets, projects: checkedProjects(sheets.projects, fileName) },
    problems,
  };
}

/** “五、预算绩效信息” for a problem whose path starts in that section. */
function sectionOf(problem: ImportProblem): string | null {
  const head = problem.path?.split(/[.[]/)[0];
  if (!head) return null;
  const section = sections.find((s) => s.id === head || (s.fields as ReadonlyArray<string>).includes(head));
  return section ? `${section.number}、${section.title}` : null;
}

const baseName = (fileName: string) => fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "") || fileName;
