import {
  ancestorCodes,
  type BudgetTables,
  type ComputedTable,
  cellValue,
  computeTable,
  describeCell,
  incomeSourceColumns,
  inputColumns,
  inputLines,
  isEmptyTable,
  numberedTitle,
  ROW_CLASSIFICATION,
  rowValues,
  type TableId,
  tableDefinitions,
  budgetTables,
  textBindings,
} from "../domain/budget-tables";
import { codeShapeProblem } from "../domain/classification";
import type { Disclosure } from "../domain/model";
import {
  absCents,
  addCents,
  type Cents,
  centsEqual,
  centsSign,
  centsToAmount,
  compareCents,
  money,
  multiplyCents,
  subtractCents,
  toCents,
  ZERO_CENTS,
} from "../domain/money";
import { getAt, parsePath } from "../domain/paths";
import type { Issue, RuleContext } from "./finding";
import { showAmount } from "./figures";

/**
 * The standard budget tables (lib/domain/budget-tables.ts): the identities a reviewer checks
 * (the shared brief's budget-tables.md), the codes against the year's catalogue, and the text's
 * figures against the cells they describe. Every rule is silent for a disclosure without tables.
 * Findings point into `tables…` (a row, a cell, or a table when a whole table's 合计 is wrong),
 * or at the text's field, with the table's figure as the fix.
 */

const FILL_FROM_TABLE = "填入表中数";

const computedCache = new WeakMap<BudgetTables, Record<TableId, ComputedTable>>();

/** Every table computed once per disclosure, whichever rule asks first. */
function computed(tables: BudgetTables): Record<TableId, ComputedTable> {
  let c = computedCache.get(tables);
  if (!c) {
    c = Object.fromEntries(budgetTables.map((def) => [def.id, computeTable(def, tables[def.id])])) as Record<
      TableId,
      ComputedTable
    >;
    computedCache.set(tables, c);
  }
  return c;
}

const title = (id: TableId) => numberedTitle(tableDefinitions[id]);
const columnLabel = (id: TableId, key: string) => {
  const c = tableDefinitions[id].rows?.columns.find((x) => x.key === key);
  return c ? (c.group && c.group !== c.label ? `${c.group}${c.label}` : c.label) : key;
};
const rowPath = (id: TableId, index: number) => `tables.${id}.rows[${index}]`;

/** A row's cell path when the column is typed, else the row's: a computed column has no field. */
function cellPath(id: TableId, index: number, column: string): string {
  const typed = inputColumns(tableDefinitions[id].rows?.columns ?? []).some((c) => c.key === column);
  return typed ? `${rowPath(id, index)}.amounts.${column}` : rowPath(id, index);
}

const withTables =
  (check: (tables: BudgetTables, d: Disclosure, ctx: RuleContext) => Issue[]) =>
  (ctx: RuleContext): Issue[] =>
    ctx.disclosure.tables ? check(ctx.disclosure.tables, ctx.disclosure, ctx) : [];

/** Codes: their shape, no two rows with one code, no 类 or 款 row typed above its own 项 rows. */
export const tableCodes = withTables((tables) => {
  const issues: Issue[] = [];
  for (const def of budgetTables) {
    const spec = def.rows;
    if (!spec) continue;
    const rows = tables[def.id].rows;
    const kind = ROW_CLASSIFICATION[spec.kind];
    const seen = new Map<string, number>();
    rows.forEach((row, i) => {
      const code = row.code.trim();
      if (spec.kind === "project") {
        const problem = code === "" ? "请填写项目的功能分类科目（项，7 位）" : codeShapeProblem("功能", code);
        if (problem || (code !== "" && code.length !== 7))
          issues.push({ path: `${rowPath(def.id, i)}.code`, message: problem ?? "项目须列到功能分类的项（7 位编码）" });
        const name = row.name.trim();
        if (seen.has(name))
          issues.push({
            path: `${rowPath(def.id, i)}.name`,
            message: `项目「${name}」在${title(def.id)}中出现两次（第 ${(seen.get(name) ?? 0) + 1} 行）`,
          });
        else seen.set(name, i);
        return;
      }
      if (!kind) {
        if (code === "") issues.push({ path: `${rowPath(def.id, i)}.code`, message: "请填写单位代码" });
        return;
      }
      // A row just added has no code yet: what it needs is a 科目, not a lesson in code shape.
      if (code === "") {
        issues.push({
          path: `${rowPath(def.id, i)}.code`,
          message: `请选择${kind}分类科目`,
          hint: "输入科目编码或名称，从本年科目中选择",
        });
        return;
      }
      const problem = codeShapeProblem(kind, code);
      if (problem) {
        issues.push({ path: `${rowPath(def.id, i)}.code`, message: `${problem}（「${row.code}」）` });
        return;
      }
      if (seen.has(code)) {
        issues.push({
          path: `${rowPath(def.id, i)}.code`,
          message: `科目 ${code} 在${title(def.id)}中出现两次（第 ${(seen.get(code) ?? 0) + 1} 行）`,
          hint: "同一科目的金额合并为一行",
        });
        return;
      }
      seen.set(code, i);
    });
    if (!kind) continue;
    // 类 = Σ款 = Σ项: a row above rows of its own is a subtotal typed by hand, counted twice.
    // Each code above a row, with the first row under it: one pass, not every row against every other.
    const firstChild = new Map<string, string>();
    for (const r of rows) {
      const code = r.code.trim();
      for (const above of ancestorCodes(kind, code)) if (!firstChild.has(above)) firstChild.set(above, code);
    }
    rows.forEach((row, i) => {
      const code = row.code.trim();
      const child = firstChild.get(code);
      if (child)
        issues.push({
          path: `${rowPath(def.id, i)}.code`,
          message: `科目 ${code} 是 ${child} 的上级科目：类、款由下级科目自动汇总（类 = Σ款 = Σ项），不另填金额`,
          hint: "删去这一行，或把它的金额分列到下级科目",
        });
    });
  }
  return issues;
});

