import { AlignmentType, DocumentGridType, LineRuleType, type IRunOptions, type IStylesOptions } from "docx";

/**
 * The official look of a published disclosure, after GB/T 9704《党政机关公文格式》: A4, title in
 * 小标宋 二号, section headings in 黑体 三号, second-level headings in 楷体, body in 仿宋 三号 on a
 * fixed 28-point line with a two-character first-line indent. Sizes are half-points, lengths twips.
 */

export const FONT = {
  title: "方正小标宋简体",
  heading: "黑体",
  subheading: "楷体_GB2312",
  body: "仿宋_GB2312",
  /** the page number's digits */
  pageNumber: "宋体",
  /** Latin letters and digits inside Chinese text */
  latin: "Times New Roman",
} as const;

/**
 * Fonts a reader's machine may lack (仿宋_GB2312 and 楷体_GB2312 ship with older Windows and WPS
 * only; 小标宋 with the 方正 pack), with the font Word should use instead: declared in the
 * font table so a reader without them still sees 仿宋/楷体/黑体, not 宋体.
 */
export const FONT_ALTERNATES: Readonly<Record<string, string>> = {
  [FONT.title]: "黑体",
  [FONT.subheading]: "楷体",
  [FONT.body]: "仿宋",
};

export const SIZE = {
  /** 二号 */
  title: 44,
  /** 三号 */
  body: 32,
  /** 五号: ordinary tables */
  table: 21,
  /** 小五: the fourteen-column procurement table */
  denseTable: 18,
  /** 四号: the page number */
  pageNumber: 28,
} as const;

export const A4 = { width: 11906, height: 16838 } as const;
/** 上 37mm, 下 35mm, 左 28mm, 右 26mm */
export const MARGIN = { top: 2098, bottom: 1984, left: 1588, right: 1474 } as const;
/**
 * Page edge to the footer's foot for a bottom margin: the page number's line sits 7mm (397 twips)
 * under the text block (GB/T 9704 7.5), so its foot is that and one line of 四号 (about 5mm) higher
 * than the margin's. 1304 twips (23mm) on a portrait page.
 */
export const footerDistance = (bottomMargin: number) => bottomMargin - 397 - 283;
/** One 四号 character: the page number stands this far in from the outer edge. */
export const PAGE_NUMBER_INSET = 280;
export const PORTRAIT_TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
/** Landscape pages keep the same margins along the (now longer) top and bottom edges. */
export const LANDSCAPE_TEXT_WIDTH = A4.height - MARGIN.top - MARGIN.bottom;

/**
 * GB/T 9704's text block: 22 lines of 28 characters. The 225mm block (12,756 twips) holds 22 lines
 * of 579 twips, set exactly; the 156mm line holds 28 characters when each takes 315.9 twips, a
 * little under the 16pt (320 twips) of 三号: the section's character grid says so (charSpace is
 * that difference in 1/4096 points, see DOC_GRID).
 */
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
export const BODY_LINE = { line: 579, lineRule: LineRuleType.EXACT } as const;
export const DOC_GRID = {
  type: DocumentGridType.LINES_AND_CHARS,
  linePitch: BODY_LINE.line,
  // Rounded down: a pitch a hair too wide would leave the 28th character for the next line.
  charSpace: Math.floor(((PORTRAIT_TEXT_WIDTH / CHARS_PER_LINE - SIZE.body * 10) / 20) * 4096),
} as const;
/** Tables use single spacing: a fixed line would clip the small print. */
export const TABLE_LINE = { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } as const;

/**
 * Two characters of 三号 (16pt): Word reads firstLineChars, which follows the font size; LibreOffice
 * and WPS read only the twips, so both are written.
 */
export const FIRST_LINE_INDENT = { firstLineChars: 200, firstLine: 640 } as const;

export function fonts(eastAsia: string): IRunOptions["font"] {
  return { ascii: FONT.latin, hAnsi: FONT.latin, cs: FONT.latin, eastAsia };
}

export const documentStyles: IStylesOptions = {
  default: {
    document: {
      run: { font: fonts(FONT.body), size: SIZE.body },
      paragraph: { spacing: BODY_LINE, alignment: AlignmentType.JUSTIFIED },
    },
  },
  paragraphStyles: [
    {
      id: "DisclosureTitle",
      name: "Disclosure Title",
      basedOn: "Normal",
      // 小标宋 is a heavy face of its own: bold would smear it (and its 黑体 fallback).
      run: { font: fonts(FONT.title), size: SIZE.title },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { line: 720, lineRule: LineRuleType.EXACT, after: 240 } },
    },
    {
      id: "SectionHeading",
      name: "Section Heading",
      basedOn: "Normal",
      run: { font: fonts(FONT.heading), size: SIZE.body },
      paragraph: { indent: FIRST_LINE_INDENT, keepNext: true, outlineLevel: 0 },
    },
    {
      id: "SubHeading",
      name: "Sub Heading",
      basedOn: "Normal",
      run: { font: fonts(FONT.subheading), size: SIZE.body },
      paragraph: { indent: FIRST_LINE_INDENT, keepNext: true, outlineLevel: 1 },
    },
    {
      id: "MinorHeading",
      name: "Minor Heading",
      basedOn: "Normal",
      run: { font: fonts(FONT.body), size: SIZE.body, bold: true },
      paragraph: { indent: FIRST_LINE_INDENT, keepNext: true, outlineLevel: 2 },
    },
    {
      id: "TableCaption",
      name: "Table Caption",
      basedOn: "Normal",
      run: { font: fonts(FONT.heading), size: SIZE.body },
      paragraph: { alignment: AlignmentType.CENTER, keepNext: true, spacing: { ...BODY_LINE, before: 120 } },
    },
    {
      // 4号 半角 宋体 digits between two em dashes: "— 1 —" (GB/T 9704 7.5).
      id: "PageNumber",
      name: "Page Number Line",
      basedOn: "Normal",
      run: {
        font: { ascii: FONT.pageNumber, hAnsi: FONT.pageNumber, cs: FONT.pageNumber, eastAsia: FONT.pageNumber },
        size: SIZE.pageNumber,
      },
      paragraph: { spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } },
    },
    {
      id: "TableText",
      name: "Table Text",
      basedOn: "Normal",
      run: { font: fonts(FONT.body), size: SIZE.table },
      paragraph: { spacing: TABLE_LINE, alignment: AlignmentType.LEFT },
    },
  ],
};
