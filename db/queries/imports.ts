import { and, eq, gt, lt } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { zhCN } from "@/lib/i18n/zh-CN";
import type { Db } from "../client";
import { UserError } from "@/lib/errors";
import { appendAudit } from "./audit";
import { importUploads } from "../schema/imports";
import { draftScope } from "./scope";

/**
 * Uploads waiting for the clerk to accept them. Only the person who uploaded a file can see it,
 * and only while it is fresh: a preview is a step in starting a draft, not storage.
 */

/** Long enough to look at the preview, go to lunch and come back; short enough not to pile up. */
export const UPLOAD_LIFETIME_MS = 24 * 60 * 60 * 1000;

export type StoredUpload = typeof importUploads.$inferSelect & { expiresAt: Date };

const withExpiry = (row: typeof importUploads.$inferSelect): StoredUpload => ({
  ...row,
  expiresAt: new Date(row.createdAt.getTime() + UPLOAD_LIFETIME_MS),
});

/**
 * Keeps an upload for its preview, with its audit row in the same transaction. The upload
 * operation (app/api/imports/operation.ts) reads the file before it calls this, outside any
 * transaction: a read in the parse worker may take seconds, and must not hold the database.
 */
export async function storeUpload(
  db: Db,
  actor: Actor,
  input: { departmentId: string; fiscalYear: number; fileName: string; bytes: Uint8Array; ip?: string | null },
  now: Date = new Date(),
): Promise<StoredUpload> {
  return db.transaction(async (tx) => {
    // Expired uploads go whenever a new one arrives: no job to schedule, and the table stays small.
    await tx.delete(importUploads).where(lt(importUploads.createdAt, new Date(now.getTime() - UPLOAD_LIFETIME_MS)));
    const [row] = await tx
      .insert(importUploads)
      .values({
        createdBy: actor.id,
        departmentId: input.departmentId,
        fiscalYear: input.fiscalYear,
        fileName: input.fileName,
        size: input.bytes.byteLength,
        bytes: input.bytes,
        createdAt: now,
      })
      .returning();
    const detail = {
      fileName: input.fileName,
      size: input.bytes.byteLength,
      departmentId: input.departmentId,
      fiscalYear: input.fiscalYear,
    };
    await appendAudit(tx, {
      action: "import.upload",
      actorId: actor.id,
      ip: input.ip ?? null,
      entityType: "import_upload",
      entityId: row.id,
      detail,
    });
    return withExpiry(row);
  });
}

/** The actor's own upload, still fresh and still for a department they may draft for; else NotFoundError. */
export async function loadUpload(
  db: Db,
  actor: Actor,
  uploadId: string,
  now: Date = new Date(),
): Promise<StoredUpload> {
  const [row] = await db
    .select()
    .from(importUploads)
    .where(
      and(
        eq(importUploads.id, uploadId),
        eq(importUploads.createdBy, actor.id),
        gt(importUploads.createdAt, new Date(now.getTime() - UPLOAD_LIFETIME_MS)),
        draftScope(actor, importUploads.departmentId),
      ),
    );
  if (!row) throw new UserError(zhCN.imports.refused.uploadExpired, {}, "not-found");
  return withExpiry(row);
}

/** Who uploaded it and for which department, without the bytes: what the policy needs. */
export async function findUploadOwner(
  db: Db,
  uploadId: string,
): Promise<{ createdBy: string; departmentId: string } | null> {
  const [row] = await db
    .select({ createdBy: importUploads.createdBy, departmentId: importUploads.departmentId })
    .from(importUploads)
    .where(eq(importUploads.id, uploadId));
  return row ?? null;
}

/** Once accepted, the bytes have done their job. */
export async function discardUpload(db: Db, actor: Actor, uploadId: string): Promise<void> {
  await db.delete(importUploads).where(and(eq(importUploads.id, uploadId), eq(importUploads.createdBy, actor.id)));
}