/** Codes not in the fiscal year's catalogue. */
export const tableCodeUnknown = (ctx: RuleContext): Issue[] => {
  const catalogue = ctx.classification;
  const tables = ctx.disclosure.tables;
  if (!catalogue || !tables) return [];
  const issues: Issue[] = [];
  for (const def of budgetTables) {
    const kind = def.rows?.kind === "project" ? "功能" : def.rows ? ROW_CLASSIFICATION[def.rows.kind] : undefined;
    if (!kind) continue;
    tables[def.id].rows.forEach((row, i) => {
      const code = row.code.trim();
      if (codeShapeProblem(kind, code) || catalogue.nameOf(kind, code) !== undefined) return;
      issues.push({
        path: `${rowPath(def.id, i)}.code`,
        message: `${catalogue.fiscalYear}年${kind}分类科目中没有 ${code}`,
        hint:
          catalogue.sourceYear === catalogue.fiscalYear
            ? "请按本年《政府收支分类科目》选择科目"
            : `本年科目尚未导入，按 ${catalogue.sourceYear} 年科目检查`,
      });
    });
  }
  return issues;
};

/** A code's name as the year's catalogue has it (卫生健康支出, not 医疗卫生与计划生育支出). */
export const tableCodeName = (ctx: RuleContext): Issue[] => {
  const catalogue = ctx.classification;
  const tables = ctx.disclosure.tables;
  if (!catalogue || !tables) return [];
  const issues: Issue[] = [];
  for (const def of budgetTables) {
    const kind = def.rows ? ROW_CLASSIFICATION[def.rows.kind] : undefined;
    if (!kind) continue;
    tables[def.id].rows.forEach((row, i) => {
      const name = catalogue.nameOf(kind, row.code.trim());
      if (name === undefined || name === row.name.trim()) return;
      issues.push({
        path: `${rowPath(def.id, i)}.name`,
        message: `科目 ${row.code.trim()} 在${catalogue.fiscalYear}年的名称是「${name}」，表中为「${row.name.trim()}」`,
        fix: { label: "改为本年名称", value: name },
      });
    });
  }
  return issues;
};

/** No figure of a budget table is negative. */
export const tableNegative = withTables((tables) => {
  const issues: Issue[] = [];
  const negative = (v: string | null | undefined) => centsSign(toCents(v)) < 0;
  for (const def of budgetTables) {
    const table = tables[def.id];
    table.rows.forEach((row, i) => {
      for (const [key, v] of Object.entries(row.amounts))
        if (negative(v))
          issues.push({
            path: `${rowPath(def.id, i)}.amounts.${key}`,
            message: `${title(def.id)}「${row.name || row.code}」${columnLabel(def.id, key)}为负数 ${showAmount(v)}`,
          });
    });
    for (const [line, cells] of Object.entries(table.lines ?? {}))
      for (const [key, v] of Object.entries(cells))
        if (negative(v))
          issues.push({
            path: `tables.${def.id}.lines.${line}.${key}`,
            message: `${title(def.id)}「${def.lines?.lines.find((l) => l.key === line)?.label ?? line}」为负数 ${showAmount(v)}`,
          });
  }
  return issues;
});

