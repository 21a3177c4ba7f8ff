import type { Disclosure, Indicator, ProjectFund } from "../domain/model";
import type { RuleContext } from "./finding";
import { metricKey, projectKey, targetValueKey } from "./indicator-words";

/**
 * What the rules that compare rows (across projects, with last year) read of each row and
 * project, worked out once per check: three rules compare the same rows, and a year's lint
 * compares 48,000 of them. Kept per RuleContext, which the engine makes for one check and no rule
 * changes, so nothing read here outlives the disclosure as it was checked.
 */

export type RowKey = { metric: string; value: string; row: string };

type CheckKeys = { rows: Map<Indicator, RowKey>; pairs?: ProjectPair[] };
const perCheck = new WeakMap<RuleContext, CheckKeys>();

function keysOf(ctx: RuleContext): CheckKeys {
  let keys = perCheck.get(ctx);
  if (!keys) perCheck.set(ctx, (keys = { rows: new Map() }));
  return keys;
}

/** A row's metric (name without its `（%）`), its value (number and unit, or text), and both. */
export function rowKeyOf(ctx: RuleContext, ind: Indicator): RowKey {
  const rows = keysOf(ctx).rows;
  let key = rows.get(ind);
  if (!key) {
    const metric = metricKey(ind.name);
    const value = targetValueKey(ind.target);
    rows.set(ind, (key = { metric, value, row: `${metric}\u0000${value}` }));
  }
  return key;
}

export type ProjectPair = { project: ProjectFund; p: number; last: ProjectFund };

/** Each of this year's projects with last year's of the same name (a `2020年` left out), where there is one. */
export function lastYearPairs(ctx: RuleContext): ProjectPair[] {
  const keys = keysOf(ctx);
  keys.pairs ??= pairsOf(ctx.disclosure, ctx.previous);
  return keys.pairs;
}

function pairsOf(d: Disclosure, previous: Disclosure | null | undefined): ProjectPair[] {
  if (!previous) return [];
  const before = new Map<string, ProjectFund>();
  for (const project of previous.performance.projects) {
    const key = projectKey(project.name);
    if (key !== "" && !before.has(key)) before.set(key, project);
  }
  return d.performance.projects.flatMap((project, p) => {
    const last = before.get(projectKey(project.name));
    return last ? [{ project, p, last }] : [];
  });
}
