import { addCents, type Cents, centsSign, subtractCents, toCents, ZERO_CENTS } from "./money";

/**
 * The standard tables of a department's budget disclosure (部门预算公开表,
 * lib/domain/spec/budget-tables.md), described once as data: each table's id, its number and title
 * as the reference prints them, its rows (classification codes, units or projects), its fixed
 * lines and its columns. The model's schema (model.ts), the rules (lib/rules/tables.ts), the
 * importer (lib/import/budget-tables.ts) and the demo read these definitions; none lists a
 * table's columns again.
 *
 * A table stores what a clerk types: leaf rows and input columns. Everything that is a sum (the
 * 类 and 款 subtotals, the 合计 row, a row's 合计 column, 增减, the "三公" total) is computed by
 * `computeTable`, never stored, so it cannot disagree with its parts.
 */

/** 功能分类 类/款/项 are 3/5/7 digits; 经济分类 类/款 are 3/5. */
export const classificationKinds = ["功能", "经济"] as const;
export type ClassificationKind = (typeof classificationKinds)[number];
export const CODE_LENGTHS: Record<ClassificationKind, readonly number[]> = { 功能: [3, 5, 7], 经济: [3, 5] };

/** What a table's rows are keyed by. */
export type RowKind = "functional" | "economic" | "unit" | "project";
export const ROW_CLASSIFICATION: Partial<Record<RowKind, ClassificationKind>> = {
  functional: "功能",
  economic: "经济",
};

/** A computed column or line: the sum of others, or one minus another. */
export type Formula = { sum: readonly string[] } | { minus: readonly [string, string] };

export type ColumnDefinition = {
  key: string;
  label: string;
  /** The heading over several columns ("本年预算数", "基本支出"), as a budget system exports it. */
  group?: string;
  formula?: Formula;
};

export type LineDefinition = {
  key: string;
  label: string;
  /** 2 for a "其中" line indented under the one before it. */
  level?: 1 | 2;
  formula?: Formula;
};

export type TableDefinition = {
  id: TableId;
  number: number;
  title: string;
  rows?: { kind: RowKind; heading: string; columns: readonly ColumnDefinition[] };
  lines?: { heading: string; lines: readonly LineDefinition[]; columns: readonly ColumnDefinition[] };
  /** The 空表说明 printed under the table when it has nothing to show. */
  emptyNote: string;
};

export const tableIds = [
  "incomeExpenditure",
  "income",
  "expenditure",
  "appropriation",
  "generalBudget",
  "generalBudgetBasic",
  "threePublic",
  "governmentFund",
  "stateCapital",
  "project",
] as const;
export type TableId = (typeof tableIds)[number];

/** 收入 by source, in the order the 部门收支总表 and 部门收入总表 print them. */
export const incomeSourceColumns: readonly ColumnDefinition[] = [
  { key: "generalPublicBudget", label: "一般公共预算拨款" },
  { key: "governmentFund", label: "政府性基金预算拨款" },
  { key: "stateCapital", label: "国有资本经营预算拨款" },
  { key: "fiscalSpecialAccount", label: "财政专户管理资金" },
  { key: "businessIncome", label: "事业收入" },
  { key: "operatingIncome", label: "事业单位经营收入" },
  { key: "superiorSubsidy", label: "上级补助收入" },
  { key: "subordinateRemittance", label: "附属单位上缴收入" },
  { key: "other", label: "其他收入" },
  { key: "carryOver", label: "上年结转" },
];
const sourceKeys = incomeSourceColumns.map((c) => c.key);
/** The sources the text's 其他来源收入 gathers: all but the three it names. */
export const otherIncomeSourceKeys = sourceKeys.filter(
  (k) => !["generalPublicBudget", "governmentFund", "fiscalSpecialAccount"].includes(k),
);

