import { createHash } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import type { PortalPage } from "@/lib/render/portal-page";
import type { Disclosure } from "@/lib/domain/model";
import { zhCN } from "@/lib/i18n/zh-CN";
import type { Db } from "../client";
import { toCanonical } from "@/lib/domain/editable";
import { stableStringify } from "@/lib/domain/json";
import { UserError, NotFoundError } from "@/lib/errors";
import { disclosures } from "../schema/disclosures";
import { departments } from "../schema/organisation";
import { publishedFiles, publishedSnapshots } from "../schema/publishing";
import { getDisclosureMeta, insertDisclosure, loadContent, type DisclosureMeta } from "./disclosures";
import { notify } from "./notices";
import { applyStep, checkStep } from "./workflow";
import { recordMessages as records } from "@/lib/i18n/zh-CN/records";

export type PublishedFileInput = { format: string; fileName: string; contentType: string; bytes: Uint8Array };

const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

/** The snapshot's fingerprint: over key-sorted JSON, so it can be recomputed from the stored jsonb. */
export function canonicalSha256(canonical: Disclosure): string {
  return sha256(stableStringify(canonical));
}

/** What the public reads beside a correction; kept short enough for the revision list. */
export const REVISION_NOTE_MAX = 500;

/**
 * A correction (revision 2 on) must say what it corrects: the note given at publishing, or the one
 * given when the revision was opened. Returns the note the snapshot keeps.
 */
async function correctionNote(db: Db, meta: DisclosureMeta, given: string | undefined): Promise<string> {
  const [row] = await db
    .select({ revisionNote: disclosures.revisionNote })
    .from(disclosures)
    .where(eq(disclosures.id, meta.id));
  const note = (given ?? "").trim() || row.revisionNote;
  if (meta.revision > 1 && note === "") throw new UserError(zhCN.portal.publish.noteRequired(meta.revision));
  if (note.length > REVISION_NOTE_MAX) throw new UserError(zhCN.portal.publish.noteTooLong(REVISION_NOTE_MAX));
  return note;
}

/**
 * Publishes an approved disclosure: the workflow's publish step (db/queries/workflow.ts), which
 * moves it approved → published at the version the caller saw, and in the same transaction
 * freezes the canonical JSON as a snapshot and stores the rendered files byte for byte.
 *
 * The files are rendered first, before the transaction, from the content read at the expected
 * version: a PDF takes Chromium seconds, and nobody else's step should wait that long on the row's
 * lock. The step then finds the version unchanged on the locked row (every change of the content
 * moves it; an approved disclosure's content cannot change at all), or refuses with a conflict and
 * the render is dropped. `files` may be a function of the exact canonical being frozen, so what is
 * downloaded can never differ from what was published.
 */
export async function publishSnapshot(
  db: Db,
  actor: Actor,
  disclosureId: string,
  input: {
    expectedVersion: number;
    note?: string;
    files: readonly PublishedFileInput[] | ((canonical: Disclosure) => Promise<readonly PublishedFileInput[]>);
    /** The portal's page of the canonical being frozen, stored with it (lib/render/portal-page.ts). */
    page?: (canonical: Disclosure) => PortalPage;
    ip?: string | null;
  },
): Promise<{ snapshotId: string; sha256: string; version: number }> {
  // What the step will check again on the locked row, asked of a plain read first: a request bound
  // to be refused (stale, not approved, not an admin, a correction without its note) renders nothing.
  const seen = await getDisclosureMeta(db, actor, disclosureId);
  checkStep(actor, seen, "publish", input.expectedVersion);
  await correctionNote(db, seen, input.note);
  const canonical = toCanonical(await loadContent(db, seen));
  const files = typeof input.files === "function" ? await input.files(canonical) : input.files;
  const portalPage = input.page?.(canonical) ?? null;
  const digest = canonicalSha256(canonical);

  let note = "";
  return db.transaction((tx) =>
    applyStep(
      tx,
      actor,
      disclosureId,
      "publish",
      { expectedVersion: input.expectedVersion, ip: input.ip },
      {
        check: async (tx, locked) => {
          note = await correctionNote(tx, locked, input.note);
        },
        after: async (tx, { meta, version, at, detail }) => {
          const [snapshot] = await tx
            .insert(publishedSnapshots)
            .values({
              disclosureId,
              revision: meta.revision,
              canonical,
              sha256: digest,
              note,
              publishedAt: at,
              publishedBy: actor.id,
              portalPage,
            })
            .returning({ id: publishedSnapshots.id });
          if (files.length > 0) {
            await tx.insert(publishedFiles).values(
              files.map((f) => ({
                ...f,
                snapshotId: snapshot.id,
                sha256: sha256(f.bytes),
                size: f.bytes.byteLength,
              })),
            );
          }
          // The department hears that its disclosure is public, and which revision.
          await notify(tx, {
            kind: "published",
            disclosureId,
            actorId: actor.id,
            to: { departmentClerks: meta.departmentId },
            detail: { revision: meta.revision },
          });
          Object.assign(detail, {
            revision: meta.revision,
            snapshotId: snapshot.id,
            sha256: digest,
            files: files.map((f) => ({ format: f.format, sha256: sha256(f.bytes), size: f.bytes.byteLength })),
          });
          return { snapshotId: snapshot.id, sha256: digest, version };
        },
      },
    ),
  );
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
  if (!row) throw new NotFoundError(records.things.publication);
  return row;
}

