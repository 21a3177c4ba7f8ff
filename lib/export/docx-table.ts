import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
  type ITableCellBorders,
} from "docx";
import { gridRows, type Align, type Cell, type Table as OutlineTable } from "../render/outline";
import { SIZE } from "./docx-styles";
import { xmlSafe } from "./xml-safe";

/** An outline table as a Word table: fixed grid, single borders, merged cells as vMerge/gridSpan. */

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

const line = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const none = { style: BorderStyle.NONE, size: 0, color: "auto" } as const;
/** The 编制部门/单位 line above a table is text, not part of the grid; its bottom edge is the grid's top. */
const framelessBorders: ITableCellBorders = { top: none, left: none, right: none, bottom: line };

/** One step of a cell's indent (Cell.indent): about one character of table text. */
const INDENT_TWIPS = 210;

/** About a third of a page of table text: rows up to this long are kept whole. */
const UNSPLIT_ROW_CHARS = 400;

/** Column weights to twips that add up exactly to the text width (Word sums the grid). */
export function columnTwips(weights: ReadonlyArray<number>, textWidth: number): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / total) * textWidth));
  widths[widths.length - 1] += textWidth - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function cellParagraphs(cell: Cell, align: Align, size: number, bold: boolean): Paragraph[] {
  // A cell the clerk typed over several lines keeps them; an empty cell still needs one paragraph.
  const lines = xmlSafe(cell.text).split(/\r?\n/);
  return lines.map(
    (text) =>
      new Paragraph({
        style: "TableText",
        alignment: ALIGN[align],
        ...(cell.indent ? { indent: { left: cell.indent * INDENT_TWIPS } } : {}),
        children: text === "" ? [] : [new TextRun({ text, size, bold })],
      }),
  );
}

export function renderTable(table: OutlineTable, textWidth: number): Table {
  const widths = columnTwips(
    table.columns.map((c) => c.weight),
    textWidth,
  );
  const size = table.dense ? SIZE.denseTable : SIZE.table;
  const spanWidth = (column: number, span: number) => widths.slice(column, column + span).reduce((a, b) => a + b, 0);
  const rows = gridRows(table).map((slots, r) => {
    const row = table.rows[r];
    const cells = slots.map((slot) => {
      const cell = slot.kind === "cell" ? slot.cell : slot.by;
      const span = cell.colSpan ?? 1;
      const align = cell.align ?? (row.header ? "center" : (table.columns[slot.column].align ?? "left"));
      const merged = (cell.rowSpan ?? 1) > 1;
      return new TableCell({
        children:
          slot.kind === "cell"
            ? cellParagraphs(cell, align, size, Boolean(row.header || cell.bold))
            : [new Paragraph({ style: "TableText" })],
        columnSpan: span > 1 ? span : undefined,
        verticalMerge:
          slot.kind === "covered" ? VerticalMergeType.CONTINUE : merged ? VerticalMergeType.RESTART : undefined,
        width: { size: spanWidth(slot.column, span), type: WidthType.DXA },
        verticalAlign: VerticalAlignTable.CENTER,
        borders: row.frameless ? framelessBorders : undefined,
      });
    });
    // An ordinary row stays whole on its page (a merged 一级 cell cut in two reads as two words);
    // a row too long for one page must be allowed to break, or Word and LibreOffice clip it.
    const length = row.cells.reduce((n, c) => n + c.text.length, 0);
    return new TableRow({
      children: cells,
      tableHeader: row.header === true || row.frameless === true,
      cantSplit: row.header === true || length <= UNSPLIT_ROW_CHARS,
    });
  });
  return new Table({
    rows,
    columnWidths: widths,
    width: { size: textWidth, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
  });
}
