import { z } from "zod";
import { findReportFacts, saveReport, type ReportRow } from "@/db/queries/performance-reports";
import { openRound } from "@/db/queries/performance-rounds";
import {
  publishSelfEvaluation,
  reportStepAction,
  stepReport,
  type ReportStep,
} from "@/db/queries/performance-workflow";
import { performanceRoundKinds } from "@/db/schema/performance";
import { canAdminister } from "@/lib/auth/policy";
import { sharedPrinter } from "@/lib/export/pdf";
import { mayDraftFor } from "@/lib/auth/standing";
import { performanceCycleMessages as pm } from "@/lib/i18n/zh-CN/performance-cycle";
import { zhCN } from "@/lib/i18n/zh-CN";
import { transitionOf } from "@/lib/workflow/transitions";
import { defineOperation, type AuthedContext } from "@/app/_server/operation";

/**
 * The performance cycle's operations (issue 17): the admin opens a round, the department's clerk
 * saves and submits its report, the desk's approver starts the review, returns with a comment or
 * approves, the admin publishes an approved 自评. Each policy asks who the person is to the report
 * (the transitions table's `who`, as for a disclosure); the state, the version and the guards are
 * the query's to judge on the locked row, and the query writes the audit row in its transaction.
 */

const target = z.object({ id: z.uuid(), expectedVersion: z.coerce.number().int().positive() });

/** An id that does not exist passes (the query answers 404, as for one out of scope); one that exists is judged. */
async function judgeReport({ db }: AuthedContext, id: string, allows: (row: ReportRow) => boolean): Promise<boolean> {
  const facts = await findReportFacts(db, id);
  return !facts || allows(facts);
}

export const openRoundOperation = defineOperation({
  name: "performance.open-round",
  kind: "action",
  access: { kind: "global", roles: ["admin"] },
  input: z.object({
    fiscalYear: z.coerce.number().int().min(2000).max(2100),
    kind: z.enum(performanceRoundKinds),
    periodEndMonth: z.coerce.number().int().min(1, pm.round.periodEndMonthHelp).max(12).default(7),
    dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, pm.round.badDate),
  }),
  policy: ({ actor }) => canAdminister(actor),
  run: async ({ db, actor, ip }, input) => openRound(db, actor, input, { ip }),
  // openRound writes the audit row with the reports it created, in its transaction.
  audit: { kind: "byQuery" },
});

/**
 * The report's form, saved whole. The content is the kind's shape (checked by the query, which
 * knows the kind); any score the browser sends is not part of the shape and is recomputed.
 */
export const saveReportOperation = defineOperation({
  name: "performance.save",
  kind: "action",
  access: { kind: "scoped", roles: ["clerk", "admin"] },
  input: target.extend({ content: z.unknown() }),
  policy: (ctx, input) => judgeReport(ctx, input.id, (row) => mayDraftFor(ctx.actor, row)),
  run: async ({ db, actor, ip }, input) =>
    saveReport(db, actor, input.id, input.content, { expectedVersion: input.expectedVersion, ip }),
  // saveReport writes the audit row (with the new score) in its transaction.
  audit: { kind: "byQuery" },
});

function reportStep(step: Exclude<ReportStep, "return">) {
  const rule = transitionOf(step);
  return defineOperation({
    name: reportStepAction[step],
    kind: "action",
    access: { kind: step === "publish" ? "global" : "scoped", roles: [rule.by] },
    input: target,
    policy: (ctx, input) => judgeReport(ctx, input.id, (row) => rule.who(ctx.actor, row)),
    run: async ({ db, actor, ip }, input) =>
      step === "publish"
        ? publishSelfEvaluation(db, actor, input.id, {
            expectedVersion: input.expectedVersion,
            ip,
            printer: sharedPrinter(),
          })
        : stepReport(db, actor, input.id, step, { expectedVersion: input.expectedVersion, ip }),
    // stepReport writes the audit row with the state change (and a publication's files), in its transaction.
    audit: { kind: "byQuery" },
  });
}

export const submitReportOperation = reportStep("submit");
export const startReportReviewOperation = reportStep("startReview");
export const approveReportOperation = reportStep("approve");
export const publishReportOperation = reportStep("publish");

export const returnReportOperation = defineOperation({
  name: reportStepAction.return,
  kind: "action",
  access: { kind: "scoped", roles: [transitionOf("return").by] },
  input: target.extend({
    reasonCode: z.string().min(1, zhCN.workflow.guards.reasonGiven).max(40),
    comment: z
      .string()
      .trim()
      .min(1, pm.review.commentRequired)
      .max(2000, zhCN.workflow.returnDialog.noteTooLong(2000)),
    anchorPath: z
      .string()
      .max(200)
      .regex(/^(projects\[\d+\](\.indicators\[\d+\])?)?$/)
      .default(""),
  }),
  policy: (ctx, input) => judgeReport(ctx, input.id, (row) => transitionOf("return").who(ctx.actor, row)),
  run: async ({ db, actor, ip }, input) =>
    stepReport(db, actor, input.id, "return", {
      expectedVersion: input.expectedVersion,
      ip,
      reasonCode: input.reasonCode,
      comment: input.comment,
      anchorPath: input.anchorPath,
    }),
  audit: { kind: "byQuery" },
});
