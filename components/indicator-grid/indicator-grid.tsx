"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { createColumnHelper, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import type { EditableIndicator } from "@/lib/domain/editable";
import type { IndicatorFramework } from "@/lib/domain/frameworks";
import { usesExtraColumns, usesScoringStandard, visibleColumns, type GridColumnKey } from "@/lib/grid/columns";
import type { CellComments, CellFindings } from "@/lib/grid/findings-index";
import { clampCell, type Cell } from "@/lib/grid/navigation";
import type { PastePlan } from "@/lib/grid/paste-plan";
import { gridMessages } from "@/lib/i18n/zh-CN/grid";
import { cn } from "@/components/ui/cn";
import { CellEditor, type CellEditorHandle } from "./cell-editor";
import { GridRowView, type RowActions } from "./grid-row";
import { GridStatus } from "./grid-status";
import { GridToolbar } from "./grid-toolbar";
import { LibraryDialog, type LibraryPick } from "./library-dialog";
import { PastePreviewDialog } from "./paste-preview-dialog";
import { EmptyGrid } from "./empty-grid";
import { useRefusedCell } from "./use-refused-cell";
import { useRowCommands } from "./use-row-commands";

/**
 * The 绩效目标表 of one project fund as a spreadsheet: one cell is active; arrows, Tab and Enter
 * move; typing replaces, F2 edits; Ctrl+Z/Y undo and redo (the history lives with the caller);
 * a block pasted from Excel/WPS/Word is previewed before it changes anything. The editing itself
 * (one persistent textarea, safe with Chinese input methods) is cell-editor.tsx.
 */

export type GridChange = (next: EditableIndicator[], focus: Cell) => void;
export type GridFocusRequest = { cell: Cell; field?: GridColumnKey; seq: number };

export type IndicatorGridProps = {
  rows: EditableIndicator[];
  onChange: GridChange;
  framework: IndicatorFramework;
  findings: CellFindings;
  /** The reviewers' comments on this table's cells and rows, marked on them; none without a review. */
  comments?: CellComments;
  /** The rule engine's path of this project fund, e.g. `performance.projects[3]`. */
  pathPrefix: string;
  label: string;
  readOnly?: boolean;
  onUndo(): void;
  onRedo(): void;
  canUndo: boolean;
  canRedo: boolean;
  /**
   * Set by undo/redo (and the findings list) to put the cursor on a cell; seq makes a repeat count.
   * A `field` names the cell's column, found among the columns this grid shows.
   */
  focusRequest?: GridFocusRequest | null;
  departmentId: string;
  libraryEndpoint?: string;
  fiscalYear?: number;
  /** Text typed at a path that cannot be read, or null once it is gone: the editor counts it as not saved. */
  onInvalidText?(path: string, text: string | null): void;
};

const helper = createColumnHelper<EditableIndicator>();
const NO_COMMENTS: CellComments = { cells: new Map(), rows: new Map(), table: [] };
const WIDTHS: Record<GridColumnKey | "row" | "actions", string> = {
  row: "2.5rem",
  level1: "6.5rem",
  level2: "8.25rem",
  name: "10rem",
  description: "auto",
  target: "8rem",
  basis: "auto",
  scoringStandard: "auto",
  weight: "4rem",
  direction: "4.5rem",
  actions: "6.75rem",
};

