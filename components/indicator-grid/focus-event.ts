/**
 * How another part of the page (the findings panel: "a click jumps to the field") puts the cursor
 * on a cell of the indicator grid without holding a reference to it: a window event carrying the
 * rule engine's path. The project funds editor opens the project and the grid selects the cell.
 */
export const GRID_FOCUS_EVENT = "indicator-grid:focus";

export type GridFocusDetail = { path: string };

/** `performance.projects[3].indicators[2].target` → project 4 opens, row 3's 指标值 is selected. */
export function requestGridFocus(path: string): void {
  window.dispatchEvent(new CustomEvent<GridFocusDetail>(GRID_FOCUS_EVENT, { detail: { path } }));
}
