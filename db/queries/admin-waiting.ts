import { asc, desc, eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { canAdminister } from "@/lib/auth/policy";
import { lateness, type Lateness } from "@/lib/admin/lateness";
import { todayIso } from "@/lib/i18n/format";
import { ForbiddenError } from "@/lib/errors";
import { recordMessages as records } from "@/lib/i18n/zh-CN/records";
import { disclosureState, type DisclosureState } from "@/lib/workflow/states";
import type { Db } from "../client";
import { disclosures } from "../schema/disclosures";
import { departments } from "../schema/organisation";
import { fiscalYears } from "../schema/settings";

/**
 * What waits for the admin (the admin's home, issue 18.6): approved disclosures not yet published,
 * with how late their publication is, and, in each open year, the departments past the submission
 * deadline without a submission (nothing started, a draft, or returned). Every department's latest
 * revision of each year, read in one query; the lateness is lib/admin/lateness.ts's, as on the
 * year's dashboard.
 */

export type WaitingDisclosure = {
  disclosureId: string;
  departmentCode: string;
  departmentName: string;
  fiscalYear: number;
  revision: number;
  approvedAt: Date | null;
  lateness: Lateness;
};

export type LateDepartment = {
  departmentId: string;
  departmentCode: string;
  departmentName: string;
  fiscalYear: number;
  /** Null when the department has not started the year. */
  disclosureId: string | null;
  state: DisclosureState | null;
  lateness: Lateness;
};

export async function adminWaiting(
  db: Db,
  actor: Actor,
  today: string = todayIso(),
): Promise<{ toPublish: WaitingDisclosure[]; late: LateDepartment[] }> {
  if (!canAdminister(actor)) throw new ForbiddenError(records.actions.viewPublications);
  const latest = await db
    .selectDistinctOn([disclosures.departmentId, disclosures.fiscalYear], {
      id: disclosures.id,
      departmentId: disclosures.departmentId,
      fiscalYear: disclosures.fiscalYear,
      state: disclosures.state,
      revision: disclosures.revision,
      submittedAt: disclosures.submittedAt,
      approvedAt: disclosures.approvedAt,
    })
    .from(disclosures)
    .orderBy(disclosures.departmentId, disclosures.fiscalYear, desc(disclosures.revision));
  const [allDepartments, openYears] = await Promise.all([
    db
      .select({ id: departments.id, code: departments.code, name: departments.name })
      .from(departments)
      .orderBy(asc(departments.code)),
    db
      .select({ year: fiscalYears.year, deadline: fiscalYears.submissionDeadline })
      .from(fiscalYears)
      .where(eq(fiscalYears.status, "open"))
      .orderBy(desc(fiscalYears.year)),
  ]);
  const department = new Map(allDepartments.map((d) => [d.id, d]));
  const byKey = new Map(latest.map((d) => [`${d.departmentId}:${d.fiscalYear}`, d]));

  const toPublish = latest
    .filter((d) => d.state === disclosureState.approved)
    .map((d): WaitingDisclosure => {
      const dept = department.get(d.departmentId)!;
      return {
        disclosureId: d.id,
        departmentCode: dept.code,
        departmentName: dept.name,
        fiscalYear: d.fiscalYear,
        revision: d.revision,
        approvedAt: d.approvedAt,
        lateness: lateness(d, null, today),
      };
    })
    .sort((a, b) => b.lateness.publishOverdue - a.lateness.publishOverdue || b.fiscalYear - a.fiscalYear);

  const late: LateDepartment[] = [];
  for (const year of openYears)
    for (const dept of allDepartments) {
      const d = byKey.get(`${dept.id}:${year.year}`);
      const l = lateness(
        d ?? { state: null, revision: null, submittedAt: null, approvedAt: null },
        year.deadline,
        today,
      );
      if (l.overdue > 0)
        late.push({
          departmentId: dept.id,
          departmentCode: dept.code,
          departmentName: dept.name,
          fiscalYear: year.year,
          disclosureId: d?.id ?? null,
          state: d?.state ?? null,
          lateness: l,
        });
    }
  late.sort((a, b) => b.lateness.overdue - a.lateness.overdue || a.departmentCode.localeCompare(b.departmentCode));
  return { toPublish, late };
}
