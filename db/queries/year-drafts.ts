import { and, asc, desc, eq, lt, notExists } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { carryForward } from "@/lib/domain/carry-forward";
import { emptyDisclosure, type Disclosure, type OrgUnit } from "@/lib/domain/model";
import type { Db } from "../client";
import { ForbiddenError, NotFoundError, UserError } from "@/lib/errors";
import { disclosures } from "../schema/disclosures";
import { departments, orgUnits } from "../schema/organisation";
import { publishedSnapshots } from "../schema/publishing";
import { createDisclosure } from "./disclosures";
import { draftYear } from "./settings";
import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import { recordMessages as records } from "@/lib/i18n/zh-CN/records";

/**
 * Opening a year for every department (issue 7): each department that has no disclosure for the
 * year gets a draft — carried forward from its last published disclosure (lib/domain/carry-forward)
 * when it has one, blank otherwise. Departments that already started the year are left alone, so
 * running it again after adding departments only fills the gaps.
 */

export type YearDraftsResult = { carried: string[]; empty: string[] };

/** Departments (id, code) without any disclosure for the year: what startYearDrafts would create. */
export async function departmentsWithoutDraft(
  db: Db,
  fiscalYear: number,
): Promise<{ id: string; code: string; name: string }[]> {
  return db
    .select({ id: departments.id, code: departments.code, name: departments.name })
    .from(departments)
    .where(
      notExists(
        db
          .select({ one: disclosures.id })
          .from(disclosures)
          .where(and(eq(disclosures.departmentId, departments.id), eq(disclosures.fiscalYear, fiscalYear))),
      ),
    )
    .orderBy(asc(departments.code));
}

/**
 * Each department's newest published snapshot from a year before `fiscalYear` (the latest
 * revision of the latest year), exactly as it was published.
 */
async function lastPublished(db: Db, fiscalYear: number): Promise<Map<string, Disclosure>> {
  const rows = await db
    .selectDistinctOn([disclosures.departmentId], {
      departmentId: disclosures.departmentId,
      canonical: publishedSnapshots.canonical,
    })
    .from(publishedSnapshots)
    .innerJoin(disclosures, eq(disclosures.id, publishedSnapshots.disclosureId))
    .where(lt(disclosures.fiscalYear, fiscalYear))
    .orderBy(disclosures.departmentId, desc(disclosures.fiscalYear), desc(disclosures.revision));
  return new Map(rows.map((r) => [r.departmentId, r.canonical]));
}

async function unitsByDepartment(db: Db): Promise<Map<string, OrgUnit[]>> {
  const rows = await db.select().from(orgUnits).orderBy(asc(orgUnits.departmentId), asc(orgUnits.position));
  const out = new Map<string, OrgUnit[]>();
  for (const r of rows)
    out.set(r.departmentId, [
      ...(out.get(r.departmentId) ?? []),
      { name: r.name, nature: r.nature, level: r.level, fundingForm: r.fundingForm },
    ]);
  return out;
}

/**
 * Creates the missing drafts in the caller's transaction (or its own), all or none. The admin is
 * recorded as creator and each draft has its own disclosure.create audit row; the result says which
 * were carried and which blank, for the operation's audit row. The department's current units
 * (master data) replace the carried ones where the admin keeps them: they describe it as it is now.
 */
export async function startYearDrafts(
  db: Db,
  actor: Actor,
  fiscalYear: number,
  ip?: string | null,
): Promise<YearDraftsResult> {
  if (actor.role !== "admin") throw new ForbiddenError(records.actions.startYearDrafts);
  return db.transaction(async (tx) => {
    const open = await draftYear(tx, fiscalYear);
    if (!open.ok)
      throw open.refusal === "unknown"
        ? new NotFoundError(records.things.fiscalYear(fiscalYear))
        : new UserError(adminMessages.years.closedNoDrafts);
    const { framework } = open;
    const missing = await departmentsWithoutDraft(tx, fiscalYear);
    const published = await lastPublished(tx, fiscalYear);
    const units = await unitsByDepartment(tx);
    const result: YearDraftsResult = { carried: [], empty: [] };
    for (const department of missing) {
      const prior = published.get(department.id);
      const base = prior
        ? carryForward(prior, fiscalYear, framework)
        : emptyDisclosure({ code: department.code, name: department.name }, fiscalYear, framework.id);
      const masterUnits = units.get(department.id);
      const content = masterUnits && masterUnits.length > 0 ? { ...base, orgUnits: masterUnits } : base;
      await createDisclosure(tx, actor, {
        departmentId: department.id,
        fiscalYear,
        content,
        frameworkId: framework.id,
        ip,
      });
      (prior ? result.carried : result.empty).push(department.code);
    }
    return result;
  });
}
