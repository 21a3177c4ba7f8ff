"use client";

import { memo } from "react";
import type { EditableIndicator } from "@/lib/domain/editable";
import { cellText, isChoiceColumn, type GridColumnKey } from "@/lib/grid/columns";
import { worstSeverity, type CellComment } from "@/lib/grid/findings-index";
import { readTarget } from "@/lib/grid/target-display";
import { gridMessages } from "@/lib/i18n/zh-CN/grid";
import type { Finding } from "@/lib/rules/finding";
import { cn } from "@/components/ui/cn";

/**
 * One row of the grid. Memoised: a commit replaces one row object, so only that row re-renders
 * (the rest keep their props). Cells carry data-cell for the editor overlay and data-path (the
 * rule engine's path) so a findings list can find the cell.
 */

export type RowActions = {
  select(row: number, col: number, edit: boolean): void;
  moveUp(row: number): void;
  moveDown(row: number): void;
  duplicate(row: number): void;
  remove(row: number): void;
};

type Props = {
  row: EditableIndicator;
  index: number;
  last: boolean;
  columns: ReadonlyArray<GridColumnKey>;
  /** Column of the active cell when it is in this row, else -1. */
  activeCol: number;
  /** `${row}:${field}` findings of this row's cells, and of the row itself. */
  cellFindings: ReadonlyMap<string, Finding[]>;
  rowFindings: ReadonlyArray<Finding> | undefined;
  /** `${row}:${field}` reviewers' comments on this row's cells, and on the row itself. */
  cellComments: ReadonlyMap<string, CellComment[]>;
  rowComments: ReadonlyArray<CellComment> | undefined;
  pathPrefix: string;
  readOnly: boolean;
  actions: RowActions;
};

const markClass = {
  error: "bg-red-50 shadow-[inset_3px_0_0_0_#b91c1c]",
  warning: "bg-amber-50 shadow-[inset_3px_0_0_0_#d97706]",
  info: "",
} as const;

const textClass: Partial<Record<GridColumnKey, string>> = {
  description: "line-clamp-3 whitespace-pre-wrap break-words",
  basis: "line-clamp-3 whitespace-pre-wrap break-words",
  scoringStandard: "line-clamp-3 whitespace-pre-wrap break-words",
  name: "break-words",
  weight: "amount block",
};

/** A cell's tooltip: what the checks say, then the reviewers' comments (the line under the grid repeats it for the keyboard). */
function noteTitle(
  findings: ReadonlyArray<Finding> | undefined,
  comments: ReadonlyArray<CellComment> | undefined,
): string | undefined {
  if (!findings && !comments) return undefined;
  return [
    ...(findings ?? []).map((f) => f.message),
    ...(comments ?? []).map((c) => gridMessages.comments.line(c.author, c.body, c.resolved)),
  ].join("\n");
}

/** A folded corner on a commented cell: amber while a comment is open, grey once all are resolved. */
function CommentMark({ comments }: { comments: ReadonlyArray<CellComment> }) {
  const open = comments.some((c) => !c.resolved);
  return (
    <span
      aria-hidden
      data-testid="comment-mark"
      data-open={open}
      className={cn(
        "pointer-events-none absolute top-0 left-0 h-0 w-0 border-t-[12px] border-r-[12px] border-r-transparent",
        open ? "border-t-amber-500" : "border-t-slate-400",
      )}
    />
  );
}

