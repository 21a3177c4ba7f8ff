"use client";

import { memo, type KeyboardEvent, type RefObject } from "react";
import type { ClassificationEntry } from "@/lib/domain/classification";
import { budgetTableMessages } from "@/lib/i18n/zh-CN/budget-tables";
import type { Severity } from "@/lib/rules/finding";
import { cn } from "@/components/ui/cn";

const m = budgetTableMessages;

export type GridColumn = {
  key: string;
  label: string;
  /** The heading over several columns (本年预算数 …). */
  group?: string;
  kind: "code" | "name" | "amount" | "label";
  editable: boolean;
};

export type GridCell = { text: string; path?: string };

export type GridRow = {
  id: string;
  /** 1 类, 2 款, 3 项: indents the name. */
  level: number;
  editable: boolean;
  /** A computed line (subtotal, 合计): shaded. */
  computed?: boolean;
  /** Its name for screen readers ("第 3 行", "一般公共预算拨款"). */
  label: string;
  cells: Record<string, GridCell>;
  /** Where the row itself is, for findings on the whole row. */
  path?: string;
  removable?: boolean;
};

export type Active = { row: string; col: string };

/** What the checks say about one cell: its worst severity and the messages, for its tooltip. */
export type CellNote = { severity: Severity | null; title: string | undefined };

/** The active cell's editing state, handed to its row only. */
export type OpenCell = {
  editing: boolean;
  draft: string;
  error: string | null;
  errorId: string;
  listId: string;
  suggestions: ReadonlyArray<ClassificationEntry>;
  highlight: number;
  popupAt: { left: number; top: number } | null;
};

/** The grid's handlers, one stable object for every row (the grid keeps them current). */
export type RowActions = {
  select(at: Active): void;
  edit(at: Active, text: string): void;
  type(text: string): void;
  keyDown(e: KeyboardEvent<HTMLInputElement>): void;
  blur(): void;
  pick(entry: ClassificationEntry): void;
  remove(rowId: string): void;
};

type Props = {
  row: GridRow;
  columns: readonly GridColumn[];
  /** The grid's title, for the cells' accessible names. */
  title: string;
  /** Notes per column key: the same object while the row's findings stay the same. */
  notes: Readonly<Record<string, CellNote>>;
  /** The active cell's column when it is in this row, else null. */
  activeCol: string | null;
  /** The active cell's state when it is in this row, else null. */
  open: OpenCell | null;
  readOnly: boolean;
  /** The code column picks from a catalogue. */
  picks: boolean;
  /** The row's number among the editable rows, for its 删除 button; 0 without one. */
  removeNumber: number;
  /** A column for 删除 buttons is shown. */
  removeColumn: boolean;
  inputRef: RefObject<HTMLInputElement | null>;
  actions: RowActions;
};

/**
 * One row of a budget table grid. Memoised: typing re-renders the active row only, and a commit
 * or a new check the rows whose cells or findings changed; the rest of a 300-row table keeps its
 * props (see the table-keystroke bench).
 */
