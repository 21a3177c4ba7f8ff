import { z } from "zod";
import { addComment, findCommentDisclosure, replyToComment, setCommentResolved } from "@/db/queries/review";
import { answersReviewOf } from "@/lib/auth/policy";
import { isReviewerOf } from "@/lib/auth/standing";
import { formBoolean } from "@/lib/form-values";
import { zhCN } from "@/lib/i18n/zh-CN";
import { findDisclosureFacts, judgeDisclosure } from "@/app/_server/directory";
import { defineOperation, type AuthedContext } from "@/app/_server/operation";

/**
 * Review comments: the approver opens threads on the review screen; whoever holds the disclosure
 * answers and resolves them (the clerk in the editor, the approver on the review screen). The
 * queries in db/queries/review.ts check the policy again with the state as it is.
 */

const c = zhCN.workflow.comments;
const body = z.string().trim().min(1, c.bodyRequired).max(2000, c.bodyTooLong(2000));

/** Role and scope only: the state is the query's to judge, so a late click reads "当前状态…" not 403. */
async function mayAnswer({ db, actor }: AuthedContext, commentId: string): Promise<boolean> {
  const disclosureId = await findCommentDisclosure(db, commentId);
  const facts = disclosureId ? await findDisclosureFacts(db, disclosureId) : null;
  if (!facts) return true;
  return answersReviewOf(actor, facts);
}

export const addCommentOperation = defineOperation({
  name: "review.comment",
  kind: "action",
  access: { kind: "scoped", roles: ["approver"] },
  input: z.object({ id: z.uuid(), anchorPath: z.string().min(1).max(300), body }),
  policy: ({ db, actor }, input) => judgeDisclosure(db, input.id, (facts) => isReviewerOf(actor, facts)),
  run: async ({ db, actor, ip }, input) =>
    addComment(db, actor, input.id, { anchorPath: input.anchorPath, body: input.body, ip }),
  // addComment writes the audit row in its transaction.
  audit: { kind: "byQuery" },
});

export const replyOperation = defineOperation({
  name: "review.reply",
  kind: "action",
  access: { kind: "scoped", roles: ["clerk", "approver"] },
  input: z.object({ commentId: z.uuid(), body }),
  policy: (ctx, input) => mayAnswer(ctx, input.commentId),
  run: async ({ db, actor, ip }, input) => replyToComment(db, actor, input.commentId, { body: input.body, ip }),
  // replyToComment writes the audit row in its transaction.
  audit: { kind: "byQuery" },
});

export const resolveOperation = defineOperation({
  name: "review.resolve",
  kind: "action",
  access: { kind: "scoped", roles: ["clerk", "approver"] },
  input: z.object({ commentId: z.uuid(), resolved: formBoolean }),
  policy: (ctx, input) => mayAnswer(ctx, input.commentId),
  run: async ({ db, actor, ip }, input) => setCommentResolved(db, actor, input.commentId, input.resolved, ip),
  // setCommentResolved writes the audit row in its transaction.
  audit: { kind: "byQuery" },
});
