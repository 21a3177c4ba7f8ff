import { inflateZipEntry, readZipDirectory, type ZipEntry } from "../zip/read-zip";
import { ParseLimitError, type ParseLimits } from "./upload/limits";
import { attribute, attributes, decodeXmlText, scanXml } from "./xml-scan";

/**
 * The parts of an .xlsx that its cell text depends on, read from the zip with the shared
 * bomb-proof reader: which sheets there are, in tab order, with their names and XML; the shared
 * strings; each cell style's number format; the 1904 date system. Charts, drawings, data
 * validation and the rest are never opened.
 */

export type WorkbookParts = {
  sheets: Array<{ name: string; xml: () => string }>;
  sharedStrings: string[];
  /** Number format code of each cell style (cellXfs index); undefined is General. */
  numFmts: Array<string | undefined>;
  date1904: boolean;
};

const RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
const STRICT_RELATIONSHIP = "http://purl.oclc.org/ooxml/officeDocument/relationships/";

export function readWorkbookParts(bytes: Uint8Array, limits: ParseLimits): WorkbookParts {
  const entries = new Map<string, ZipEntry>();
  for (const entry of readZipDirectory(bytes)) entries.set(entry.name, entry);
  const text = (name: string): string | null => {
    const entry = entries.get(name);
    return entry ? inflateZipEntry(bytes, entry).toString("utf8") : null;
  };

  const workbookPath =
    relationships(text("_rels/.rels"), "").find((r) => r.type === "officeDocument")?.target ?? "xl/workbook.xml";
  const workbookXml = text(workbookPath);
  if (workbookXml === null) throw new Error(`no workbook part ${workbookPath}`);
  const base = workbookPath.slice(0, workbookPath.lastIndexOf("/") + 1);
  const rels = relationships(text(`${base}_rels/${workbookPath.slice(base.length)}.rels`), base);
  const byId = new Map(rels.map((r) => [r.id, r]));

  let date1904 = false;
  const sheets: WorkbookParts["sheets"] = [];
  scanXml(workbookXml, {
    open(name, tag) {
      if (name === "workbookPr") date1904 = /^(1|true)$/.test(attribute(tag, "date1904") ?? "");
      if (name !== "sheet") return;
      const a = attributes(tag);
      const rel = byId.get(a.id ?? "");
      // Chart sheets and dialog sheets hold no cells.
      if (rel?.type !== "worksheet") return;
      const target = rel.target;
      sheets.push({ name: a.name ?? "", xml: () => text(target) ?? "" });
    },
    close() {},
  });

  const partOf = (type: string, fallback: string) => rels.find((r) => r.type === type)?.target ?? `${base}${fallback}`;
  return {
    sheets,
    sharedStrings: readSharedStrings(text(partOf("sharedStrings", "sharedStrings.xml")), limits),
    numFmts: readNumFmts(text(partOf("styles", "styles.xml"))),
    date1904,
  };
}

type Relationship = { id: string; type: string; target: string };

/** A .rels part: each relationship's id, type (its last word: "worksheet") and the part it points at. */
function relationships(xml: string | null, base: string): Relationship[] {
  if (xml === null) return [];
  const out: Relationship[] = [];
  scanXml(xml, {
    open(name, tag) {
      if (name !== "Relationship") return;
      const a = attributes(tag);
      if ((a.TargetMode ?? "") === "External" || !a.Target) return;
      const type = (a.Type ?? "").replace(RELATIONSHIP, "").replace(STRICT_RELATIONSHIP, "");
      out.push({ id: a.Id ?? "", type, target: resolvePart(base, a.Target) });
    },
    close() {},
  });
  return out;
}

/** `worksheets/sheet1.xml` from `xl/`, `/xl/worksheets/sheet1.xml` from anywhere, `../x` one up. */
function resolvePart(base: string, target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : base + target).split("/");
  const out: string[] = [];
  for (const part of parts) {
    if (part === "..") out.pop();
    else if (part !== "." && part !== "") out.push(part);
  }
  return out.join("/");
}

/** The OOXML escape of a character XML cannot carry: `_x000D_` is a carriage return. */
export const decodeOoxmlEscapes = (text: string) =>
  text.includes("_x")
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;

/**
 * Each shared string as the cell shows it: its runs joined, its phonetic guide (rPh) left out.
 * More strings than the workbook may have cells is a forged table, refused before it is built.
 */
function readSharedStrings(xml: string | null, limits: ParseLimits): string[] {
  if (xml === null) return [];
  const strings: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  scanXml(xml, {
    open(name, _tag, selfClosing) {
      if (name === "si") {
        if (strings.length >= limits.cells) throw new ParseLimitError("cells", limits.cells);
        current = [];
      } else if (name === "rPh") phonetic++;
      else if (name === "t" && !selfClosing) inText = current !== null && phonetic === 0;
    },
    close(name) {
      if (name === "si" && current) {
        strings.push(decodeOoxmlEscapes(current.join("")));
        current = null;
      } else if (name === "rPh") phonetic--;
      else if (name === "t") inText = false;
    },
    text(source, start, end, cdata) {
      if (inText && current) current.push(cdata ? source.slice(start, end) : decodeXmlText(source.slice(start, end)));
    },
  });
  return strings;
}

/** Excel's built-in number formats (ECMA-376 18.8.30, zh-CN for the East Asian ids), by id. */
const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午 h"时"mm"分"',
  35: '上午/下午 h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午 h"时"mm"分"',
  56: '上午/下午 h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** The number format of each cell style: cellXfs in order, each naming a custom or built-in format. */
function readNumFmts(xml: string | null): Array<string | undefined> {
  if (xml === null) return [];
  const custom = new Map<number, string>();
  const styles: Array<string | undefined> = [];
  let inCellXfs = false;
  scanXml(xml, {
    open(name, tag) {
      if (name === "numFmt") {
        const a = attributes(tag);
        custom.set(Number(a.numFmtId), a.formatCode ?? "");
      } else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) {
        const id = Number(attribute(tag, "numFmtId") ?? 0);
        styles.push(id === 0 ? undefined : (custom.get(id) ?? BUILT_IN_FORMATS[id]));
      }
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  return styles;
}

/** A format that shows a number as a date or time: y, m, d, h, s outside quotes and brackets. */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return /[ymdhsb]/i.test(
    numFmt
      .replace(/\[[^\]]*]/g, "")
      .replace(/"[^"]*"/g, "")
      .replace(/\\./g, ""),
  );
}
