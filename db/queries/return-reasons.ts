import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { UserError, NotFoundError } from "@/lib/errors";
import { disclosureReturns } from "../schema/review";
import { returnReasons } from "../schema/settings";
import { appendAudit } from "./audit";
import { recordMessages as records } from "@/lib/i18n/zh-CN/records";
import { reviewMessages } from "@/lib/i18n/zh-CN/review";

// The admin's list of return reasons (the caller checks canAdminister). A reason is never deleted:
// past returns point at it, and next year's count of "why we returned" needs it; it is retired.

export type ReturnReason = typeof returnReasons.$inferSelect & { uses: number };

/** Every reason in the dialog's order, with how many returns cited it. */
export async function listReturnReasonsWithUse(db: Db): Promise<ReturnReason[]> {
  const uses = db
    .select({ code: disclosureReturns.reasonCode, n: sql<number>`count(*)::int`.as("n") })
    .from(disclosureReturns)
    .groupBy(disclosureReturns.reasonCode)
    .as("uses");
  const rows = await db
    .select({ reason: returnReasons, uses: sql<number>`coalesce(${uses.n}, 0)::int` })
    .from(returnReasons)
    .leftJoin(uses, eq(uses.code, returnReasons.code))
    .orderBy(asc(returnReasons.position), asc(returnReasons.code));
  return rows.map((r) => ({ ...r.reason, uses: r.uses }));
}

export type ReturnReasonInput = { code: string; label: string; position: number; active: boolean };

export async function createReturnReason(
  db: Db,
  actorId: string,
  input: ReturnReasonInput,
  ip?: string | null,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(returnReasons)
      .values(input)
      .onConflictDoNothing()
      .returning({ code: returnReasons.code });
    if (!row) throw new UserError(reviewMessages.reasons.duplicate(input.code));
    await appendAudit(tx, {
      actorId,
      ip,
      action: "return-reason.create",
      entityType: "return_reason",
      entityId: input.code,
      detail: { ...input },
    });
  });
}

/** Renames, reorders, retires or brings back a reason; its code stays (returns refer to it). */
export async function updateReturnReason(
  db: Db,
  actorId: string,
  input: ReturnReasonInput,
  ip?: string | null,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(returnReasons).where(eq(returnReasons.code, input.code));
    if (!before) throw new NotFoundError(records.things.returnReason(input.code));
    await tx
      .update(returnReasons)
      .set({ label: input.label, position: input.position, active: input.active })
      .where(eq(returnReasons.code, input.code));
    await appendAudit(tx, {
      actorId,
      ip,
      action: "return-reason.update",
      entityType: "return_reason",
      entityId: input.code,
      detail: { before: { ...before }, after: { ...input } },
    });
  });
}
