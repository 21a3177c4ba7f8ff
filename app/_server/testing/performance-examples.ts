import type { Db } from "@/db/client";
import { listReportsForActor, loadReport, saveReport } from "@/db/queries/performance-reports";
import { filledMonitoring, filledSelfEvaluation } from "@/db/test-performance";
import type { MonitoringReport, SelfEvaluation } from "@/lib/domain/performance/shapes";
import { openRound } from "@/db/queries/performance-rounds";
import { publishSelfEvaluation, stepReport, type ReportStep } from "@/db/queries/performance-workflow";
import { disclosureIn, type Cast } from "@/db/test-workflow";
import type { ReportContent } from "@/db/queries/performance-judge";

/**
 * What the performance cycle's operations start from, in the registry world's own department
 * (434): published disclosures of four years (2041 is the publication examples') with their rounds,
 * the reports walked to the state each operation starts from, and a 自评 round still to open.
 */
export type PerformanceExamples = {
  /** A published year with a 运行监控 and no 自评 round yet. */
  openYear: number;
  /** A year whose 自评 is published. */
  publishedYear: number;
  draft: { id: string; version: number; content: ReportContent };
  submittable: { id: string; version: number };
  submitted: { id: string; version: number };
  returnable: { id: string; version: number };
  approvable: { id: string; version: number };
  publishable: { id: string; version: number };
};

const walks: Record<string, ReportStep[]> = {
  "2041/monitoring": [],
  // Published, for the portal's download.
  "2041/self_evaluation": ["submit", "startReview", "approve", "publish"],
  "2060/monitoring": [],
  "2060/self_evaluation": ["submit", "startReview", "approve"],
  "2061/monitoring": ["submit"],
  "2061/self_evaluation": ["submit", "startReview"],
  "2062/monitoring": ["submit", "startReview"],
};

export async function buildPerformanceExamples(db: Db, cast: Cast, departmentId: string): Promise<PerformanceExamples> {
  const at: Record<string, { id: string; version: number }> = {};
  // 2041 is published by the publication examples; its rounds reuse it.
  for (const year of [2060, 2061, 2062]) await disclosureIn(db, cast, departmentId, "published", year);
  for (const key of Object.keys(walks)) {
    const [year, kind] = key.split("/") as [string, "monitoring" | "self_evaluation"];
    await openRound(db, cast.admin, { fiscalYear: Number(year), kind, periodEndMonth: 7, dueDate: `${year}-08-15` });
  }
  for (const row of await listReportsForActor(db, cast.admin)) {
    const key = `${row.fiscalYear}/${row.kind}`;
    let version = row.version;
    // Filled as a department on course fills it (no error to hold a step back); the save example's stays as opened.
    if (key !== "2041/monitoring") {
      const { content } = await loadReport(db, cast.admin, row.id);
      const filled =
        row.kind === "monitoring"
          ? filledMonitoring(content as MonitoringReport)
          : filledSelfEvaluation(content as SelfEvaluation);
      ({ version } = await saveReport(db, cast.clerk, row.id, filled, { expectedVersion: version }));
    }
    for (const step of walks[key] ?? []) {
      const actor = step === "submit" ? cast.clerk : step === "publish" ? cast.admin : cast.approver;
      ({ version } =
        step === "publish"
          ? await publishSelfEvaluation(db, actor, row.id, { expectedVersion: version })
          : await stepReport(db, actor, row.id, step, { expectedVersion: version }));
    }
    at[key] = { id: row.id, version };
  }
  const draft = at["2041/monitoring"];
  return {
    openYear: 2062,
    publishedYear: 2041,
    draft: { ...draft, content: (await loadReport(db, cast.admin, draft.id)).content },
    submittable: at["2060/monitoring"],
    submitted: at["2061/monitoring"],
    returnable: at["2062/monitoring"],
    approvable: at["2061/self_evaluation"],
    publishable: at["2060/self_evaluation"],
  };
}
