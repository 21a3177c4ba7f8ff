import { z } from "zod";
import { approveDisclosure, returnDisclosure, transitionDisclosure, type PlainStep } from "@/db/queries/workflow";
import { zhCN } from "@/lib/i18n/zh-CN";
import { transitionOf } from "@/lib/workflow/transitions";
import { takesStep } from "@/app/_server/directory";
import { defineOperation } from "@/app/_server/operation";

/**
 * The workflow's steps other than the clerk's submit (app/disclosures/[id]/edit) and publishing:
 * each is the table's step (lib/workflow/transitions.ts), run by db/queries/workflow.ts, which
 * checks state, version, who and guards again on the locked row and writes the audit row.
 */

const m = zhCN.workflow;
/** The longest return note or approval opinion: a paragraph, not a report. */
const OPINION_MAX = 2000;
const stepInput = z.object({ id: z.uuid(), expectedVersion: z.coerce.number().int().positive() });

function plainStep(step: PlainStep, name: string) {
  return defineOperation({
    name,
    kind: "action",
    access: { kind: "scoped", roles: [transitionOf(step).by] },
    input: stepInput,
    policy: ({ db, actor }, input) => takesStep(db, actor, input.id, step),
    run: async ({ db, actor, ip }, input) =>
      transitionDisclosure(db, actor, input.id, step, { expectedVersion: input.expectedVersion, ip }),
    // transitionDisclosure writes the audit row with the state change, in its transaction.
    audit: { kind: "byQuery" },
  });
}

export const withdrawOperation = plainStep("withdraw", "disclosure.withdraw");
export const startReviewOperation = plainStep("startReview", "disclosure.start-review");

/** 审核通过 with the approver's opinion (审核意见), kept in the approval's audit row and told to the clerks. */
export const approveOperation = defineOperation({
  name: "disclosure.approve",
  kind: "action",
  access: { kind: "scoped", roles: [transitionOf("approve").by] },
  input: stepInput.extend({
    opinion: z.string().trim().max(OPINION_MAX, m.approveDialog.opinionTooLong(OPINION_MAX)).default(""),
  }),
  policy: ({ db, actor }, input) => takesStep(db, actor, input.id, "approve"),
  run: async ({ db, actor, ip }, input) =>
    approveDisclosure(db, actor, input.id, { expectedVersion: input.expectedVersion, opinion: input.opinion, ip }),
  // approveDisclosure writes the audit row (with the opinion) in its transaction.
  audit: { kind: "byQuery" },
});

export const returnOperation = defineOperation({
  name: "disclosure.return",
  kind: "action",
  access: { kind: "scoped", roles: [transitionOf("return").by] },
  input: stepInput.extend({
    reasonCode: z.string().min(1, m.guards.reasonGiven).max(40),
    note: z.string().trim().max(2000, m.returnDialog.noteTooLong(OPINION_MAX)).default(""),
  }),
  policy: ({ db, actor }, input) => takesStep(db, actor, input.id, "return"),
  run: async ({ db, actor, ip }, input) =>
    returnDisclosure(db, actor, input.id, {
      expectedVersion: input.expectedVersion,
      reasonCode: input.reasonCode,
      note: input.note,
      ip,
    }),
  // returnDisclosure writes the audit row (with the reason) in its transaction.
  audit: { kind: "byQuery" },
});
