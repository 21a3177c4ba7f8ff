import {
  type BudgetTables,
  type ComputedTable,
  cellValue,
  computeTable,
  rowValues,
  type TableId,
  tableDefinitions,
  textBindings,
} from "./budget-tables";
import type { Disclosure } from "./model";
import { centsToAmount, money } from "./money";
import { getAt, setAt } from "./paths";

/**
 * "The text reads from the tables" (issue 15): the figures of sections 二, 三, 四 and each 绩效目标表
 * project's amount, as the tables give them (budget-tables.ts `textBindings`, the 项目支出表 row
 * of the same name). A new draft fills its blank figures from them; while the clerk edits a table,
 * a figure that agreed with it follows it, and a figure typed otherwise stays for the rules
 * (lib/rules/tables.ts) to flag, with the table's figure as the fix.
 */

/** A figure of the text and what the tables say it is. */
export type BoundFigure = { path: string; label: string; amount: string };

/** Every bound figure of the disclosure as its tables give it; none when it has no tables. */
export function boundFigures(d: Disclosure, tables: BudgetTables | undefined = d.tables): BoundFigure[] {
  if (!tables) return [];
  const computed = new Map<TableId, ComputedTable>();
  const of = (id: TableId) => {
    let c = computed.get(id);
    if (!c) computed.set(id, (c = computeTable(tableDefinitions[id], tables[id])));
    return c;
  };
  const figures: BoundFigure[] = textBindings.map((b) => ({
    path: b.path,
    label: b.label,
    amount: centsToAmount(cellValue(tables, b.cell, of(b.cell.table))),
  }));
  const columns = tableDefinitions.project.rows?.columns ?? [];
  const rows = new Map(tables.project.rows.map((r) => [r.name.trim(), r]));
  d.performance.projects.forEach((p, i) => {
    const row = rows.get(p.name.trim());
    if (row)
      figures.push({
        path: `performance.projects[${i}].amount`,
        label: `项目「${p.name.trim()}」的金额`,
        amount: centsToAmount(rowValues(columns, row.amounts).total),
      });
  });
  return figures;
}

/** The disclosure with each blank bound figure filled from its tables, and what was filled. */
export function fillFromTables<T extends Disclosure>(d: T): { disclosure: T; filled: BoundFigure[] } {
  let out = d;
  const filled: BoundFigure[] = [];
  for (const f of boundFigures(d)) {
    if (getAt(out, f.path) != null) continue;
    out = setAt(out, f.path, f.amount);
    filled.push(f);
  }
  return { disclosure: out, filled };
}

/**
 * After an edit of the tables: each bound figure that was blank, or equal to what the tables said
 * before the edit, takes what they say now. A figure the clerk typed otherwise is left as typed.
 * The same object when nothing follows.
 */
export function followTables<T extends Disclosure>(before: T, after: T): T {
  if (!after.tables || before.tables === after.tables) return after;
  const was = new Map(boundFigures(after, before.tables).map((f) => [f.path, f.amount]));
  let out = after;
  for (const f of boundFigures(after)) {
    const stated = getAt(out, f.path) as string | null | undefined;
    const previous = was.get(f.path);
    if (stated != null && (previous === undefined || !money(stated).eq(previous))) continue;
    if (stated != null && money(stated).eq(f.amount)) continue;
    out = setAt(out, f.path, f.amount);
  }
  return out;
}
