import { Money } from "../domain/money";
import type { Disclosure, Indicator, ProjectFund, Target } from "../domain/model";
import { unitKind } from "../domain/targets";
import type { Issue, RuleContext } from "./finding";
import {
  indicatorPath,
  isReverse,
  metricKey,
  normaliseText,
  projectKey,
  projectLabel,
  projectPath,
  rowLabel,
  targetValueKey,
} from "./indicator-words";

/**
 * This year's targets against the department's published ones of the year before (RuleContext.previous):
 * next spring's targets are set against what was promised (lib/domain/spec/rules.md, "Against last year").
 * A project is last year's when its name, years left out, is the same.
 */

function lastYearProjects(previous: Disclosure): Map<string, ProjectFund> {
  const byName = new Map<string, ProjectFund>();
  for (const project of previous.performance.projects) {
    const key = projectKey(project.name);
    if (key !== "" && !byName.has(key)) byName.set(key, project);
  }
  return byName;
}

/** Each of this year's projects with its project of last year, where there is one. */
function pairs(d: Disclosure, previous: Disclosure | null | undefined) {
  if (!previous) return [];
  const before = lastYearProjects(previous);
  return d.performance.projects.flatMap((project, p) => {
    const last = before.get(projectKey(project.name));
    return last ? [{ project, p, last }] : [];
  });
}

const rowKey = (ind: Indicator) => `${metricKey(ind.name)}\u0000${targetValueKey(ind.target)}`;

/** More than half of a project's rows exactly as last year (财政部: a report more than half the same as last year's). */
const SAME_SHARE = 0.5;

export function sameAsLastYear({ disclosure: d, previous }: RuleContext): Issue[] {
  const issues: Issue[] = [];
  for (const { project, p, last } of pairs(d, previous)) {
    const rows = project.indicators.filter((ind) => metricKey(ind.name) !== "");
    if (rows.length === 0) continue;
    const before = new Set(last.indicators.map(rowKey));
    const same = rows.filter((ind) => before.has(rowKey(ind))).length;
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

export function easierThanLastYear({ disclosure: d, previous }: RuleContext): Issue[] {
  const issues: Issue[] = [];
  for (const { project, p, last } of pairs(d, previous)) {
    const before = new Map<string, Indicator>();
    for (const ind of last.indicators) {
      const key = metricKey(ind.name);
      if (key !== "" && !before.has(key)) before.set(key, ind);
    }
    project.indicators.forEach((ind, i) => {
      const then = before.get(metricKey(ind.name));
      const now = ind.target;
      if (!then || now.kind !== "quantitative" || then.target.kind !== "quantitative") return;
      // Most rows keep last year's number: those are settled before any reading of their words.
      if (targetValueKey(now) === targetValueKey(then.target)) return;
      if (normaliseText(now.unit) !== normaliseText(then.target.unit)) return;
      const cmp = new Money(now.value).comparedTo(then.target.value);
      const way = better(ind, now);
      if (way === null || way !== better(then, then.target)) return;
      if (!(way === "more" ? cmp < 0 : cmp > 0)) return;
      const lastRaw = then.target.raw.trim();
      issues.push({
        path: indicatorPath(p, i, "target"),
        message: `${rowLabel({ project, p, indicator: ind, i })}：指标值“${now.raw.trim()}”比 ${previous!.fiscalYear} 年的“${lastRaw}”${way === "more" ? "低" : "高"}，目标放松了`,
        hint: "目标一般不低于上年；确需调整的，请在指标值确定依据中写明原因（如资金减少、任务调整）",
        fix: { label: `沿用上年 ${lastRaw}`, value: lastRaw },
      });
    });
  }
  return issues;
}
