import { createHash } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { canOpenRevision, canPublish } from "@/lib/auth/policy";
import type { Disclosure } from "@/lib/domain/model";
import type { Db } from "../client";
import { stableStringify, toCanonical } from "../disclosure-shape";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError, StateError } from "../errors";
import { disclosures } from "../schema/disclosures";
import { departments } from "../schema/organisation";
import { publishedFiles, publishedSnapshots } from "../schema/publishing";
import { appendAudit } from "./audit";
import { insertDisclosure, loadContent, lockDisclosure } from "./disclosures";
import { readScope } from "./scope";

export type PublishedFileInput = { format: string; fileName: string; contentType: string; bytes: Uint8Array };

const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

/** The snapshot's fingerprint: over key-sorted JSON, so it can be recomputed from the stored jsonb. */
export function canonicalSha256(canonical: Disclosure): string {
  return sha256(stableStringify(canonical));
}

/** What the public reads beside a correction; kept short enough for the revision list. */
export const REVISION_NOTE_MAX = 500;

/**
 * Publishes an approved disclosure: in one transaction the state moves approved → published (at
 * the version the caller saw), the canonical JSON is frozen as a snapshot and the rendered files
 * are stored byte for byte. `files` may be a function of the exact canonical being frozen, so
 * what is downloaded can never differ from what was published. A correction (revision 2 on)
 * must say what it corrects: the note given here, or the one given when the revision was opened.
 */
export async function publishSnapshot(
  db: Db,
  actor: Actor,
  disclosureId: string,
  input: {
    expectedVersion: number;
    note?: string;
    files: readonly PublishedFileInput[] | ((canonical: Disclosure) => Promise<readonly PublishedFileInput[]>);
    ip?: string | null;
  },
): Promise<{ snapshotId: string; sha256: string; version: number }> {
  return db.transaction(async (tx) => {
    const meta = await lockDisclosure(tx, actor, disclosureId);
    if (meta.state !== "approved") throw new StateError(meta.state, "公开");
    if (!canPublish(actor, meta)) throw new ForbiddenError("公开发布");
    if (meta.version !== input.expectedVersion) throw new ConflictError(input.expectedVersion, meta.version);
    const [row] = await tx.select({ revisionNote: disclosures.revisionNote }).from(disclosures).where(eq(disclosures.id, disclosureId));
    const note = (input.note ?? "").trim() || row.revisionNote;
    if (meta.revision > 1 && note === "") throw new InvalidInputError(`第${meta.revision}版是更正版本，请填写更正说明（将公开显示在修订记录中）。`);
    if (note.length > REVISION_NOTE_MAX) throw new InvalidInputError(`更正说明请控制在 ${REVISION_NOTE_MAX} 字以内。`);
    const canonical = toCanonical(await loadContent(tx, meta));
    const files = typeof input.files === "function" ? await input.files(canonical) : input.files;
    const now = new Date();
    const [moved] = await tx
      .update(disclosures)
      .set({ state: "published", version: sql`${disclosures.version} + 1`, updatedAt: now, publishedAt: now, publishedBy: actor.id })
      .where(and(eq(disclosures.id, disclosureId), eq(disclosures.version, input.expectedVersion), eq(disclosures.state, "approved"), readScope(actor, disclosures.departmentId)))
      .returning({ version: disclosures.version });
    if (!moved) throw new ConflictError(input.expectedVersion, meta.version);

    const digest = canonicalSha256(canonical);
    const [snapshot] = await tx
      .insert(publishedSnapshots)
      .values({ disclosureId, revision: meta.revision, canonical, sha256: digest, note, publishedAt: now, publishedBy: actor.id })
      .returning({ id: publishedSnapshots.id });
    if (files.length > 0) {
      await tx.insert(publishedFiles).values(files.map((f) => ({ ...f, snapshotId: snapshot.id, sha256: sha256(f.bytes), size: f.bytes.byteLength })));
    }
    await appendAudit(tx, {
      actorId: actor.id,
      ip: input.ip,
      action: "disclosure.publish",
      entityType: "disclosure",
      entityId: disclosureId,
      detail: { fromVersion: meta.version, version: moved.version, revision: meta.revision, snapshotId: snapshot.id, sha256: digest, files: files.map((f) => ({ format: f.format, sha256: sha256(f.bytes), size: f.bytes.byteLength })) },
    });
    return { snapshotId: snapshot.id, sha256: digest, version: moved.version };
  });
}

