import { createHash } from "node:crypto";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { type EvaluationFile, renderEvaluationFiles } from "@/lib/export/performance-files";
import type { PdfPrinter } from "@/lib/export/pdf";
import type { SelfEvaluation } from "@/lib/domain/performance/shapes";
import { ConflictError, ForbiddenError, StateError, UserError } from "@/lib/errors";
import { performanceCycleMessages as pm } from "@/lib/i18n/zh-CN/performance-cycle";
import { guardsMessage, stepRefusal, stepVerb } from "@/lib/workflow/messages";
import type { DisclosureState } from "@/lib/workflow/states";
import { needsFindings, transitionOf, unmetGuards } from "@/lib/workflow/transitions";
import type { Db } from "../client";
import { auditLog } from "../schema/audit";
import { performanceComments, performanceReportFiles, performanceReports } from "../schema/performance";
import { returnReasons } from "../schema/settings";
import { appendAudit } from "./audit";
import { judgeReport } from "./performance-judge";
import {
  countOpenReportComments,
  getReportRow,
  lockReport,
  readReportContent,
  type ReportRow,
} from "./performance-reports";
import { draftScope, readScope } from "./scope";

/**
 * Moves a 运行监控 or 自评 along the disclosure's own steps (lib/workflow/transitions.ts): the same
 * states, the same `who` (separation of duties included) and the same guards, judged on the
 * report's facts — its checks' errors, the approver's open comments, an active return reason. In
 * one transaction: lock, check state, version and who, check the guards, update conditionally,
 * write the audit row. Only a 自评 is published (a monitoring report is the bureau's working paper).
 */

export type ReportStep = "submit" | "startReview" | "return" | "approve" | "publish";

/** The audit code of each step: the name of the operation that takes it (app/performance/operations.ts). */
export const reportStepAction: Record<ReportStep, string> = {
  submit: "performance.submit",
  startReview: "performance.start-review",
  return: "performance.return",
  approve: "performance.approve",
  publish: "performance.publish",
};

export type ReportStepOptions = {
  expectedVersion: number;
  ip?: string | null;
  /** A return's reason code and the comment it carries (at a row's path, or "" for the report). */
  reasonCode?: string;
  comment?: string;
  anchorPath?: string;
  /**
   * publish: the 自评's files, rendered before the transaction from the content at expectedVersion
   * (publishSelfEvaluation), stored with the step; and the time they state, which is the step's.
   */
  files?: ReadonlyArray<EvaluationFile>;
  at?: Date;
};

export type ReportStepResult = { version: number; state: DisclosureState; score: string | null; grade: string | null };

/** Everyone who saved the report: none of them may review it. */
async function editorIdsOf(tx: Db, reportId: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ actorId: auditLog.actorId })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entityType, "performance-report"),
        eq(auditLog.entityId, reportId),
        inArray(auditLog.action, ["performance.save", "performance.submit"]),
      ),
    );
  return rows.flatMap((r) => (r.actorId ? [r.actorId] : []));
}

async function isActiveReason(tx: Db, code: string | undefined): Promise<boolean> {
  if (!code) return false;
  const [reason] = await tx
    .select({ code: returnReasons.code })
    .from(returnReasons)
    .where(and(eq(returnReasons.code, code), eq(returnReasons.active, true)));
  return !!reason;
}

function stamps(step: ReportStep, actorId: string, now: Date): Partial<typeof performanceReports.$inferInsert> {
  if (step === "submit") return { submittedAt: now, submittedBy: actorId };
  if (step === "approve") return { approvedAt: now, approvedBy: actorId };
  if (step === "publish") return { publishedAt: now, publishedBy: actorId };
  return {};
}

