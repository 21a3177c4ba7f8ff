import type { Db } from "@/db/client";
import { addComment } from "@/db/queries/review";
import { returnDisclosure } from "@/db/queries/workflow";
import { disclosureIn, type Cast } from "@/db/test-workflow";

type Ref = { id: string; version: number };

/**
 * Disclosures of the registry world's own department (434) in the states the review operations
 * start from, one per example so the examples that succeed do not disturb each other: a thread
 * the clerk may answer (returned) and one the approver may answer (in review).
 */
export type ReviewExamples = {
  withdraw: Ref;
  startReview: Ref;
  returnable: Ref;
  approvable: Ref;
  commentable: Ref;
  clerkThreadId: string;
  approverThreadId: string;
};

export async function buildReviewExamples(db: Db, cast: Cast, departmentId: string): Promise<ReviewExamples> {
  const withdraw = await disclosureIn(db, cast, departmentId, "submitted", 2030);
  const startReview = await disclosureIn(db, cast, departmentId, "submitted", 2031);
  const returnable = await disclosureIn(db, cast, departmentId, "in_review", 2032);
  await addComment(db, cast.approver, returnable.id, {
    anchorPath: "budget.income.total",
    body: "收入合计请与批复核对。",
  });
  const approvable = await disclosureIn(db, cast, departmentId, "in_review", 2033);
  const commentable = await disclosureIn(db, cast, departmentId, "in_review", 2034);

  const back = await disclosureIn(db, cast, departmentId, "in_review", 2035);
  const clerkThread = await addComment(db, cast.approver, back.id, {
    anchorPath: "performance.projects[0].indicators[0].target",
    body: "目标值偏低。",
  });
  await returnDisclosure(db, cast.approver, back.id, {
    expectedVersion: back.version,
    reasonCode: "unreasonable-target",
  });
  const held = await disclosureIn(db, cast, departmentId, "in_review", 2036);
  const approverThread = await addComment(db, cast.approver, held.id, {
    anchorPath: "threePublic.current.total",
    body: "“三公”合计请核对。",
  });
  return {
    withdraw,
    startReview,
    returnable,
    approvable,
    commentable,
    clerkThreadId: clerkThread.id,
    approverThreadId: approverThread.id,
  };
}
