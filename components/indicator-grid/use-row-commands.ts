"use client";

import type { Dispatch, SetStateAction } from "react";
import type { EditableIndicator } from "@/lib/domain/editable";
import type { IndicatorFramework } from "@/lib/domain/frameworks";
import { insertGrouped } from "@/lib/grid/grouping";
import type { Cell } from "@/lib/grid/navigation";
import { duplicateRow, insertBlankRow, moveRow, removeRow } from "@/lib/grid/row-ops";
import type { GridChange } from "./indicator-grid";

export type RowCommands = {
  insertBelow(row: number): void;
  duplicate(row: number): void;
  remove(row: number): void;
  move(row: number, delta: -1 | 1): void;
  insertMany(after: number, rows: ReadonlyArray<Omit<EditableIndicator, "id">>): void;
};

/**
 * The row operations of the toolbar, the row buttons and the shortcuts: one place, so each moves
 * the cursor the same way whichever way it was asked for.
 */
export function useRowCommands(opts: {
  rows: EditableIndicator[];
  change: GridChange;
  setActive: Dispatch<SetStateAction<Cell>>;
  cell: Cell;
  /** New rows start on 三级指标: 一级/二级 are carried from the row above. */
  nameCol: number;
  /** Rows from the library go into their 一级/二级 block (lib/grid/grouping.ts). */
  framework: IndicatorFramework;
}): RowCommands {
  const { rows, change, setActive, cell, nameCol, framework } = opts;
  return {
    insertBelow(row) {
      const focus = { row: row + 1, col: nameCol };
      change(insertBlankRow(rows, row), focus);
      setActive(focus);
    },
    duplicate(row) {
      if (!rows[row]) return;
      const focus = { row: row + 1, col: cell.col };
      change(duplicateRow(rows, row), focus);
      setActive(focus);
    },
    remove(row) {
      if (!rows[row]) return;
      const focus = { row: Math.max(Math.min(row, rows.length - 2), 0), col: cell.col };
      change(removeRow(rows, row), { row, col: cell.col });
      setActive(focus);
    },
    move(row, delta) {
      const to = row + delta;
      if (to < 0 || to >= rows.length) return;
      change(moveRow(rows, row, to), { row: to, col: cell.col });
      setActive({ row: to, col: cell.col });
    },
    insertMany(after, incoming) {
      const { rows: next, first } = insertGrouped(rows, after, incoming, framework);
      const focus = { row: first, col: nameCol };
      change(next, focus);
      setActive(focus);
    },
  };
}
