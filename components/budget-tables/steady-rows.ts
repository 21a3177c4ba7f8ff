"use client";

import { useMemo, useRef } from "react";
import { worstSeverity } from "@/lib/grid/findings-index";
import type { Finding } from "@/lib/rules/finding";
import type { CellNote, GridColumn, GridRow } from "./table-row";

/**
 * What keeps a budget table grid's memoised rows (table-row.tsx) from re-rendering when nothing of
 * theirs changed: a commit rebuilds every row of the table (a subtotal or the 合计 may move), a new
 * check every row's findings, yet in a 300-row table most rows read exactly as before. Each hook
 * hands back the object of the render before for a row that reads the same.
 */

/** Two rows read the same: every field and every cell's text and path (no string built for it, on 300 rows per commit). */
function sameRow(a: GridRow, b: GridRow): boolean {
  if (
    a.level !== b.level ||
    a.editable !== b.editable ||
    a.computed !== b.computed ||
    a.label !== b.label ||
    a.path !== b.path ||
    a.removable !== b.removable
  )
    return false;
  const keys = Object.keys(a.cells);
  if (keys.length !== Object.keys(b.cells).length) return false;
  return keys.every((k) => a.cells[k].text === b.cells[k]?.text && a.cells[k].path === b.cells[k]?.path);
}

/** The rows, each the object of the render before when it reads the same. */
export function useSteadyRows(rows: readonly GridRow[]): readonly GridRow[] {
  const previous = useRef(new Map<string, GridRow>());
  return useMemo(() => {
    const next = new Map<string, GridRow>();
    const out = rows.map((row) => {
      const before = previous.current.get(row.id);
      const kept = before && (before === row || sameRow(before, row)) ? before : row;
      next.set(row.id, kept);
      return kept;
    });
    previous.current = next;
    return out;
  }, [rows]);
}

const NO_NOTES: Readonly<Record<string, CellNote>> = Object.freeze({});

/**
 * Each row's notes by column (worst severity, messages for the tooltip), from the findings at its
 * cells' paths and, on its first editable column, at the row's own path: the same object as
 * before while its findings read the same.
 */
export function useRowNotes(
  rows: readonly GridRow[],
  columns: readonly GridColumn[],
  byPath: ReadonlyMap<string, Finding[]>,
): ReadonlyMap<string, Readonly<Record<string, CellNote>>> {
  const previous = useRef(new Map<string, { key: string; notes: Record<string, CellNote> }>());
  return useMemo(() => {
    const first = columns.find((c) => c.editable);
    const next = new Map<string, { key: string; notes: Record<string, CellNote> }>();
    const out = new Map<string, Readonly<Record<string, CellNote>>>();
    for (const row of rows) {
      // Most rows have no finding at all: one shared empty note, nothing built.
      const marked =
        (row.path !== undefined && byPath.has(row.path)) ||
        columns.some((col) => {
          const path = row.cells[col.key]?.path;
          return path !== undefined && byPath.has(path);
        });
      if (!marked) {
        out.set(row.id, NO_NOTES);
        continue;
      }
      const notes: Record<string, CellNote> = {};
      let key = "";
      for (const col of columns) {
        const path = row.cells[col.key]?.path;
        const found = [
          ...(path ? (byPath.get(path) ?? []) : []),
          ...(col === first && row.path ? (byPath.get(row.path) ?? []) : []),
        ];
        const severity = worstSeverity(found);
        const title = found.map((f) => f.message).join("\n") || undefined;
        notes[col.key] = { severity, title };
        if (severity) key += `${col.key}\u0000${severity}\u0000${title}\u0001`;
      }
      const before = previous.current.get(row.id);
      const kept = before && before.key === key ? before.notes : notes;
      next.set(row.id, { key, notes: kept });
      out.set(row.id, kept);
    }
    previous.current = next;
    return out;
  }, [rows, columns, byPath]);
}
