import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { loadDisclosure } from "@/db/queries/disclosures";
import { indicatorFrameworks, rulePolicies } from "@/db/schema/settings";
import type { Actor } from "@/lib/auth/actor";
import { checkDisclosure, summariseFindings, type CheckOptions, type FindingSummary } from "@/lib/rules/engine";

/** The admin's rule severities and added frameworks: what the rule engine needs besides the disclosure. */
export async function loadCheckOptions(db: Db): Promise<CheckOptions> {
  const [policies, frameworks] = await Promise.all([
    db.select({ ruleId: rulePolicies.ruleId, severity: rulePolicies.severity }).from(rulePolicies),
    db.select().from(indicatorFrameworks).where(eq(indicatorFrameworks.builtIn, false)),
  ]);
  return {
    severities: Object.fromEntries(policies.map((p) => [p.ruleId, p.severity])),
    frameworks: frameworks.map((f) => ({ id: f.id, name: f.name, source: f.source, levels: f.levels })),
  };
}

/** Finding counts per disclosure, checked now (rules change; stored counts would go stale). */
export async function findingSummaries(db: Db, actor: Actor, disclosureIds: readonly string[]): Promise<Map<string, FindingSummary>> {
  const options = await loadCheckOptions(db);
  const out = new Map<string, FindingSummary>();
  for (const id of disclosureIds) {
    const disclosure = await loadDisclosure(db, actor, id);
    out.set(id, summariseFindings(checkDisclosure(disclosure, options)));
  }
  return out;
}
