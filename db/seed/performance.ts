import type { Actor } from "@/lib/auth/actor";
import type { Db } from "../client";
import { listReportsForActor, loadReport, saveReport } from "../queries/performance-reports";
import { openRound } from "../queries/performance-rounds";
import type { PdfPrinter } from "@/lib/export/pdf";
import { publishSelfEvaluation, stepReport } from "../queries/performance-workflow";
import { performanceDemo } from "./performance-demo";
import { publishedDisclosure } from "../queries/previous-year";

/**
 * The performance cycle on the demo (issue 17): 434's published 2020 targets with the illustrative
 * 运行监控 and 自评 of ./performance-demo.ts (each marked 演示数据 in its note). Both rounds are opened
 * by the admin; the 运行监控 is filled and left with the department to submit (the e2e walks it
 * through review), the 自评 is filled, submitted, approved and published, so the portal shows it
 * beside the targets. Through the real queries, as the people who would take each step.
 */
export async function seedPerformanceDemo(
  db: Db,
  people: { admin: Actor; clerk: Actor; approver: Actor },
  departmentCode: string,
  fiscalYear: number,
  printer?: PdfPrinter | null,
): Promise<void> {
  const published = await publishedDisclosure(db, departmentCode, fiscalYear);
  if (!published) return;
  const demo = performanceDemo(published);
  await openRound(db, people.admin, {
    fiscalYear,
    kind: "monitoring",
    periodEndMonth: 7,
    dueDate: `${fiscalYear}-08-15`,
  });
  await openRound(db, people.admin, {
    fiscalYear,
    kind: "self_evaluation",
    periodEndMonth: 12,
    dueDate: `${fiscalYear + 1}-03-31`,
  });
  for (const row of await listReportsForActor(db, people.clerk, { fiscalYear })) {
    if (row.departmentCode !== departmentCode) continue;
    const { row: current } = await loadReport(db, people.clerk, row.id);
    const content = row.kind === "monitoring" ? demo.monitoring : demo.selfEvaluation;
    let { version } = await saveReport(db, people.clerk, row.id, content, { expectedVersion: current.version });
    if (row.kind !== "self_evaluation") continue;
    ({ version } = await stepReport(db, people.clerk, row.id, "submit", { expectedVersion: version }));
    ({ version } = await stepReport(db, people.approver, row.id, "startReview", { expectedVersion: version }));
    ({ version } = await stepReport(db, people.approver, row.id, "approve", { expectedVersion: version }));
    await publishSelfEvaluation(db, people.admin, row.id, { expectedVersion: version, printer });
  }
}
