import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { canDraftDepartment, type Actor } from "@/lib/auth/actor";
import { ConflictError, ForbiddenError, NotFoundError, StateError, UserError } from "@/lib/errors";
import { performanceCycleMessages as pm } from "@/lib/i18n/zh-CN/performance-cycle";
import { recordMessages as records } from "@/lib/i18n/zh-CN/records";
import type { SelfEvaluation } from "@/lib/domain/performance/shapes";
import { EVALUATION_FORMATS, type EvaluationFormat } from "@/lib/export/performance-formats";
import { disclosureState, isEditable, type DisclosureState } from "@/lib/workflow/states";
import type { Db } from "../client";
import { departments } from "../schema/organisation";
import {
  performanceComments,
  performanceReportFiles,
  performanceReports,
  performanceRounds,
  type PerformanceRoundKind,
} from "../schema/performance";
import { users } from "../schema/users";
import { appendAudit } from "./audit";
import { draftScope, readScope } from "./scope";
import {
  judgementView,
  type JudgementView,
  judgeReport,
  keepPublishedRows,
  parseReportContent,
  type ReportContent,
  type ReportJudgement,
} from "./performance-judge";

/**
 * One department's 运行监控 or 自评 (db/schema/performance.ts): read within the actor's scope,
 * saved by its clerks while it is theirs (draft, returned) at the version they read. The published
 * rows it reports on are the server's copy, whatever the browser sends; the score and grade of a
 * 自评 are computed here on every save and never taken from the browser.
 */

export type ReportRow = {
  id: string;
  roundId: string;
  kind: PerformanceRoundKind;
  fiscalYear: number;
  periodEndMonth: number;
  dueDate: string;
  departmentId: string;
  departmentCode: string;
  departmentName: string;
  disclosureId: string;
  state: DisclosureState;
  version: number;
  score: string | null;
  grade: string | null;
  createdBy: string | null;
  updatedBy: string | null;
  submittedBy: string | null;
  updatedAt: Date;
  submittedAt: Date | null;
  approvedAt: Date | null;
  publishedAt: Date | null;
};

const rowColumns = {
  id: performanceReports.id,
  roundId: performanceReports.roundId,
  kind: performanceRounds.kind,
  fiscalYear: performanceRounds.fiscalYear,
  periodEndMonth: performanceRounds.periodEndMonth,
  dueDate: performanceRounds.dueDate,
  departmentId: performanceReports.departmentId,
  departmentCode: departments.code,
  departmentName: departments.name,
  disclosureId: performanceReports.disclosureId,
  state: performanceReports.state,
  version: performanceReports.version,
  score: performanceReports.score,
  grade: performanceReports.grade,
  createdBy: performanceReports.createdBy,
  updatedBy: performanceReports.updatedBy,
  submittedBy: performanceReports.submittedBy,
  updatedAt: performanceReports.updatedAt,
  submittedAt: performanceReports.submittedAt,
  approvedAt: performanceReports.approvedAt,
  publishedAt: performanceReports.publishedAt,
};

function selectRows(db: Db) {
  return db
    .select(rowColumns)
    .from(performanceReports)
    .innerJoin(performanceRounds, eq(performanceRounds.id, performanceReports.roundId))
    .innerJoin(departments, eq(departments.id, performanceReports.departmentId));
}

/** The report's row in the actor's scope, or NotFoundError (absent and out of scope look alike). */
export async function getReportRow(db: Db, actor: Actor, reportId: string): Promise<ReportRow> {
  const [row] = await selectRows(db).where(
    and(eq(performanceReports.id, reportId), readScope(actor, performanceReports.departmentId)),
  );
  if (!row) throw new NotFoundError(pm.things.report);
  return row;
}

/** The row locked for a write or a step, inside the caller's transaction. */
export async function lockReport(tx: Db, actor: Actor, reportId: string): Promise<ReportRow> {
  const [row] = await selectRows(tx)
    .where(and(eq(performanceReports.id, reportId), readScope(actor, performanceReports.departmentId)))
    .for("update", { of: performanceReports });
  if (!row) throw new NotFoundError(pm.things.report);
  return row;
}

