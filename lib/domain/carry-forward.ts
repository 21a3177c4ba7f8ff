import type { Amounts, BudgetTables } from "./budget-tables";
import { isValidPair, level1Role, type IndicatorFramework } from "./frameworks";
import type { Disclosure, Indicator } from "./model";

/**
 * Starting a year from last year's disclosure (lib/domain/spec/experience.md): texts, units, projects and their
 * indicators carry over, last year's figures become the prior-year column, and the indicators move
 * to the new year's framework. This year's figures start as last year's, for the clerk to change;
 * the change reasons start empty because they explain a change that has not been made yet. The
 * budget tables likewise: last year's figures become the 上年 columns, and this year's start as last year's.
 */
export function carryForward(prior: Disclosure, fiscalYear: number, framework: IndicatorFramework): Disclosure {
  const retitle = (text: string) => text.replaceAll(`${prior.fiscalYear}年`, `${fiscalYear}年`);
  const { budget, threePublic } = prior;
  return {
    ...structuredClone(prior),
    fiscalYear,
    title: retitle(prior.title),
    preamble: retitle(prior.preamble),
    budget: {
      ...structuredClone(budget),
      priorYear: {
        total: budget.expenditure.total,
        basic: budget.expenditure.basic,
        project: budget.expenditure.project,
      },
      changeReasons: { basic: "", project: "" },
    },
    threePublic: {
      current: { ...threePublic.current },
      priorYear: { ...threePublic.current },
      changeReasons: { outbound: "", vehicles: "", reception: "" },
    },
    performance: {
      ...structuredClone(prior.performance),
      framework: framework.id,
      projects: prior.performance.projects.map((p) => ({
        ...structuredClone(p),
        indicators: p.indicators.map((i) => toFramework(i, framework)),
      })),
    },
    assets: { ...structuredClone(prior.assets), asOf: `${fiscalYear - 1}-12-31` },
    ...(prior.tables ? { tables: tablesForNextYear(prior.tables) } : {}),
  };
}

/** Where each table's 上年 figure comes from in last year's table: its 本年 column. */
const PRIOR_FROM_CURRENT: Record<string, string> = {
  priorBasic: "basic",
  priorProject: "project",
  priorYear: "current",
};

const movedToPrior = (amounts: Amounts): Amounts => {
  const out = { ...amounts };
  for (const [prior, current] of Object.entries(PRIOR_FROM_CURRENT))
    if (prior in out) out[prior] = amounts[current] ?? null;
  return out;
};

/**
 * Last year's tables as this year's starting point: 一般公共预算支出表's 上年预算数 and the "三公"
 * table's 上年预算数 take last year's 本年 figures; everything else is kept for the clerk to change.
 */
export function tablesForNextYear(prior: BudgetTables): BudgetTables {
  const out = structuredClone(prior);
  out.generalBudget.rows = out.generalBudget.rows.map((r) => ({ ...r, amounts: movedToPrior(r.amounts) }));
  const lines = out.threePublic.lines;
  if (lines) out.threePublic.lines = Object.fromEntries(Object.entries(lines).map(([k, a]) => [k, movedToPrior(a)]));
  return out;
}

/**
 * The same indicator under another framework's headings: a 二级 heading the new framework files
 * under another 一级 moves there (效果指标/社会效益指标 → 效益指标/社会效益指标); a cost heading the new
 * framework splits goes to its first cost heading (产出指标/成本指标 → 成本指标/经济成本指标). Anything
 * else is left as it was, for the framework check to point out.
 */
export function toFramework(indicator: Indicator, framework: IndicatorFramework): Indicator {
  const { level1, level2 } = indicator;
  if (isValidPair(framework, level1, level2)) return { ...indicator };
  const sameLevel2 = framework.levels.find((l) => l.level2.includes(level2));
  if (sameLevel2) return { ...indicator, level1: sameLevel2.level1 };
  if (level1Role(level2) === "cost") {
    const cost = framework.levels.find((l) => level1Role(l.level1) === "cost");
    if (cost) return { ...indicator, level1: cost.level1, level2: cost.level2[0] };
  }
  return { ...indicator };
}

/** Rows that one carry-forward moved from one heading to another, for the clerk to be told. */
export type FrameworkMove = {
  from: { level1: string; level2: string };
  to: { level1: string; level2: string };
  rows: Array<{ project: string; row: number; name: string }>;
};

/**
 * What carryForward's toFramework moves in `prior` under `framework`: one entry per pair of
 * headings, in the order first met, each with its rows (1-based, as the grid numbers them). Rows
 * that keep their headings are not listed.
 */
export function frameworkMoves(prior: Pick<Disclosure, "performance">, framework: IndicatorFramework): FrameworkMove[] {
  const moves = new Map<string, FrameworkMove>();
  for (const project of prior.performance.projects)
    project.indicators.forEach((indicator, r) => {
      const moved = toFramework(indicator, framework);
      if (moved.level1 === indicator.level1 && moved.level2 === indicator.level2) return;
      const key = [indicator.level1, indicator.level2, moved.level1, moved.level2].join("\u0000");
      let move = moves.get(key);
      if (!move)
        moves.set(
          key,
          (move = {
            from: { level1: indicator.level1, level2: indicator.level2 },
            to: { level1: moved.level1, level2: moved.level2 },
            rows: [],
          }),
        );
      move.rows.push({ project: project.name, row: r + 1, name: indicator.name });
    });
  return [...moves.values()];
}
