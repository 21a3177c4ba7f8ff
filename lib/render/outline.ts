import type { SectionId } from "../domain/model";

/**
 * A renderer-neutral outline of a published disclosure. Word, the portal page and PDF all render
 * this one structure, so the layout (what is a heading, which cells merge, what is right-aligned)
 * is decided once, here, and the exporters only translate it.
 */

export type Align = "left" | "center" | "right";

export interface Cell {
  /** Display text: amounts are already formatted (`2,765.39`), never numbers. */
  text: string;
  colSpan?: number;
  /**
   * Cells below this one that it covers. As in HTML, a covered position has no cell of its own in
   * the rows below: renderers that need a placeholder there (Word's vMerge) make one.
   */
  rowSpan?: number;
  align?: Align;
  bold?: boolean;
  /** Steps the text is set in from the cell's edge: a 款 row 1, a 项 row 2 (budget tables). */
  indent?: number;
}

export interface Row {
  cells: Cell[];
  /** A column-heading row: bold, centred, repeated at the top of each page. */
  header?: boolean;
  /** A row printed without borders above the grid: the "编制部门 … 单位：万元" line. */
  frameless?: boolean;
  /**
   * The canonical path of the record the row prints (`performance.projects[0].indicators[6]`),
   * so a screen can pin review comments to it; print renderers ignore it.
   */
  path?: string;
}

export interface Column {
  /** Relative width; renderers scale the weights to the page. */
  weight: number;
  align?: Align;
}

export interface Table {
  /** Stable id, for anchors on the portal page and for tests. */
  id: string;
  columns: Column[];
  rows: Row[];
  /** Small print for wide tables (procurement's fourteen columns). */
  dense?: boolean;
  /**
   * Leading columns (a code and its name) kept in view while the rest scrolls sideways on a narrow
   * screen: the table keeps its natural width instead of being squeezed. Print ignores it.
   */
  frozen?: number;
}

export type Block =
  /** level 2: 第一部分…, 1、收入说明; level 3: 总体绩效目标, a sub-goal's title */
  | { kind: "heading"; level: 2 | 3; text: string }
  | { kind: "paragraph"; text: string; indent?: boolean }
  | { kind: "list"; items: Array<{ label: string; text: string }> }
  /** A table's title, centred above it */
  | { kind: "caption"; text: string }
  | { kind: "table"; table: Table };

/** `Id`: the nine sections of a disclosure by default; another document (a 自评) names its own. */
export interface Section<Id extends string = SectionId> {
  id: Id;
  /** 一 … 九 */
  number: string;
  /** `一、部门职责及机构设置情况` */
  heading: string;
  blocks: Block[];
}

/** The standard budget tables, printed after the nine sections (absent when a disclosure has none). */
export interface Appendix {
  id: "tables";
  heading: string;
  blocks: Block[];
}

export interface DocumentOutline<Id extends string = SectionId> {
  title: string;
  preamble: string;
  sections: Section<Id>[];
  appendix?: Appendix;
}

/**
 * Where every cell of a table sits on the column grid, including the positions covered by a
 * rowSpan from above. Renderers that cannot express "covered" implicitly (Word) walk this.
 */
export type GridSlot = { kind: "cell"; cell: Cell; column: number } | { kind: "covered"; by: Cell; column: number };

export function gridRows(table: Table): GridSlot[][] {
  const width = table.columns.length;
  const coveredUntil: Array<{ cell: Cell; lastRow: number } | null> = Array.from({ length: width }, () => null);
  return table.rows.map((row, r) => {
    const slots: GridSlot[] = [];
    let column = 0;
    const next = [...row.cells];
    while (column < width) {
      const cover = coveredUntil[column];
      if (cover && cover.lastRow >= r) {
        slots.push({ kind: "covered", by: cover.cell, column });
        column += cover.cell.colSpan ?? 1;
        continue;
      }
      const cell = next.shift();
      if (!cell) break;
      slots.push({ kind: "cell", cell, column });
      if ((cell.rowSpan ?? 1) > 1) coveredUntil[column] = { cell, lastRow: r + (cell.rowSpan ?? 1) - 1 };
      column += cell.colSpan ?? 1;
    }
    if (next.length > 0) throw new Error(`table ${table.id}: row ${r} has more cells than columns`);
    return slots;
  });
}

/** The 一、二、… numbering of the sections and the （一） numbering of lists. */
const CHINESE_DIGITS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

export function chineseNumber(n: number): string {
  if (n < 10) return CHINESE_DIGITS[n];
  if (n < 20) return `十${CHINESE_DIGITS[n - 10]}`;
  if (n < 100) return `${CHINESE_DIGITS[Math.floor(n / 10)]}十${CHINESE_DIGITS[n % 10]}`;
  return String(n);
}

/** The id of a printed row that carries a path, for links from comments and findings to it. */
export const rowAnchor = (path: string) => `row-${path}`;
