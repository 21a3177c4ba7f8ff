import type Decimal from "decimal.js";
import { performanceMessages } from "../../i18n/zh-CN/performance";
import { gradeOf, type Grade } from "../../rules/grades";
import { isReverse } from "../../rules/indicator-words";
import type { Indicator, Target } from "../model";
import { Money } from "../money";
import { parseTarget } from "../targets";
import {
  executionRate,
  type SelfEvaluationIndicator,
  type SelfEvaluationProject,
  type WeightPart,
  weightPartOf,
} from "./shapes";

/**
 * The 自评 score of a project (财预〔2020〕10号, lib/domain/spec/performance.md): 100 points shared
 * among 产出, 效益, 满意度 and 预算执行率, each row scored against its target. Exact decimals all
 * the way; the total is rounded to two places once, at the end. Each row carries its working
 * ("实际 95 ÷ 目标 100 × 10 分 = 9.50 分") for the form and the published result.
 */

const m = performanceMessages.score;
const ZERO = new Money(0);
const HUNDRED = new Money(100);

/** Why a row has no score yet: the department has something to fill in or correct. */
export type ScoreProblem = "actualMissing" | "actualUnreadable" | "targetUnreadable" | "bandMissing";

export type ScoredRow = {
  indicatorKey: string;
  name: string;
  part: Exclude<WeightPart, "execution">;
  applicable: boolean;
  /** The row's full points, after the shares and the rescaling; null when it does not apply. */
  points: Decimal | null;
  /** Its score, exact; null when it does not apply or cannot be scored (see problem). */
  score: Decimal | null;
  /** The score is the full points: no 偏差原因 is asked for. */
  full: boolean;
  /** The working as the form shows it, or what is missing. */
  arithmetic: string;
  problem: ScoreProblem | null;
};

export type ExecutionScore = {
  /** 执行率 in percent, exact; null while 全年预算数 or 全年执行数 is missing (or the budget is 0). */
  rate: Decimal | null;
  points: Decimal;
  score: Decimal | null;
  arithmetic: string;
};

export type ProjectScore = {
  projectKey: string;
  name: string;
  rows: ScoredRow[];
  execution: ExecutionScore;
  /** The rows' own 权重 shared the indicators' points (rather than the 一级 parts split equally). */
  rowWeights: boolean;
  /** Every applicable row and the execution rate could be scored: until then the total counts the rest as 0. */
  complete: boolean;
  /** 0–100, two decimals. */
  total: string;
  grade: Grade;
};

/** A reported value as a number ("95", "95%", "９５", "1,062"): its decimal text, or null when it is not one. */
export function readReported(value: string): string | null {
  const t = parseTarget(value);
  return t.kind === "quantitative" ? t.value : null;
}

/** Which way is better for a row: less for a reverse indicator (反向, or a ceiling ≤ / <), more otherwise. */
export function wantsLess(
  row: Pick<Indicator, "level1" | "level2" | "name" | "description" | "target" | "direction">,
): boolean {
  const t = row.target;
  if (t.kind === "quantitative" && (t.operator === "<=" || t.operator === "<")) return true;
  return isReverse({ ...row, basis: "" });
}

/** Two places for showing; the computation keeps every digit. */
const shown = (d: Decimal) => d.toFixed(2);
/** A row's full points as the working shows them: 10 分, 7.14 分. */
const pointsText = (d: Decimal) => (d.isInteger() ? d.toString() : d.toFixed(2));
/** A number as the department wrote it, without trailing zeros ("95.00" shows as 95). */
const plain = (value: string) => new Money(value).toString();

type ScoredTarget = Pick<Indicator, "level1" | "level2" | "name" | "description" | "direction"> & {
  target: Extract<Target, { kind: "quantitative" }>;
};

/**
 * A value reaches its target: by the operator where it says which way (≥ > ≤ <); for `=`, not
 * short of it the way the row wants (a reverse row not above it), and a target of `=0` only by 0.
 */
export function meetsTarget(value: Decimal, row: ScoredTarget): boolean {
  const t = row.target;
  const cmp = value.comparedTo(t.value);
  switch (t.operator) {
    case ">=":
      return cmp >= 0;
    case ">":
      return cmp > 0;
    case "<=":
      return cmp <= 0;
    case "<":
      return cmp < 0;
    default:
      if (new Money(t.value).isZero()) return cmp === 0;
      return wantsLess(row) ? cmp <= 0 : cmp >= 0;
  }
}

type RowResult = Pick<ScoredRow, "score" | "arithmetic" | "problem">;

