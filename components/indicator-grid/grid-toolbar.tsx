"use client";

import type { ReactNode } from "react";
import { gridMessages } from "@/lib/i18n/zh-CN/grid";
import { cn } from "@/components/ui/cn";

const m = gridMessages.actions;
const k = gridMessages.shortcuts;

/**
 * The grid's buttons. Each acts on the active row and says its shortcut in its tooltip; mousedown
 * is cancelled so the grid's editor keeps focus (and the active cell) while a button is used.
 */
export function GridToolbar(props: {
  readOnly: boolean;
  hasRows: boolean;
  activeRow: number;
  lastRow: number;
  canUndo: boolean;
  canRedo: boolean;
  showExtra: boolean;
  onToggleExtra(): void;
  onAdd(): void;
  onInsertBelow(): void;
  onDuplicate(): void;
  onRemove(): void;
  onMoveUp(): void;
  onMoveDown(): void;
  onUndo(): void;
  onRedo(): void;
  onLibrary(): void;
}) {
  if (props.readOnly) return null;
  const none = !props.hasRows;
  return (
    <div
      role="toolbar"
      aria-label={gridMessages.columns.actions}
      className="flex flex-wrap items-center gap-1 border-b border-slate-200 bg-slate-50 px-2 py-1.5"
    >
      <Tool label={m.addRow} onClick={props.onAdd} primary>
        ＋ {m.addRow}
      </Tool>
      <Tool label={m.insertBelow} shortcut={k.insertBelow} onClick={props.onInsertBelow} disabled={none}>
        {m.insertBelow}
      </Tool>
      <Tool label={m.duplicate} shortcut={k.duplicate} onClick={props.onDuplicate} disabled={none}>
        {m.duplicate}
      </Tool>
      <Tool label={m.moveUp} shortcut={k.moveUp} onClick={props.onMoveUp} disabled={none || props.activeRow <= 0}>
        {m.moveUp}
      </Tool>
      <Tool
        label={m.moveDown}
        shortcut={k.moveDown}
        onClick={props.onMoveDown}
        disabled={none || props.activeRow >= props.lastRow}
      >
        {m.moveDown}
      </Tool>
      <Tool label={m.remove} shortcut={k.remove} onClick={props.onRemove} disabled={none} danger>
        {m.remove}
      </Tool>
      <span aria-hidden className="mx-1 h-5 w-px bg-slate-300" />
      <Tool label={m.undo} shortcut={k.undo} onClick={props.onUndo} disabled={!props.canUndo}>
        ↶ {m.undo}
      </Tool>
      <Tool label={m.redo} shortcut={k.redo} onClick={props.onRedo} disabled={!props.canRedo}>
        ↷ {m.redo}
      </Tool>
      <span aria-hidden className="mx-1 h-5 w-px bg-slate-300" />
      <Tool label={m.library} onClick={props.onLibrary}>
        {m.library}
      </Tool>
      <label className="ml-auto flex cursor-pointer items-center gap-1.5 text-xs text-slate-700">
        <input type="checkbox" checked={props.showExtra} onChange={props.onToggleExtra} className="h-3.5 w-3.5" />
        {m.showExtra}
      </label>
    </div>
  );
}

function Tool(props: {
  label: string;
  shortcut?: string;
  onClick(): void;
  disabled?: boolean;
  primary?: boolean;
  danger?: boolean;
  children: ReactNode;
}) {
  const title = props.shortcut ? m.withShortcut(props.label, props.shortcut) : props.label;
  return (
    <button
      type="button"
      title={title}
      aria-label={title}
      aria-keyshortcuts={props.shortcut?.replace("↑", "ArrowUp").replace("↓", "ArrowDown")}
      disabled={props.disabled}
      onMouseDown={(e) => e.preventDefault()}
      onClick={props.onClick}
      className={cn(
        "inline-flex h-7 items-center rounded px-2 text-xs font-medium whitespace-nowrap disabled:cursor-not-allowed disabled:opacity-40",
        props.primary ? "bg-brand-600 text-white hover:bg-brand-700" : "text-slate-700 hover:bg-slate-200",
        props.danger && "hover:bg-red-100 hover:text-red-800",
      )}
    >
      {props.children}
    </button>
  );
}
