import { gridRows, type Table } from "./outline";

/**
 * Column widths sized to what the columns hold. Fixed weights give a long 指标值确定依据 the same
 * sixth of the page as a four-character 一级指标, and the row runs to seven lines; here the width is
 * handed out half a character at a time to the column whose widening saves the most printed lines,
 * so short columns keep what their longest word needs and long text gets the rest.
 */

/** Printed width of text in CJK characters: a Latin letter or digit is about half of one. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) < 0x2e80 ? 0.55 : 1;
  return width;
}

/** The widest run the renderers never break: a figure, a Latin word, a code (`2,765.39`, `≥95%`). */
function longestUnbroken(text: string): number {
  return Math.max(0, ...(text.match(/[\x21-\x7e≥≤％%]+/g) ?? []).map(textWidth));
}

/** Lines a cell takes at a width, from the printed widths of its own lines (measured once). */
function linesOf(lineWidths: ReadonlyArray<number>, width: number): number {
  let lines = 0;
  for (const w of lineWidths) lines += Math.max(1, Math.ceil(w / width - 1e-9));
  return lines;
}

/**
 * Characters of table text one printed line holds: 五号 (10.5pt) across the 156mm portrait text
 * block; 小五 (9pt) across the 225mm of the landscape page the wide procurement table gets.
 */
export const TABLE_LINE_CHARS = { portrait: 42, landscape: 70 } as const;

const STEP = 0.5;
/** A column is never narrower than two characters: a heading like 一级指标 then takes two lines. */
const MIN_CHARS = 2;
const MAX_FITTED_ROWS = 300;
const MAX_PASSES = 40;
/** How far a column's widening is tried before it counts as saving nothing: a long text saves within a few characters. */
const LOOKAHEAD_CHARS = 6;
/** Cell padding and rule, in characters, taken from each column's share of the line (3pt a side in print). */
const PADDING_CHARS = 0.7;

/**
 * The table with its column weights replaced by widths (in characters) fitted to `lineChars`, the
 * characters of table text a printed line holds. Cells spanning columns or rows count only toward
 * their column's minimum; the fitted weights are relative, as every renderer takes them.
 */
export function fitColumns(table: Table, lineChars: number): Table {
  return fitColumnsTogether([table], lineChars)[0];
}

/**
 * Tables of one kind (the 绩效目标表 of every project) fitted as one: they share their widths, so
 * the tables of a document line up as a reader turns the pages. All have the same columns.
 */
export function fitColumnsTogether(tables: ReadonlyArray<Table>, lineChars: number): Table[] {
  if (tables.length === 0) return [];
  const n = tables[0].columns.length;
  const minimum = tables[0].columns.map(() => MIN_CHARS);
  /** Per row, the single-column cells: the texts whose lines decide the row's height. */
  const allRows: Array<Array<{ column: number; lineWidths: number[] }>> = [];
  for (const table of tables)
    gridRows(table).forEach((slots, r) => {
      if (table.rows[r].frameless) return;
      const cells: Array<{ column: number; lineWidths: number[] }> = [];
      for (const slot of slots) {
        if (slot.kind !== "cell") continue;
        const { cell, column } = slot;
        const single = (cell.colSpan ?? 1) === 1;
        // Right-aligned figures never wrap; anything else wraps between characters but not inside a word.
        const unbroken = cell.align === "right" || table.columns[column]?.align === "right";
        if (single)
          minimum[column] = Math.max(
            minimum[column],
            unbroken && !table.rows[r].header ? textWidth(cell.text) : Math.min(longestUnbroken(cell.text), 12),
          );
        if (single && (cell.rowSpan ?? 1) === 1 && cell.text !== "")
          cells.push({ column, lineWidths: cell.text.split("\n").map(textWidth) });
      }
      allRows.push(cells);
    });
  // A very long run of tables (hundreds of projects) is fitted on an even sample of its rows: the
  // widths come out the same and the time stays that of a few dozen tables. Minimums saw every row.
  const stride = Math.ceil(allRows.length / MAX_FITTED_ROWS);
  const rows = stride > 1 ? allRows.filter((_, i) => i % stride === 0) : allRows;
  const widths = [...minimum];
  const lines = rows.map((cells) => cells.map(({ column, lineWidths }) => linesOf(lineWidths, widths[column])));
  let spare = lineChars - n * PADDING_CHARS - widths.reduce((a, b) => a + b, 0);
  // Where each column's cells sit: (row, index in the row), so widening one column looks only at its own cells.
  const cellsOf = Array.from({ length: n }, () => [] as Array<{ r: number; k: number }>);
  rows.forEach((cells, r) => cells.forEach((cell, k) => cellsOf[cell.column].push({ r, k })));
  while (spare >= STEP) {
    // Each column's best widening: the least width that saves lines, as lines saved per character.
    let best: { column: number; by: number; rate: number } | null = null;
    for (let c = 0; c < n; c += 1) {
      if (cellsOf[c].length === 0) continue;
      // Per row of c: the tallest of the other cells (what the row keeps whatever c does).
      const others = cellsOf[c].map(({ r }) =>
        rows[r].reduce((m, cell, k) => (cell.column === c ? m : Math.max(m, lines[r][k])), 1),
      );
      const height = (width: number) =>
        cellsOf[c].reduce((sum, { r, k }, i) => sum + Math.max(others[i], linesOf(rows[r][k].lineWidths, width)), 0);
      const now = height(widths[c]);
      for (let by = STEP; by <= Math.min(spare, LOOKAHEAD_CHARS) + 1e-9; by += STEP) {
        const saved = now - height(widths[c] + by);
        if (saved > 0) {
          const rate = saved / by;
          if (!best || rate > best.rate + 1e-9) best = { column: c, by, rate };
          break;
        }
      }
    }
    if (!best) break;
    const { column, by } = best;
    widths[column] += by;
    spare -= by;
    for (const { r, k } of cellsOf[column]) lines[r][k] = linesOf(rows[r][k].lineWidths, widths[column]);
  }
  // The greedy start can leave width where a neighbour would save more: move half characters between
  // columns while that saves lines (a few passes; each looks at every pair once).
  const cost = () =>
    rows.reduce((sum, _, r) => {
      let tallest = 1;
      for (const count of lines[r]) if (count > tallest) tallest = count;
      return sum + tallest;
    }, 0);
  const setWidth = (column: number, width: number) => {
    widths[column] = width;
    for (const { r, k } of cellsOf[column]) lines[r][k] = linesOf(rows[r][k].lineWidths, width);
  };
  let current = cost();
  for (let pass = 0; pass < MAX_PASSES; pass += 1) {
    let moved = false;
    for (let from = 0; from < n; from += 1)
      for (let to = 0; to < n; to += 1) {
        if (from === to || widths[from] - STEP < minimum[from] - 1e-9) continue;
        const [a, b] = [widths[from], widths[to]];
        setWidth(from, a - STEP);
        setWidth(to, b + STEP);
        const next = cost();
        if (next < current) {
          current = next;
          moved = true;
        } else {
          setWidth(from, a);
          setWidth(to, b);
        }
      }
    if (!moved) break;
  }
  // Width nobody needs goes to the columns in proportion to what they have: the table fills its line.
  return tables.map((table) => ({
    ...table,
    columns: table.columns.map((column, c) => ({ ...column, weight: widths[c] })),
  }));
}
