import type { MonitoringReport, SelfEvaluation } from "@/lib/domain/performance/shapes";

/**
 * Reports filled in the way a department that is on course fills them: every project spent as
 * budgeted, every row reported at its target, so the checks find no error and a test can add the
 * one problem it is about. Rows whose target cannot be read are left out of a 自评's score.
 */

export function filledMonitoring(report: MonitoringReport): MonitoringReport {
  const filled = structuredClone(report);
  for (const project of filled.projects) {
    project.budget ??= "100.00";
    project.executed = project.budget;
    for (const row of project.indicators) {
      const value = row.target.kind === "quantitative" ? row.target.value : "按计划推进";
      row.actualToDate = value;
      row.forecast = value;
      row.deviation = null;
    }
  }
  return filled;
}

export function filledSelfEvaluation(evaluation: SelfEvaluation): SelfEvaluation {
  const filled = structuredClone(evaluation);
  for (const project of filled.projects) {
    project.budget ??= "100.00";
    project.executed = project.budget;
    for (const row of project.indicators) {
      row.applicable = row.target.kind !== "unparsed";
      row.actual = row.target.kind === "quantitative" ? row.target.value : "已完成";
      row.qualitative = row.target.kind === "qualitative" ? { band: "达成", percent: "100" } : null;
      row.deviationReason = "";
    }
  }
  return filled;
}