/** Whose report it is, read without scope: the policy tells "not yours" (403) from "no such" (404). */
export async function findReportFacts(db: Db, reportId: string): Promise<ReportRow | null> {
  const [row] = await selectRows(db).where(eq(performanceReports.id, reportId));
  return row ?? null;
}

export type ReportComment = {
  id: string;
  anchorPath: string;
  body: string;
  authorName: string;
  createdAt: Date;
  resolvedAt: Date | null;
};

export type LoadedReport = {
  row: ReportRow;
  content: ReportContent;
  judgement: ReportJudgement;
  comments: ReportComment[];
};

/** The report with its content, the server's findings and score, and the approver's comments. */
export async function loadReport(db: Db, actor: Actor, reportId: string): Promise<LoadedReport> {
  const row = await getReportRow(db, actor, reportId);
  const [stored] = await db
    .select({ content: performanceReports.content })
    .from(performanceReports)
    .where(eq(performanceReports.id, reportId));
  const content = parseReportContent(row.kind, stored.content);
  const comments = await db
    .select({
      id: performanceComments.id,
      anchorPath: performanceComments.anchorPath,
      body: performanceComments.body,
      authorName: users.displayName,
      createdAt: performanceComments.createdAt,
      resolvedAt: performanceComments.resolvedAt,
    })
    .from(performanceComments)
    .innerJoin(users, eq(users.id, performanceComments.authorId))
    .where(eq(performanceComments.reportId, reportId))
    .orderBy(desc(performanceComments.createdAt));
  return { row, content, judgement: judgeReport(row.kind, content), comments };
}

/** The reports the actor may read, newest year first: a clerk's departments, an approver's desk, everyone's for an admin. */
export async function listReportsForActor(
  db: Db,
  actor: Actor,
  filter: { fiscalYear?: number; states?: readonly DisclosureState[] } = {},
): Promise<ReportRow[]> {
  return selectRows(db)
    .where(
      and(
        readScope(actor, performanceReports.departmentId),
        filter.fiscalYear === undefined ? undefined : eq(performanceRounds.fiscalYear, filter.fiscalYear),
        filter.states ? inArray(performanceReports.state, [...filter.states]) : undefined,
      ),
    )
    .orderBy(desc(performanceRounds.fiscalYear), asc(performanceRounds.kind), asc(departments.code));
}

export type SaveReportResult = { version: number; changed: boolean; judgement: JudgementView };

/**
 * Saves what the department reports, in one transaction, conditional on the version the caller
 * read: a stale version is ConflictError and nothing is written. The published rows (targets,
 * weights, names) are kept from the stored report; only the reported fields come from the caller.
 * A save that changes nothing keeps the version and writes no audit row (autosave of an unchanged form).
 */
export async function saveReport(
  db: Db,
  actor: Actor,
  reportId: string,
  incoming: unknown,
  opts: { expectedVersion: number; ip?: string | null },
): Promise<SaveReportResult> {
  return db.transaction(async (tx) => {
    const row = await lockReport(tx, actor, reportId);
    if (!canDraftDepartment(actor, row.departmentId)) throw new ForbiddenError(records.actions.editContent);
    if (!isEditable(row.state)) throw new StateError(row.state, records.actions.editContent);
    if (row.version !== opts.expectedVersion) throw new ConflictError(opts.expectedVersion, row.version);
    const [stored] = await tx
      .select({ content: performanceReports.content })
      .from(performanceReports)
      .where(eq(performanceReports.id, reportId));
    const current = parseReportContent(row.kind, stored.content);
    const desired = keepPublishedRows(row.kind, current, incoming);
    const judgement = judgeReport(row.kind, desired);
    if (JSON.stringify(desired) === JSON.stringify(current))
      return { version: row.version, changed: false, judgement: judgementView(judgement) };
    const { score, grade } = judgement;
    const [saved] = await tx
      .update(performanceReports)
      .set({
        content: desired as unknown as Record<string, unknown>,
        score,
        grade,
        version: sql`${performanceReports.version} + 1`,
        updatedAt: new Date(),
        updatedBy: actor.id,
      })
      .where(
        and(
          eq(performanceReports.id, reportId),
          eq(performanceReports.version, opts.expectedVersion),
          draftScope(actor, performanceReports.departmentId),
        ),
      )
      .returning({ version: performanceReports.version });
    if (!saved) throw new ConflictError(opts.expectedVersion, row.version);
    await appendAudit(tx, {
      actorId: actor.id,
      ip: opts.ip,
      action: "performance.save",
      entityType: "performance-report",
      entityId: reportId,
      detail: { fromVersion: row.version, version: saved.version, score, grade },
    });
    return { version: saved.version, changed: true, judgement: judgementView(judgement) };
  });
}

