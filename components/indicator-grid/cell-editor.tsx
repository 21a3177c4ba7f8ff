"use client";

import {
  forwardRef,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
  type Dispatch,
  type KeyboardEvent,
  type SetStateAction,
} from "react";
import type { EditableIndicator } from "@/lib/domain/editable";
import type { IndicatorFramework } from "@/lib/domain/frameworks";
import { cellText, choicesFor, isChoiceColumn, writeCell, type GridColumnKey } from "@/lib/grid/columns";
import { commitMove, moveCell, navigationMove, type Cell, type Move } from "@/lib/grid/navigation";
import { regroupRow } from "@/lib/grid/grouping";
import { isSingleCellPaste, planPaste, type PastePlan } from "@/lib/grid/paste-plan";
import { replaceRow } from "@/lib/grid/row-ops";
import { gridMessages } from "@/lib/i18n/zh-CN/grid";
import { cn } from "@/components/ui/cn";
import { EditorPopup, type EditorPopupHandle } from "./editor-popup";
import type { GridChange } from "./indicator-grid";
import type { RowCommands } from "./use-row-commands";

/**
 * One textarea per grid, laid over the active cell and kept focused while the cursor moves.
 * Selected, it is transparent and holds the cell's text selected: typing (or an input method's
 * composition) replaces the selection in place, the way a spreadsheet replaces a cell, and the
 * browser itself inserts every character. Nothing re-creates or re-fills the element while the
 * clerk types, so 拼音 composition never loses, doubles or garbles a character:
 * - the element is never re-mounted between cells (it is not inside a cell);
 * - its value is set from the rows only while selecting, never while editing or composing;
 * - no key ends an edit while an input method is composing (isComposing / keyCode 229).
 */

export type CellEditorHandle = {
  focus(): void;
  isEditing(): boolean;
  /** Ends an edit, writing the text; false (and the editor stays open) when the text is refused. */
  commit(move: Move | null): boolean;
  beginEdit(keepText: boolean): void;
};

type Props = {
  rows: EditableIndicator[];
  cell: Cell;
  columns: ReadonlyArray<GridColumnKey>;
  framework: IndicatorFramework;
  readOnly: boolean;
  change: GridChange;
  setActive: Dispatch<SetStateAction<Cell>>;
  commands: RowCommands;
  onUndo(): void;
  onRedo(): void;
  onPastePlan(plan: PastePlan): void;
  /** The cell whose typed text is refused (a 权重 of "abc") and that text, or null once there is none: it is not saved. */
  onRefused(cell: Cell | null, text: string): void;
};

