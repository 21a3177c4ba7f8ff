import { todayIso } from "../i18n/format";
import { daysSince, deadlinesOf, type Due } from "./deadlines";
import { disclosureState, isUnderReview, type DisclosureState } from "./states";

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

const { draft, submitted, in_review, returned, approved, published } = disclosureState;

/** What needs the approver first: waiting submissions, then reviews under way, then the rest. The filter lists them so. */
export const queueStates: readonly DisclosureState[] = [submitted, in_review, returned, draft, approved, published];
export const queueOrder = Object.fromEntries(queueStates.map((s, i) => [s, i])) as Record<DisclosureState, number>;

export function dueOf(row: QueueFacts, today: string): { submission: Due | null; publication: Due | null } {
  return deadlinesOf(
    {
      state: row.state,
      submissionDeadline: row.submissionDeadline,
      submittedOn: day(row.submittedAt),
      approvedOn: day(row.approvedAt),
      publishedOn: day(row.publishedAt),
    },
    today,
  );
}

/** Days a submission has waited for the bureau; null when it is not with the bureau. */
export function waitingDays(row: QueueFacts, today: string): number | null {
  return isUnderReview(row.state) && row.submittedAt ? daysSince(todayIso(row.submittedAt), today) : null;
}

/** The queue's headline: waiting for review, late submissions, late publications. */
export function dueSummary(
  rows: readonly QueueFacts[],
  today: string,
): { waiting: number; lateSubmission: number; latePublication: number } {
  let waiting = 0;
  let lateSubmission = 0;
  let latePublication = 0;
  for (const row of rows) {
    if (isUnderReview(row.state)) waiting++;
    const due = dueOf(row, today);
    if (due.submission?.status === "late") lateSubmission++;
    if (due.publication?.status === "late") latePublication++;
  }
  return { waiting, lateSubmission, latePublication };
}