/** Open comments on a report: those no resubmission has answered yet. */
export async function countOpenReportComments(db: Db, reportId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(performanceComments)
    .where(and(eq(performanceComments.reportId, reportId), isNull(performanceComments.resolvedAt)));
  return row.n;
}

/** The content a step judges, read inside its transaction. */
export async function readReportContent(tx: Db, row: ReportRow): Promise<ReportContent> {
  const [stored] = await tx
    .select({ content: performanceReports.content })
    .from(performanceReports)
    .where(eq(performanceReports.id, row.id));
  return parseReportContent(row.kind, stored.content);
}

/** A report's content the caller sent for another report: refused rather than saved under the wrong name. */
export function assertSameReport(row: ReportRow, content: { departmentCode: string; fiscalYear: number }): void {
  if (content.departmentCode !== row.departmentCode || content.fiscalYear !== row.fiscalYear)
    throw new UserError(pm.review.notThisOne);
}

export type PublishedEvaluation = {
  id: string;
  departmentName: string;
  publishedAt: Date;
  score: string | null;
  grade: string | null;
  content: SelfEvaluation;
  /** Its stored files, in EVALUATION_FORMATS order (no PDF where the server had no Chromium). */
  files: Array<{ format: EvaluationFormat; size: number }>;
};

/**
 * A department's published 自评 of a year, for the portal: public (published results are public),
 * so no actor; a 自评 not yet published, or a 运行监控, is never read here.
 */
export async function publishedSelfEvaluation(
  db: Db,
  fiscalYear: number,
  departmentCode: string,
): Promise<PublishedEvaluation | null> {
  const [row] = await db
    .select({
      id: performanceReports.id,
      departmentName: departments.name,
      publishedAt: performanceReports.publishedAt,
      score: performanceReports.score,
      grade: performanceReports.grade,
      content: performanceReports.content,
    })
    .from(performanceReports)
    .innerJoin(performanceRounds, eq(performanceRounds.id, performanceReports.roundId))
    .innerJoin(departments, eq(departments.id, performanceReports.departmentId))
    .where(
      and(
        eq(performanceRounds.fiscalYear, fiscalYear),
        eq(performanceRounds.kind, "self_evaluation"),
        eq(departments.code, departmentCode),
        eq(performanceReports.state, disclosureState.published),
      ),
    );
  if (!row?.publishedAt) return null;
  const files = await db
    .select({ format: performanceReportFiles.format, size: performanceReportFiles.size })
    .from(performanceReportFiles)
    .where(eq(performanceReportFiles.reportId, row.id));
  return {
    ...row,
    publishedAt: row.publishedAt,
    content: parseReportContent("self_evaluation", row.content) as SelfEvaluation,
    files: EVALUATION_FORMATS.flatMap((format) =>
      files.filter((f) => f.format === format).map((f) => ({ format, size: f.size })),
    ),
  };
}

/** One stored file of a department's published 自评 of a year, byte for byte as published; null when there is none. */
export async function readEvaluationFile(
  db: Db,
  fiscalYear: number,
  departmentCode: string,
  format: EvaluationFormat,
): Promise<typeof performanceReportFiles.$inferSelect | null> {
  const [found] = await db
    .select({ file: performanceReportFiles })
    .from(performanceReportFiles)
    .innerJoin(performanceReports, eq(performanceReports.id, performanceReportFiles.reportId))
    .innerJoin(performanceRounds, eq(performanceRounds.id, performanceReports.roundId))
    .innerJoin(departments, eq(departments.id, performanceReports.departmentId))
    .where(
      and(
        eq(performanceRounds.fiscalYear, fiscalYear),
        eq(performanceRounds.kind, "self_evaluation"),
        eq(departments.code, departmentCode),
        eq(performanceReports.state, disclosureState.published),
        eq(performanceReportFiles.format, format),
      ),
    );
  return found?.file ?? null;
}
