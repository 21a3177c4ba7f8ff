import type { ProjectScore } from "../domain/performance/scoring";
import type { SelfEvaluation } from "../domain/performance/shapes";
import { performanceCycleMessages as pm } from "../i18n/zh-CN/performance-cycle";
import { csvText } from "./csv";
import type { SheetColumn, SheetValue } from "./sheet-tables";

/**
 * A published 自评 as open data (issue 17): one row per indicator — the target it evaluates (with
 * its unit and direction), the 实际完成值, the points and the score with its working — and each
 * project's execution and total. The same rows feed the portal's table, the CSV and the JSON.
 */

export type EvaluationRow = {
  project: string;
  level1: string;
  level2: string;
  indicator: string;
  target: string;
  unit: string;
  direction: "正向" | "反向" | "";
  actual: string;
  applicable: boolean;
  points: string | null;
  score: string | null;
  arithmetic: string;
  deviationReason: string;
};

export type EvaluationProject = {
  project: string;
  initialBudget: string | null;
  budget: string | null;
  executed: string | null;
  executionRate: string | null;
  executionScore: string | null;
  total: string;
  grade: string;
};

const two = (d: { toFixed: (n: number) => string } | null) => (d === null ? null : d.toFixed(2));

export function evaluationRows(evaluation: SelfEvaluation, scores: ProjectScore[]): EvaluationRow[] {
  return evaluation.projects.flatMap((project, p) =>
    project.indicators.map((row, i) => {
      const scored = scores[p]?.rows[i];
      return {
        project: project.name,
        level1: row.level1,
        level2: row.level2,
        indicator: row.name,
        target: row.target.raw,
        unit: row.target.kind === "quantitative" ? row.target.unit : "",
        direction: row.direction === "negative" ? "反向" : row.direction === "positive" ? "正向" : "",
        actual: row.actual,
        applicable: row.applicable,
        points: two(scored?.points ?? null),
        score: two(scored?.score ?? null),
        arithmetic: scored?.arithmetic ?? "",
        deviationReason: row.deviationReason,
      };
    }),
  );
}

export function evaluationProjects(
  evaluation: SelfEvaluation,
  scores: ProjectScore[],
  gradeLabel: (grade: ProjectScore["grade"]) => string,
): EvaluationProject[] {
  return evaluation.projects.map((project, p) => ({
    project: project.name,
    initialBudget: project.initialBudget,
    budget: project.budget,
    executed: project.executed,
    executionRate: two(scores[p].execution.rate),
    executionScore: two(scores[p].execution.score),
    total: scores[p].total,
    grade: gradeLabel(scores[p].grade),
  }));
}

/** The indicator rows' columns: the CSV, the Excel sheet 指标 and the data package's performance resource. */
export const EVALUATION_COLUMNS: ReadonlyArray<SheetColumn> = [
  { header: "部门编码", kind: "text", width: 8 },
  { header: "预算年度", kind: "count", width: 8 },
  { header: "项目", kind: "text", width: 24 },
  { header: "一级指标", kind: "text", width: 10 },
  { header: "二级指标", kind: "text", width: 10 },
  { header: "三级指标", kind: "text", width: 24 },
  { header: "目标值", kind: "text", width: 12 },
  { header: "度量单位", kind: "text", width: 8 },
  { header: "指标方向", kind: "text", width: 8 },
  { header: "实际完成值", kind: "text", width: 12 },
  { header: "分值", kind: "decimal", width: 8 },
  { header: "得分", kind: "decimal", width: 8 },
  { header: "计算", kind: "text", width: 30 },
  { header: "偏差原因及改进措施", kind: "text", width: 30 },
];

/** An indicator row under EVALUATION_COLUMNS: department and year leading each (files concatenate). */
export function evaluationRowValues(evaluation: SelfEvaluation, r: EvaluationRow): SheetValue[] {
  return [
    evaluation.departmentCode,
    evaluation.fiscalYear,
    r.project,
    r.level1,
    r.level2,
    r.indicator,
    r.target,
    r.unit,
    r.direction,
    r.applicable ? r.actual : pm.document.notApplicable,
    r.points,
    r.score,
    r.arithmetic,
    r.deviationReason,
  ];
}

/** The projects' columns: the Excel sheet 项目 and the data package's projects resource. */
export const EVALUATION_PROJECT_COLUMNS: ReadonlyArray<SheetColumn> = [
  { header: "部门编码", kind: "text", width: 8 },
  { header: "预算年度", kind: "count", width: 8 },
  { header: "项目", kind: "text", width: 28 },
  { header: "年初预算数（万元）", kind: "amount", width: 12 },
  { header: "全年预算数（万元）", kind: "amount", width: 12 },
  { header: "执行数（万元）", kind: "amount", width: 12 },
  { header: "执行率（%）", kind: "decimal", width: 10 },
  { header: "预算执行得分", kind: "decimal", width: 10 },
  { header: "总分", kind: "decimal", width: 8 },
  { header: "等级", kind: "text", width: 6 },
];

export function evaluationProjectValues(evaluation: SelfEvaluation, p: EvaluationProject): SheetValue[] {
  return [
    evaluation.departmentCode,
    evaluation.fiscalYear,
    p.project,
    p.initialBudget,
    p.budget,
    p.executed,
    p.executionRate,
    p.executionScore,
    p.total,
    p.grade,
  ];
}

/** The CSV people download: the indicator rows under EVALUATION_COLUMNS. */
export function evaluationCsv(evaluation: SelfEvaluation, rows: EvaluationRow[]): Uint8Array {
  const values = rows.map((r) => evaluationRowValues(evaluation, r));
  return new TextEncoder().encode(`\ufeff${csvText(EVALUATION_COLUMNS, values)}`);
}