/** One applicable row's score out of `points`, with its working. */
export function scoreRow(row: SelfEvaluationIndicator, points: Decimal): RowResult {
  const t = row.target;
  const p = pointsText(points);
  if (t.kind !== "quantitative") {
    if (!row.qualitative) return { score: null, arithmetic: m.bandMissing, problem: "bandMissing" };
    const { band, percent } = row.qualitative;
    const score = points.times(percent).div(HUNDRED);
    return { score, arithmetic: m.band(band, plain(percent), p, shown(score)), problem: null };
  }
  if (row.actual.trim() === "") return { score: null, arithmetic: m.actualMissing, problem: "actualMissing" };
  const actualText = readReported(row.actual);
  if (actualText === null)
    return { score: null, arithmetic: m.actualUnreadable(row.actual), problem: "actualUnreadable" };
  const actual = new Money(actualText);
  const target = new Money(t.value);
  const a = plain(actualText);
  const g = plain(t.value);
  // A target of 0 (事故 0 起) has no ratio: met, the full points; missed, none.
  if (target.isZero()) {
    const met = meetsTarget(actual, { ...row, target: t });
    const score = met ? points : ZERO;
    return { score, arithmetic: m.zeroTarget(a, g, met, shown(score)), problem: null };
  }
  if (target.isNegative()) return { score: null, arithmetic: m.targetUnreadable, problem: "targetUnreadable" };
  const less = wantsLess(row);
  // A reverse row where nothing happened (0 投诉) is as good as it gets: no ratio to form.
  if (less && actual.lte(0)) return { score: points, arithmetic: m.reverseNone(g, a, p, shown(points)), problem: null };
  const raw = points.times(less ? target.div(actual) : actual.div(target));
  const score = Money.max(ZERO, Money.min(raw, points));
  const working = less ? m.reverse(g, a, p, shown(raw)) : m.positive(a, g, p, shown(raw));
  const capped = raw.gt(points) ? m.capped(p) : raw.lt(0) ? m.floored : "";
  return { score, arithmetic: `${working}${capped}`, problem: null };
}

/** 预算执行率 points: 执行率 × its weight (10: 执行率 95% is 9.50 分), at most the weight. */
export function scoreExecution(
  project: Pick<SelfEvaluationProject, "budget" | "executed">,
  points: Decimal,
): ExecutionScore {
  const rate = executionRate(project.budget, project.executed);
  if (rate === null) return { rate, points, score: null, arithmetic: m.executionMissing };
  const raw = rate.div(HUNDRED).times(points);
  const score = Money.min(raw, points);
  return {
    rate,
    points,
    score,
    arithmetic: `${m.execution(shown(rate), pointsText(points), shown(raw))}${raw.gt(points) ? m.capped(pointsText(points)) : ""}`,
  };
}

/**
 * The points of each applicable row and of the execution rate, adding up to 100. Where every
 * applicable row carries a 权重, the rows share what the execution rate leaves in proportion to
 * them (a table's weights add up to 100 or to 90); otherwise each 一级 part's weight is split
 * equally among its applicable rows. A part with no applicable row gives its weight to the rest:
 * everything is rescaled to 100.
 */
function pointsOf(project: SelfEvaluationProject): {
  rows: (Decimal | null)[];
  execution: Decimal;
  rowWeights: boolean;
} {
  const w = project.weights;
  const applicable = project.indicators.filter((row) => row.applicable);
  const rowWeightSum = applicable.reduce((sum, row) => sum.plus(row.weight ?? 0), ZERO);
  const rowWeights = applicable.length > 0 && applicable.every((row) => row.weight != null) && rowWeightSum.gt(0);
  if (rowWeights) {
    const share = HUNDRED.minus(w.execution).div(rowWeightSum);
    return {
      rows: project.indicators.map((row) => (row.applicable ? share.times(row.weight ?? 0) : null)),
      execution: new Money(w.execution),
      rowWeights,
    };
  }
  const counts = { output: 0, outcome: 0, satisfaction: 0 };
  for (const row of applicable) counts[weightPartOf(row.level1)]++;
  const present = (Object.keys(counts) as (keyof typeof counts)[]).filter((part) => counts[part] > 0);
  const available = present.reduce((sum, part) => sum.plus(w[part]), new Money(w.execution));
  const scale = available.isZero() ? ZERO : HUNDRED.div(available);
  return {
    rows: project.indicators.map((row) => {
      if (!row.applicable) return null;
      const part = weightPartOf(row.level1);
      return scale.times(w[part]).div(counts[part]);
    }),
    execution: scale.times(w.execution),
    rowWeights,
  };
}

export function scoreProject(project: SelfEvaluationProject): ProjectScore {
  const points = pointsOf(project);
  const rows = project.indicators.map((row, i): ScoredRow => {
    const base = { indicatorKey: row.indicatorKey, name: row.name, part: weightPartOf(row.level1) };
    const rowPoints = points.rows[i];
    if (rowPoints === null)
      return {
        ...base,
        applicable: false,
        points: null,
        score: null,
        full: false,
        arithmetic: m.notApplicable,
        problem: null,
      };
    const result = scoreRow(row, rowPoints);
    return {
      ...base,
      applicable: true,
      points: rowPoints,
      ...result,
      full: result.score?.eq(rowPoints) ?? false,
    };
  });
  const execution = scoreExecution(project, points.execution);
  const sum = rows.reduce((acc, row) => acc.plus(row.score ?? 0), execution.score ?? ZERO);
  const total = sum.toDecimalPlaces(2, Money.ROUND_HALF_UP);
  return {
    projectKey: project.projectKey,
    name: project.name,
    rows,
    execution,
    rowWeights: points.rowWeights,
    complete: execution.score !== null && rows.every((row) => !row.applicable || row.score !== null),
    total: total.toFixed(2),
    grade: gradeOf(total.toNumber()),
  };
}
