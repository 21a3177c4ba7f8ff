import type { Issue, RuleContext } from "./finding";
import { indicatorPath, indicatorRows, projectLabel, rowLabel, type IndicatorRow } from "./indicator-words";
import { rowKeyOf } from "./row-keys";

/**
 * The same metric with the same value in several projects of one department: a table copied from
 * project to project says nothing about what each project's money buys (财预〔2021〕101号: 相应匹配).
 * Each such row names the other projects, so whichever is rewritten, the others' findings follow.
 */

/** Projects named in full; beyond these the message counts the rest, so a row copied 200 times stays short. */
const NAMED = 3;

export function copiedAcrossProjects(ctx: RuleContext): Issue[] {
  const d = ctx.disclosure;
  const groups = new Map<string, IndicatorRow[]>();
  for (const row of indicatorRows(d)) {
    const { metric, row: key } = rowKeyOf(ctx, row.indicator);
    if (metric === "" || row.indicator.target.raw.trim() === "") continue;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const issues: Issue[] = [];
  for (const rows of groups.values()) {
    const projects = [...new Set(rows.map((r) => r.p))];
    if (projects.length < 2) continue;
    for (const row of rows) {
      const others = projects.filter((p) => p !== row.p);
      const named = others.slice(0, NAMED).map((p) => projectLabel(d.performance.projects[p], p));
      const rest = others.length > NAMED ? `等 ${others.length} 个项目` : "";
      issues.push({
        path: indicatorPath(row.p, row.i, "name"),
        message: `${rowLabel(row)}（${row.indicator.target.raw.trim()}）与${named.join("、")}${rest}的指标同名同值`,
        hint: "每个项目的指标应写出本项目资金的产出和效果：请按本项目的服务对象、工作量和资金改写指标或指标值",
      });
    }
  }
  return issues;
}
