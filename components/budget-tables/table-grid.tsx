"use client";

import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { ClassificationEntry } from "@/lib/domain/classification";
import { commitMove, moveCell, navigationMove, startsTyping, type Move } from "@/lib/grid/navigation";
import { searchCatalogue } from "@/lib/editor/table-grid";
import { cn } from "@/components/ui/cn";
import { budgetTableMessages } from "@/lib/i18n/zh-CN/budget-tables";
import type { Finding } from "@/lib/rules/finding";
import { type Active, type GridColumn, type GridRow, type OpenCell, type RowActions, TableRowView } from "./table-row";
import { useRowNotes, useSteadyRows } from "./steady-rows";

export type { GridCell, GridColumn, GridRow } from "./table-row";

const m = budgetTableMessages;

type Props = {
  /** "表3 部门支出总表", for the cells' accessible names. */
  title: string;
  columns: readonly GridColumn[];
  rows: readonly GridRow[];
  findings: ReadonlyArray<Finding>;
  readOnly: boolean;
  /** The catalogue the code column picks from; none for free codes (单位代码). */
  catalogue?: ReadonlyArray<ClassificationEntry>;
  /** Takes a typed cell (and the catalogue entry picked for a code); the reason it is refused, or null. */
  onCommit(rowId: string, column: string, text: string, picked?: ClassificationEntry): string | null;
  onAddRow?(): string;
  onRemoveRow?(rowId: string): void;
  testId?: string;
};

/**
 * A budget table edited like the indicator grid: one active cell, arrows / Tab / Enter move it,
 * typing replaces its content (the cell's text is selected in its input, so the first key, or an
 * input method's composition, replaces it), F2 or a double click edits what is there, Enter or Tab
 * commits, Esc cancels. A code cell offers the year's catalogue as a list under it (type the code
 * or the name, ↑↓ and Enter pick). Computed rows and columns are shown, never edited.
 */
