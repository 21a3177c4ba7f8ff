import { daysUntil } from "../i18n/format";
import { isApproved, isPublished, isSubmittedOrBeyond, type DisclosureState } from "./states";

/**
 * What is due and what is late (lib/domain/spec/workflow.md "Deadlines"): each fiscal year has a submission
 * deadline; publication is due 20 days after approval (预算法). Calendar dates are "YYYY-MM-DD"
 * in Beijing time (lib/i18n/format.ts todayIso), so lateness never depends on the server's zone.
 */

export const PUBLICATION_DAYS_AFTER_APPROVAL = 20;

/** The date publication is due by: 20 calendar days after the approval (预算法). */
export function publicationDueBy(approvedOn: string): string {
  return addDays(approvedOn, PUBLICATION_DAYS_AFTER_APPROVAL);
}

export type DeadlineFacts = {
  state: DisclosureState;
  /** The fiscal year's submission deadline, if the admin set one. */
  submissionDeadline: string | null;
  /** Calendar dates (Beijing) of the last submission and of the approval, when they happened. */
  submittedOn: string | null;
  approvedOn: string | null;
  publishedOn: string | null;
};

export type Due = {
  /** The date it is due by. */
  by: string;
  /** Days from today to `by`: negative when past. */
  daysLeft: number;
  /** Done on time, done late, still open, or open and past its date. */
  status: "done" | "done-late" | "open" | "late";
};

const DAY = 86_400_000;
const toDays = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;

export function addDays(iso: string, days: number): string {
  return new Date((toDays(iso) + days) * DAY).toISOString().slice(0, 10);
}

function due(by: string, doneOn: string | null, today: string): Due {
  const daysLeft = daysUntil(by, today);
  if (doneOn) return { by, daysLeft, status: daysUntil(by, doneOn) < 0 ? "done-late" : "done" };
  return { by, daysLeft, status: daysLeft < 0 ? "late" : "open" };
}

/**
 * The submission and the publication deadline of one disclosure. A returned disclosure is the
 * department's again, so its submission counts as open until it is resubmitted.
 */
export function deadlinesOf(d: DeadlineFacts, today: string): { submission: Due | null; publication: Due | null } {
  const submission = d.submissionDeadline
    ? due(d.submissionDeadline, isSubmittedOrBeyond(d.state) ? d.submittedOn : null, today)
    : null;
  const publication =
    d.approvedOn && (isApproved(d.state) || isPublished(d.state))
      ? due(publicationDueBy(d.approvedOn), isPublished(d.state) ? d.publishedOn : null, today)
      : null;
  return { submission, publication };
}

/** Whole days from `since` to `today` (0 on the same day); what the queue shows as 等待. */
export function daysSince(since: string, today: string): number {
  return Math.max(0, daysUntil(today, since));
}

/**
 * The reminders a department's clerks get while its disclosure is still theirs (a draft, or
 * returned) and the submission deadline nears: one within three days, one on the last day or the
 * day before, one once it is late. A day the reminders did not run is made up by the next stage
 * only: a department one day out is not told "three days" as well.
 */
export const reminderStages = ["3d", "1d", "overdue"] as const;
export type ReminderStage = (typeof reminderStages)[number];
export const isReminderStage = (value: unknown): value is ReminderStage =>
  reminderStages.includes(value as ReminderStage);

export function reminderStage(daysLeft: number): ReminderStage | null {
  if (daysLeft < 0) return "overdue";
  if (daysLeft <= 1) return "1d";
  if (daysLeft <= 3) return "3d";
  return null;
}