/** A table with nothing to show is still published, with its 空表说明. */
export const tableEmptyNote = withTables((tables) =>
  budgetTables.flatMap((def) =>
    isEmptyTable(tables[def.id]) && tables[def.id].emptyNote.trim() === ""
      ? [
          {
            path: `tables.${def.id}.emptyNote`,
            message: `${title(def.id)}为空表，请写明空表说明`,
            hint: `如“${def.emptyNote}”`,
            fix: { label: "填入空表说明", value: def.emptyNote },
          },
        ]
      : [],
  ),
);

type Side = { path: string; label: string; value: Cents };

/** "差额 0.01 万元": how far apart two sides are. */
const difference = (a: Cents, b: Cents) => `差额 ${centsToAmount(absCents(subtractCents(a, b)))} 万元`;

/** One identity, said at each side's place: whichever side the clerk looks at, the finding is there. */
function unequal(a: Side, b: Side, hint?: string): Issue[] {
  if (centsEqual(a.value, b.value)) return [];
  const message = `${a.label} ${centsToAmount(a.value)} ≠ ${b.label} ${centsToAmount(b.value)}`;
  const diff = `${difference(a.value, b.value)}${hint ? `；${hint}` : ""}`;
  return a.path === b.path
    ? [{ path: a.path, message, hint: diff }]
    : [
        { path: a.path, message, hint: diff },
        { path: b.path, message, hint: diff },
      ];
}

const linePath = (id: TableId, line: string, column = "amount") => {
  const typed = inputLines(tableDefinitions[id].lines?.lines ?? []).some((l) => l.key === line);
  return typed ? `tables.${id}.lines.${line}.${column}` : `tables.${id}`;
};

/** The identities between the 合计 of the tables: 收入 = 支出, and each table's total where another states it. */
export const tableTotals = withTables((tables) => {
  const c = computed(tables);
  const ie = c.incomeExpenditure;
  const issues: Issue[] = [];
  // 部门收支总表: 收入合计 = 支出合计.
  issues.push(
    ...unequal(
      {
        path: "tables.incomeExpenditure",
        label: `${title("incomeExpenditure")} 收入合计`,
        value: ie.lines.total.amount,
      },
      { path: "tables.incomeExpenditure", label: "支出合计", value: ie.total.amount },
      "部门预算收支应平衡",
    ),
  );
  // = 部门收入总表, source by source; = 部门支出总表 合计.
  for (const source of incomeSourceColumns)
    issues.push(
      ...unequal(
        {
          path: linePath("incomeExpenditure", source.key),
          label: `${title("incomeExpenditure")}「${source.label}」`,
          value: ie.lines[source.key].amount,
        },
        {
          path: "tables.income",
          label: `${title("income")}「${source.label}」合计`,
          value: c.income.total[source.key],
        },
      ),
    );
  issues.push(
    ...unequal(
      { path: "tables.incomeExpenditure", label: `${title("incomeExpenditure")} 支出合计`, value: ie.total.amount },
      { path: "tables.expenditure", label: `${title("expenditure")} 合计`, value: c.expenditure.total.total },
    ),
  );
  // 财政拨款收支总表: its sources are the 收支总表's; its 收入合计 = 支出合计.
  const ap = c.appropriation;
  for (const key of ["generalPublicBudget", "governmentFund", "stateCapital"] as const) {
    const label = incomeSourceColumns.find((s) => s.key === key)?.label ?? key;
    issues.push(
      ...unequal(
        {
          path: linePath("appropriation", key),
          label: `${title("appropriation")}「${label}」`,
          value: ap.lines[key].amount,
        },
        {
          path: linePath("incomeExpenditure", key),
          label: `${title("incomeExpenditure")}「${label}」`,
          value: ie.lines[key].amount,
        },
      ),
    );
  }
  issues.push(
    ...unequal(
      { path: "tables.appropriation", label: `${title("appropriation")} 收入合计`, value: ap.lines.total.amount },
      { path: "tables.appropriation", label: "支出合计", value: ap.total.total },
      "财政拨款收支应平衡",
    ),
  );
  // 基本支出表 合计 = 一般公共预算支出表 基本支出.
  issues.push(
    ...unequal(
      {
        path: "tables.generalBudgetBasic",
        label: `${title("generalBudgetBasic")} 合计`,
        value: c.generalBudgetBasic.total.total,
      },
      {
        path: "tables.generalBudget",
        label: `${title("generalBudget")} 基本支出合计`,
        value: c.generalBudget.total.basic,
      },
    ),
  );
  // 项目支出表 Σ = 支出总表 项目支出.
  issues.push(
    ...unequal(
      { path: "tables.project", label: `${title("project")} 合计`, value: c.project.total.total },
      { path: "tables.expenditure", label: `${title("expenditure")} 项目支出合计`, value: c.expenditure.total.project },
    ),
  );
  return issues;
});

