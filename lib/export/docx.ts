import {
  AlignmentType,
  Document,
  Footer,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
  type ISectionOptions,
  type Table,
} from "docx";
import type { Disclosure } from "../domain/model";
import { documentOutline, type OutlineOptions } from "../render/document";
import type { Block, DocumentOutline } from "../render/outline";
import { deterministicZip } from "./deterministic-zip";
import {
  A4,
  DOC_GRID,
  FIRST_LINE_INDENT,
  FONT_ALTERNATES,
  footerDistance,
  PAGE_NUMBER_INSET,
  LANDSCAPE_TEXT_WIDTH,
  MARGIN,
  PORTRAIT_TEXT_WIDTH,
  documentStyles,
} from "./docx-styles";
import { renderTable } from "./docx-table";
import { xmlSafe } from "./xml-safe";

/**
 * A disclosure as the Word file the department publishes: the outline of ../render/document.ts in
 * the official look of ./docx-styles.ts. The same disclosure always gives the same bytes.
 */

export interface DocxOptions extends OutlineOptions {
  /** The creation time the file states (docProps/core.xml); fixed by default for checksums. */
  at?: Date;
}

const text = (value: string) => new TextRun({ text: xmlSafe(value) });

function blockChildren(block: Block, textWidth: number): Array<Paragraph | Table> {
  switch (block.kind) {
    case "heading":
      return [
        new Paragraph({ style: block.level === 2 ? "SubHeading" : "MinorHeading", children: [text(block.text)] }),
      ];
    case "paragraph":
      return [new Paragraph({ indent: block.indent ? FIRST_LINE_INDENT : undefined, children: [text(block.text)] })];
    case "list":
      // Labels are text, not Word numbering: the numbers are part of what is published and must
      // survive copying the text out of the file.
      return block.items.map(
        (item) => new Paragraph({ indent: FIRST_LINE_INDENT, children: [text(`${item.label}${item.text}`)] }),
      );
    case "caption":
      return [new Paragraph({ style: "TableCaption", children: [text(block.text)] })];
    case "table":
      // An empty paragraph after a table keeps two tables in a row from fusing into one in Word.
      return [renderTable(block.table, textWidth), new Paragraph({ children: [] })];
  }
}

/**
 * "— 1 —" at the foot of every page, as GB/T 9704 7.5 sets it: an odd page's number on the right,
 * an even page's on the left, each one character in from the edge, so a bound booklet has its
 * numbers outside. Word numbers the pages on across the landscape section.
 */
function pageNumberFooter(side: "odd" | "even"): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: "PageNumber",
        alignment: side === "odd" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === "odd" ? { right: PAGE_NUMBER_INSET } : { left: PAGE_NUMBER_INSET },
        children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"] })],
      }),
    ],
  });
}

/** Page set-up for a run of blocks: the fourteen-column procurement table gets a landscape page. */
function pageOf(landscape: boolean): ISectionOptions["properties"] {
  return {
    page: {
      // docx swaps width and height itself for a landscape page: give the portrait size.
      size: {
        width: A4.width,
        height: A4.height,
        orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
      },
      margin: landscape
        ? {
            top: MARGIN.left,
            bottom: MARGIN.right,
            left: MARGIN.top,
            right: MARGIN.bottom,
            footer: footerDistance(MARGIN.right),
          }
        : { ...MARGIN, footer: footerDistance(MARGIN.bottom) },
    },
    // The 22 × 28 grid is the portrait text's; the landscape table page has its own small print.
    ...(landscape ? {} : { grid: DOC_GRID }),
  };
}

/** The same pair of page-number footers on every section: the numbering runs on through the landscape page. */
function footers(): ISectionOptions["footers"] {
  return { default: pageNumberFooter("odd"), even: pageNumberFooter("even") };
}

/** Splits the outline into Word sections where the page turns landscape and back. */
export function wordSections(outline: DocumentOutline<string>): ISectionOptions[] {
  const runs: Array<{ landscape: boolean; children: Array<Paragraph | Table> }> = [];
  const push = (landscape: boolean, children: Array<Paragraph | Table>) => {
    const last = runs[runs.length - 1];
    if (last && last.landscape === landscape) last.children.push(...children);
    else runs.push({ landscape, children: [...children] });
  };
  push(false, [
    new Paragraph({ style: "DisclosureTitle", children: [text(outline.title)] }),
    new Paragraph({ indent: FIRST_LINE_INDENT, children: [text(outline.preamble)] }),
  ]);
  for (const section of [...outline.sections, ...(outline.appendix ? [outline.appendix] : [])]) {
    push(false, [new Paragraph({ style: "SectionHeading", children: [text(section.heading)] })]);
    section.blocks.forEach((block, i) => {
      const next = section.blocks[i + 1];
      // A caption travels with its table onto the landscape page.
      const dense =
        (block.kind === "table" && block.table.dense) ||
        (block.kind === "caption" && next?.kind === "table" && next.table.dense);
      push(Boolean(dense), blockChildren(block, dense ? LANDSCAPE_TEXT_WIDTH : PORTRAIT_TEXT_WIDTH));
    });
  }
  const pageNumbers = footers();
  return runs.map((run) => ({ properties: pageOf(run.landscape), footers: pageNumbers, children: run.children }));
}

/** Declares the fallback of each official font that a reader's machine may not have. */
function addFontAlternates(path: string, xml: string): string {
  if (path !== "word/fontTable.xml") return xml;
  const declared = Object.entries(FONT_ALTERNATES)
    .filter(([name]) => !xml.includes(`w:name="${name}"`))
    .map(
      ([name, alt]) =>
        `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>`,
    )
    .join("");
  // docx writes an empty, self-closing font table; a filled one may come from a later version.
  if (/<w:fonts\b[^>]*\/>\s*$/.test(xml)) return xml.replace(/\/>\s*$/, `>${declared}</w:fonts>`);
  return xml.replace(/<\/w:fonts>\s*$/, `${declared}</w:fonts>`);
}

export function buildWordDocument(outline: DocumentOutline, d: Disclosure): Document {
  return new Document({
    creator: d.department.name,
    lastModifiedBy: d.department.name,
    title: xmlSafe(d.title),
    description: `${d.fiscalYear}年部门预算信息公开`,
    styles: documentStyles,
    evenAndOddHeaderAndFooters: true,
    sections: wordSections(outline),
  });
}

export async function renderDocx(d: Disclosure, options: DocxOptions = {}): Promise<Uint8Array> {
  const packed = await Packer.toBuffer(buildWordDocument(documentOutline(d, { nameOf: options.nameOf }), d));
  return deterministicZip(new Uint8Array(packed), { at: options.at, rewrite: addFontAlternates });
}