const appropriationKeys = ["generalPublicBudget", "governmentFund", "stateCapital"] as const;
const amountColumn: ColumnDefinition = { key: "amount", label: "本年预算数" };
const basicAndProject: readonly ColumnDefinition[] = [
  { key: "total", label: "合计", formula: { sum: ["basic", "project"] } },
  { key: "basic", label: "基本支出" },
  { key: "project", label: "项目支出" },
];

export const budgetTables: readonly TableDefinition[] = [
  {
    id: "incomeExpenditure",
    number: 1,
    title: "部门收支总表",
    lines: {
      heading: "收入项目",
      lines: [
        ...incomeSourceColumns.map(({ key, label }) => ({ key, label })),
        { key: "total", label: "收入合计", formula: { sum: sourceKeys } },
      ],
      columns: [amountColumn],
    },
    rows: { kind: "functional", heading: "支出功能分类科目", columns: [amountColumn] },
    emptyNote: "本部门无收支预算，故本表为空表",
  },
  {
    id: "income",
    number: 2,
    title: "部门收入总表",
    rows: {
      kind: "unit",
      heading: "单位",
      columns: [{ key: "total", label: "合计", formula: { sum: sourceKeys } }, ...incomeSourceColumns],
    },
    emptyNote: "本部门无收入预算，故本表为空表",
  },
  {
    id: "expenditure",
    number: 3,
    title: "部门支出总表",
    rows: {
      kind: "functional",
      heading: "支出功能分类科目",
      columns: [
        { key: "total", label: "合计", formula: { sum: ["basic", "project"] } },
        { key: "basic", label: "小计", group: "基本支出", formula: { sum: ["personnel", "publicOperating"] } },
        { key: "personnel", label: "人员经费", group: "基本支出" },
        { key: "publicOperating", label: "公用经费", group: "基本支出" },
        { key: "project", label: "项目支出" },
      ],
    },
    emptyNote: "本部门无支出预算，故本表为空表",
  },
  {
    id: "appropriation",
    number: 4,
    title: "财政拨款收支总表",
    lines: {
      heading: "收入项目",
      lines: [
        ...incomeSourceColumns.filter((c) => (appropriationKeys as readonly string[]).includes(c.key)),
        { key: "total", label: "收入合计", formula: { sum: appropriationKeys } },
      ],
      columns: [amountColumn],
    },
    rows: {
      kind: "functional",
      heading: "支出功能分类科目",
      columns: [
        { key: "total", label: "合计", formula: { sum: appropriationKeys } },
        { key: "generalPublicBudget", label: "一般公共预算" },
        { key: "governmentFund", label: "政府性基金预算" },
        { key: "stateCapital", label: "国有资本经营预算" },
      ],
    },
    emptyNote: "本部门无财政拨款收支预算，故本表为空表",
  },
  {
    id: "generalBudget",
    number: 5,
    title: "一般公共预算支出表",
    rows: {
      kind: "functional",
      heading: "支出功能分类科目",
      columns: [
        { key: "priorTotal", label: "合计", group: "上年预算数", formula: { sum: ["priorBasic", "priorProject"] } },
        { key: "priorBasic", label: "基本支出", group: "上年预算数" },
        { key: "priorProject", label: "项目支出", group: "上年预算数" },
        { key: "total", label: "合计", group: "本年预算数", formula: { sum: ["basic", "project"] } },
        { key: "basic", label: "基本支出", group: "本年预算数" },
        { key: "project", label: "项目支出", group: "本年预算数" },
        { key: "change", label: "增减", formula: { minus: ["total", "priorTotal"] } },
      ],
    },
    emptyNote: "本部门无一般公共预算支出，故本表为空表",
  },
  {
    id: "generalBudgetBasic",
    number: 6,
    title: "一般公共预算基本支出表",
    rows: {
      kind: "economic",
      heading: "部门预算支出经济分类科目",
      columns: [
        { key: "total", label: "合计", formula: { sum: ["personnel", "publicOperating"] } },
        { key: "personnel", label: "人员经费" },
        { key: "publicOperating", label: "公用经费" },
      ],
    },
    emptyNote: "本部门无一般公共预算基本支出，故本表为空表",
  },
  {
    id: "threePublic",
    number: 7,
    title: "一般公共预算“三公”经费支出表",
    lines: {
      heading: "项目",
      lines: [
        { key: "total", label: "合计", formula: { sum: ["outbound", "vehicles", "reception"] } },
        { key: "outbound", label: "因公出国（境）费" },
        {
          key: "vehicles",
          label: "公务用车购置及运行维护费",
          formula: { sum: ["vehiclePurchase", "vehicleOperation"] },
        },
        { key: "vehiclePurchase", label: "公务用车购置费", level: 2 },
        { key: "vehicleOperation", label: "公务用车运行维护费", level: 2 },
        { key: "reception", label: "公务接待费" },
      ],
      columns: [
        { key: "current", label: "本年预算数" },
        { key: "priorYear", label: "上年预算数" },
        { key: "change", label: "增减", formula: { minus: ["current", "priorYear"] } },
      ],
    },
    emptyNote: "本部门无一般公共预算“三公”经费支出，故本表为空表",
  },
  {
    id: "governmentFund",
    number: 8,
    title: "政府性基金预算支出表",
    rows: { kind: "functional", heading: "支出功能分类科目", columns: basicAndProject },
    emptyNote: "本部门无政府性基金预算支出，故本表为空表",
  },
  {
    id: "stateCapital",
    number: 9,
    title: "国有资本经营预算支出表",
    rows: { kind: "functional", heading: "支出功能分类科目", columns: basicAndProject },
    emptyNote: "本部门无国有资本经营预算支出，故本表为空表",
  },
  {
    id: "project",
    number: 10,
    title: "项目支出表",
    rows: {
      kind: "project",
      heading: "项目",
      columns: [
        { key: "total", label: "合计", formula: { sum: [...appropriationKeys, "fiscalSpecialAccount", "unitFunds"] } },
        { key: "generalPublicBudget", label: "一般公共预算" },
        { key: "governmentFund", label: "政府性基金预算" },
        { key: "stateCapital", label: "国有资本经营预算" },
        { key: "fiscalSpecialAccount", label: "财政专户管理资金" },
        { key: "unitFunds", label: "单位资金" },
      ],
    },
    emptyNote: "本部门无项目支出，故本表为空表",
  },
];

