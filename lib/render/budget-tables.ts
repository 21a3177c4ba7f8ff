import {
  type BudgetTables,
  budgetTables,
  type ClassificationKind,
  type ColumnDefinition,
  computeTable,
  isEmptyTable,
  numberedTitle,
  ROW_CLASSIFICATION,
  type RowKind,
  type TableDefinition,
  tableRowPath,
} from "../domain/budget-tables";
import type { Disclosure } from "../domain/model";
import { type Cents, centsToAmount, formatAmount } from "../domain/money";
import { portalMessages } from "../i18n/zh-CN/portal";
import type { Block, Cell, Column, Row, Table } from "./outline";

/**
 * The standard budget tables (lib/domain/budget-tables.ts) as grids every output reads: Word, PDF
 * and the portal through the outline (`budgetTableBlocks`), Excel through its sheets
 * (lib/export/sheet-tables.ts). Every subtotal, 合计 and computed column comes from `computeTable`;
 * nothing here adds figures up.
 */

const m = portalMessages.budgetTables;

/** A code's name: the year's catalogue when the caller has one, else the disclosure's own rows. */
export type NameOf = (kind: ClassificationKind, code: string) => string | undefined;

export type GridColumn = { key: string; label: string; group?: string };

export type GridRow = {
  code: string;
  name: string;
  /** 0 for a 类 (or a unit, a project, a top line), 1 for a 款 or a "其中" line, 2 for a 项. */
  indent: number;
  /** The 合计 row, or a computed line (收入合计, "三公" 合计). */
  total: boolean;
  /** Exact two-decimal strings, one per column. */
  values: string[];
  /** The stored row's path in the disclosure; none for a computed subtotal or line. */
  path?: string;
};

export type GridPart = {
  /** "income" for the lines (收入 by source, "三公" items), "expenditure" for the coded rows. */
  id: "lines" | "rows";
  heading: string;
  rowKind: RowKind | null;
  columns: GridColumn[];
  rows: GridRow[];
};

export type TableGrid = {
  def: TableDefinition;
  title: string;
  empty: boolean;
  emptyNote: string;
  parts: GridPart[];
};

const fixed = (v: Cents | undefined) => (v ? centsToAmount(v) : "0.00");

/** Names the disclosure itself gives its codes, for the subtotal rows when no catalogue is at hand. */
export function ownNames(tables: BudgetTables): NameOf {
  const names = new Map<string, string>();
  for (const def of budgetTables) {
    const kind = def.rows && ROW_CLASSIFICATION[def.rows.kind];
    if (!kind || def.rows?.kind === "project") continue;
    for (const r of tables[def.id].rows)
      if (r.name.trim() !== "" && !names.has(`${kind}:${r.code}`)) names.set(`${kind}:${r.code}`, r.name);
  }
  return (kind, code) => names.get(`${kind}:${code}`);
}

function withFallback(tables: BudgetTables, nameOf?: NameOf): NameOf {
  const own = ownNames(tables);
  return (kind, code) => nameOf?.(kind, code) ?? own(kind, code);
}

const gridColumns = (columns: readonly ColumnDefinition[]): GridColumn[] =>
  columns.map((c) => ({ key: c.key, label: c.label, ...(c.group ? { group: c.group } : {}) }));

export function budgetTableGrids(tables: BudgetTables, nameOf?: NameOf): TableGrid[] {
  const names = withFallback(tables, nameOf);
  return budgetTables.map((def) => {
    const table = tables[def.id];
    const computed = computeTable(def, table, names);
    const parts: GridPart[] = [];
    if (def.lines) {
      const cols = def.lines.columns;
      parts.push({
        id: "lines",
        heading: def.lines.heading,
        rowKind: null,
        columns: gridColumns(cols),
        rows: def.lines.lines.map((l) => ({
          code: "",
          name: l.label,
          indent: (l.level ?? 1) - 1,
          total: Boolean(l.formula),
          values: cols.map((c) => fixed(computed.lines[l.key]?.[c.key])),
        })),
      });
    }
    if (def.rows) {
      const cols = def.rows.columns;
      parts.push({
        id: "rows",
        heading: def.rows.heading,
        rowKind: def.rows.kind,
        columns: gridColumns(cols),
        rows: [
          { code: "", name: m.total, indent: 0, total: true, values: cols.map((c) => fixed(computed.total[c.key])) },
          ...computed.rows.map((r) => ({
            code: r.code,
            name: r.name,
            indent: r.level - 1,
            total: false,
            values: cols.map((c) => fixed(r.values[c.key])),
            ...(r.index === null ? {} : { path: tableRowPath(def.id, r.index) }),
          })),
        ],
      });
    }
    return {
      def,
      title: numberedTitle(def),
      empty: isEmptyTable(table),
      emptyNote: table.emptyNote.trim() || def.emptyNote,
      parts,
    };
  });
}

