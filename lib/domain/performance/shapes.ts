import type Decimal from "decimal.js";
import { z } from "zod";
import { performanceMessages as m } from "../../i18n/zh-CN/performance";
import { level1Role } from "../frameworks";
import { Money } from "../money";
import { decimalText, indicatorDirections, optionalAmount, target, text, type Disclosure } from "../model";
import { disclosureKeys } from "./keys";

/**
 * The two forms of the performance cycle around a published 绩效目标表 (lib/domain/spec/performance.md):
 * the mid-year 运行监控 (财预〔2019〕136号) and the year-end 自评 (财预〔2020〕10号). Each copies the
 * published rows it reports on (pre-filled from the published disclosure: a department never
 * re-types its targets) and names them by their key (keys.ts). Amounts are 万元 text as in the
 * disclosure; what a department reports of an indicator is text as written ("95", "95%", "已完成"),
 * read as a number by the checks and the score, which say so when it cannot be read.
 */

/** 偏差原因: where a target may be missed, what it lacks (财预〔2019〕136号's list). */
export const deviationCauses = ["经费保障", "制度保障", "人员保障", "硬件条件保障", "其他"] as const;
export type DeviationCause = (typeof deviationCauses)[number];

/** 完成目标可能性: how likely the year's target still is. */
export const achievementLikelihoods = ["确定能", "有可能", "完全不可能"] as const;
export type AchievementLikelihood = (typeof achievementLikelihoods)[number];

/** 定性指标的完成档次, each with the share of the row's points it may be given (lowest, highest). */
export const qualitativeBands = ["达成", "部分达成", "未达成"] as const;
export type QualitativeBand = (typeof qualitativeBands)[number];
export const bandRanges: Readonly<Record<QualitativeBand, readonly [number, number]>> = {
  达成: [80, 100],
  部分达成: [60, 80],
  未达成: [0, 60],
};

/** The share of a project's 100 points each part weighs, "原则上" (财预〔2020〕10号). */
export const weightParts = ["output", "outcome", "satisfaction", "execution"] as const;
export type WeightPart = (typeof weightParts)[number];
export const defaultWeights: Readonly<Record<WeightPart, number>> = {
  output: 50,
  outcome: 30,
  satisfaction: 10,
  execution: 10,
};

/**
 * The part of the score a 一级指标 counts in, by its words (frameworks.ts level1Role): 产出; 效果
 * (2020) and 效益 (2021); 满意度. 成本指标, a 一级 of its own from 2021 (财预〔2021〕101号), was an
 * 产出 二级 before and no scoring rule gives it weight of its own, so it counts with 产出; so does
 * a heading the words do not place.
 */
export function weightPartOf(level1: string): Exclude<WeightPart, "execution"> {
  const role = level1Role(level1);
  return role === "outcome" || role === "satisfaction" ? role : "output";
}

/** The published row as the forms show it beside what is reported: copied, never edited there. */
const publishedRow = z.object({
  indicatorKey: z.string().min(1),
  level1: text,
  level2: text,
  name: text,
  /** 绩效指标描述 */
  description: text,
  target,
  weight: z.number().nonnegative().nullable().optional(),
  direction: z.enum(indicatorDirections).nullable().optional(),
});

/** What a department writes of a measured value: free text, read by the checks (blank while not yet known). */
const reportedValue = text;

export const deviation = z.object({
  cause: z.enum(deviationCauses, { error: m.shape.cause }),
  likelihood: z.enum(achievementLikelihoods, { error: m.shape.likelihood }),
  /** 拟采取的纠偏措施 */
  step: text,
});
export type Deviation = z.infer<typeof deviation>;

export const monitoringIndicator = publishedRow.extend({
  /** 1–N月实际完成值 */
  actualToDate: reportedValue,
  /** 全年预计完成值 */
  forecast: reportedValue,
  /** Where the target may be missed: why, how likely it still is, and what will be done; null otherwise. */
  deviation: deviation.nullable(),
});
export type MonitoringIndicator = z.infer<typeof monitoringIndicator>;

export const monitoringProject = z.object({
  projectKey: z.string().min(1),
  name: text,
  /** 全年预算数 */
  budget: optionalAmount,
  /** 1–N月预算执行数 */
  executed: optionalAmount,
  indicators: z.array(monitoringIndicator),
});
export type MonitoringProject = z.infer<typeof monitoringProject>;

export const monitoringReport = z.object({
  schemaVersion: z.literal(1),
  departmentCode: z.string().min(1),
  fiscalYear: z.number().int().min(2000).max(2100),
  /** The last month reported on: 7 for the usual January–July monitoring. */
  periodEndMonth: z.number().int().min(1, m.shape.month).max(12, m.shape.month),
  /** A remark on the whole report (the demo's says it is illustrative). */
  note: text,
  projects: z.array(monitoringProject),
});
export type MonitoringReport = z.infer<typeof monitoringReport>;

/** 时间进度 in percent: the share of the year the report covers (7 months: 58.33…). Not stored: the month says it. */
export function timeProgress(periodEndMonth: number): Decimal {
  return new Money(periodEndMonth).div(12).times(100);
}

