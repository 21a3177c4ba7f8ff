import { daysUntil, todayIso } from "../i18n/format";
import { publicationDueBy } from "../workflow/deadlines";
import { isApproved, isSubmittedOrBeyond, type DisclosureState } from "../workflow/states";

/**
 * How late a department is (lib/domain/spec/workflow.md "Deadlines"), in whole Beijing calendar days:
 * - overdue: past the year's submission deadline and not submitted (a draft, a returned one, or
 *   nothing started);
 * - submittedLate: submitted, but after the deadline (kept so the bureau sees it next year);
 * - publishOverdue: approved and past its publication date (lib/workflow/deadlines.ts), not yet published.
 * A correcting revision (revision 2+) is not measured against the year's deadline.
 */

export type LatenessInput = {
  state: DisclosureState | null;
  revision: number | null;
  submittedAt: Date | null;
  approvedAt: Date | null;
};

export type Lateness = { overdue: number; submittedLate: number; publishOverdue: number };

export function lateness(d: LatenessInput, deadline: string | null, today: string = todayIso()): Lateness {
  const out: Lateness = { overdue: 0, submittedLate: 0, publishOverdue: 0 };
  const correction = (d.revision ?? 1) > 1;
  if (deadline && !correction) {
    // Nothing started, or the department still holds it.
    if (d.state === null || !isSubmittedOrBeyond(d.state)) out.overdue = Math.max(0, -daysUntil(deadline, today));
    else if (d.submittedAt) out.submittedLate = Math.max(0, -daysUntil(deadline, todayIso(d.submittedAt)));
  }
  if (d.state !== null && isApproved(d.state) && d.approvedAt) {
    out.publishOverdue = Math.max(0, -daysUntil(publicationDueBy(todayIso(d.approvedAt)), today));
  }
  return out;
}

/** Late now: something is waiting past its deadline (not a late submission already made). */
export function isLate(l: Lateness): boolean {
  return l.overdue > 0 || l.publishOverdue > 0;
}

/** One number to sort by: the longest of the three. */
export function daysLate(l: Lateness): number {
  return Math.max(l.overdue, l.submittedLate, l.publishOverdue);
}

/** The lateness as short Chinese notes for a table cell or a sheet ("逾期 5 天"). */
export function latenessNotes(
  l: Lateness,
  words: {
    overdue: (d: number) => string;
    submittedLate: (d: number) => string;
    publishOverdue: (d: number) => string;
  },
): string[] {
  const notes: string[] = [];
  if (l.overdue > 0) notes.push(words.overdue(l.overdue));
  if (l.submittedLate > 0) notes.push(words.submittedLate(l.submittedLate));
  if (l.publishOverdue > 0) notes.push(words.publishOverdue(l.publishOverdue));
  return notes;
}
