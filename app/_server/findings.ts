import type { Db } from "@/db/client";
import { loadDisclosure } from "@/db/queries/disclosures";
import { publishedDisclosure } from "@/db/queries/previous-year";
import { loadCheckOptions } from "@/db/queries/settings";
import type { Actor } from "@/lib/auth/actor";
import { checkDisclosure, summariseFindings, type FindingSummary } from "@/lib/rules/engine";
import { needsRevision, projectGrades } from "@/lib/rules/grades";

/** The queue's line for a disclosure: finding counts, and how many projects' targets grade 中 or 差. */
export type QueueFindings = FindingSummary & { weakProjects: number; projects: number };

/** Finding counts and project grades per disclosure, checked now (rules change; stored counts would go stale). */
export async function findingSummaries(
  db: Db,
  actor: Actor,
  disclosureIds: readonly string[],
): Promise<Map<string, QueueFindings>> {
  const optionsByYear = new Map<number, Awaited<ReturnType<typeof loadCheckOptions>>>();
  const out = new Map<string, QueueFindings>();
  for (const id of disclosureIds) {
    const disclosure = await loadDisclosure(db, actor, id);
    let options = optionsByYear.get(disclosure.fiscalYear);
    if (!options)
      optionsByYear.set(disclosure.fiscalYear, (options = await loadCheckOptions(db, disclosure.fiscalYear)));
    // Last year's targets per department, as the editor and the submit gate compare with them.
    const previous = await publishedDisclosure(db, disclosure.department.code, disclosure.fiscalYear - 1);
    const findings = checkDisclosure(disclosure, { ...options, previous });
    const graded = projectGrades(findings, disclosure);
    out.set(id, {
      ...summariseFindings(findings),
      weakProjects: graded.filter((g) => needsRevision(g.grade)).length,
      projects: graded.length,
    });
  }
  return out;
}
