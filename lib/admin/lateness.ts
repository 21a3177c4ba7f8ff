import type { DisclosureState } from "../auth/policy";
import { daysUntil, todayIso } from "../i18n/format";

/**
 * How late a department is (lib/domain/spec/workflow.md "Deadlines"), in whole Beijing calendar days:
 * - overdue: past the year's submission deadline and not submitted (a draft, a returned one, or
 *   nothing started);
 * - submittedLate: submitted, but after the deadline (kept so the bureau sees it next year);
 * - publishOverdue: approved more than 20 days ago (预算法) and not yet published.
 * A correcting revision (revision 2+) is not measured against the year's deadline.
 */

export const PUBLICATION_DAYS = 20;

export type LatenessInput = {
  state: DisclosureState | null;
  revision: number | null;
  submittedAt: Date | null;
  approvedAt: Date | null;
};

export type Lateness = { overdue: number; submittedLate: number; publishOverdue: number };

const PENDING: ReadonlySet<DisclosureState | null> = new Set([null, "draft", "returned"]);

/** "YYYY-MM-DD" plus days, in calendar arithmetic (no time zone can shift it). */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function lateness(d: LatenessInput, deadline: string | null, today: string = todayIso()): Lateness {
  const out: Lateness = { overdue: 0, submittedLate: 0, publishOverdue: 0 };
  const correction = (d.revision ?? 1) > 1;
  if (deadline && !correction) {
    if (PENDING.has(d.state)) out.overdue = Math.max(0, -daysUntil(deadline, today));
    else if (d.submittedAt) out.submittedLate = Math.max(0, -daysUntil(deadline, todayIso(d.submittedAt)));
  }
  if (d.state === "approved" && d.approvedAt) {
    out.publishOverdue = Math.max(0, -daysUntil(addDays(todayIso(d.approvedAt), PUBLICATION_DAYS), today));
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
export function latenessNotes(l: Lateness, words: { overdue: (d: number) => string; submittedLate: (d: number) => string; publishOverdue: (d: number) => string }): string[] {
  const notes: string[] = [];
  if (l.overdue > 0) notes.push(words.overdue(l.overdue));
  if (l.submittedLate > 0) notes.push(words.submittedLate(l.submittedLate));
  if (l.publishOverdue > 0) notes.push(words.publishOverdue(l.publishOverdue));
  return notes;
}