// Published disclosures are public: the reads below need no actor, and see nothing unpublished.

const publishedColumns = {
  disclosureId: disclosures.id,
  snapshotId: publishedSnapshots.id,
  fiscalYear: disclosures.fiscalYear,
  revision: publishedSnapshots.revision,
  departmentCode: departments.code,
  departmentName: departments.name,
  note: publishedSnapshots.note,
  sha256: publishedSnapshots.sha256,
  publishedAt: publishedSnapshots.publishedAt,
};

/** Exactly what was published for that revision (the live rows may since be a new draft). */
export async function getPublishedSnapshot(db: Db, disclosureId: string) {
  const [row] = await db
    .select({ ...publishedColumns, canonical: publishedSnapshots.canonical })
    .from(publishedSnapshots)
    .innerJoin(disclosures, eq(disclosures.id, publishedSnapshots.disclosureId))
    .innerJoin(departments, eq(departments.id, disclosures.departmentId))
    .where(eq(publishedSnapshots.disclosureId, disclosureId));
  if (!row) throw new NotFoundError("该公开版本");
  return row;
}

export async function listPublishedFiles(db: Db, snapshotId: string) {
  return db
    .select({ id: publishedFiles.id, format: publishedFiles.format, fileName: publishedFiles.fileName, contentType: publishedFiles.contentType, sha256: publishedFiles.sha256, size: publishedFiles.size })
    .from(publishedFiles)
    .where(eq(publishedFiles.snapshotId, snapshotId))
    .orderBy(asc(publishedFiles.format));
}

export async function getPublishedFile(db: Db, snapshotId: string, format: string) {
  const [file] = await db.select().from(publishedFiles).where(and(eq(publishedFiles.snapshotId, snapshotId), eq(publishedFiles.format, format)));
  if (!file) throw new NotFoundError("该文件");
  return file;
}

/** Recomputes the snapshot's and its files' digests: true when nothing has changed since publishing. */
export async function verifySnapshot(db: Db, snapshotId: string): Promise<boolean> {
  const [snapshot] = await db.select().from(publishedSnapshots).where(eq(publishedSnapshots.id, snapshotId));
  if (!snapshot) throw new NotFoundError("该公开版本");
  const files = await db.select().from(publishedFiles).where(eq(publishedFiles.snapshotId, snapshotId));
  return canonicalSha256(snapshot.canonical) === snapshot.sha256 && files.every((f) => sha256(f.bytes) === f.sha256 && f.bytes.byteLength === f.size);
}

/**
 * A correction after publication: a new draft revision with the published content (new row ids),
 * while the published revision stays public until the next one is published. The note says what
 * is being corrected; it becomes the public note of the revision when it is published.
 */
export async function openRevision(db: Db, actor: Actor, disclosureId: string, input: { expectedVersion: number; note?: string; ip?: string | null }): Promise<{ id: string; version: number; revision: number }> {
  const note = (input.note ?? "").trim();
  if (note.length > REVISION_NOTE_MAX) throw new InvalidInputError(`更正原因请控制在 ${REVISION_NOTE_MAX} 字以内。`);
  return db.transaction(async (tx) => {
    const meta = await lockDisclosure(tx, actor, disclosureId);
    if (meta.state !== "published") throw new StateError(meta.state, "新建修订版");
    if (!canOpenRevision(actor, meta)) throw new ForbiddenError("为该部门新建修订版");
    if (meta.version !== input.expectedVersion) throw new ConflictError(input.expectedVersion, meta.version);
    const [latest] = await tx
      .select({ revision: sql<number>`max(${disclosures.revision})::int` })
      .from(disclosures)
      .where(and(eq(disclosures.departmentId, meta.departmentId), eq(disclosures.fiscalYear, meta.fiscalYear)));
    if (latest.revision !== meta.revision) throw new InvalidInputError(`第 ${latest.revision} 版已存在，请在该版上继续修订。`);
    const created = await insertDisclosure(tx, actor, {
      departmentId: meta.departmentId,
      department: { code: meta.departmentCode, name: meta.departmentName },
      fiscalYear: meta.fiscalYear,
      revision: meta.revision + 1,
      frameworkId: meta.frameworkId,
      content: await loadContent(tx, meta),
      ip: input.ip,
      detail: { correcting: disclosureId, note },
    });
    if (note !== "") await tx.update(disclosures).set({ revisionNote: note }).where(eq(disclosures.id, created.id));
    return { ...created, revision: meta.revision + 1 };
  });
}
