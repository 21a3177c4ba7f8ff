import type { Issue, RuleContext } from "./finding";
import {
  indicatorPath,
  indicatorRows,
  metricKey,
  projectLabel,
  rowLabel,
  targetValueKey,
  type IndicatorRow,
} from "./indicator-words";

/**
 * The same metric with the same value in several projects of one department: a table copied from
 * project to project says nothing about what each project's money buys (财预〔2021〕101号: 相应匹配).
 * Each such row names the other projects, so whichever is rewritten, the others' findings follow.
 */

/** Projects named in full; beyond these the message counts the rest, so a row copied 200 times stays short. */
const NAMED = 3;

export function copiedAcrossProjects({ disclosure: d }: RuleContext): Issue[] {
  const groups = new Map<string, IndicatorRow[]>();
  for (const row of indicatorRows(d)) {
    const name = metricKey(row.indicator.name);
    if (name === "" || row.indicator.target.raw.trim() === "") continue;
    const key = `${name}\u0000${targetValueKey(row.indicator.target)}`;
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