export const tableDefinitions = Object.fromEntries(budgetTables.map((t) => [t.id, t])) as Record<
  TableId,
  TableDefinition
>;

/** "表3 部门支出总表": how a table is named in print and in messages. */
export const numberedTitle = (def: TableDefinition) => `表${def.number} ${def.title}`;

/** Where a stored row lives in the canonical disclosure: findings, comments and the printed row agree on it. */
export const tableRowPath = (id: TableId, index: number) => `tables.${id}.rows[${index}]`;

export const inputColumns = (columns: readonly ColumnDefinition[]) => columns.filter((c) => !c.formula);
export const inputLines = (lines: readonly LineDefinition[]) => lines.filter((l) => !l.formula);

/** The stored shape of one table (the model's zod schema, model.ts, declares the same). */
export type Amounts = Record<string, string | null>;
export type TableRow = { code: string; name: string; amounts: Amounts };
export type BudgetTable = { rows: TableRow[]; lines?: Record<string, Amounts>; emptyNote: string };
export type BudgetTables = Record<TableId, BudgetTable>;

/** Figures by column (or line) key, in 分 (money.ts, Cents): exact integers, added without allocating. */
export type Values = Record<string, Cents>;

type Definitions = readonly ColumnDefinition[] | readonly LineDefinition[];
/** One figure of an evaluation: read from the input, or a formula over figures evaluated before it. */
type Step = { key: string; formula?: Formula };
const plans = new WeakMap<Definitions, Step[]>();

/**
 * The order a list of columns (or lines) is evaluated in, formulas after what they read, worked
 * out once per list: evaluate runs for every row of every table, thousands of times per check.
 */
