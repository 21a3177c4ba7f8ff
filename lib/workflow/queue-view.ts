import type { DisclosureState } from "../auth/policy";
import { todayIso } from "../i18n/format";
import { daysSince, deadlinesOf, type Due } from "./deadlines";

/**
 * The approver's queue as the page shows it: what needs them first, how long each has waited,
 * and what is due or late (lib/domain/spec/workflow.md "Deadlines"). Dates are Beijing calendar dates.
 */

export type QueueFacts = {
  state: DisclosureState;
  submissionDeadline: string | null;
  submittedAt: Date | null;
  approvedAt: Date | null;
  publishedAt: Date | null;
};

const day = (d: Date | null) => (d ? todayIso(d) : null);

/** What needs the approver first: waiting submissions, then reviews under way, then the rest. */
export const queueOrder: Record<DisclosureState, number> = { submitted: 0, in_review: 1, returned: 2, draft: 3, approved: 4, published: 5 };

export const awaitingReview = (state: DisclosureState) => state === "submitted" || state === "in_review";

export function dueOf(row: QueueFacts, today: string): { submission: Due | null; publication: Due | null } {
  return deadlinesOf(
    { state: row.state, submissionDeadline: row.submissionDeadline, submittedOn: day(row.submittedAt), approvedOn: day(row.approvedAt), publishedOn: day(row.publishedAt) },
    today,
  );
}

/** Days a submission has waited for the bureau; null when it is not with the bureau. */
export function waitingDays(row: QueueFacts, today: string): number | null {
  return awaitingReview(row.state) && row.submittedAt ? daysSince(todayIso(row.submittedAt), today) : null;
}

/** The queue's headline: waiting for review, late submissions, late publications. */
export function dueSummary(rows: readonly QueueFacts[], today: string): { waiting: number; lateSubmission: number; latePublication: number } {
  let waiting = 0;
  let lateSubmission = 0;
  let latePublication = 0;
  for (const row of rows) {
    if (awaitingReview(row.state)) waiting++;
    const due = dueOf(row, today);
    if (due.submission?.status === "late") lateSubmission++;
    if (due.publication?.status === "late") latePublication++;
  }
  return { waiting, lateSubmission, latePublication };
}