export const CellEditor = forwardRef<CellEditorHandle, Props>(function CellEditor(props, ref) {
  const { rows, cell, columns, framework, readOnly, change, setActive, commands } = props;
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const areaRef = useRef<HTMLTextAreaElement>(null);
  const popupRef = useRef<EditorPopupHandle>(null);
  const composing = useRef(false);
  const editingRef = useRef(false);
  editingRef.current = editing;

  const key = columns[cell.col];
  const row = rows[cell.row];
  const text = row ? cellText(row, key) : "";
  const choices = isChoiceColumn(key) ? choicesFor(key, row, framework) : [];
  const size = { rows: rows.length, cols: columns.length };

  // Lay the editor over the active cell; while selecting, hold the cell's text selected.
  useLayoutEffect(() => {
    const box = boxRef.current;
    const area = areaRef.current;
    const wrapper = box?.parentElement;
    const td = wrapper?.querySelector<HTMLElement>(`td[data-cell="${cell.row}:${cell.col}"]`);
    if (!box || !area || !wrapper || !td) return;
    const place = () => {
      const w = wrapper.getBoundingClientRect();
      const r = td.getBoundingClientRect();
      box.style.top = `${r.top - w.top + wrapper.scrollTop}px`;
      box.style.left = `${r.left - w.left + wrapper.scrollLeft}px`;
      box.style.width = `${r.width}px`;
      area.style.minHeight = `${r.height}px`;
    };
    place();
    if (!editing && !composing.current) {
      area.value = text;
      area.style.height = "";
      // Not select(): in Chromium it focuses the textarea, so every re-render (a commit on blur,
      // the grid's first render when 五 opens) pulled the keyboard and the page back to the cell.
      area.setSelectionRange(0, area.value.length);
    }
    if (document.activeElement === area) td.scrollIntoView({ block: "nearest", inline: "nearest" });
    const observer = new ResizeObserver(place);
    observer.observe(td);
    return () => observer.disconnect();
  }, [cell.row, cell.col, text, editing, rows, columns]);

  // A refused text stays in the open editor, unsaved: the editor around says so until it is
  // corrected, withdrawn (Esc) or gone with the grid.
  const { onRefused } = props;
  useEffect(() => {
    onRefused(error && editing ? { row: cell.row, col: cell.col } : null, areaRef.current?.value ?? "");
  }, [error, editing, cell.row, cell.col, onRefused]);
  useEffect(() => () => onRefused(null, ""), [onRefused]);

  // Rows replaced from outside (undo, another project's move) end an edit that no longer applies.
  useEffect(() => {
    if (!row && editingRef.current) setEditing(false);
  }, [row]);

  const grow = () => {
    const area = areaRef.current;
    if (!area) return;
    area.style.height = "auto";
    area.style.height = `${area.scrollHeight + 2}px`;
  };

  const commit = (move: Move | null): boolean => {
    const area = areaRef.current;
    if (!area || !row) return true;
    const w = writeCell(row, key, area.value, framework);
    if (!w.ok) {
      setError(w.message);
      return false;
    }
    const changed =
      cellText(row, key) !== cellText(w.row, key) ||
      row.level2 !== w.row.level2 ||
      row.target.kind !== w.row.target.kind;
    setEditing(false);
    setError(null);
    if (!changed) {
      if (move) setActive(moveCell(cell, move, size));
      return true;
    }
    // New headings take the row into its 一级/二级 block; the cursor goes with it.
    const headings = row.level1 !== w.row.level1 || row.level2 !== w.row.level2;
    const placed = headings
      ? regroupRow(replaceRow(rows, cell.row, w.row), cell.row, framework)
      : { rows: replaceRow(rows, cell.row, w.row), index: cell.row };
    const at = { row: placed.index, col: cell.col };
    change([...placed.rows], at);
    if (move) setActive(moveCell(at, move, size));
    else if (at.row !== cell.row) setActive(at);
    return true;
  };

  const beginEdit = (keepText: boolean) => {
    const area = areaRef.current;
    if (readOnly || !area || !row) return;
    setEditing(true);
    setError(null);
    area.value = keepText ? text : "";
    area.setSelectionRange(area.value.length, area.value.length);
    popupRef.current?.reset(area.value, keepText && isChoiceColumn(key));
    grow();
  };

  useImperativeHandle(ref, () => ({
    focus: () => areaRef.current?.focus({ preventScroll: true }),
    isEditing: () => editingRef.current,
    commit,
    beginEdit,
  }));

  const startEditingFromInput = () => {
    if (editingRef.current) return;
    setEditing(true);
    setError(null);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    const native = e.nativeEvent;
    const isComposing = native.isComposing || composing.current || native.keyCode === 229;
    if (isComposing) return; // the input method owns every key until it is done
    const mod = e.ctrlKey || e.metaKey;
    if (editingRef.current) {
      if (
        (e.key === "ArrowDown" || e.key === "ArrowUp") &&
        isChoiceColumn(key) &&
        popupRef.current?.moveHighlight(e.key === "ArrowDown" ? 1 : -1)
      ) {
        e.preventDefault();
        return;
      }
      if (e.key === "Escape") {
        e.preventDefault();
        setEditing(false);
        setError(null);
        return;
      }
      const move = commitMove({ ...e, isComposing });
      if (!move) return;
      e.preventDefault();
      const area = areaRef.current;
      const picked = isChoiceColumn(key) ? popupRef.current?.picked() : null;
      if (area && picked && (e.key === "Enter" || e.key === "Tab")) area.value = picked;
      commit(move);
      return;
    }
    // Selecting, not editing: spreadsheet keys.
    const lower = e.key.toLowerCase();
    if (mod && !e.altKey && (lower === "z" || lower === "y")) {
      e.preventDefault();
      if (lower === "y" || e.shiftKey) props.onRedo();
      else props.onUndo();
      return;
    }
    if (!readOnly && mod && e.key === "Enter") return prevent(e, () => commands.insertBelow(cell.row));
    if (!readOnly && mod && lower === "d") return prevent(e, () => commands.duplicate(cell.row));
    if (!readOnly && mod && e.key === "Delete") return prevent(e, () => commands.remove(cell.row));
    if (!readOnly && e.altKey && (e.key === "ArrowUp" || e.key === "ArrowDown"))
      return prevent(e, () => commands.move(cell.row, e.key === "ArrowUp" ? -1 : 1));
    if (e.key === "F2" || (e.altKey && e.key === "Enter")) return prevent(e, () => beginEdit(true));
    if (!readOnly && e.key === "Delete" && row) {
      e.preventDefault();
      const w = writeCell(row, key, "", framework);
      if (w.ok && cellText(row, key) !== "") change(replaceRow(rows, cell.row, w.row), cell);
      return;
    }
    const move = navigationMove(e);
    if (!move) return;
    const next = moveCell(cell, move, size);
    // Tab past the last cell (or Shift+Tab before the first) leaves the grid, as keyboard users expect.
    if ((move === "next" || move === "previous") && next.row === cell.row && next.col === cell.col) return;
    e.preventDefault();
    setActive(next);
  };

  const onPaste = (e: React.ClipboardEvent<HTMLTextAreaElement>) => {
    const pasted = e.clipboardData.getData("text/plain");
    const isBlock = /[\t\n\r]/.test(pasted.replace(/[\r\n]+$/, ""));
    if (editingRef.current && !isBlock) return; // a value typed into the open cell: the browser pastes it
    e.preventDefault();
    if (readOnly || pasted.trim() === "") return;
    if (editingRef.current) setEditing(false);
    const plan = planPaste({ text: pasted, rows, anchor: cell, columns, framework });
    if (isSingleCellPaste(plan)) {
      if (plan.changes.length > 0) change(plan.result, cell);
      return;
    }
    props.onPastePlan(plan);
  };

  const onCut = (e: React.ClipboardEvent<HTMLTextAreaElement>) => {
    if (editingRef.current || readOnly || !row) return;
    e.preventDefault();
    e.clipboardData.setData("text/plain", text);
    const w = writeCell(row, key, "", framework);
    if (w.ok) change(replaceRow(rows, cell.row, w.row), cell);
  };

  return (
    <div ref={boxRef} className={cn("absolute", editing ? "z-20" : "pointer-events-none z-10")}>
      <textarea
        ref={areaRef}
        rows={1}
        spellCheck={false}
        readOnly={readOnly}
        aria-label={`${gridMessages.columns[key]}，第 ${cell.row + 1} 行`}
        aria-invalid={error ? true : undefined}
        data-testid="cell-editor"
        data-editing={editing ? "true" : "false"}
        className={cn(
          "block w-full resize-none overflow-hidden px-2 py-1.5 text-sm leading-normal text-slate-900 outline-none",
          editing ? "bg-white shadow-md ring-2 ring-brand-600" : "bg-transparent opacity-0 caret-transparent",
        )}
        onKeyDown={onKeyDown}
        onInput={() => {
          startEditingFromInput();
          popupRef.current?.update(areaRef.current?.value ?? "");
          grow();
        }}
        onCompositionStart={() => {
          composing.current = true;
          startEditingFromInput();
        }}
        onCompositionEnd={() => {
          composing.current = false;
          popupRef.current?.update(areaRef.current?.value ?? "");
        }}
        onBlur={() => {
          if (editingRef.current && !composing.current) commit(null);
        }}
        onPaste={onPaste}
        onCut={onCut}
      />
      <EditorPopup
        ref={popupRef}
        column={key}
        choices={choices}
        error={error}
        visible={editing}
        onPick={(choice) => {
          if (areaRef.current) areaRef.current.value = choice;
          commit(null);
        }}
      />
    </div>
  );
});

function prevent(e: KeyboardEvent, run: () => void): void {
  e.preventDefault();
  run();
}
