import { zipInMemory } from "../../export/zip-writer";

/**
 * A 绩效目标表 workbook of any length, written straight as sheet XML and zipped, so a test or a
 * bench can make 600,000 rows in seconds (exceljs would take minutes). Row 1 is the header; each
 * further row is one indicator: shared strings for the repeated words, an inline string for the
 * name, a number for the value, the way Excel and WPS write them. `short` rows hold only the
 * 一级指标 and the value, as in the report of issue 13 (600,000 rows in under 5 MB).
 */

const SHARED = [
  "一级指标",
  "二级指标",
  "三级指标",
  "指标性质",
  "指标值",
  "度量单位",
  "产出指标",
  "数量指标",
  "≥",
  "次",
] as const;
const s = (text: (typeof SHARED)[number]) => SHARED.indexOf(text);

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  '<sheets><sheet name="绩效目标表" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>';
const sharedStringsXml = (strings: readonly string[]) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  strings.map((text) => `<si><t>${text}</t></si>`).join("") +
  "</sst>";

/** `<sheetData>…</sheetData>` and what follows it (mergeCells) as a sheet of a workbook of its own. */
export const sheetXml = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${body}</worksheet>`;

export type LongRows = "indicator" | "short";

/** The sheet XML of `rows` indicator rows below the header. */
export function longSheetXml(rows: number, shape: LongRows = "indicator"): string {
  const parts: string[] = ["<sheetData>"];
  parts.push(
    `<row r="1">${["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"].map((h, c) => `<c r="${"ABCDEF"[c]}1" t="s"><v>${s(h as (typeof SHARED)[number])}</v></c>`).join("")}</row>`,
  );
  const fixed = [s("产出指标"), s("数量指标")];
  for (let i = 1; i <= rows; i++) {
    const r = i + 1;
    if (shape === "short") {
      parts.push(`<row r="${r}"><c r="A${r}" t="s"><v>${fixed[0]}</v></c><c r="E${r}"><v>${i}</v></c></row>`);
      continue;
    }
    parts.push(
      `<row r="${r}"><c r="A${r}" t="s"><v>${fixed[0]}</v></c><c r="B${r}" t="s"><v>${fixed[1]}</v></c><c r="C${r}" t="inlineStr"><is><t>指标${i}</t></is></c>` +
        `<c r="D${r}" t="s"><v>${s("≥")}</v></c><c r="E${r}"><v>${i}</v></c><c r="F${r}" t="s"><v>${s("次")}</v></c></row>`,
    );
  }
  parts.push("</sheetData>");
  return sheetXml(parts.join(""));
}

/** An .xlsx of one sheet with a header and `rows` indicator rows. */
export function longWorkbook(rows: number, shape: LongRows = "indicator"): Promise<Uint8Array> {
  return workbookOf(longSheetXml(rows, shape), SHARED);
}

/** An .xlsx of one sheet, 绩效目标表, whose XML is `sheet` (see sheetXml), with these shared strings. */
export async function workbookOf(sheet: string, sharedStrings: readonly string[] = []): Promise<Uint8Array> {
  const utf8 = (text: string) => new TextEncoder().encode(text);
  return zipInMemory([
    ["[Content_Types].xml", utf8(CONTENT_TYPES)],
    ["_rels/.rels", utf8(ROOT_RELS)],
    ["xl/workbook.xml", utf8(WORKBOOK)],
    ["xl/_rels/workbook.xml.rels", utf8(WORKBOOK_RELS)],
    ["xl/sharedStrings.xml", utf8(sharedStringsXml(sharedStrings))],
    ["xl/worksheets/sheet1.xml", utf8(sheet)],
  ]);
}
