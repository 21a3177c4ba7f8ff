import { z } from "zod";
import { returnDisclosure, transitionDisclosure, type PlainStep } from "@/db/queries/workflow";
import { transitionOf, type WorkflowStep } from "@/lib/workflow/transitions";
import { findDisclosureFacts } from "@/app/_server/directory";
import { defineOperation, type OperationContext } from "@/app/_server/operation";

/**
 * The workflow's steps other than the clerk's submit (app/disclosures/[id]/edit) and publishing:
 * each is the table's step (lib/workflow/transitions.ts), run by db/queries/workflow.ts, which
 * checks state, version, who and guards again on the locked row and writes the audit row.
 */

/**
 * Whether this person takes this step at all: the table's `who`, judged as if the disclosure were
 * in the step's start state. The state itself is the query's to check on the locked row, so the
 * second of two approvers is told "当前状态（审核中）下不能开始审核" rather than a bare refusal.
 * An id that does not exist passes here and is a 404 in run.
 */
async function mayTake({ db, actor }: OperationContext, id: string, step: WorkflowStep): Promise<boolean> {
  const facts = await findDisclosureFacts(db, id);
  if (!facts) return true;
  const rule = transitionOf(step);
  return rule.who(actor, { ...facts, state: rule.from[0] });
}

const stepInput = z.object({ id: z.uuid(), expectedVersion: z.coerce.number().int().positive() });

function plainStep(step: PlainStep, name: string) {
  return defineOperation({
    name,
    kind: "action",
    access: { kind: "scoped", roles: [transitionOf(step).by] },
    input: stepInput,
    policy: (ctx, input) => mayTake(ctx, input.id, step),
    run: async ({ db, actor, ip }, input) => transitionDisclosure(db, actor!, input.id, step, { expectedVersion: input.expectedVersion, ip }),
    // transitionDisclosure writes the audit row with the state change, in its transaction.
    audit: () => null,
  });
}

export const withdrawOperation = plainStep("withdraw", "disclosure.withdraw");
export const startReviewOperation = plainStep("startReview", "disclosure.start-review");
export const approveOperation = plainStep("approve", "disclosure.approve");

export const returnOperation = defineOperation({
  name: "disclosure.return",
  kind: "action",
  access: { kind: "scoped", roles: ["approver"] },
  input: stepInput.extend({
    reasonCode: z.string().min(1, "请选择退回原因。").max(40),
    note: z.string().trim().max(2000, "说明请不超过 2000 字。").default(""),
  }),
  policy: (ctx, input) => mayTake(ctx, input.id, "return"),
  run: async ({ db, actor, ip }, input) =>
    returnDisclosure(db, actor!, input.id, { expectedVersion: input.expectedVersion, reasonCode: input.reasonCode, note: input.note, ip }),
  // returnDisclosure writes the audit row (with the reason) in its transaction.
  audit: () => null,
});
