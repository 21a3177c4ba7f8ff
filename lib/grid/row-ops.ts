import { newRowId, type EditableIndicator } from "../domain/editable";
import { blankIndicator } from "./columns";

/**
 * Row operations of the grid, each returning a new array (the old one stays valid for undo).
 * Rows keep their ids when moved; a copy gets a new id, so a comment on the original stays there.
 */

export function insertBlankRow(
  rows: ReadonlyArray<EditableIndicator>,
  after: number,
  id = newRowId(),
): EditableIndicator[] {
  const at = Math.min(Math.max(after + 1, 0), rows.length);
  const like = rows[at - 1] ?? rows[at];
  return [...rows.slice(0, at), blankIndicator(id, like), ...rows.slice(at)];
}

export function removeRow(rows: ReadonlyArray<EditableIndicator>, index: number): EditableIndicator[] {
  if (index < 0 || index >= rows.length) return [...rows];
  return [...rows.slice(0, index), ...rows.slice(index + 1)];
}

export function duplicateRow(
  rows: ReadonlyArray<EditableIndicator>,
  index: number,
  id = newRowId(),
): EditableIndicator[] {
  const source = rows[index];
  if (!source) return [...rows];
  const copy: EditableIndicator = { ...source, target: { ...source.target }, id };
  return [...rows.slice(0, index + 1), copy, ...rows.slice(index + 1)];
}

/** Moves the row at `from` to `to` (both indexes in the array before the move). */
export function moveRow<T>(rows: ReadonlyArray<T>, from: number, to: number): T[] {
  if (from < 0 || from >= rows.length || to < 0 || to >= rows.length || from === to) return [...rows];
  const out = [...rows];
  const [row] = out.splice(from, 1);
  out.splice(to, 0, row);
  return out;
}

export function replaceRow(
  rows: ReadonlyArray<EditableIndicator>,
  index: number,
  row: EditableIndicator,
): EditableIndicator[] {
  const out = [...rows];
  out[index] = row;
  return out;
}