function planOf(defs: Definitions): Step[] {
  let plan = plans.get(defs);
  if (plan) return plan;
  const byKey = new Map<string, ColumnDefinition | LineDefinition>(defs.map((d) => [d.key, d]));
  const steps: Step[] = [];
  const planned = new Set<string>();
  const visit = (key: string) => {
    if (planned.has(key)) return;
    planned.add(key);
    const formula = byKey.get(key)?.formula;
    if (formula) for (const k of "sum" in formula ? formula.sum : formula.minus) visit(k);
    steps.push({ key, formula });
  };
  for (const d of defs) visit(d.key);
  plan = steps;
  plans.set(defs, plan);
  return plan;
}

function evaluate(plan: readonly Step[], input: (key: string) => Cents): Values {
  const out: Values = {};
  for (const { key, formula } of plan) {
    if (!formula) out[key] = input(key);
    else if ("sum" in formula) {
      let sum = ZERO_CENTS;
      for (const k of formula.sum) sum = addCents(sum, out[k]);
      out[key] = sum;
    } else out[key] = subtractCents(out[formula.minus[0]], out[formula.minus[1]]);
  }
  return out;
}

/** One row's figures, computed columns included; an absent figure counts as zero. */
export function rowValues(columns: readonly ColumnDefinition[], amounts: Amounts): Values {
  return evaluate(planOf(columns), (key) => toCents(amounts[key]));
}

/** A line table's figures (收入 by source, "三公" items), computed lines and columns included. */
export function lineValues(def: TableDefinition, lines: Record<string, Amounts> | undefined): Record<string, Values> {
  const spec = def.lines;
  if (!spec) return {};
  const inputCols = inputColumns(spec.columns);
  // Per column, evaluate the lines; then per line, the computed columns.
  const byColumn: Record<string, Values> = {};
  const linePlan = planOf(spec.lines);
  for (const col of inputCols) byColumn[col.key] = evaluate(linePlan, (line) => toCents(lines?.[line]?.[col.key]));
  const out: Record<string, Values> = {};
  const columnPlan = planOf(spec.columns);
  for (const line of spec.lines) out[line.key] = evaluate(columnPlan, (col) => byColumn[col]?.[line.key] ?? ZERO_CENTS);
  return out;
}

export type DisplayRow = {
  code: string;
  name: string;
  /** 1 类, 2 款, 3 项 (by code length); 1 for units and projects. */
  level: number;
  /** Index into the stored rows, or null for a computed subtotal. */
  index: number | null;
  values: Values;
};

export type ComputedTable = {
  /** Stored rows with their subtotals, in code order (classification tables) or as stored (others). */
  rows: DisplayRow[];
  /** The 合计 row: every stored row added up. */
  total: Values;
  /** Each stored row's figures, by its index in the table's rows (the same objects as in `rows`). */
  storedValues: Values[];
  lines: Record<string, Values>;
};

const levelOf = (kind: RowKind, code: string) => {
  const lengths = ROW_CLASSIFICATION[kind] ? CODE_LENGTHS[ROW_CLASSIFICATION[kind]] : [];
  const at = lengths.indexOf(code.length);
  return at < 0 ? 1 : at + 1;
};

/** The codes above a code: 2010301 → 201, 20103. */
export function ancestorCodes(kind: ClassificationKind, code: string): string[] {
  return CODE_LENGTHS[kind].filter((n) => n < code.length).map((n) => code.slice(0, n));
}

/**
 * A table with everything that is computed: each row's computed columns, the 类 and 款 subtotal
 * rows above the stored rows (named from the catalogue when a lookup is given), and the 合计.
 */