export async function listPublishedFiles(db: Db, snapshotId: string) {
  return db
    .select({
      id: publishedFiles.id,
      format: publishedFiles.format,
      fileName: publishedFiles.fileName,
      contentType: publishedFiles.contentType,
      sha256: publishedFiles.sha256,
      size: publishedFiles.size,
    })
    .from(publishedFiles)
    .where(eq(publishedFiles.snapshotId, snapshotId))
    .orderBy(asc(publishedFiles.format));
}

export async function getPublishedFile(db: Db, snapshotId: string, format: string) {
  const [file] = await db
    .select()
    .from(publishedFiles)
    .where(and(eq(publishedFiles.snapshotId, snapshotId), eq(publishedFiles.format, format)));
  if (!file) throw new NotFoundError(records.things.file);
  return file;
}

/** Recomputes the snapshot's and its files' digests: true when nothing has changed since publishing. */
export async function verifySnapshot(db: Db, snapshotId: string): Promise<boolean> {
  const [snapshot] = await db.select().from(publishedSnapshots).where(eq(publishedSnapshots.id, snapshotId));
  if (!snapshot) throw new NotFoundError(records.things.publication);
  const files = await db.select().from(publishedFiles).where(eq(publishedFiles.snapshotId, snapshotId));
  return (
    canonicalSha256(snapshot.canonical) === snapshot.sha256 &&
    files.every((f) => sha256(f.bytes) === f.sha256 && f.bytes.byteLength === f.size)
  );
}

/**
 * A correction after publication: the workflow's openRevision step (db/queries/workflow.ts) on the
 * published row, which creates a new draft revision with the published content (new row ids),
 * while the published revision stays public until the next one is published. The note says what
 * is being corrected; it becomes the public note of the revision when it is published.
 */
export async function openRevision(
  db: Db,
  actor: Actor,
  disclosureId: string,
  input: { expectedVersion: number; note?: string; ip?: string | null },
): Promise<{ id: string; version: number; revision: number }> {
  const note = (input.note ?? "").trim();
  if (note.length > REVISION_NOTE_MAX) throw new UserError(records.publishing.reasonTooLong(REVISION_NOTE_MAX));
  return db.transaction((tx) =>
    applyStep(
      tx,
      actor,
      disclosureId,
      "openRevision",
      { expectedVersion: input.expectedVersion, ip: input.ip },
      {
        // Corrections go one after another: only the newest revision of the department's year is corrected.
        check: async (tx, locked) => {
          const [latest] = await tx
            .select({ revision: sql<number>`max(${disclosures.revision})::int` })
            .from(disclosures)
            .where(
              and(eq(disclosures.departmentId, locked.departmentId), eq(disclosures.fiscalYear, locked.fiscalYear)),
            );
          if (latest.revision !== locked.revision)
            throw new UserError(records.publishing.revisionExists(latest.revision));
        },
        after: async (tx, { meta, detail, content }) => {
          const revision = meta.revision + 1;
          const created = await insertDisclosure(tx, actor, {
            departmentId: meta.departmentId,
            department: { code: meta.departmentCode, name: meta.departmentName },
            fiscalYear: meta.fiscalYear,
            revision,
            frameworkId: meta.frameworkId,
            content: await content(),
            ip: input.ip,
            detail: { correcting: disclosureId, note },
          });
          if (note !== "")
            await tx.update(disclosures).set({ revisionNote: note }).where(eq(disclosures.id, created.id));
          Object.assign(detail, { revision, revisionId: created.id, note });
          return { ...created, revision };
        },
      },
    ),
  );
}
