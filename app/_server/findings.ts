import type { Db } from "@/db/client";
import { loadDisclosure } from "@/db/queries/disclosures";
import { publishedDisclosure } from "@/db/queries/previous-year";
import { loadCheckOptions } from "@/db/queries/settings";
import type { Actor } from "@/lib/auth/actor";
import { checkDisclosure, summariseFindings, type FindingSummary } from "@/lib/rules/engine";

/** Finding counts per disclosure, checked now (rules change; stored counts would go stale). */
export async function findingSummaries(
  db: Db,
  actor: Actor,
  disclosureIds: readonly string[],
): Promise<Map<string, FindingSummary>> {
  const optionsByYear = new Map<number, Awaited<ReturnType<typeof loadCheckOptions>>>();
  const out = new Map<string, FindingSummary>();
  for (const id of disclosureIds) {
    const disclosure = await loadDisclosure(db, actor, id);
    let options = optionsByYear.get(disclosure.fiscalYear);
    if (!options)
      optionsByYear.set(disclosure.fiscalYear, (options = await loadCheckOptions(db, disclosure.fiscalYear)));
    // Last year's targets per department, as the editor and the submit gate compare with them.
    const previous = await publishedDisclosure(db, disclosure.department.code, disclosure.fiscalYear - 1);
    out.set(id, summariseFindings(checkDisclosure(disclosure, { ...options, previous })));
  }
  return out;
}