export function computeTable(
  def: TableDefinition,
  table: BudgetTable,
  nameOf: (kind: ClassificationKind, code: string) => string | undefined = () => undefined,
): ComputedTable {
  const spec = def.rows;
  const lines = lineValues(def, table.lines);
  if (!spec) return { rows: [], total: {}, storedValues: [], lines };
  // The columns' plan looked up once for the table, not once per row.
  const plan = planOf(spec.columns);
  const stored = table.rows.map((r, index) => ({
    code: r.code,
    name: r.name,
    level: levelOf(spec.kind, r.code),
    index,
    values: evaluate(plan, (key) => toCents(r.amounts[key])),
  }));
  const total = zeroValues(spec.columns);
  for (const r of stored) addInto(spec.columns, total, r.values);
  const kind = ROW_CLASSIFICATION[spec.kind];
  const storedValues = stored.map((r) => r.values);
  if (!kind) return { rows: stored, total, storedValues, lines };
  const storedCodes = new Set(stored.map((r) => r.code));
  const subtotals = new Map<string, DisplayRow>();
  const lengths = CODE_LENGTHS[kind];
  for (const row of stored)
    for (const length of lengths) {
      // The codes above the row's (ancestorCodes), without building a list for each row.
      if (length >= row.code.length) break;
      const code = row.code.slice(0, length);
      if (storedCodes.has(code)) continue;
      let sub = subtotals.get(code);
      if (!sub) {
        sub = {
          code,
          name: nameOf(kind, code) ?? "",
          level: levelOf(spec.kind, code),
          index: null,
          values: zeroValues(spec.columns),
        };
        subtotals.set(code, sub);
      }
      addInto(spec.columns, sub.values, row.values);
    }
  const rows = [...stored, ...subtotals.values()].sort((a, b) =>
    a.code < b.code ? -1 : a.code > b.code ? 1 : (a.index ?? -1) - (b.index ?? -1),
  );
  return { rows, total, storedValues, lines };
}

function zeroValues(columns: readonly ColumnDefinition[]): Values {
  const out: Values = {};
  for (const c of columns) out[c.key] = ZERO_CENTS;
  return out;
}

/** Adds `values` into `into`, column by column (`into` is a sum being built, owned by the caller). */
function addInto(columns: readonly ColumnDefinition[], into: Values, values: Values): void {
  for (const c of columns) into[c.key] = addCents(into[c.key], values[c.key] ?? ZERO_CENTS);
}

/** A table with nothing in it: no row and no line with a figure other than zero. */
export function isEmptyTable(table: BudgetTable): boolean {
  const lines = Object.values(table.lines ?? {}).some((l) => Object.values(l).some((v) => centsSign(toCents(v)) !== 0));
  return table.rows.length === 0 && !lines;
}

/** A fresh, empty set of tables: each with its 空表说明 ready, its lines blank. */
export function emptyTables(): BudgetTables {
  const out = {} as BudgetTables;
  for (const def of budgetTables) {
    const table: BudgetTable = { rows: [], emptyNote: def.emptyNote };
    if (def.lines)
      table.lines = Object.fromEntries(
        inputLines(def.lines.lines).map((l) => [
          l.key,
          Object.fromEntries(inputColumns(def.lines!.columns).map((c) => [c.key, null])),
        ]),
      );
    out[def.id] = table;
  }
  return out;
}

/**
 * Where a figure of the text (sections 二, 三, 四) is read from in the tables: "the text reads from
 * the tables". A figure is a table's 合计 in one column, one line's cell, or several lines added.
 */
export type TableCell =
  | { table: TableId; total: string }
  | { table: TableId; line: string; column: string }
  | { table: TableId; lines: readonly string[]; column: string };

export type TextBinding = { path: string; label: string; cell: TableCell };

const threePublicItems = [
  ["total", "“三公”经费合计"],
  ["outbound", "因公出国（境）费"],
  ["vehiclePurchase", "公务用车购置费"],
  ["vehicleOperation", "公务用车运维费"],
  ["reception", "公务接待费"],
] as const;

