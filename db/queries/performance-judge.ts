import { z } from "zod";
import {
  executionRate,
  monitoringReport,
  timeProgress,
  selfEvaluation,
  type MonitoringReport,
  type SelfEvaluation,
} from "@/lib/domain/performance/shapes";
import { Money } from "@/lib/domain/money";
import { scoreProject, type ProjectScore } from "@/lib/domain/performance/scoring";
import { UserError } from "@/lib/errors";
import { gradeOf, type Grade } from "@/lib/rules/grades";
import { zhCN } from "@/lib/i18n/zh-CN";
import { reviewMessages } from "@/lib/i18n/zh-CN/review";
import { performanceCycleMessages as pm } from "@/lib/i18n/zh-CN/performance-cycle";
import type { Finding } from "@/lib/rules/finding";
import { checkMonitoring, checkSelfEvaluation } from "@/lib/rules/performance";
import type { PerformanceRoundKind } from "../schema/performance";

/**
 * Where the database meets lib/domain/performance for a stored report: which shape its kind has,
 * what the browser may change of it, and what the domain's checks and score make of it. The rules
 * themselves are the domain's; this only chooses between the two kinds.
 */

export type ReportContent = MonitoringReport | SelfEvaluation;

export type ReportJudgement = {
  findings: Finding[];
  errorCount: number;
  /** 自评 only: each project's score with each row's working, as the domain computes it. */
  projects: ProjectScore[];
  /** 自评 only: the overall score (two places) and its grade 优/良/中/差; null for 运行监控. */
  score: string | null;
  grade: string | null;
};

const shapeOf = (kind: PerformanceRoundKind) => (kind === "monitoring" ? monitoringReport : selfEvaluation);

/** The stored content as its kind's shape; what the database holds was checked on the way in. */
export function parseReportContent(kind: PerformanceRoundKind, raw: unknown): ReportContent {
  return shapeOf(kind).parse(raw);
}

function parseIncoming(kind: PerformanceRoundKind, raw: unknown): ReportContent {
  const parsed = shapeOf(kind).safeParse(raw, { error: z.locales.zhCN().localeError });
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const key = ["content", ...issue.path.map(String)].join(".");
    fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
  }
  throw new UserError(parsed.error.issues[0]?.message ?? zhCN.errors.invalidInput, fieldErrors);
}

/**
 * The caller's content with the published rows taken from the stored report: the browser reports
 * on the targets, it never edits them. The rows must be the stored ones, in their order (a form
 * built from an older report is refused rather than matched by guesswork).
 */
export function keepPublishedRows(kind: PerformanceRoundKind, stored: ReportContent, raw: unknown): ReportContent {
  const incoming = parseIncoming(kind, raw);
  if (incoming.departmentCode !== stored.departmentCode || incoming.fiscalYear !== stored.fiscalYear)
    throw new UserError(pm.review.notThisOne);
  const sameRows =
    incoming.projects.length === stored.projects.length &&
    incoming.projects.every(
      (p, i) =>
        p.projectKey === stored.projects[i].projectKey &&
        p.indicators.length === stored.projects[i].indicators.length &&
        p.indicators.every((row, j) => row.indicatorKey === stored.projects[i].indicators[j].indicatorKey),
    );
  if (!sameRows) throw new UserError(pm.review.wrongRows);
  const base = {
    schemaVersion: stored.schemaVersion,
    departmentCode: stored.departmentCode,
    fiscalYear: stored.fiscalYear,
  };
  if (kind === "monitoring") {
    const s = stored as MonitoringReport;
    const m = incoming as MonitoringReport;
    return {
      ...m,
      ...base,
      periodEndMonth: s.periodEndMonth,
      projects: m.projects.map((p, i) => ({
        ...p,
        projectKey: s.projects[i].projectKey,
        name: s.projects[i].name,
        indicators: p.indicators.map((row, j) => ({ ...row, ...publishedOf(s.projects[i].indicators[j]) })),
      })),
    } satisfies MonitoringReport;
  }
  const s = stored as SelfEvaluation;
  const e = incoming as SelfEvaluation;
  return {
    ...e,
    ...base,
    projects: e.projects.map((p, i) => ({
      ...p,
      projectKey: s.projects[i].projectKey,
      name: s.projects[i].name,
      initialBudget: s.projects[i].initialBudget,
      indicators: p.indicators.map((row, j) => ({ ...row, ...publishedOf(s.projects[i].indicators[j]) })),
    })),
  } satisfies SelfEvaluation;
}