export function TableGrid(props: Props) {
  const { title, columns, findings, readOnly, catalogue, onCommit, onAddRow, onRemoveRow, testId } = props;
  const rows = useSteadyRows(props.rows);
  const editableRows = useMemo(() => rows.filter((r) => r.editable), [rows]);
  const editableCols = useMemo(() => columns.filter((c) => c.editable), [columns]);
  const [active, setActive] = useState<Active | null>(null);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [highlight, setHighlight] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const wantFocus = useRef(false);
  const errorId = useId();
  const listId = useId();

  const byPath = useMemo(() => {
    const map = new Map<string, Finding[]>();
    for (const f of findings) map.set(f.path, [...(map.get(f.path) ?? []), f]);
    return map;
  }, [findings]);

  const notes = useRowNotes(rows, columns, byPath);
  const removeNumbers = useMemo(() => new Map(editableRows.map((r, i) => [r.id, i + 1])), [editableRows]);

  const activeRow = active ? rows.find((r) => r.id === active.row) : undefined;
  const activeCol = active ? columns.find((c) => c.key === active.col) : undefined;
  const cellText = activeRow && activeCol ? (activeRow.cells[activeCol.key]?.text ?? "") : "";
  const suggestions =
    editing && activeCol?.kind === "code" && catalogue
      ? searchCatalogue(catalogue, draft)
      : ([] as ClassificationEntry[]);

  // The catalogue's list floats under the cell, above the table's scrolling box (which would clip it).
  const [popupAt, setPopupAt] = useState<{ left: number; top: number } | null>(null);
  const popupOpen = suggestions.length > 0 || (editing && activeCol?.kind === "code" && !!catalogue);
  useLayoutEffect(() => {
    if (!popupOpen) return setPopupAt(null);
    const place = () => {
      const box = inputRef.current?.getBoundingClientRect();
      setPopupAt(box ? { left: box.left, top: box.bottom + 2 } : null);
    };
    place();
    window.addEventListener("scroll", place, true);
    window.addEventListener("resize", place);
    return () => {
      window.removeEventListener("scroll", place, true);
      window.removeEventListener("resize", place);
    };
  }, [popupOpen, active]);

  // The active cell's input takes the keyboard after a move, a click or a new row.
  useEffect(() => {
    if (!wantFocus.current || !inputRef.current) return;
    inputRef.current.focus({ preventScroll: false });
    if (!editing) inputRef.current.select();
  }, [active, editing]);

  const position = (a: Active) => ({
    row: editableRows.findIndex((r) => r.id === a.row),
    col: editableCols.findIndex((c) => c.key === a.col),
  });
  const go = (move: Move) => {
    if (!active) return;
    const next = moveCell(position(active), move, { rows: editableRows.length, cols: editableCols.length });
    wantFocus.current = true;
    setActive({ row: editableRows[next.row].id, col: editableCols[next.col].key });
  };
  const select = (a: Active) => {
    // A click elsewhere ends an edit as Enter would; a refused text keeps its cell.
    if (editing && !commit()) return;
    wantFocus.current = true;
    setActive(a);
    setEditing(false);
    setError(null);
  };
  const beginEdit = (text: string) => {
    setDraft(text);
    setEditing(true);
    setHighlight(0);
    setError(null);
  };
  const commit = (picked?: ClassificationEntry): boolean => {
    if (!active) return true;
    const exact = catalogue?.find((e) => e.code === draft.trim());
    const refused = onCommit(active.row, active.col, picked ? picked.code : draft, picked ?? exact);
    if (refused) {
      setError(refused);
      return false;
    }
    setEditing(false);
    setError(null);
    return true;
  };
  const cancel = () => {
    setEditing(false);
    setError(null);
  };
  const addRow = () => {
    if (!onAddRow) return;
    const id = onAddRow();
    wantFocus.current = true;
    setActive({ row: id, col: editableCols[0]?.key ?? "" });
    beginEdit("");
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (readOnly || !active) return;
    const native = e.nativeEvent;
    const key = { ...e, isComposing: native.isComposing || native.keyCode === 229 };
    if ((e.ctrlKey || e.metaKey) && e.key === "Enter" && onAddRow) {
      e.preventDefault();
      if (!editing || commit()) addRow();
      return;
    }
    if ((e.ctrlKey || e.metaKey) && e.key === "Delete" && activeRow?.removable && onRemoveRow) {
      e.preventDefault();
      removeRow(activeRow.id);
      return;
    }
    if (editing) {
      if (key.isComposing) return;
      if (e.key === "Escape") {
        e.preventDefault();
        cancel();
        return;
      }
      if (suggestions.length > 0 && (e.key === "ArrowDown" || e.key === "ArrowUp")) {
        e.preventDefault();
        setHighlight((h) => (h + (e.key === "ArrowDown" ? 1 : suggestions.length - 1)) % suggestions.length);
        return;
      }
      const move = commitMove(key);
      if (!move) return;
      e.preventDefault();
      const picked =
        (e.key === "Enter" || e.key === "Tab") && suggestions.length > 0 ? suggestions[highlight] : undefined;
      if (commit(picked)) go(move);
      return;
    }
    if (e.key === "F2") {
      e.preventDefault();
      beginEdit(cellText);
      return;
    }
    if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      const refused = onCommit(active.row, active.col, "");
      setError(refused);
      return;
    }
    const move = navigationMove(e);
    if (move) {
      const at = position(active);
      const last = at.row === editableRows.length - 1 && at.col === editableCols.length - 1;
      const first = at.row === 0 && at.col === 0;
      // Tab out of the table from its last cell (Shift+Tab from its first), as from any form.
      if ((move === "next" && last) || (move === "previous" && first)) return;
      e.preventDefault();
      go(move);
      return;
    }
    // The first key typed replaces the cell: its text is selected, the browser puts the key in its place.
    if (startsTyping(e)) beginEdit(cellText);
  };

  const removeRow = (id: string) => {
    if (!onRemoveRow) return;
    const at = editableRows.findIndex((r) => r.id === id);
    onRemoveRow(id);
    setEditing(false);
    const next = editableRows.filter((r) => r.id !== id)[Math.max(0, Math.min(at, editableRows.length - 2))];
    setActive(next && active ? { row: next.id, col: active.col } : null);
  };

  // The rows' handlers: one object for the grid's life, calling what this render defines.
  const handlers = useRef<RowActions | null>(null);
  handlers.current = {
    select,
    edit: (at, text) => {
      select(at);
      beginEdit(text);
    },
    type: (text) => {
      if (!editing) beginEdit(text);
      setDraft(text);
      setHighlight(0);
    },
    keyDown: onKeyDown,
    blur: () => {
      if (editing) commit();
    },
    pick: (entry) => {
      if (commit(entry)) setEditing(false);
    },
    remove: removeRow,
  };
  const actions = useMemo<RowActions>(
    () => ({
      select: (at) => handlers.current?.select(at),
      edit: (at, text) => handlers.current?.edit(at, text),
      type: (text) => handlers.current?.type(text),
      keyDown: (e) => handlers.current?.keyDown(e),
      blur: () => handlers.current?.blur(),
      pick: (entry) => handlers.current?.pick(entry),
      remove: (rowId) => handlers.current?.remove(rowId),
    }),
    [],
  );
  const open: OpenCell = { editing, draft, error, errorId, listId, suggestions, highlight, popupAt };

  const groups = columns.some((c) => c.group);
  const headerCells = groups ? groupedHeader(columns) : null;

  return (
    <div className="min-w-0" data-testid={testId}>
      <div className="overflow-x-auto rounded-md border border-slate-200">
        <table className="w-full border-collapse text-sm" aria-label={title}>
          <thead className="bg-slate-50 text-xs text-slate-600">
            {headerCells ? (
              <>
                <tr>
                  {headerCells.top.map((h) => (
                    <th
                      key={h.key}
                      colSpan={h.span}
                      rowSpan={h.rows}
                      scope="col"
                      className="border-b border-r border-slate-200 px-2 py-1 text-center font-medium last:border-r-0"
                    >
                      {h.label}
                    </th>
                  ))}
                  {onRemoveRow && !readOnly ? <th rowSpan={2} className="border-b border-slate-200" /> : null}
                </tr>
                <tr>
                  {headerCells.bottom.map((c) => (
                    <th key={c.key} scope="col" className="border-b border-r border-slate-200 px-2 py-1 font-medium">
                      {c.label}
                    </th>
                  ))}
                </tr>
              </>
            ) : (
              <tr>
                {columns.map((c) => (
                  <th
                    key={c.key}
                    scope="col"
                    className={cn(
                      "border-b border-r border-slate-200 px-2 py-1 font-medium last:border-r-0",
                      c.kind === "amount" ? "text-right" : "text-left",
                    )}
                  >
                    {c.label}
                  </th>
                ))}
                {onRemoveRow && !readOnly ? <th className="border-b border-slate-200" /> : null}
              </tr>
            )}
          </thead>
          <tbody>
            {rows.map((row) => {
              const here = active?.row === row.id;
              return (
                <TableRowView
                  key={row.id}
                  row={row}
                  columns={columns}
                  title={title}
                  notes={notes.get(row.id) ?? {}}
                  activeCol={here ? (active?.col ?? null) : null}
                  open={here ? open : null}
                  readOnly={readOnly}
                  picks={!!catalogue}
                  removeNumber={removeNumbers.get(row.id) ?? 0}
                  removeColumn={!!onRemoveRow && !readOnly}
                  inputRef={inputRef}
                  actions={actions}
                />
              );
            })}
          </tbody>
        </table>
      </div>
      {error ? (
        <p id={errorId} role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {onAddRow && !readOnly ? (
        <button
          type="button"
          onClick={addRow}
          className="mt-2 rounded-md border border-slate-300 px-3 py-1 text-sm text-slate-700 hover:bg-slate-50"
        >
          + {m.addRow}
        </button>
      ) : null}
    </div>
  );
}

/** Two header rows: a group's label over its columns, an ungrouped column spanning both rows. */
function groupedHeader(columns: readonly GridColumn[]) {
  const top: { key: string; label: string; span: number; rows: number }[] = [];
  const bottom: GridColumn[] = [];
  for (const c of columns) {
    if (!c.group) {
      top.push({ key: c.key, label: c.label, span: 1, rows: 2 });
      continue;
    }
    const last = top.at(-1);
    if (last && last.key === `group:${c.group}`) last.span++;
    else top.push({ key: `group:${c.group}`, label: c.group, span: 1, rows: 1 });
    bottom.push(c);
  }
  return { top, bottom };
}