export const GridRowView = memo(function GridRowView({
  row,
  index,
  last,
  columns,
  activeCol,
  cellFindings,
  rowFindings,
  cellComments,
  rowComments,
  pathPrefix,
  readOnly,
  actions,
}: Props) {
  const rowMark = worstSeverity(rowFindings);
  const rowTitle = noteTitle(rowFindings, rowComments);
  return (
    <tr
      className={cn("group border-b border-slate-200 align-top", activeCol >= 0 && "bg-brand-50/40")}
      data-row-id={row.id}
    >
      <th
        scope="row"
        // Stays in view when a narrow screen scrolls the grid sideways.
        className={cn(
          "tabular sticky left-0 z-[5] border-r border-slate-200 px-1 py-1.5 text-center text-xs font-normal text-slate-500",
          rowMark && markClass[rowMark] ? markClass[rowMark] : activeCol >= 0 ? "bg-brand-50" : "bg-white",
        )}
        title={rowTitle}
      >
        {rowComments ? <CommentMark comments={rowComments} /> : null}
        {index + 1}
      </th>
      {columns.map((key, col) => {
        const found = cellFindings.get(`${index}:${key}`);
        const comments = cellComments.get(`${index}:${key}`);
        const mark = worstSeverity(found);
        const text = cellText(row, key);
        return (
          <td
            key={key}
            data-cell={`${index}:${col}`}
            data-path={`${pathPrefix}.indicators[${index}].${key}`}
            title={noteTitle(found, comments)}
            aria-invalid={mark === "error" || undefined}
            className={cn(
              "relative cursor-cell border-r border-slate-200 px-2 py-1.5 text-sm text-slate-900",
              mark && markClass[mark],
              activeCol === col && "outline-2 -outline-offset-2 outline-brand-600",
            )}
            onMouseDown={(e) => {
              if (e.button !== 0 || (e.target as HTMLElement).tagName === "TEXTAREA") return;
              e.preventDefault();
              actions.select(index, col, false);
            }}
            onDoubleClick={() => actions.select(index, col, true)}
          >
            {comments ? <CommentMark comments={comments} /> : null}
            {key === "target" ? <TargetCell row={row} /> : <span className={textClass[key]}>{text}</span>}
            {isChoiceColumn(key) && !readOnly ? (
              <span aria-hidden className="pointer-events-none absolute top-1.5 right-1 text-[10px] text-slate-400">
                ▾
              </span>
            ) : null}
          </td>
        );
      })}
      {readOnly ? null : (
        <td className="px-1 py-1 whitespace-nowrap">
          <div
            className={cn(
              "flex gap-0.5 opacity-0 transition-opacity group-hover:opacity-100 focus-within:opacity-100",
              activeCol >= 0 && "opacity-100",
            )}
          >
            <RowButton
              label={gridMessages.actions.moveUp}
              shortcut={gridMessages.shortcuts.moveUp}
              disabled={index === 0}
              onClick={() => actions.moveUp(index)}
            >
              ↑
            </RowButton>
            <RowButton
              label={gridMessages.actions.moveDown}
              shortcut={gridMessages.shortcuts.moveDown}
              disabled={last}
              onClick={() => actions.moveDown(index)}
            >
              ↓
            </RowButton>
            <RowButton
              label={gridMessages.actions.duplicate}
              shortcut={gridMessages.shortcuts.duplicate}
              onClick={() => actions.duplicate(index)}
            >
              ⧉
            </RowButton>
            <RowButton
              label={gridMessages.actions.remove}
              shortcut={gridMessages.shortcuts.remove}
              danger
              onClick={() => actions.remove(index)}
            >
              ✕
            </RowButton>
          </div>
        </td>
      )}
    </tr>
  );
});

function TargetCell({ row }: { row: EditableIndicator }) {
  const reading = readTarget(row.target);
  return (
    <span className="block">
      <span className="tabular break-words">{row.target.raw}</span>
      {reading.tone === "quantitative" || reading.tone === "qualitative" ? (
        <span className="tabular mt-0.5 block text-xs text-slate-600" data-testid="target-parsed">
          {reading.text}
        </span>
      ) : reading.tone === "unparsed" ? (
        <span className="mt-0.5 block text-xs text-red-700" data-testid="target-parsed">
          {gridMessages.target.unreadableShort}
        </span>
      ) : null}
    </span>
  );
}

function RowButton({
  label,
  shortcut,
  disabled,
  danger,
  onClick,
  children,
}: {
  label: string;
  shortcut: string;
  disabled?: boolean;
  danger?: boolean;
  onClick(): void;
  children: string;
}) {
  const title = gridMessages.actions.withShortcut(label, shortcut);
  return (
    <button
      type="button"
      tabIndex={-1}
      title={title}
      aria-label={title}
      disabled={disabled}
      // The grid's editor keeps focus; the button acts, then the grid refocuses.
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
      className={cn(
        "flex h-6 w-6 items-center justify-center rounded text-xs text-slate-600 hover:bg-slate-200 disabled:opacity-30",
        danger && "hover:bg-red-100 hover:text-red-700",
      )}
    >
      {children}
    </button>
  );
}
