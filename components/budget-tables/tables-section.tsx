"use client";

import { memo, useCallback, useMemo, useRef } from "react";
import {
  type BudgetTable,
  type BudgetTables,
  budgetTables,
  type ComputedTable,
  inputColumns,
  isEmptyTable,
  numberedTitle,
  ROW_CLASSIFICATION,
  type TableDefinition,
  type TableRow,
} from "@/lib/domain/budget-tables";
import type { ClassificationCatalogue, ClassificationEntry } from "@/lib/domain/classification";
import { type Cents, centsToAmount, formatAmount, toHalfWidth, ZERO_CENTS } from "@/lib/domain/money";
import {
  catalogueKind,
  lineCellPath,
  newTableRow,
  parseCellAmount,
  rowFieldPath,
  shownRows,
  withLineCell,
  withoutRow,
  withRow,
} from "@/lib/editor/table-grid";
import { budgetTableMessages } from "@/lib/i18n/zh-CN/budget-tables";
import { findingsAt } from "@/lib/rules/engine";
import type { Finding } from "@/lib/rules/finding";
import { useEditor } from "@/components/editor/editor-context";
import { FindingNote } from "@/components/editor/finding-note";
import { type GridColumn, type GridRow, TableGrid } from "./table-grid";

const m = budgetTableMessages;

type Props = {
  tables: BudgetTables | undefined;
  onChange(tables: BudgetTables): void;
  /** Starts the ten tables, each empty with its 空表说明. */
  onStart(): void;
  catalogue: ClassificationCatalogue | null;
};