type ByCode = { table: TableId; column: string };

/** Pairs of tables that state the same figure per 功能分类 科目: compared at the finest level both list. */
const perCodePairs: ReadonlyArray<readonly [ByCode, ByCode]> = [
  [
    { table: "incomeExpenditure", column: "amount" },
    { table: "expenditure", column: "total" },
  ],
  [
    { table: "appropriation", column: "generalPublicBudget" },
    { table: "generalBudget", column: "total" },
  ],
  [
    { table: "appropriation", column: "governmentFund" },
    { table: "governmentFund", column: "total" },
  ],
  [
    { table: "appropriation", column: "stateCapital" },
    { table: "stateCapital", column: "total" },
  ],
  [
    { table: "expenditure", column: "project" },
    { table: "project", column: "total" },
  ],
  [
    { table: "generalBudget", column: "project" },
    { table: "project", column: "generalPublicBudget" },
  ],
];

/** 科目 by 科目: a table's row equals the other table's rows under the same code. */
export const tableRowsAgree = withTables((tables) => {
  const c = computed(tables);
  const issues: Issue[] = [];
  for (const [a, b] of perCodePairs) {
    const rowsA = tables[a.table].rows;
    const rowsB = tables[b.table].rows;
    if (rowsA.length === 0 && rowsB.length === 0) continue;
    const valid = (code: string) => /^\d{3}(\d{2}){0,2}$/.test(code);
    const lengths = [...rowsA, ...rowsB]
      .map((r) => r.code.trim())
      .filter(valid)
      .map((c) => c.length);
    const level = lengths.length > 0 ? Math.min(...lengths) : 3;
    const sums = (id: TableId, column: string) => {
      // Each stored row's figures as computeTable made them (once per disclosure).
      const values = c[id].storedValues;
      const out = new Map<string, { value: Cents; first: number }>();
      tables[id].rows.forEach((row, i) => {
        const code = row.code.trim();
        if (!valid(code)) return;
        const key = code.slice(0, level);
        const value = values[i]?.[column] ?? ZERO_CENTS;
        const at = out.get(key);
        if (at) at.value = addCents(at.value, value);
        else out.set(key, { value, first: i });
      });
      return out;
    };
    const sa = sums(a.table, a.column);
    const sb = sums(b.table, b.column);
    for (const code of [...new Set([...sa.keys(), ...sb.keys()])].sort()) {
      const va = sa.get(code);
      const vb = sb.get(code);
      const valueA = va?.value ?? ZERO_CENTS;
      const valueB = vb?.value ?? ZERO_CENTS;
      if (centsEqual(valueA, valueB)) continue;
      const message = `科目 ${code}：${title(a.table)}「${columnLabel(a.table, a.column)}」${centsToAmount(valueA)} ≠ ${title(b.table)}「${columnLabel(b.table, b.column)}」${centsToAmount(valueB)}`;
      const hint = difference(valueA, valueB);
      if (va) issues.push({ path: cellPath(a.table, va.first, a.column), message, hint });
      if (vb) issues.push({ path: cellPath(b.table, vb.first, b.column), message, hint });
    }
  }
  return issues;
});

/** The bound fields' paths, parsed once rather than on every check. */
const boundPaths = new Map(textBindings.map((b) => [b, parsePath(b.path)]));

/** The text's figures of sections 二, 三, 四 read from the tables: a typed figure that differs is wrong. */
export const tableTextFigures = withTables((tables, d) => {
  const c = computed(tables);
  const issues: Issue[] = [];
  for (const binding of textBindings) {
    const stated = getAt(d, boundPaths.get(binding) ?? binding.path) as string | null | undefined;
    const cell = cellValue(tables, binding.cell, c[binding.cell.table]);
    if (stated != null && centsEqual(toCents(stated), cell)) continue;
    const amount = centsToAmount(cell);
    issues.push({
      path: binding.path,
      message:
        stated == null
          ? `请填写${binding.label}：${describeCell(binding.cell)}为 ${amount}`
          : `${binding.label} ${showAmount(stated)} 与${describeCell(binding.cell)} ${amount} 不一致`,
      hint: "文字中的数字取自预算公开表",
      fix: { label: FILL_FROM_TABLE, value: amount },
    });
  }
  return issues;
});

