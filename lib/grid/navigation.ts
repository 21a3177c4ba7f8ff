/**
 * Where the active cell goes on a key, as in a spreadsheet: arrows one step, Tab right (wrapping
 * to the next row), Enter down, Home/End along the row, Ctrl+Home/End to the corners, PageUp/Down
 * by a page. Pure functions of the cell and the grid's size, so the grid and its tests agree.
 */

export type Cell = { row: number; col: number };
export type GridSize = { rows: number; cols: number };

export type Move =
  | "up"
  | "down"
  | "left"
  | "right"
  | "next"
  | "previous"
  | "enterDown"
  | "enterUp"
  | "rowStart"
  | "rowEnd"
  | "gridStart"
  | "gridEnd"
  | "pageUp"
  | "pageDown";

export const PAGE_ROWS = 10;

export function clampCell(cell: Cell, size: GridSize): Cell {
  if (size.rows <= 0 || size.cols <= 0) return { row: 0, col: 0 };
  return { row: Math.min(Math.max(cell.row, 0), size.rows - 1), col: Math.min(Math.max(cell.col, 0), size.cols - 1) };
}

export function moveCell(cell: Cell, move: Move, size: GridSize): Cell {
  const { row, col } = clampCell(cell, size);
  const lastRow = Math.max(size.rows - 1, 0);
  const lastCol = Math.max(size.cols - 1, 0);
  switch (move) {
    case "up":
    case "enterUp":
      return { row: Math.max(row - 1, 0), col };
    case "down":
    case "enterDown":
      return { row: Math.min(row + 1, lastRow), col };
    case "left":
      return { row, col: Math.max(col - 1, 0) };
    case "right":
      return { row, col: Math.min(col + 1, lastCol) };
    case "next":
      if (col < lastCol) return { row, col: col + 1 };
      return row < lastRow ? { row: row + 1, col: 0 } : { row, col };
    case "previous":
      if (col > 0) return { row, col: col - 1 };
      return row > 0 ? { row: row - 1, col: lastCol } : { row, col };
    case "rowStart":
      return { row, col: 0 };
    case "rowEnd":
      return { row, col: lastCol };
    case "gridStart":
      return { row: 0, col: 0 };
    case "gridEnd":
      return { row: lastRow, col: lastCol };
    case "pageUp":
      return { row: Math.max(row - PAGE_ROWS, 0), col };
    case "pageDown":
      return { row: Math.min(row + PAGE_ROWS, lastRow), col };
  }
}

export type KeyLike = { key: string; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean };

/** The move a key makes while the cell is selected, not being edited; null for other keys. */
export function navigationMove(e: KeyLike): Move | null {
  const mod = e.ctrlKey || e.metaKey;
  if (e.altKey) return null;
  switch (e.key) {
    case "ArrowUp":
      return mod ? "gridStart" : "up";
    case "ArrowDown":
      return mod ? "gridEnd" : "down";
    case "ArrowLeft":
      return mod ? "rowStart" : "left";
    case "ArrowRight":
      return mod ? "rowEnd" : "right";
    case "Tab":
      return e.shiftKey ? "previous" : "next";
    case "Enter":
      return mod ? null : e.shiftKey ? "enterUp" : "enterDown";
    case "Home":
      return mod ? "gridStart" : "rowStart";
    case "End":
      return mod ? "gridEnd" : "rowEnd";
    case "PageUp":
      return "pageUp";
    case "PageDown":
      return "pageDown";
    default:
      return null;
  }
}

/**
 * The move that ends an edit: Enter commits and goes down, Tab right; arrows up/down commit and
 * move as in Excel's entry mode. Left/right stay in the text (the caret moves). While an input
 * method is composing, no key ends the edit: Enter then picks the IME's candidate.
 */
export function commitMove(e: KeyLike & { isComposing: boolean }): Move | null {
  if (e.isComposing || e.altKey) return null;
  const mod = e.ctrlKey || e.metaKey;
  switch (e.key) {
    case "Enter":
      // Alt/Shift+Enter would be a new line in Excel; here Shift+Enter commits upward.
      return mod ? null : e.shiftKey ? "enterUp" : "enterDown";
    case "Tab":
      return e.shiftKey ? "previous" : "next";
    case "ArrowUp":
      return mod ? null : "up";
    case "ArrowDown":
      return mod ? null : "down";
    default:
      return null;
  }
}

/** A key that types a character and so starts editing the selected cell (replacing its text). */
export function startsTyping(e: KeyLike): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return false;
  // "Process" / "Unidentified" are what an input method's first key reports (keyCode 229).
  return [...e.key].length === 1 || e.key === "Process" || e.key === "Unidentified";
}