/** 附：部门预算公开表: the ten tables of the reference, each numbered and titled, one under another. */
export function TablesSection({ tables, onChange, onStart, catalogue }: Props) {
  const { readOnly, findings } = useEditor();
  const latest = useRef(tables);
  latest.current = tables;
  const change = useCallback(
    (def: TableDefinition, next: BudgetTable) => {
      const current = latest.current;
      if (current) onChange({ ...current, [def.id]: next });
    },
    [onChange],
  );

  if (!tables)
    return (
      <div className="space-y-3">
        <p className="text-sm text-slate-600">{m.noTables}</p>
        {!readOnly ? (
          <button
            type="button"
            onClick={onStart}
            className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
          >
            {m.startTables}
          </button>
        ) : null}
      </div>
    );

  return (
    <div className="space-y-8">
      <p className="text-sm text-slate-600">{m.intro}</p>
      <p className="text-xs text-slate-500">
        {catalogue ? m.catalogueYear(catalogue.fiscalYear, catalogue.sourceYear) : m.noCatalogue} · {m.editHint}
      </p>
      <nav aria-label={m.tablesLabel}>
        <ol className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
          {budgetTables.map((def) => (
            <li key={def.id}>
              <a className="text-brand-700 underline-offset-2 hover:underline" href={`#table-${def.id}`}>
                {numberedTitle(def)}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      {budgetTables.map((def) => (
        <TableEditor
          key={def.id}
          def={def}
          table={tables[def.id]}
          findings={findings}
          catalogue={catalogue}
          readOnly={readOnly}
          onChange={change}
        />
      ))}
    </div>
  );
}

const amountText = (v: string | null | undefined) => (v == null ? "" : formatAmount(v));
const computedText = (v: Cents | undefined) => formatAmount(centsToAmount(v ?? ZERO_CENTS));

/** The coded rows' columns: code, name, then the table's own. */
function rowColumns(def: TableDefinition): GridColumn[] {
  const spec = def.rows;
  if (!spec) return [];
  const typed = new Set(inputColumns(spec.columns).map((c) => c.key));
  const naming =
    spec.kind === "unit"
      ? [m.unitCode, m.unitName]
      : spec.kind === "project"
        ? [m.projectCode, m.projectName]
        : [m.code, m.name];
  const headed = spec.columns.some((c) => c.group);
  const columns: GridColumn[] = [
    { key: "code", label: naming[0], group: headed ? spec.heading : undefined, kind: "code", editable: true },
    { key: "name", label: naming[1], group: headed ? spec.heading : undefined, kind: "name", editable: true },
    ...spec.columns.map(
      (c): GridColumn => ({ key: c.key, label: c.label, group: c.group, kind: "amount", editable: typed.has(c.key) }),
    ),
  ];
  return columns;
}

/** The grid rows made for stored rows, by the stored row they show, with its index then. */
type BuiltRows = WeakMap<TableRow, { index: number; row: GridRow }>;

/** The coded rows as the grid shows them: stored rows editable, subtotals and the 合计 computed. */
function gridRows(def: TableDefinition, table: BudgetTable, shown: ComputedTable, built: BuiltRows): GridRow[] {
  const spec = def.rows;
  if (!spec) return [];
  const path = `tables.${def.id}`;
  const typed = new Set(inputColumns(spec.columns).map((c) => c.key));
  const rows: GridRow[] = shown.rows.map((r) => {
    const stored = r.index === null ? null : table.rows[r.index];
    // A stored row's grid row follows from the row itself and its place: an edit elsewhere reuses it.
    const before = stored ? built.get(stored) : undefined;
    if (before && before.index === r.index) return before.row;
    const cells: GridRow["cells"] = {
      code: { text: r.code, path: stored && r.index !== null ? rowFieldPath(def.id, r.index, "code") : undefined },
      name: { text: r.name, path: stored && r.index !== null ? rowFieldPath(def.id, r.index, "name") : undefined },
    };
    for (const c of spec.columns)
      cells[c.key] =
        stored && r.index !== null && typed.has(c.key)
          ? { text: amountText(stored.amounts[c.key]), path: rowFieldPath(def.id, r.index, c.key) }
          : { text: computedText(r.values[c.key]) };
    if (!stored || r.index === null)
      return { id: `s${r.code}`, level: r.level, editable: false, computed: true, label: `${r.code} ${r.name}`, cells };
    const row: GridRow = {
      id: `r${r.index}`,
      level: r.level,
      editable: true,
      label: r.code || r.name ? `${r.code} ${r.name}`.trim() : m.rowN(r.index + 1),
      cells,
      path: `${path}.rows[${r.index}]`,
      removable: true,
    };
    built.set(stored, { index: r.index, row });
    return row;
  });
  const totalCells: GridRow["cells"] = { code: { text: "" }, name: { text: m.total } };
  for (const c of spec.columns) totalCells[c.key] = { text: computedText(shown.total[c.key]) };
  rows.push({ id: "total", level: 1, editable: false, computed: true, label: m.total, cells: totalCells });
  return rows;
}

/** The lines' columns: the heading, then the table's own. */
function lineColumns(def: TableDefinition): GridColumn[] {
  const spec = def.lines;
  if (!spec) return [];
  const typedCols = new Set(inputColumns(spec.columns).map((c) => c.key));
  return [
    { key: "label", label: spec.heading, kind: "label", editable: false },
    ...spec.columns.map(
      (c): GridColumn => ({ key: c.key, label: c.label, kind: "amount", editable: typedCols.has(c.key) }),
    ),
  ];
}

/** The lines (收入 by source, "三公" items) as the grid shows them: typed cells editable, sums computed. */
function gridLines(def: TableDefinition, table: BudgetTable, shown: ComputedTable): GridRow[] {
  const spec = def.lines;
  if (!spec) return [];
  const typedCols = new Set(inputColumns(spec.columns).map((c) => c.key));
  return spec.lines.map((line) => {
    const typedLine = !line.formula;
    const cells: GridRow["cells"] = { label: { text: line.label } };
    for (const c of spec.columns)
      cells[c.key] =
        typedLine && typedCols.has(c.key)
          ? { text: amountText(table.lines?.[line.key]?.[c.key]), path: lineCellPath(def.id, line.key, c.key) }
          : { text: computedText(shown.lines[line.key]?.[c.key]) };
    return {
      id: line.key,
      level: line.level ?? 1,
      editable: typedLine,
      computed: !typedLine,
      label: line.label,
      cells,
    };
  });
}

type TableEditorProps = {
  def: TableDefinition;
  table: BudgetTable;
  findings: ReadonlyArray<Finding>;
  catalogue: ClassificationCatalogue | null;
  readOnly: boolean;
  onChange(def: TableDefinition, next: BudgetTable): void;
};

/**
 * One table. Memoised, and its grids' rows built only when the table changes: an edit in one
 * table leaves the other nine alone, and a new check re-renders only the rows it marks.
 */
const TableEditor = memo(function TableEditor({
  def,
  table,
  findings,
  catalogue,
  readOnly,
  onChange,
}: TableEditorProps) {
  const path = `tables.${def.id}`;
  const own = useMemo(() => findingsAt(findings, path), [findings, path]);
  const title = numberedTitle(def);
  const kind = catalogueKind(def);
  const entries: ReadonlyArray<ClassificationEntry> | undefined =
    kind && catalogue ? catalogue.entries(kind) : undefined;
  const latest = useRef(table);
  latest.current = table;
  const empty = isEmptyTable(table);
  const shown = useMemo(() => shownRows(def, table, catalogue?.nameOf), [def, table, catalogue]);
  // Columns depend on the table's definition only: the same array on every edit, so that rows keep their props.
  const rowCols = useMemo(() => rowColumns(def), [def]);
  const lineCols = useMemo(() => lineColumns(def), [def]);
  const built = useRef<BuiltRows>(new WeakMap());
  const rows = useMemo(() => gridRows(def, table, shown, built.current), [def, table, shown]);
  const lines = useMemo(() => gridLines(def, table, shown), [def, table, shown]);

  const onCommitRow = (rowId: string, column: string, text: string, picked?: ClassificationEntry) => {
    const current = latest.current;
    const index = Number(rowId.slice(1));
    const row = current.rows[index];
    if (!row || !def.rows) return null;
    if (column === "code") {
      const code = toHalfWidth(text).trim();
      // A 科目 takes the catalogue's name with its code; a project keeps its own name.
      const named = ROW_CLASSIFICATION[def.rows.kind] && picked ? picked.name : row.name;
      onChange(def, withRow(current, index, { ...row, code: picked?.code ?? code, name: named }));
      return null;
    }
    if (column === "name") {
      onChange(def, withRow(current, index, { ...row, name: text.trim() }));
      return null;
    }
    const read = parseCellAmount(text);
    if ("error" in read) return read.error;
    onChange(def, withRow(current, index, { ...row, amounts: { ...row.amounts, [column]: read.value } }));
    return null;
  };
  const onCommitLine = (lineKey: string, column: string, text: string) => {
    const read = parseCellAmount(text);
    if ("error" in read) return read.error;
    onChange(def, withLineCell(latest.current, lineKey, column, read.value));
    return null;
  };

  return (
    <section
      id={`table-${def.id}`}
      data-field-path={path}
      aria-labelledby={`table-title-${def.id}`}
      className="scroll-mt-24 space-y-3 rounded-md"
      data-testid={`table-${def.id}`}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={`table-title-${def.id}`} className="text-base font-semibold text-slate-900">
          {title}
        </h3>
        <span className="text-xs text-slate-500">{m.unit}</span>
      </div>
      {def.id === "generalBudget" || def.id === "threePublic" ? (
        <p className="text-xs text-slate-500">{m.priorYearNote}</p>
      ) : null}
      {def.lines ? (
        <TableGrid
          title={title}
          columns={lineCols}
          rows={lines}
          findings={own}
          readOnly={readOnly}
          onCommit={onCommitLine}
          testId={`table-${def.id}-lines`}
        />
      ) : null}
      {def.rows ? (
        <TableGrid
          title={title}
          columns={rowCols}
          rows={rows}
          findings={own}
          readOnly={readOnly}
          catalogue={entries}
          onCommit={onCommitRow}
          onAddRow={() => {
            const current = latest.current;
            onChange(def, { ...current, rows: [...current.rows, newTableRow(def)] });
            return `r${current.rows.length}`;
          }}
          onRemoveRow={(rowId) => onChange(def, withoutRow(latest.current, Number(rowId.slice(1))))}
          testId={`table-${def.id}-rows`}
        />
      ) : null}
      {empty ? (
        <div data-field-path={`${path}.emptyNote`}>
          <label htmlFor={`empty-note-${def.id}`} className="mb-1 block text-sm font-medium text-slate-700">
            {m.emptyTable}，{m.emptyNoteLabel}
          </label>
          <textarea
            id={`empty-note-${def.id}`}
            value={table.emptyNote}
            disabled={readOnly}
            rows={2}
            onChange={(e) => onChange(def, { ...latest.current, emptyNote: e.target.value })}
            className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
          <p className="mt-1 text-xs text-slate-500">{m.emptyNoteHint}</p>
        </div>
      ) : null}
      {own.length > 0 ? (
        <div>
          <p className="text-xs font-medium text-slate-600">{m.findingsOfTable(own.length)}</p>
          <ul className="mt-1 space-y-1" data-testid={`table-${def.id}-findings`}>
            {own.map((f) => (
              <FindingNote key={`${f.rule}|${f.path}|${f.message}`} finding={f} />
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
});