function publishedOf(
  row:
    | MonitoringReport["projects"][number]["indicators"][number]
    | SelfEvaluation["projects"][number]["indicators"][number],
) {
  const { indicatorKey, level1, level2, name, target, weight, direction } = row;
  return { indicatorKey, level1, level2, name, target, weight, direction };
}

/** The domain's findings for the report and, for a 自评, its projects' scores, its score and grade. */
export function judgeReport(kind: PerformanceRoundKind, content: ReportContent): ReportJudgement {
  const findings =
    kind === "monitoring"
      ? checkMonitoring(content as MonitoringReport)
      : checkSelfEvaluation(content as SelfEvaluation);
  const errorCount = findings.filter((f) => f.severity === "error").length;
  if (kind === "monitoring") return { findings, errorCount, projects: [], score: null, grade: null };
  const projects = (content as SelfEvaluation).projects.map(scoreProject);
  const overall = overallScore(projects);
  return { findings, errorCount, projects, ...overall };
}

/**
 * The department's overall score: each project is scored out of 100 by the documented rule, and
 * the report's score is their mean (two places), graded by the same thresholds. The projects'
 * own scores and grades are what the form, the portal and the year's distribution show.
 */
function overallScore(projects: ProjectScore[]): { score: string | null; grade: string | null } {
  if (projects.length === 0) return { score: null, grade: null };
  const mean = projects
    .reduce((sum, p) => sum.plus(p.total), new Money(0))
    .div(projects.length)
    .toDecimalPlaces(2, Money.ROUND_HALF_UP);
  return { score: mean.toFixed(2), grade: gradeLabel(gradeOf(mean.toNumber())) };
}

/** 优/良/中/差 for a grade id. */
export const gradeLabel = (grade: Grade): string => reviewMessages.grading.grades[grade];

/** A project whose execution lags the time, as the domain's monitoring checks judge it. */
export type LaggingProject = { projectKey: string; name: string; rate: string; timeProgress: string };

/** The projects the monitoring checks find lagging (their rule and threshold), with the two rates. */
export function laggingProjectsOf(content: MonitoringReport): LaggingProject[] {
  const progress = timeProgress(content.periodEndMonth).toFixed(2);
  return checkMonitoring(content)
    .filter((f) => f.rule === LAG_RULE)
    .flatMap((f) => {
      const p = Number(/^projects\[(\d+)\]/.exec(f.path)?.[1]);
      const project = content.projects[p];
      const rate = project ? executionRate(project.budget, project.executed) : null;
      return project && rate
        ? [{ projectKey: project.projectKey, name: project.name, rate: rate.toFixed(2), timeProgress: progress }]
        : [];
    });
}

const LAG_RULE = "monitoring.execution-lag";

/** The judgement as plain data for a page or an action's answer: decimals as two-place text. */
export type JudgementView = {
  findings: Finding[];
  errorCount: number;
  score: string | null;
  grade: string | null;
  projects: Array<{
    projectKey: string;
    total: string;
    grade: string;
    complete: boolean;
    execution: { rate: string | null; points: string; score: string | null; arithmetic: string };
    rows: Array<{
      indicatorKey: string;
      applicable: boolean;
      points: string | null;
      score: string | null;
      arithmetic: string;
    }>;
  }>;
};

const places = (d: { toFixed: (n: number) => string } | null) => (d === null ? null : d.toFixed(2));

export function judgementView(j: ReportJudgement): JudgementView {
  return {
    findings: j.findings,
    errorCount: j.errorCount,
    score: j.score,
    grade: j.grade,
    projects: j.projects.map((p) => ({
      projectKey: p.projectKey,
      total: p.total,
      grade: gradeLabel(p.grade),
      complete: p.complete,
      execution: {
        rate: places(p.execution.rate),
        points: p.execution.points.toFixed(2),
        score: places(p.execution.score),
        arithmetic: p.execution.arithmetic,
      },
      rows: p.rows.map((r) => ({
        indicatorKey: r.indicatorKey,
        applicable: r.applicable,
        points: places(r.points),
        score: places(r.score),
        arithmetic: r.arithmetic,
      })),
    })),
  };
}