/** Each 绩效目标表 project is a 项目支出表 row: its amount is required and equals that row's 合计. */
export const tableProjectAmounts = withTables((tables, d) => {
  // The 项目支出表 keeps its rows as stored (no subtotals): each with its 合计 as computed once.
  const rows = new Map(computed(tables).project.rows.map((r) => [r.name.trim(), r]));
  const issues: Issue[] = [];
  d.performance.projects.forEach((p, i) => {
    const path = `performance.projects[${i}].amount`;
    const row = rows.get(p.name.trim());
    if (!row) {
      issues.push({
        path,
        message: `${title("project")}中没有项目「${p.name.trim()}」`,
        hint: "绩效目标表的每个项目都是项目支出表的一行，名称须一致",
      });
      return;
    }
    const total = row.values.total;
    if (p.amount != null && centsEqual(toCents(p.amount), total)) return;
    const amount = centsToAmount(total);
    issues.push({
      path,
      message:
        p.amount == null
          ? `请填写项目「${p.name.trim()}」的金额：${title("project")}中为 ${amount}`
          : `项目「${p.name.trim()}」金额 ${showAmount(p.amount)} 与${title("project")} ${amount} 不一致`,
      fix: { label: FILL_FROM_TABLE, value: amount },
    });
  });
  return issues;
});

/** 功能分类 项 and 经济分类 款 that go together in 基本支出: one without the other is often a mis-coding. */
export const miscodingPairs: ReadonlyArray<readonly [string, string]> = [
  ["2080505", "30108"],
  ["2080506", "30109"],
  ["2101101", "30110"],
  ["2101103", "30111"],
  ["2210201", "30113"],
];

export const tableMiscoding = withTables((tables) => {
  const basicUnder = (id: "expenditure" | "generalBudget", code: string) => {
    const def = tableDefinitions[id];
    const i = tables[id].rows.findIndex(
      (r) => r.code.trim() === code && centsSign(rowValues(def.rows?.columns ?? [], r.amounts).basic) !== 0,
    );
    return i < 0 ? null : { id, i };
  };
  const basicTable = tableDefinitions.generalBudgetBasic;
  const issues: Issue[] = [];
  for (const [functional, economic] of miscodingPairs) {
    const f = basicUnder("expenditure", functional) ?? basicUnder("generalBudget", functional);
    const e = tables.generalBudgetBasic.rows.findIndex(
      (r) => r.code.trim() === economic && centsSign(rowValues(basicTable.rows?.columns ?? [], r.amounts).total) !== 0,
    );
    if (f && e < 0)
      issues.push({
        path: `${rowPath(f.id, f.i)}.code`,
        message: `基本支出列了功能分类 ${functional}，${title("generalBudgetBasic")}却没有对应的经济分类 ${economic}`,
        hint: "这两个科目常被错列，请核对",
      });
    if (!f && e >= 0)
      issues.push({
        path: `${rowPath("generalBudgetBasic", e)}.code`,
        message: `${title("generalBudgetBasic")}列了经济分类 ${economic}，基本支出却没有对应的功能分类 ${functional}`,
        hint: "这两个科目常被错列，请核对",
      });
  }
  return issues;
});

/** A table in 元 where 万元 is meant: its figures some 10,000 times the text's. */
export const tableUnitScale = withTables((tables, d) => {
  const reference = d.budget.income.total ?? d.budget.expenditure.total;
  const scale = absCents(toCents(reference));
  if (centsSign(scale) === 0) return [];
  // 5,000 to 20,000 times the text's figure, compared in 分; the ratio itself only for the message.
  const low = multiplyCents(scale, 5_000);
  const high = multiplyCents(scale, 20_000);
  const c = computed(tables);
  const issues: Issue[] = [];
  for (const def of budgetTables) {
    const figures = [...Object.values(c[def.id].total), ...Object.values(c[def.id].lines).flatMap(Object.values)];
    const largest = figures.reduce((m, v) => (compareCents(absCents(v), m) > 0 ? absCents(v) : m), ZERO_CENTS);
    if (compareCents(largest, low) < 0 || compareCents(largest, high) > 0) continue;
    const ratio = money(centsToAmount(largest)).div(centsToAmount(scale));
    issues.push({
      path: `tables.${def.id}`,
      message: `${title(def.id)}的金额约为文字所述的 ${ratio.toDecimalPlaces(0).toString()} 倍，可能按元填写`,
      hint: "预算公开表以万元为单位，保留两位小数",
    });
  }
  return issues;
});
