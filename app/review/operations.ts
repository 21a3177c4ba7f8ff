import { z } from "zod";
import { returnDisclosure, transitionDisclosure, type PlainStep } from "@/db/queries/workflow";
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
export const approveOperation = plainStep("approve", "disclosure.approve");

export const returnOperation = defineOperation({
  name: "disclosure.return",
  kind: "action",
  access: { kind: "scoped", roles: [transitionOf("return").by] },
  input: stepInput.extend({
    reasonCode: z.string().min(1, m.guards.reasonGiven).max(40),
    note: z.string().trim().max(2000, m.returnDialog.noteTooLong(2000)).default(""),
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