/** 执行率 in percent (executed ÷ budget × 100), exact; null while either is missing or the budget is 0. */
export function executionRate(budget: string | null, executed: string | null): Decimal | null {
  if (budget == null || executed == null || new Money(budget).isZero()) return null;
  return new Money(executed).div(budget).times(100);
}

/** 定性指标: the band it reached and the share of its points given, inside the band. */
export const qualitativeScore = z
  .object({ band: z.enum(qualitativeBands, { error: m.shape.band }), percent: decimalText })
  .check((ctx) => {
    const [low, high] = bandRanges[ctx.value.band];
    const percent = new Money(ctx.value.percent);
    if (percent.lt(low) || percent.gt(high))
      ctx.issues.push({
        code: "custom",
        message: m.shape.bandPercent(ctx.value.band, low, high),
        input: ctx.value,
        path: ["percent"],
      });
  });
export type QualitativeScore = z.infer<typeof qualitativeScore>;

export const selfEvaluationIndicator = publishedRow.extend({
  /** 实际完成值 */
  actual: reportedValue,
  /** false: the indicator does not apply this year, and is left out of the score (the rest rescaled). */
  applicable: z.boolean(),
  /** For a 定性 target: the band reached; null for a quantitative one, or while not yet judged. */
  qualitative: qualitativeScore.nullable(),
  /** 偏差原因及改进措施 */
  deviationReason: text,
});
export type SelfEvaluationIndicator = z.infer<typeof selfEvaluationIndicator>;

const weightValue = z.number().int(m.shape.weightWhole).min(0, m.shape.weightWhole).max(100, m.shape.weightWhole);
export const projectWeights = z.object({
  output: weightValue,
  outcome: weightValue,
  satisfaction: weightValue,
  execution: weightValue,
});
export type ProjectWeights = z.infer<typeof projectWeights>;

export const isDefaultWeights = (w: ProjectWeights) => weightParts.every((part) => w[part] === defaultWeights[part]);

export const selfEvaluationProject = z
  .object({
    projectKey: z.string().min(1),
    name: text,
    /** 年初预算数 */
    initialBudget: optionalAmount,
    /** 全年预算数 (after the year's adjustments) */
    budget: optionalAmount,
    /** 全年执行数 */
    executed: optionalAmount,
    weights: projectWeights,
    /** Why the weights are not 50/30/10/10: required when they are not. */
    weightsReason: text,
    indicators: z.array(selfEvaluationIndicator),
  })
  .check((ctx) => {
    const w = ctx.value.weights;
    const sum = weightParts.reduce((s, part) => s + w[part], 0);
    if (sum !== 100) ctx.issues.push({ code: "custom", message: m.shape.weightSum(sum), input: w, path: ["weights"] });
    if (!isDefaultWeights(w) && ctx.value.weightsReason.trim() === "")
      ctx.issues.push({ code: "custom", message: m.shape.weightsReason, input: w, path: ["weightsReason"] });
  });
export type SelfEvaluationProject = z.infer<typeof selfEvaluationProject>;

export const selfEvaluation = z.object({
  schemaVersion: z.literal(1),
  departmentCode: z.string().min(1),
  fiscalYear: z.number().int().min(2000).max(2100),
  note: text,
  projects: z.array(selfEvaluationProject),
});
export type SelfEvaluation = z.infer<typeof selfEvaluation>;

function publishedRows(d: Disclosure) {
  const keys = disclosureKeys(d);
  return d.performance.projects.map((project, p) => ({
    projectKey: keys.projects[p],
    name: project.name,
    amount: project.amount,
    rows: project.indicators.map((ind, i) => ({
      indicatorKey: keys.indicators[p][i],
      level1: ind.level1,
      level2: ind.level2,
      name: ind.name,
      description: ind.description,
      target: ind.target,
      weight: ind.weight ?? null,
      direction: ind.direction ?? null,
    })),
  }));
}

/** A blank 运行监控 of a published disclosure: its projects and rows, the budget from its amounts. */
export function monitoringFromDisclosure(d: Disclosure, periodEndMonth = 7): MonitoringReport {
  return {
    schemaVersion: 1,
    departmentCode: d.department.code,
    fiscalYear: d.fiscalYear,
    periodEndMonth,
    note: "",
    projects: publishedRows(d).map((project) => ({
      projectKey: project.projectKey,
      name: project.name,
      budget: project.amount,
      executed: null,
      indicators: project.rows.map((row) => ({ ...row, actualToDate: "", forecast: "", deviation: null })),
    })),
  };
}

/**
 * A blank 自评 of a published disclosure: 年初预算数 and 全年预算数 start at the published amount
 * (the department corrects the second for the year's adjustments), the weights at 50/30/10/10,
 * every row applicable.
 */
export function selfEvaluationFromDisclosure(d: Disclosure): SelfEvaluation {
  return {
    schemaVersion: 1,
    departmentCode: d.department.code,
    fiscalYear: d.fiscalYear,
    note: "",
    projects: publishedRows(d).map((project) => ({
      projectKey: project.projectKey,
      name: project.name,
      initialBudget: project.amount,
      budget: project.amount,
      executed: null,
      weights: { ...defaultWeights },
      weightsReason: "",
      indicators: project.rows.map((row) => ({
        ...row,
        actual: "",
        applicable: true,
        qualitative: null,
        deviationReason: "",
      })),
    })),
  };
}
