import { Money } from "../domain/money";
import type { Indicator, Target } from "../domain/model";
import { unitKind } from "../domain/targets";
import type { Issue, RuleContext } from "./finding";
import { indicatorPath, isReverse, normaliseText, projectLabel, projectPath, rowLabel } from "./indicator-words";
import { lastYearPairs, rowKeyOf } from "./row-keys";
import { disclosureKeys } from "../domain/performance/keys";
import { readReported } from "../domain/performance/scoring";

/**
 * This year's targets against the department's published ones of the year before (RuleContext.previous):
 * next spring's targets are set against what was promised (lib/domain/spec/rules.md, "Against last year").
 * A project is last year's when its name, a `2020年` left out, is the same (row-keys.ts).
 */

/** More than half of a project's rows exactly as last year (财政部: a report more than half the same as last year's). */
const SAME_SHARE = 0.5;

export function sameAsLastYear(ctx: RuleContext): Issue[] {
  const { previous } = ctx;
  const key = (ind: Indicator) => rowKeyOf(ctx, ind);
  const issues: Issue[] = [];
  for (const { project, p, last } of lastYearPairs(ctx)) {
    const rows = project.indicators.filter((ind) => key(ind).metric !== "");
    if (rows.length === 0) continue;
    const before = new Set(last.indicators.map((ind) => key(ind).row));
    const same = rows.filter((ind) => before.has(key(ind).row)).length;
    if (same / rows.length <= SAME_SHARE) continue;
    const percent = Math.round((same / rows.length) * 100);
    issues.push({
      path: `${projectPath(p)}.indicators`,
      message: `${projectLabel(project, p)}的 ${rows.length} 个指标中有 ${same} 个（${percent}%）与 ${previous!.fiscalYear} 年名称、指标值都相同`,
      hint: "请按今年的任务、资金和上年的完成情况重新设定；确与上年相同的，请说明理由",
    });
  }
  return issues;
}

/**
 * Which way is better for a row: a reverse indicator or a ceiling (<=, <) wants less, a floor
 * (>=, >) more. `=` on a time or a sum of money says neither (=12个月 is a schedule), so it is not compared.
 */
function better(ind: Indicator, t: Extract<Target, { kind: "quantitative" }>): "less" | "more" | null {
  if (t.operator === "<=" || t.operator === "<" || isReverse(ind)) return "less";
  if (t.operator === ">=" || t.operator === ">") return "more";
  const kind = unitKind(t.unit);
  return kind === "time" || kind === "money" ? null : "more";
}

/**
 * A target easier than last year's: than last year's target for the same metric (RuleContext.previous),
 * and than last year's actual for the same row (RuleContext.lastYearResults, from the 自评: "targets
 * set below last year's actual"). One finding a row, naming what it is easier than.
 */
export function easierThanLastYear(ctx: RuleContext): Issue[] {
  const { previous, disclosure } = ctx;
  const key = (ind: Indicator) => rowKeyOf(ctx, ind);
  const lastYear = disclosure.fiscalYear - 1;
  const issues = new Map<string, Issue>();
  for (const { project, p, last } of lastYearPairs(ctx)) {
    const before = new Map<string, Indicator>();
    for (const ind of last.indicators) {
      const metric = key(ind).metric;
      if (metric !== "" && !before.has(metric)) before.set(metric, ind);
    }
    project.indicators.forEach((ind, i) => {
      const then = before.get(key(ind).metric);
      const now = ind.target;
      if (!then || now.kind !== "quantitative" || then.target.kind !== "quantitative") return;
      // Most rows keep last year's number: those are settled before any reading of their words.
      if (key(ind).value === key(then).value) return;
      if (normaliseText(now.unit) !== normaliseText(then.target.unit)) return;
      const cmp = new Money(now.value).comparedTo(then.target.value);
      const way = better(ind, now);
      if (way === null || way !== better(then, then.target)) return;
      if (!(way === "more" ? cmp < 0 : cmp > 0)) return;
      const lastRaw = then.target.raw.trim();
      issues.set(indicatorPath(p, i, "target"), {
        path: indicatorPath(p, i, "target"),
        message: `${rowLabel({ project, p, indicator: ind, i })}：指标值“${now.raw.trim()}”比 ${previous!.fiscalYear} 年的“${lastRaw}”${way === "more" ? "低" : "高"}，目标放松了`,
        hint: "目标一般不低于上年；确需调整的，请在指标值确定依据中写明原因（如资金减少、任务调整）",
        fix: { label: `沿用上年 ${lastRaw}`, value: lastRaw },
      });
    });
  }
  for (const { issue, below } of belowLastYearActual(ctx, lastYear)) {
    const onTarget = issues.get(issue.path);
    if (!onTarget) issues.set(issue.path, issue);
    // Easier than both: one finding, with the fix of last year's own words.
    else onTarget.message = onTarget.message.replace(/，目标放松了$/, `，也${below}，目标放松了`);
  }
  return [...issues.values()];
}

/** This year's targets against last year's 实际完成值 of the same row (by row key). */
function belowLastYearActual(ctx: RuleContext, lastYear: number): Array<{ issue: Issue; below: string }> {
  const results = ctx.lastYearResults;
  if (!results || results.size === 0) return [];
  const d = ctx.disclosure;
  const keys = disclosureKeys(d);
  const issues: Array<{ issue: Issue; below: string }> = [];
  d.performance.projects.forEach((project, p) =>
    project.indicators.forEach((ind, i) => {
      const result = results.get(keys.indicators[p][i]);
      const now = ind.target;
      if (!result || result.lastActual === null || now.kind !== "quantitative") return;
      const then = result.lastTarget;
      if (then.kind !== "quantitative" || normaliseText(now.unit) !== normaliseText(then.unit)) return;
      const actual = readReported(result.lastActual);
      const way = better(ind, now);
      if (actual === null || way === null || way !== better(ind, then)) return;
      const cmp = new Money(now.value).comparedTo(actual);
      if (!(way === "more" ? cmp < 0 : cmp > 0)) return;
      const shown = new Money(actual).toString();
      const raised = `${now.operator}${shown}${now.unit}`;
      const below = `${way === "more" ? "低于" : "高于"} ${lastYear} 年实际完成值 ${shown}${now.unit}`;
      issues.push({
        below,
        issue: {
          path: indicatorPath(p, i, "target"),
          message: `${rowLabel({ project, p, indicator: ind, i })}：指标值“${now.raw.trim()}”${below}，目标定${way === "more" ? "低" : "高"}了`,
          hint: "目标一般不低于上年实际完成的水平；确需调整的，请在指标值确定依据中写明原因",
          fix: { label: `按上年实际设为 ${raised}`, value: raised },
        },
      });
    }),
  );
  return issues;
}
