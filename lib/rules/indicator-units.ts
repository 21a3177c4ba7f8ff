import { Money } from "../domain/money";
import type { Indicator } from "../domain/model";
import { SPELLED_PERCENT, unitKind } from "../domain/targets";
import type { Fix, Issue, RuleContext } from "./finding";
import {
  countsPeople,
  indicatorPath,
  indicatorRows,
  isMoneyCost,
  isReverse,
  mentionsPeople,
  rowLabel,
  saysHeadcount,
  saysRatio,
} from "./indicator-words";

/**
 * Does the unit fit the metric (lib/domain/spec/rules.md)? One finding per row, the first misfit found, so a
 * row never drowns the clerk in variants of the same complaint.
 */

type Misfit = { field: "target" | "level2"; message: string; hint: string; fix?: Fix };

/** 增长率 and the like are changes, not shares of a whole: 0.5 % growth is a real target. */
const CHANGE_WORDS = /增长|增幅|增速|同比|环比|提高|提升|下降|降低|减少/;

function misfit(ind: Indicator): Misfit | null {
  const t = ind.target;
  // An empty unit is target-readable's finding; text targets have no unit to fit.
  if (t.kind !== "quantitative" || t.unit.trim() === "") return null;
  const kind = unitKind(t.unit);
  const target = `“${t.raw.trim()}”`;

  if (t.unit === SPELLED_PERCENT) {
    const fixed = `${t.operator}${t.value}%`;
    return {
      field: "target",
      message: `指标值 ${target} 把 % 写成了“${SPELLED_PERCENT}”`,
      hint: `请写作 ${fixed}`,
      fix: { label: `改为 ${fixed}`, value: fixed },
    };
  }
  // A decimal point with a digit other than 0 after it: `2.00次` is a whole number written to two places.
  if (kind === "count" && /\.\d*[1-9]/.test(t.value)) {
    return {
      field: "target",
      message: `指标值 ${target} 以“${t.unit}”计，却不是整数`,
      hint: "次数、个数没有小数；要写平均数的，请把指标改名为“平均…”并写明单位",
    };
  }
  // `>=0.95%` for a pass rate is almost always 95 % written as a fraction.
  if (
    t.unit === "%" &&
    (t.operator === ">=" || t.operator === ">") &&
    /^0\.\d*[1-9]/.test(t.value) &&
    saysRatio(ind) &&
    !isReverse(ind) &&
    !CHANGE_WORDS.test(ind.name)
  ) {
    const value = new Money(t.value);
    const fixed = `${t.operator}${value.times(100).toString()}%`;
    return {
      field: "target",
      message: `比率的指标值 ${target} 不到 1%，像是把 ${value.times(100).toString()}% 写成了小数`,
      hint: `比率以百分数写：${value.toString()} 即 ${value.times(100).toString()}%，请写作 ${fixed}`,
      fix: { label: `改为 ${fixed}`, value: fixed },
    };
  }
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
        ...(found.fix ? { fix: found.fix } : {}),
      });
  }
  return issues;
}