export const TableRowView = memo(function TableRowView({
  row,
  columns,
  title,
  notes,
  activeCol,
  open,
  readOnly,
  picks,
  removeNumber,
  removeColumn,
  inputRef,
  actions,
}: Props) {
  return (
    <tr data-field-path={row.path} className={cn(row.computed && "bg-slate-50 font-medium text-slate-700")}>
      {columns.map((col) => {
        const cell = row.cells[col.key] ?? { text: "" };
        const isActive = activeCol === col.key;
        const { severity, title: note } = notes[col.key] ?? { severity: null, title: undefined };
        const editable = row.editable && col.editable && !readOnly;
        return (
          <td
            key={col.key}
            data-field-path={cell.path}
            data-col={col.key}
            data-severity={severity ?? undefined}
            title={note}
            onMouseDown={(e) => {
              if (!editable || isActive) return;
              e.preventDefault();
              actions.select({ row: row.id, col: col.key });
            }}
            onDoubleClick={() => {
              if (!editable) return;
              actions.edit({ row: row.id, col: col.key }, cell.text);
            }}
            className={cn(
              "relative h-8 border-b border-r border-slate-200 px-2 py-1 last:border-r-0",
              col.kind === "amount" ? "text-right tabular-nums whitespace-nowrap" : "text-left",
              col.kind === "name" && "min-w-[12rem]",
              col.kind === "code" && "w-28 font-mono",
              editable ? "cursor-cell" : "text-slate-600",
              !row.computed && !col.editable && col.kind === "amount" && "bg-slate-50",
              severity === "error" && "bg-red-50 ring-1 ring-inset ring-red-500",
              severity === "warning" && "bg-amber-50 ring-1 ring-inset ring-amber-500",
              isActive && "ring-2 ring-inset ring-brand-600",
            )}
            style={col.kind === "name" && row.level > 1 ? { paddingLeft: `${row.level * 0.75}rem` } : undefined}
          >
            {isActive && editable && open ? (
              <CellInput
                open={open}
                col={col}
                label={m.cellLabel(
                  title,
                  row.label,
                  col.group && col.kind === "amount" ? `${col.group}${col.label}` : col.label,
                )}
                text={cell.text}
                invalid={!!open.error || severity === "error"}
                picks={picks && col.kind === "code"}
                inputRef={inputRef}
                actions={actions}
              />
            ) : (
              cell.text
            )}
          </td>
        );
      })}
      {removeColumn ? (
        <td className="w-12 border-b border-slate-200 px-1 text-center">
          {row.removable ? (
            <button
              type="button"
              className="text-xs text-slate-500 hover:text-red-700"
              aria-label={m.removeRow(removeNumber)}
              onClick={() => actions.remove(row.id)}
            >
              {m.remove}
            </button>
          ) : null}
        </td>
      ) : null}
    </tr>
  );
});

/** The active cell's input, and for a code the catalogue's list floating under it. */
function CellInput({
  open,
  col,
  label,
  text,
  invalid,
  picks,
  inputRef,
  actions,
}: {
  open: OpenCell;
  col: GridColumn;
  label: string;
  text: string;
  invalid: boolean;
  picks: boolean;
  inputRef: RefObject<HTMLInputElement | null>;
  actions: RowActions;
}) {
  const { editing, draft, suggestions, highlight, listId } = open;
  return (
    <>
      <input
        ref={inputRef}
        value={editing ? draft : text}
        onChange={(e) => actions.type(e.target.value)}
        onKeyDown={actions.keyDown}
        onBlur={actions.blur}
        aria-label={label}
        aria-invalid={invalid || undefined}
        aria-describedby={open.error ? open.errorId : undefined}
        {...(picks
          ? {
              role: "combobox",
              "aria-expanded": suggestions.length > 0,
              "aria-controls": listId,
              "aria-autocomplete": "list" as const,
              "aria-activedescendant": suggestions.length > 0 ? `${listId}-${highlight}` : undefined,
            }
          : {})}
        autoComplete="off"
        className={cn(
          "absolute inset-0 h-full w-full bg-white px-2 outline-none",
          col.kind === "amount" && "text-right tabular-nums",
          !editing && "caret-transparent selection:bg-brand-100",
        )}
      />
      {suggestions.length > 0 ? (
        <ul
          id={listId}
          // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the cell's combobox owns focus; the list is its popup (aria-activedescendant pattern).
          role="listbox"
          aria-label={m.pickHint}
          style={open.popupAt ?? undefined}
          className="fixed z-30 max-h-64 w-96 overflow-y-auto rounded-md border border-slate-300 bg-white py-1 text-left font-sans shadow-lg"
        >
          {suggestions.map((s, i) => (
            // biome-ignore lint/a11y/useFocusableInteractive: an option of the popup above, chosen with the keys or the mouse, never focused itself.
            <li
              key={`${s.kind}${s.code}`}
              id={`${listId}-${i}`}
              // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: as above.
              role="option"
              aria-selected={i === highlight}
              onMouseDown={(e) => {
                e.preventDefault();
                actions.pick(s);
              }}
              className={cn("flex gap-2 px-2 py-1", i === highlight && "bg-brand-50 text-brand-800")}
            >
              <span className="font-mono">{s.code}</span>
              <span>{s.name}</span>
            </li>
          ))}
        </ul>
      ) : editing && picks && draft.trim() !== "" ? (
        <p
          style={open.popupAt ?? undefined}
          className="fixed z-30 w-64 rounded-md border border-slate-300 bg-white px-2 py-1 text-xs text-slate-600 shadow"
        >
          {m.noMatch}
        </p>
      ) : null}
    </>
  );
}