export const textBindings: readonly TextBinding[] = [
  {
    path: "budget.income.total",
    label: "收入合计",
    cell: { table: "incomeExpenditure", line: "total", column: "amount" },
  },
  {
    path: "budget.income.generalPublicBudget",
    label: "一般公共预算收入",
    cell: { table: "incomeExpenditure", line: "generalPublicBudget", column: "amount" },
  },
  {
    path: "budget.income.governmentFund",
    label: "政府性基金收入",
    cell: { table: "incomeExpenditure", line: "governmentFund", column: "amount" },
  },
  {
    path: "budget.income.fiscalSpecialAccount",
    label: "财政专户核拨收入",
    cell: { table: "incomeExpenditure", line: "fiscalSpecialAccount", column: "amount" },
  },
  {
    path: "budget.income.other",
    label: "其他来源收入",
    cell: { table: "incomeExpenditure", lines: otherIncomeSourceKeys, column: "amount" },
  },
  { path: "budget.expenditure.total", label: "支出合计", cell: { table: "expenditure", total: "total" } },
  { path: "budget.expenditure.basic", label: "基本支出", cell: { table: "expenditure", total: "basic" } },
  { path: "budget.expenditure.personnel", label: "人员经费", cell: { table: "expenditure", total: "personnel" } },
  {
    path: "budget.expenditure.publicOperating",
    label: "日常公用经费",
    cell: { table: "expenditure", total: "publicOperating" },
  },
  { path: "budget.expenditure.project", label: "项目支出", cell: { table: "expenditure", total: "project" } },
  { path: "budget.priorYear.total", label: "上年预算支出合计", cell: { table: "generalBudget", total: "priorTotal" } },
  { path: "budget.priorYear.basic", label: "上年基本支出", cell: { table: "generalBudget", total: "priorBasic" } },
  { path: "budget.priorYear.project", label: "上年项目支出", cell: { table: "generalBudget", total: "priorProject" } },
  {
    path: "operatingExpenses.amount",
    label: "机关运行经费",
    cell: { table: "generalBudgetBasic", total: "publicOperating" },
  },
  ...threePublicItems.flatMap(([line, label]) => [
    {
      path: `threePublic.current.${line}`,
      label: `本年${label}`,
      cell: { table: "threePublic" as const, line, column: "current" },
    },
    {
      path: `threePublic.priorYear.${line}`,
      label: `上年${label}`,
      cell: { table: "threePublic" as const, line, column: "priorYear" },
    },
  ]),
];

/** The figure a binding reads from the tables. */
export function cellValue(tables: BudgetTables, cell: TableCell, computed?: ComputedTable): Cents {
  const def = tableDefinitions[cell.table];
  const c = computed ?? computeTable(def, tables[cell.table]);
  if ("total" in cell) return c.total[cell.total] ?? ZERO_CENTS;
  if ("line" in cell) return c.lines[cell.line]?.[cell.column] ?? ZERO_CENTS;
  return cell.lines.reduce((sum, l) => addCents(sum, c.lines[l]?.[cell.column] ?? ZERO_CENTS), ZERO_CENTS);
}

/** "表3 部门支出总表 合计行「基本支出」": where a bound figure is read, for messages. */
export function describeCell(cell: TableCell): string {
  const def = tableDefinitions[cell.table];
  const title = numberedTitle(def);
  const columnLabel = (columns: readonly ColumnDefinition[] | undefined, key: string) => {
    const c = columns?.find((x) => x.key === key);
    return c ? `${c.group && c.label !== c.group ? `${c.group}${c.label}` : c.label}` : key;
  };
  if ("total" in cell) return `${title} 合计行「${columnLabel(def.rows?.columns, cell.total)}」`;
  const lineLabel = (key: string) => def.lines?.lines.find((l) => l.key === key)?.label ?? key;
  const col = describeLineColumn(def, cell.column);
  if ("line" in cell) return `${title}「${lineLabel(cell.line)}」${col}`;
  return `${title}「${cell.lines.map(lineLabel).join("、")}」之和${col}`;
}

function describeLineColumn(def: TableDefinition, key: string): string {
  const columns = def.lines?.columns ?? [];
  return columns.length > 1 ? `「${columns.find((c) => c.key === key)?.label ?? key}」` : "";
}
