import { and, asc, desc, eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import {
  monitoringFromDisclosure,
  selfEvaluationFromDisclosure,
  type MonitoringReport,
} from "@/lib/domain/performance/shapes";
import type { Disclosure } from "@/lib/domain/model";
import { ForbiddenError, UserError } from "@/lib/errors";
import { performanceCycleMessages as pm } from "@/lib/i18n/zh-CN/performance-cycle";
import { recordMessages as records } from "@/lib/i18n/zh-CN/records";
import { disclosureState, isSubmittedOrBeyond } from "@/lib/workflow/states";
import type { Db } from "../client";
import { disclosures } from "../schema/disclosures";
import { performanceReports, performanceRounds, type PerformanceRoundKind } from "../schema/performance";
import { publishedSnapshots } from "../schema/publishing";
import { fiscalYears } from "../schema/settings";
import { appendAudit } from "./audit";
import { judgeReport, laggingProjectsOf, parseReportContent, type LaggingProject } from "./performance-judge";
import { listReportsForActor, type ReportRow } from "./performance-reports";

/**
 * The admin's side of the performance cycle: opening a round of 运行监控 or 自评 for a year, which
 * gives every department with a published disclosure of that year a report pre-filled from its
 * published targets, and the year's progress across departments.
 */

export type RoundRow = typeof performanceRounds.$inferSelect;

export type OpenRoundInput = {
  fiscalYear: number;
  kind: PerformanceRoundKind;
  /** 运行监控's last month (usually 7); a 自评 covers the year (12). */
  periodEndMonth: number;
  dueDate: string;
};

/** Each department's latest published revision of the year, as published. */
async function publishedOfYear(
  db: Db,
  fiscalYear: number,
): Promise<Array<{ departmentId: string; disclosureId: string; canonical: Disclosure }>> {
  return db
    .selectDistinctOn([disclosures.departmentId], {
      departmentId: disclosures.departmentId,
      disclosureId: disclosures.id,
      canonical: publishedSnapshots.canonical,
    })
    .from(publishedSnapshots)
    .innerJoin(disclosures, eq(disclosures.id, publishedSnapshots.disclosureId))
    .where(and(eq(disclosures.fiscalYear, fiscalYear), eq(disclosures.state, disclosureState.published)))
    .orderBy(disclosures.departmentId, desc(publishedSnapshots.revision));
}

/** Opens the round and pre-fills a report per department with a published disclosure of the year, with its audit row. */
export async function openRound(
  db: Db,
  actor: Actor,
  input: OpenRoundInput,
  opts: { ip?: string | null } = {},
): Promise<{ roundId: string; reports: number }> {
  if (actor.role !== "admin") throw new ForbiddenError(pm.round.open(input.kind));
  return db.transaction(async (tx) => {
    const [year] = await tx.select().from(fiscalYears).where(eq(fiscalYears.year, input.fiscalYear));
    if (!year) throw new UserError(pm.round.noYear(input.fiscalYear), {}, "not-found");
    const published = await publishedOfYear(tx, input.fiscalYear);
    if (published.length === 0) throw new UserError(pm.round.nonePublished(input.fiscalYear));
    const periodEndMonth = input.kind === "self_evaluation" ? 12 : input.periodEndMonth;
    const [round] = await tx
      .insert(performanceRounds)
      .values({
        fiscalYear: input.fiscalYear,
        kind: input.kind,
        periodEndMonth,
        dueDate: input.dueDate,
        openedBy: actor.id,
      })
      .onConflictDoNothing()
      .returning({ id: performanceRounds.id });
    if (!round) throw new UserError(pm.round.already(input.kind, input.fiscalYear), {}, "conflict");
    for (const p of published) {
      const content =
        input.kind === "monitoring"
          ? monitoringFromDisclosure(p.canonical, periodEndMonth)
          : selfEvaluationFromDisclosure(p.canonical);
      const { score, grade } = judgeReport(input.kind, content);
      await tx.insert(performanceReports).values({
        roundId: round.id,
        departmentId: p.departmentId,
        disclosureId: p.disclosureId,
        content: content as unknown as Record<string, unknown>,
        score,
        grade,
      });
    }
    await appendAudit(tx, {
      actorId: actor.id,
      ip: opts.ip,
      action: "performance.open-round",
      entityType: "fiscal-year",
      entityId: String(input.fiscalYear),
      detail: { kind: input.kind, periodEndMonth, dueDate: input.dueDate, reports: published.length },
    });
    return { roundId: round.id, reports: published.length };
  });
}

export async function listRounds(db: Db, fiscalYear: number): Promise<RoundRow[]> {
  return db
    .select()
    .from(performanceRounds)
    .where(eq(performanceRounds.fiscalYear, fiscalYear))
    .orderBy(asc(performanceRounds.kind));
}

export type ProgressRow = ReportRow & { late: boolean };

export type RoundProgress = {
  round: RoundRow;
  rows: ProgressRow[];
  counts: { due: number; late: number; submitted: number; approved: number; published: number };
  /** 自评: how many reports (submitted or beyond) are at each grade. */
  grades: Record<string, number>;
  /** 运行监控: projects whose execution lags the time, per department. */
  lagging: Array<LaggingProject & { departmentName: string }>;
};

/** The year's rounds with each department's report: due, late, submitted, approved, published; grades; lagging projects. Admins only. */
export async function yearPerformanceProgress(
  db: Db,
  actor: Actor,
  fiscalYear: number,
  today: string = new Date().toISOString().slice(0, 10),
): Promise<RoundProgress[]> {
  if (actor.role !== "admin") throw new ForbiddenError(records.actions.viewYearOverview);
  const rounds = await listRounds(db, fiscalYear);
  const reports = await listReportsForActor(db, actor, { fiscalYear });
  const out: RoundProgress[] = [];
  for (const round of rounds) {
    const rows = reports
      .filter((r) => r.roundId === round.id)
      .map((r) => ({ ...r, late: !isSubmittedOrBeyond(r.state) && today > r.dueDate }));
    const grades: Record<string, number> = Object.fromEntries(pm.grades.map((g) => [g, 0]));
    for (const r of rows) if (r.grade && isSubmittedOrBeyond(r.state)) grades[r.grade] = (grades[r.grade] ?? 0) + 1;
    const lagging: RoundProgress["lagging"] = [];
    if (round.kind === "monitoring")
      for (const r of rows) {
        const [stored] = await db
          .select({ content: performanceReports.content })
          .from(performanceReports)
          .where(eq(performanceReports.id, r.id));
        for (const lag of laggingProjectsOf(parseReportContent("monitoring", stored.content) as MonitoringReport))
          lagging.push({ ...lag, departmentName: r.departmentName });
      }
    out.push({
      round,
      rows,
      counts: {
        due: rows.length,
        late: rows.filter((r) => r.late).length,
        submitted: rows.filter((r) => isSubmittedOrBeyond(r.state)).length,
        approved: rows.filter((r) => r.state === disclosureState.approved || r.state === disclosureState.published)
          .length,
        published: rows.filter((r) => r.state === disclosureState.published).length,
      },
      grades,
      lagging,
    });
  }
  return out;
}
