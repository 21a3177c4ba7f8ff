import { money } from "../domain/money";
import type { Indicator, Target } from "../domain/model";
import { isPercent } from "../domain/targets";
import type { Issue, RuleContext } from "./finding";
import { indicatorPath, indicatorRows, isReverse, isSatisfactionMetric, rowLabel, saysRatio } from "./indicator-words";

/** 指标值 itself: readable, in range, pointing the right way. */

const targetPath = (p: number, i: number) => indicatorPath(p, i, "target");
const shown = (t: Target) => `“${t.raw.trim()}”`;

/**
 * Operator + number + unit, or a qualitative phrase. The parser keeps what it cannot read as
 * `unparsed` (`=0.00健全`: a number glued to a quality); a bare number says neither what nor how much.
 */
export function targetReadable({ disclosure: d }: RuleContext): Issue[] {
  const issues: Issue[] = [];
  for (const row of indicatorRows(d)) {
    const t = row.indicator.target;
    if (t.kind === "unparsed") {
      issues.push(
        t.raw.trim() === ""
          ? {
              path: targetPath(row.p, row.i),
              message: `${rowLabel(row)}：请填写指标值`,
              hint: "如 >=95%、=2次，或定性表述如 健全",
            }
          : {
              path: targetPath(row.p, row.i),
              message: `${rowLabel(row)}：指标值 ${shown(t)} 无法读取`,
              hint: "应为“运算符 + 数字 + 单位”（如 >=95%、=2次）或一个定性表述（如 健全、按时完成），二者不能混写",
              ...qualityFix(t.raw),
            },
      );
    } else if (t.kind === "quantitative" && t.unit.trim() === "") {
      issues.push({
        path: targetPath(row.p, row.i),
        message: `${rowLabel(row)}：指标值 ${shown(t)} 缺少计量单位`,
        hint: saysRatio(row.indicator) ? "指标是比率，请写明 %" : "请写明单位，如 %、次、个、天、万元",
      });
    }
  }
  return issues;
}

/**
 * `=0.00健全`: a spreadsheet's empty number column glued to the quality the row means. The quality
 * alone is what the department wrote in words, so it is offered; a real number (`=3健全`) is not.
 */
const ZERO_AND_QUALITY = /^[<>=≥≤＝]*\s*0+(?:\.0+)?\s*(\p{Script=Han}{2,})$/u;

function qualityFix(raw: string): { fix: { label: string; value: string } } | Record<string, never> {
  const quality = raw.trim().match(ZERO_AND_QUALITY)?.[1];
  return quality ? { fix: { label: `改为定性“${quality}”`, value: quality } } : {};
}

/** 增长率 and the like may exceed 100%: only shares of a whole are bounded. */
const GROWTH_WORDS = /增长|增幅|增速|同比|环比|提高|提升|倍/;

export function percentRange({ disclosure: d }: RuleContext): Issue[] {
  const issues: Issue[] = [];
  for (const row of indicatorRows(d)) {
    const t = row.indicator.target;
    if (t.kind !== "quantitative" || !isPercent(t) || GROWTH_WORDS.test(row.indicator.name)) continue;
    const v = money(t.value);
    const impossible = v.lt(0) || v.gt(100) || (t.operator === ">" && v.gte(100)) || (t.operator === "<" && v.lte(0));
    if (!impossible) continue;
    issues.push({
      path: targetPath(row.p, row.i),
      message: `${rowLabel(row)}：百分比指标值 ${shown(t)} 超出 0–100%`,
      hint: "比率不会小于 0% 或大于 100%",
    });
  }
  return issues;
}

/** The lowest 满意度 target accepted unless the finance bureau sets another (RuleContext.satisfactionFloor). */
export const SATISFACTION_FLOOR = 80;
/** The floors an admin may set for a year: below half is no target, above 100 % none can meet. */
export const SATISFACTION_FLOOR_RANGE = { min: 50, max: 100 } as const;

function satisfactionProblems(t: Target, floor: number): string[] {
  if (t.kind === "qualitative") return ["不是百分比"];
  if (t.kind !== "quantitative") return [];
  if (!isPercent(t)) return [t.unit.trim() ? `以“${t.unit}”计，不是百分比` : "没有 %，不是百分比"];
  const v = money(t.value);
  // =100% and >=100% say the same: the ceiling leaves no room for a floor below it.
  if (v.eq(100) && (t.operator === "=" || t.operator === ">=")) return [];
  const problems: string[] = [];
  if (t.operator !== ">=" && t.operator !== ">") problems.push(`用了“${t.operator}”，满意度应写下限（>= 或 >）`);
  if (v.lt(floor)) problems.push(`低于 ${floor}%`);
  // Above 100 % is percent-range's error, for every percentage: it is not said twice.
  return problems;
}

/**
 * `=90%` with 90 at or above the floor only lacks its operator: the fix writes the floor the
 * department meant. A number below the floor, or one without %, is the department's to choose.
 */
function satisfactionFix(t: Target, floor: number) {
  if (t.kind !== "quantitative" || !isPercent(t) || t.operator !== "=") return undefined;
  const v = money(t.value);
  if (v.lt(floor) || v.gt(100)) return undefined;
  const fixed = `>=${t.value}%`;
  return { label: `改为 ${fixed}`, value: fixed };
}

export function satisfactionTarget({ disclosure: d, satisfactionFloor }: RuleContext): Issue[] {
  const floor = satisfactionFloor ?? SATISFACTION_FLOOR;
  const issues: Issue[] = [];
  for (const row of indicatorRows(d)) {
    const ind = row.indicator;
    if (!isSatisfactionMetric(ind) || isReverse(ind)) continue;
    const problems = satisfactionProblems(ind.target, floor);
    if (problems.length === 0) continue;
    const fix = satisfactionFix(ind.target, floor);
    issues.push({
      path: targetPath(row.p, row.i),
      message: `${rowLabel(row)}：满意度目标 ${shown(ind.target)} ${problems.join("，")}`,
      hint: `满意度目标写成不低于 ${floor}% 的下限，如 “>=${Math.max(floor, 90)}%”`,
      ...(fix ? { fix } : {}),
    });
  }
  return issues;
}

function reverseViolation(ind: Indicator): string | null {
  const t = ind.target;
  if (t.kind !== "quantitative") return null;
  if (t.operator === ">=" || t.operator === ">") return `用了“${t.operator}”`;
  if (t.operator === "=" && !money(t.value).isZero()) return `用了“=”且不为 0`;
  return null;
}

/** 反向指标: smaller is better, so the target is a ceiling (<=, <) or zero. */
export function reverseOperator({ disclosure: d }: RuleContext): Issue[] {
  const issues: Issue[] = [];
  for (const row of indicatorRows(d)) {
    if (!isReverse(row.indicator)) continue;
    const violation = reverseViolation(row.indicator);
    if (!violation) continue;
    issues.push({
      path: targetPath(row.p, row.i),
      message: `${rowLabel(row)}是反向指标（越小越好），指标值 ${shown(row.indicator.target)} ${violation}`,
      hint: "反向指标写上限：<= 或 <，或 =0",
    });
  }
  return issues;
}
