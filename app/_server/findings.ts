import type { Db } from "@/db/client";
import { loadDisclosure } from "@/db/queries/disclosures";
import { loadCheckOptions } from "@/db/queries/settings";
import type { Actor } from "@/lib/auth/actor";
import { checkDisclosure, summariseFindings, type FindingSummary } from "@/lib/rules/engine";

/** Finding counts per disclosure, checked now (rules change; stored counts would go stale). */
export async function findingSummaries(
  db: Db,
  actor: Actor,
  disclosureIds: readonly string[],
): Promise<Map<string, FindingSummary>> {
  const options = await loadCheckOptions(db);
  const out = new Map<string, FindingSummary>();
  for (const id of disclosureIds) {
    const disclosure = await loadDisclosure(db, actor, id);
    out.set(id, summariseFindings(checkDisclosure(disclosure, options)));
  }
  return out;
}
