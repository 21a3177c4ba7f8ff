import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { daysUntil } from "@/lib/i18n/format";
import { reminderStage } from "@/lib/workflow/deadlines";
import { editableStates } from "@/lib/workflow/states";
import type { Db } from "../client";
import { disclosures } from "../schema/disclosures";
import { fiscalYears } from "../schema/settings";
import { notify } from "./notices";

/**
 * The submission-deadline reminders of one day (lib/workflow/deadlines.ts reminderStage): every
 * first revision still with its department (a draft, or returned) in an open year whose deadline
 * is within three days or past gets a `deadline` notice for the department's clerks, at most once
 * per stage and person (the notices' unique index), so a job run twice, or by two servers, sends
 * nothing twice. A correction of a published disclosure has no submission deadline.
 */
export async function sendDeadlineReminders(db: Db, today: string): Promise<{ sent: number }> {
  const open = await db
    .select({
      id: disclosures.id,
      departmentId: disclosures.departmentId,
      deadline: fiscalYears.submissionDeadline,
    })
    .from(disclosures)
    .innerJoin(fiscalYears, eq(fiscalYears.year, disclosures.fiscalYear))
    .where(
      and(
        eq(fiscalYears.status, "open"),
        isNotNull(fiscalYears.submissionDeadline),
        eq(disclosures.revision, 1),
        inArray(disclosures.state, [...editableStates]),
      ),
    );
  let sent = 0;
  for (const d of open) {
    const daysLeft = daysUntil(d.deadline!, today);
    const stage = reminderStage(daysLeft);
    if (!stage) continue;
    sent += await notify(db, {
      kind: "deadline",
      disclosureId: d.id,
      actorId: null,
      to: { departmentClerks: d.departmentId },
      detail: { stage, deadline: d.deadline, daysLeft },
      once: true,
    });
  }
  return { sent };
}

/** The daily job (db/jobs/schedule.ts): its input's key is the Beijing date it reminds for. */
export async function runDeadlineReminders(job: { input: unknown }, db: Db): Promise<{ sent: number }> {
  const { key } = job.input as { key: string };
  return sendDeadlineReminders(db, key);
}