export function IndicatorGrid(props: IndicatorGridProps) {
  const { rows, framework, findings, comments = NO_COMMENTS, readOnly = false } = props;
  const [active, setActive] = useState<Cell>({ row: 0, col: 0 });
  const [showExtra, setShowExtra] = useState(() => usesExtraColumns(rows));
  const [pastePlan, setPastePlan] = useState<PastePlan | null>(null);
  const [libraryOpen, setLibraryOpen] = useState(false);
  const editorRef = useRef<CellEditorHandle>(null);
  const columns = visibleColumns(showExtra || usesExtraColumns(rows), usesScoringStandard(rows, framework));
  const size = { rows: rows.length, cols: columns.length };
  const cell = clampCell(active, size);

  const columnDefs = useMemo(
    () => [
      helper.display({ id: "row", header: gridMessages.columns.rowNumber }),
      ...columns.map((key) => helper.display({ id: key, header: gridMessages.columns[key] })),
      ...(readOnly ? [] : [helper.display({ id: "actions", header: gridMessages.columns.actions })]),
    ],
    [columns, readOnly],
  );
  const table = useReactTable({
    data: rows,
    columns: columnDefs,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (r, i) => r.id ?? `new-${i}`,
  });

  const change = useCallback<GridChange>((next, focus) => props.onChange(next, focus), [props]);
  const commands = useRowCommands({
    rows,
    change,
    setActive,
    cell,
    nameCol: Math.max(columns.indexOf("name"), 0),
    framework,
  });

  const { focusRequest } = props;
  const shownColumns = useRef(columns);
  shownColumns.current = columns;
  useEffect(() => {
    if (!focusRequest) return;
    const { cell: at, field } = focusRequest;
    setActive(field ? { row: at.row, col: Math.max(shownColumns.current.indexOf(field), 0) } : at);
    editorRef.current?.focus();
  }, [focusRequest]);

  // Row buttons and clicks reach the grid through one stable object, so memoised rows stay put.
  const latest = useRef({ commands, setActive });
  latest.current = { commands, setActive };
  const actions = useMemo<RowActions>(
    () => ({
      select(row, col, edit) {
        if (editorRef.current?.isEditing() && !editorRef.current.commit(null)) return;
        latest.current.setActive({ row, col });
        editorRef.current?.focus();
        if (edit) queueMicrotask(() => editorRef.current?.beginEdit(true));
      },
      // A row's buttons never take the focus either: the keyboard goes to the grid after them.
      moveUp: (row) => (latest.current.commands.move(row, -1), editorRef.current?.focus()),
      moveDown: (row) => (latest.current.commands.move(row, 1), editorRef.current?.focus()),
      duplicate: (row) => (latest.current.commands.duplicate(row), editorRef.current?.focus()),
      remove: (row) => (latest.current.commands.remove(row), editorRef.current?.focus()),
    }),
    [],
  );

  const onPastePlan = useCallback((plan: PastePlan) => setPastePlan(plan), []);

  const onRefused = useRefusedCell(props.onInvalidText, props.pathPrefix, columns);

  // A modal <dialog> keeps the page inert until it has closed: the cursor goes back to the grid
  // once the dialog is gone (this effect runs after the dialog's own cleanup closed it).
  const refocus = useRef(false);
  useEffect(() => {
    if (!refocus.current || pastePlan || libraryOpen) return;
    refocus.current = false;
    editorRef.current?.focus();
  }, [pastePlan, libraryOpen]);

  // A toolbar button never takes the focus (its mousedown is cancelled): after its command the
  // keyboard is in the grid, on the new row after 添加指标, so Ctrl+V pastes there. An empty grid
  // has no editor until its first row has rendered: the focus waits for it.
  const focusPending = useRef(false);
  useEffect(() => {
    if (!focusPending.current || !editorRef.current) return;
    focusPending.current = false;
    editorRef.current.focus();
  });
  const thenFocus = (run: () => void) => () => {
    run();
    if (editorRef.current) editorRef.current.focus();
    else focusPending.current = true;
  };

  const insertFromLibrary = (picks: LibraryPick[]) => {
    refocus.current = true;
    setLibraryOpen(false);
    if (picks.length > 0) commands.insertMany(cell.row, picks);
  };

  const weightTotal = showExtra || usesExtraColumns(rows) ? sumWeights(rows) : null;

  return (
    <div className="rounded-md border border-slate-300 bg-white" role="group" aria-label={props.label}>
      <GridToolbar
        readOnly={readOnly}
        hasRows={rows.length > 0}
        activeRow={cell.row}
        lastRow={rows.length - 1}
        canUndo={props.canUndo}
        canRedo={props.canRedo}
        showExtra={showExtra || usesExtraColumns(rows)}
        onToggleExtra={() => setShowExtra((v) => !v)}
        onAdd={thenFocus(() => commands.insertBelow(rows.length - 1))}
        onInsertBelow={thenFocus(() => commands.insertBelow(cell.row))}
        onDuplicate={thenFocus(() => commands.duplicate(cell.row))}
        onRemove={thenFocus(() => commands.remove(cell.row))}
        onMoveUp={thenFocus(() => commands.move(cell.row, -1))}
        onMoveDown={thenFocus(() => commands.move(cell.row, 1))}
        onUndo={props.onUndo}
        onRedo={props.onRedo}
        onLibrary={() => setLibraryOpen(true)}
      />
      {findings.table.length > 0 ? (
        <ul className="border-b border-slate-200 bg-amber-50/60 px-3 py-1.5 text-xs">
          {findings.table.map((f, i) => (
            <li key={i} className={f.severity === "error" ? "text-red-800" : "text-amber-900"}>
              {gridMessages.findings[f.severity]}：{f.message}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="relative scroll-pl-10 overflow-x-auto" data-grid-wrapper>
        <table className="w-full min-w-[56rem] table-fixed border-collapse text-left">
          <colgroup>
            {table.getVisibleLeafColumns().map((c) => (
              <col key={c.id} style={{ width: WIDTHS[c.id as keyof typeof WIDTHS] }} />
            ))}
          </colgroup>
          <thead className="bg-slate-100 text-xs text-slate-700">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} className="border-b border-slate-300">
                {group.headers.map((h) => (
                  <th
                    key={h.id}
                    scope="col"
                    className={cn(
                      "border-r border-slate-200 px-2 py-1.5 font-medium whitespace-nowrap",
                      h.id === "row" && "sticky left-0 z-[5] bg-slate-100",
                    )}
                  >
                    {String(h.column.columnDef.header)}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((r) => (
              <GridRowView
                key={r.id}
                row={r.original}
                index={r.index}
                last={r.index === rows.length - 1}
                columns={columns}
                activeCol={r.index === cell.row ? cell.col : -1}
                cellFindings={findings.cells}
                rowFindings={findings.rows.get(r.index)}
                cellComments={comments.cells}
                rowComments={comments.rows.get(r.index)}
                pathPrefix={props.pathPrefix}
                readOnly={readOnly}
                actions={actions}
              />
            ))}
          </tbody>
        </table>
        {rows.length > 0 ? (
          <CellEditor
            ref={editorRef}
            rows={rows}
            cell={cell}
            columns={columns}
            framework={framework}
            readOnly={readOnly}
            change={change}
            setActive={setActive}
            commands={commands}
            onUndo={props.onUndo}
            onRedo={props.onRedo}
            onPastePlan={onPastePlan}
            onRefused={onRefused}
          />
        ) : (
          <EmptyGrid
            readOnly={readOnly}
            rows={rows}
            columns={columns}
            framework={framework}
            onPastePlan={onPastePlan}
          />
        )}
      </div>
      <GridStatus
        rows={rows}
        cell={cell}
        columns={columns}
        findings={findings}
        comments={comments}
        weightTotal={weightTotal}
        readOnly={readOnly}
      />
      {pastePlan ? (
        <PastePreviewDialog
          plan={pastePlan}
          onApply={() => {
            refocus.current = true;
            change(pastePlan.result, pastePlan.focus);
            setActive(pastePlan.focus);
            setPastePlan(null);
          }}
          onCancel={() => {
            refocus.current = true;
            setPastePlan(null);
          }}
        />
      ) : null}
      {libraryOpen ? (
        <LibraryDialog
          endpoint={props.libraryEndpoint ?? "/api/indicator-library"}
          departmentId={props.departmentId}
          framework={framework}
          fiscalYear={props.fiscalYear}
          onInsert={insertFromLibrary}
          onCancel={() => {
            refocus.current = true;
            setLibraryOpen(false);
          }}
        />
      ) : null}
    </div>
  );
}

function sumWeights(rows: ReadonlyArray<EditableIndicator>): string {
  // Weights are scores with at most a decimal or two: summed in hundredths to stay exact.
  const hundredths = rows.reduce((acc, r) => acc + Math.round((r.weight ?? 0) * 100), 0);
  return String(hundredths / 100);
}
