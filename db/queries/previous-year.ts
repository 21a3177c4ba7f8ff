import { and, desc, eq } from "drizzle-orm";
import type { Disclosure } from "@/lib/domain/model";
import type { Db } from "../client";
import { disclosures } from "../schema/disclosures";
import { departments } from "../schema/organisation";
import { publishedSnapshots } from "../schema/publishing";

/**
 * What a department published for a year, as published: the rule engine compares next year's
 * targets with it (CheckOptions.previous, lib/rules/indicator-history.ts). Published revisions are
 * public, so these reads take no actor; a year never published gives nothing to compare with.
 */

/** The department's latest published revision of `fiscalYear`, or null. */
export async function publishedDisclosure(
  db: Db,
  departmentCode: string,
  fiscalYear: number,
): Promise<Disclosure | null> {
  const [row] = await db
    .select({ canonical: publishedSnapshots.canonical })
    .from(publishedSnapshots)
    .innerJoin(disclosures, eq(disclosures.id, publishedSnapshots.disclosureId))
    .innerJoin(departments, eq(departments.id, disclosures.departmentId))
    .where(and(eq(disclosures.fiscalYear, fiscalYear), eq(departments.code, departmentCode)))
    .orderBy(desc(publishedSnapshots.revision))
    .limit(1);
  return row?.canonical ?? null;
}

/** Every department's latest published revision of `fiscalYear`, by department code: one read for a year's overview. */
export async function publishedDisclosuresOfYear(db: Db, fiscalYear: number): Promise<Map<string, Disclosure>> {
  const rows = await db
    .selectDistinctOn([disclosures.departmentId], {
      code: departments.code,
      canonical: publishedSnapshots.canonical,
    })
    .from(publishedSnapshots)
    .innerJoin(disclosures, eq(disclosures.id, publishedSnapshots.disclosureId))
    .innerJoin(departments, eq(departments.id, disclosures.departmentId))
    .where(eq(disclosures.fiscalYear, fiscalYear))
    .orderBy(disclosures.departmentId, desc(publishedSnapshots.revision));
  return new Map(rows.map((r) => [r.code, r.canonical]));
}
