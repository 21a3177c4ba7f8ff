import { and, asc, eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { canViewAuditLog } from "@/lib/auth/policy";
import type { Db } from "../client";
import { ForbiddenError } from "@/lib/errors";
import { auditLog } from "../schema/audit";
import { users } from "../schema/users";
import { getDisclosureMeta } from "./disclosures";
import { recordMessages as records } from "@/lib/i18n/zh-CN/records";

export type AuditTrailEntry = {
  id: number;
  at: Date;
  actorId: string | null;
  /** null for the system (seed, migrations) or a user since deleted. */
  actorName: string | null;
  ip: string | null;
  action: string;
  detail: Record<string, unknown>;
};

/**
 * Every audit row about one disclosure, oldest first: its creation, each save with its change
 * list, each step of the workflow, each comment. Read-only by nature: the table refuses UPDATE and
 * DELETE (migration 0001) and each row's hash covers the one before (audit.ts verifies).
 */
export async function disclosureAuditTrail(db: Db, actor: Actor, disclosureId: string): Promise<AuditTrailEntry[]> {
  const meta = await getDisclosureMeta(db, actor, disclosureId);
  if (!canViewAuditLog(actor, meta)) throw new ForbiddenError(records.actions.viewDisclosureTrail);
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorId: auditLog.actorId,
      actorName: users.displayName,
      ip: auditLog.ip,
      action: auditLog.action,
      detail: auditLog.detail,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.entityType, "disclosure"), eq(auditLog.entityId, disclosureId)))
    .orderBy(asc(auditLog.id));
}
