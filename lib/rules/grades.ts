import type { Disclosure } from "../domain/model";
import { dimensionOf, dimensions, type Dimension } from "./dimensions";
import type { Finding, Severity } from "./finding";

/**
 * Each project's grade from its findings (lib/domain/spec/rules.md, "Grades"): 100 points less a
 * deduction per finding at the project or inside it, by severity; the same deductions per
 * dimension show where the points went. The thresholds are 财预〔2020〕10号's: 优 ≥ 90,
 * 良 80–90, 中 60–80, 差 < 60. 中 must be revised before the budget is set, 差 is not budgeted;
 * so a project with an error (a row that cannot be judged, which also blocks submission) is 中 at best.
 */

export const grades = ["excellent", "good", "fair", "poor"] as const;
export type Grade = (typeof grades)[number];

/** Points a finding costs: an error (the row cannot be judged at all) three warnings' worth. */
export const DEDUCTIONS: Readonly<Record<Severity, number>> = { error: 15, warning: 5, info: 1 };

/** The lowest score of each grade, best first. */
const THRESHOLDS: ReadonlyArray<readonly [Grade, number]> = [
  ["excellent", 90],
  ["good", 80],
  ["fair", 60],
  ["poor", 0],
];

export type ProjectGrade = {
  grade: Grade;
  /** 0–100: 100 less every deduction. */
  score: number;
  /** 0–100 each: 100 less the deductions of that dimension's findings. */
  byDimension: Record<Dimension, number>;
  /** The findings graded, per dimension, for the card's tooltip and a return's quoted reasons. */
  findings: Record<Dimension, Finding[]>;
};

export function gradeOf(score: number, hasError = false): Grade {
  const grade = THRESHOLDS.find(([, lowest]) => score >= lowest)![0];
  return hasError && (grade === "excellent" || grade === "good") ? "fair" : grade;
}

const PROJECT = /^performance\.projects\[(\d+)\]/;

/** The project a finding is about, from its path; null for findings elsewhere. */
export function projectIndexOf(path: string): number | null {
  const match = PROJECT.exec(path);
  return match ? Number(match[1]) : null;
}

const mapDimensions = <T>(make: (d: Dimension) => T) =>
  Object.fromEntries(dimensions.map((d) => [d, make(d)])) as Record<Dimension, T>;

/** One grade per project of the disclosure, in its order; a project without findings is 优 with 100. */
export function projectGrades(
  findings: ReadonlyArray<Finding>,
  disclosure: Pick<Disclosure, "performance">,
): ProjectGrade[] {
  const graded = disclosure.performance.projects.map((): Finding[] => []);
  for (const f of findings) {
    const p = projectIndexOf(f.path);
    if (p === null || p >= graded.length) continue;
    graded[p].push(f);
  }
  return graded.map(gradeProject);
}

/**
 * The grade of one project from the findings at it or inside it (the editor's card has them
 * grouped already); findings of rules without a dimension are not graded.
 */
export function gradeProject(findings: ReadonlyArray<Finding>): ProjectGrade {
  const byDim = mapDimensions<Finding[]>(() => []);
  for (const f of findings) {
    const dimension = dimensionOf(f.rule);
    if (dimension !== undefined) byDim[dimension].push(f);
  }
  const lost = mapDimensions(() => 0);
  for (const d of dimensions) for (const f of byDim[d]) lost[d] += DEDUCTIONS[f.severity];
  const total = dimensions.reduce((sum, d) => sum + lost[d], 0);
  const score = Math.max(0, 100 - total);
  const hasError = dimensions.some((d) => byDim[d].some((f) => f.severity === "error"));
  return {
    grade: gradeOf(score, hasError),
    score,
    byDimension: mapDimensions((d) => Math.max(0, 100 - lost[d])),
    findings: byDim,
  };
}

/** 中 must be revised and 差 is not budgeted: the grades a reviewer returns a project for. */
export const needsRevision = (grade: Grade): boolean => grade === "fair" || grade === "poor";

/** Project indices best first (the approver's ranking); equal scores keep the disclosure's order. */
export function rankByGrade(projectGrades: ReadonlyArray<ProjectGrade>): number[] {
  return projectGrades.map((_, p) => p).sort((a, b) => projectGrades[b].score - projectGrades[a].score || a - b);
}

/**
 * The approver's 项目评级 panel: 差 first, then 中, 良, 优; within a grade the lower score first,
 * the disclosure's order among equals. By grade before score: an error makes 85 points 中, below a
 * 良 of 80.
 */
export function rankWorstFirst(projectGrades: ReadonlyArray<ProjectGrade>): number[] {
  const order = (g: Grade) => grades.length - 1 - grades.indexOf(g);
  return projectGrades
    .map((_, p) => p)
    .sort(
      (a, b) =>
        order(projectGrades[a].grade) - order(projectGrades[b].grade) ||
        projectGrades[a].score - projectGrades[b].score ||
        a - b,
    );
}
