import { and, eq, gt, inArray, max } from "drizzle-orm";
import type { Db } from "@/db/client";
import { verifyAuditChain } from "@/db/queries/audit";
import { auditLog } from "@/db/schema/audit";
import { disclosures } from "@/db/schema/disclosures";
import { loadEditableDisclosure } from "@/db/queries/disclosures";
import { disclosure as canonicalDisclosure } from "@/lib/domain/model";
import type { Actor } from "@/lib/auth/actor";
import { workflowSteps } from "@/lib/workflow/transitions";

/**
 * What must hold of a database after the server was killed mid-write (e2e/faults.spec.ts): every
 * disclosure reads back whole and valid, the audit chain is intact, and each disclosure's version
 * is accounted for by exactly one audit row per step since the run began. Returns the problems.
 */

export type VersionMark = { id: string; version: number; auditId: number };

/** Where each disclosure and the audit log stood before the run. */
export async function markVersions(db: Db, ids: readonly string[]): Promise<VersionMark[]> {
  const [last] = await db.select({ id: max(auditLog.id) }).from(auditLog);
  const rows = await db
    .select({ id: disclosures.id, version: disclosures.version })
    .from(disclosures)
    .where(inArray(disclosures.id, [...ids]));
  return rows.map((r) => ({ ...r, auditId: last?.id ?? 0 }));
}

/** Every action that moves a disclosure's version: a save, and each step of the workflow's table. */
const VERSIONED = ["disclosure.save", ...workflowSteps.map((step) => `disclosure.${step}`)];

export async function consistencyProblems(db: Db, admin: Actor, marks: readonly VersionMark[]): Promise<string[]> {
  const problems: string[] = [];
  const chain = await verifyAuditChain(db);
  if (!chain.ok) problems.push(`audit chain broken at ${chain.brokenAtId} (${chain.reason})`);
  for (const { id } of await db.select({ id: disclosures.id }).from(disclosures)) {
    try {
      const { content } = await loadEditableDisclosure(db, admin, id);
      const parsed = canonicalDisclosure.safeParse(content);
      if (!parsed.success) problems.push(`${id}: content does not parse: ${parsed.error.issues[0]?.message}`);
    } catch (error) {
      problems.push(`${id}: content does not load: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  for (const mark of marks) {
    const [row] = await db
      .select({ version: disclosures.version })
      .from(disclosures)
      .where(eq(disclosures.id, mark.id));
    const steps = await db
      .select({ action: auditLog.action, detail: auditLog.detail })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, mark.id), gt(auditLog.id, mark.auditId), inArray(auditLog.action, VERSIONED)));
    if (row.version - mark.version !== steps.length)
      problems.push(`${mark.id}: version ${mark.version} → ${row.version} but ${steps.length} audited steps`);
  }
  return problems;
}
