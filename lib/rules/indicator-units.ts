import type { Indicator } from "../domain/model";
import { unitKind } from "../domain/targets";
import type { Issue, RuleContext } from "./finding";
import {
  countsPeople,
  indicatorPath,
  indicatorRows,
  isMoneyCost,
  mentionsPeople,
  rowLabel,
  saysHeadcount,
  saysRatio,
} from "./indicator-words";

/**
 * Does the unit fit the metric (lib/domain/spec/rules.md)? One finding per row, the first misfit found, so a
 * row never drowns the clerk in variants of the same complaint.
 */

type Misfit = { field: "target" | "level2"; message: string; hint: string };

function misfit(ind: Indicator): Misfit | null {
  const t = ind.target;
  // An empty unit is target-readable's finding; text targets have no unit to fit.
  if (t.kind !== "quantitative" || t.unit.trim() === "") return null;
  const kind = unitKind(t.unit);
  const target = `“${t.raw.trim()}”`;

  if (saysRatio(ind) && kind !== "percent") {
    return {
      field: "target",
      message: `指标说的是比率（率 / 百分比 / %），指标值 ${target} 却以“${t.unit}”计`,
      hint: `比率请以 % 计；要数次数的，请把指标改名为“…次数”`,
    };
  }
  if (ind.level2.includes("时效") && kind !== "time" && kind !== "percent") {
    return {
      field: "target",
      message: `时效指标的指标值 ${target} 以“${t.unit}”计，不是时间`,
      hint: "时效指标以时间（天、个月、年）或按时完成的百分比计",
    };
  }
  if (isMoneyCost(ind) && kind !== "money") {
    return {
      field: "target",
      message: `成本指标的指标值 ${target} 以“${t.unit}”计，不是金额`,
      hint: "成本指标以元、万元等金额计",
    };
  }
  // 经济效益 (增收 500万元) is money by nature; elsewhere a sum of money is a cost.
  if (kind === "money" && !isMoneyCost(ind) && !ind.level2.includes("经济效益")) {
    return {
      field: "level2",
      message: `指标值 ${target} 是金额，却列在“${ind.level2 || ind.level1}”下`,
      hint: "金额单位属于成本指标：请把这一行移到成本指标下",
    };
  }
  if (countsPeople(t.unit) && !mentionsPeople(ind)) {
    return {
      field: "target",
      message: `指标值 ${target} 以“${t.unit}”（人）计，但指标“${ind.description.trim() || ind.name.trim()}”数的不是人`,
      hint: "请用与所数对象相符的单位，如 份、册、件、次",
    };
  }
  if (saysHeadcount(ind) && kind === "count" && !countsPeople(t.unit)) {
    return {
      field: "target",
      message: `指标数的是人数，指标值 ${target} 却以“${t.unit}”计`,
      hint: "人数以“人”或“人次”计",
    };
  }
  return null;
}

export function unitFitsMetric({ disclosure: d }: RuleContext): Issue[] {
  const issues: Issue[] = [];
  for (const row of indicatorRows(d)) {
    const found = misfit(row.indicator);
    if (found)
      issues.push({
        path: indicatorPath(row.p, row.i, found.field),
        message: `${rowLabel(row)}：${found.message}`,
        hint: found.hint,
      });
  }
  return issues;
}