export async function stepReport(
  db: Db,
  actor: Actor,
  reportId: string,
  step: ReportStep,
  opts: ReportStepOptions,
): Promise<ReportStepResult> {
  const rule = transitionOf(step);
  return db.transaction(async (tx) => {
    const row: ReportRow = await lockReport(tx, actor, reportId);
    if (!rule.from.includes(row.state)) throw new StateError(row.state, stepVerb(step));
    if (row.version !== opts.expectedVersion) throw new ConflictError(opts.expectedVersion, row.version);
    if (!rule.who(actor, { ...row, editorIds: await editorIdsOf(tx, reportId) }))
      throw new ForbiddenError(stepRefusal(step));
    if (step === "publish" && row.kind !== "self_evaluation") throw new UserError(pm.review.notThisKind);
    if (step === "publish" && !opts.files)
      throw new Error("stepReport: a publication stores its files (publishSelfEvaluation)");

    const content = await readReportContent(tx, row);
    const judgement = judgeReport(row.kind, content);
    const reasonValid = step === "return" ? await isActiveReason(tx, opts.reasonCode) : true;
    if (step === "return") {
      const body = opts.comment?.trim() ?? "";
      if (body === "") throw new UserError(pm.review.commentRequired, { comment: [pm.review.commentRequired] });
      // The return's comment is what the guard asks for: written first, rolled back with a refusal.
      if (reasonValid)
        await tx.insert(performanceComments).values({
          reportId,
          anchorPath: opts.anchorPath ?? "",
          body,
          reasonCode: opts.reasonCode,
          authorId: actor.id,
        });
    }
    const unmet = unmetGuards(step, {
      errorFindings: needsFindings(step) ? judgement.errorCount : 0,
      // A report keeps no explained warnings: its warnings inform, only its errors hold it back.
      unexplainedWarnings: 0,
      openComments: await countOpenReportComments(tx, reportId),
      reasonValid,
    });
    if (unmet.length > 0) throw new UserError(guardsMessage(unmet));

    const now = opts.at ?? new Date();
    // Resubmitting answers the comments of the return it comes back from.
    if (step === "submit")
      await tx
        .update(performanceComments)
        .set({ resolvedAt: now, resolvedBy: actor.id })
        .where(and(eq(performanceComments.reportId, reportId), isNull(performanceComments.resolvedAt)));
    const [moved] = await tx
      .update(performanceReports)
      .set({
        state: rule.to,
        version: sql`${performanceReports.version} + 1`,
        updatedAt: now,
        score: judgement.score,
        grade: judgement.grade,
        ...stamps(step, actor.id, now),
      })
      .where(
        and(
          eq(performanceReports.id, reportId),
          eq(performanceReports.version, opts.expectedVersion),
          inArray(performanceReports.state, [...rule.from]),
          rule.scope === "draft"
            ? draftScope(actor, performanceReports.departmentId)
            : readScope(actor, performanceReports.departmentId),
        ),
      )
      .returning({ version: performanceReports.version });
    if (!moved) throw new ConflictError(opts.expectedVersion, row.version);
    const files = step === "publish" ? (opts.files ?? []).map((f) => ({ ...f, sha256: sha256(f.bytes) })) : [];
    if (files.length > 0)
      await tx.insert(performanceReportFiles).values(
        files.map((f) => ({
          reportId,
          format: f.format,
          fileName: f.fileName,
          contentType: f.contentType,
          bytes: f.bytes,
          sha256: f.sha256,
          size: f.bytes.byteLength,
        })),
      );
    await appendAudit(tx, {
      actorId: actor.id,
      ip: opts.ip,
      action: reportStepAction[step],
      entityType: "performance-report",
      entityId: reportId,
      detail: {
        from: row.state,
        to: rule.to,
        fromVersion: row.version,
        version: moved.version,
        ...(step === "return" ? { reasonCode: opts.reasonCode, comment: opts.comment?.trim() } : {}),
        ...(judgement.score !== null ? { score: judgement.score, grade: judgement.grade } : {}),
        ...(files.length > 0
          ? { files: files.map((f) => ({ format: f.format, sha256: f.sha256, size: f.bytes.byteLength })) }
          : {}),
      },
    });
    return { version: moved.version, state: rule.to, score: judgement.score, grade: judgement.grade };
  });
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/**
 * Publishes an approved 自评 with its files (Word, PDF where Chromium is installed, Excel, JSON,
 * CSV, the data package): rendered first, outside any transaction, from the content at the version
 * the admin saw, then stored by stepReport in the transaction that publishes it. A report that
 * moved on meanwhile is refused there (its version), so the files are always of what is published.
 */
export async function publishSelfEvaluation(
  db: Db,
  actor: Actor,
  reportId: string,
  opts: { expectedVersion: number; ip?: string | null; printer?: PdfPrinter | null },
): Promise<ReportStepResult> {
  const row = await getReportRow(db, actor, reportId);
  if (row.kind !== "self_evaluation") throw new UserError(pm.review.notThisKind);
  if (row.version !== opts.expectedVersion) throw new ConflictError(opts.expectedVersion, row.version);
  const content = (await readReportContent(db, row)) as SelfEvaluation;
  const judgement = judgeReport(row.kind, content);
  const at = new Date();
  const files = await renderEvaluationFiles(
    {
      departmentCode: row.departmentCode,
      departmentName: row.departmentName,
      fiscalYear: row.fiscalYear,
      publishedAt: at,
      score: judgement.score,
      grade: judgement.grade,
      content,
    },
    { printer: opts.printer },
  );
  return stepReport(db, actor, reportId, "publish", { expectedVersion: opts.expectedVersion, ip: opts.ip, files, at });
}