/** Column headings: one row, or two when columns are grouped under a heading ("基本支出" over 人员经费, 公用经费). */
function headerRows(part: GridPart, lead: Cell[][]): Row[] {
  const grouped = part.columns.some((c) => c.group);
  const center = (text: string, extra: Partial<Cell> = {}): Cell => ({ text, align: "center", ...extra });
  if (!grouped && lead.length === 1)
    return [{ header: true, cells: [...lead[0], ...part.columns.map((c) => center(c.label))] }];
  const top: Cell[] = [...lead[0]];
  const bottom: Cell[] = [...(lead[1] ?? [])];
  for (let i = 0; i < part.columns.length; ) {
    const group = part.columns[i].group;
    if (!group) {
      top.push(center(part.columns[i].label, { rowSpan: 2 }));
      i += 1;
      continue;
    }
    let j = i;
    while (j < part.columns.length && part.columns[j].group === group) j += 1;
    top.push(center(group, j - i > 1 ? { colSpan: j - i } : {}));
    for (const c of part.columns.slice(i, j)) bottom.push(center(c.label));
    i = j;
  }
  return [
    { header: true, cells: top },
    { header: true, cells: bottom },
  ];
}

function partTable(grid: TableGrid, part: GridPart, d: Disclosure, first: boolean): Table {
  const coded = part.rowKind !== null;
  const lead: Cell[][] = coded
    ? [
        [{ text: part.heading, colSpan: 2, align: "center" }],
        [
          { text: m.code[part.rowKind!], align: "center" },
          { text: m.name[part.rowKind!], align: "center" },
        ],
      ]
    : [[{ text: part.heading, align: "center", ...(part.columns.some((c) => c.group) ? { rowSpan: 2 } : {}) }]];
  const columns: Column[] = [
    ...(coded ? [{ weight: 2.2 }, { weight: part.rowKind === "project" ? 5 : 4.2 }] : [{ weight: 5 }]),
    ...part.columns.map((): Column => ({ weight: 2, align: "right" })),
  ];
  const width = columns.length;
  const frame: Row[] = first
    ? [
        {
          frameless: true,
          cells: [
            { text: m.department(d.department.name), colSpan: Math.ceil(width / 2) },
            { text: m.unit, colSpan: width - Math.ceil(width / 2), align: "right" },
          ],
        },
      ]
    : [];
  const body: Row[] = grid.empty
    ? []
    : part.rows.map((r) => {
        const name: Cell = {
          text: r.name,
          ...(r.indent > 0 ? { indent: r.indent } : {}),
          ...(r.total ? { bold: true, align: coded && r.code === "" ? "center" : "left" } : {}),
        };
        const figures = r.values.map((v): Cell => ({ text: formatAmount(v), align: "right" }));
        return {
          ...(r.path ? { path: r.path } : {}),
          cells: coded ? [{ text: r.code }, name, ...figures] : [name, ...figures],
        };
      });
  return {
    id: `budget-table-${grid.def.number}${grid.parts.length > 1 ? `-${part.id}` : ""}`,
    columns,
    frozen: coded ? 2 : 1,
    ...(width > 7 ? { dense: true } : {}),
    rows: [...frame, ...headerRows(part, lead), ...body],
  };
}

/** The tables as outline blocks: each titled 表N …, its grid, and the 空表说明 under an empty one. */
export function budgetTableBlocks(d: Disclosure, nameOf?: NameOf): Block[] {
  if (!d.tables) return [];
  return budgetTableGrids(d.tables, nameOf).flatMap((grid): Block[] => [
    { kind: "caption", text: grid.title },
    ...grid.parts.map((part, i): Block => ({ kind: "table", table: partTable(grid, part, d, i === 0) })),
    ...(grid.empty ? [{ kind: "paragraph", text: grid.emptyNote, indent: false } as Block] : []),
  ]);
}
