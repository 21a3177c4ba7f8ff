import { and, eq, inArray, sql } from "drizzle-orm";
import { canDraftDepartment, type Actor } from "@/lib/auth/actor";
import type { Disclosure } from "@/lib/domain/model";
import { editableStates, isEditable } from "@/lib/workflow/states";
import type { Db } from "../client";
import { editableDisclosure, type EditableDisclosure } from "@/lib/domain/editable";
import { ConflictError, ForbiddenError, UserError, StateError } from "@/lib/errors";
import { disclosures } from "../schema/disclosures";
import { indicatorFrameworks } from "../schema/settings";
import { appendAudit } from "./audit";
import { hasChanges, writeContent, type ContentChanges } from "./content-writer";
import { readStoredContent } from "./disclosure-content";
import { lockDisclosure } from "./disclosures";
import { draftScope } from "./scope";
import { recordMessages as records } from "@/lib/i18n/zh-CN/records";

export type SaveOptions = { expectedVersion: number; ip?: string | null };
export type SaveResult = { version: number; changed: boolean; changes: ContentChanges; content: EditableDisclosure };

/**
 * Saves the whole content in one transaction, writing only what differs, as a conditional update
 * on the version the caller read: a stale version is refused with ConflictError and nothing is
 * written. Rows keep their ids (see lib/domain/editable.ts). A save that changes nothing keeps the
 * version and writes no audit row, so autosave of an unchanged form is free.
 *
 * On ConflictError the caller may load the current content, merge the user's edits into it where
 * they touched other fields, and save again with the new version.
 */
export async function saveDisclosureContent(
  db: Db,
  actor: Actor,
  disclosureId: string,
  input: EditableDisclosure | Disclosure,
  opts: SaveOptions,
): Promise<SaveResult> {
  return saveCheckedContent(db, actor, disclosureId, editableDisclosure.parse(input), opts);
}

/** saveDisclosureContent for content that has just passed editableDisclosure (an operation's parsed input): not parsed twice. */
export async function saveCheckedContent(
  db: Db,
  actor: Actor,
  disclosureId: string,
  desired: EditableDisclosure,
  opts: SaveOptions,
): Promise<SaveResult> {
  return db.transaction(async (tx) => {
    const meta = await lockDisclosure(tx, actor, disclosureId);
    if (!canDraftDepartment(actor, meta.departmentId))
      throw new ForbiddenError(records.actions.editDepartmentDisclosure);
    if (!isEditable(meta.state)) throw new StateError(meta.state, records.actions.editContent);
    if (meta.version !== opts.expectedVersion) throw new ConflictError(opts.expectedVersion, meta.version);
    if (desired.department.code !== meta.departmentCode || desired.fiscalYear !== meta.fiscalYear) {
      throw new UserError(
        records.disclosures.notThisOne(
          desired.department.code,
          desired.fiscalYear,
          meta.departmentCode,
          meta.fiscalYear,
        ),
      );
    }
    const frameworkId = desired.performance.framework;
    if (frameworkId !== meta.frameworkId) {
      const [framework] = await tx
        .select({ id: indicatorFrameworks.id })
        .from(indicatorFrameworks)
        .where(eq(indicatorFrameworks.id, frameworkId));
      if (!framework) throw new UserError(records.disclosures.unknownFramework(frameworkId));
    }

    const current = await readStoredContent(tx, disclosureId);
    // The department's name is the department table's, not whatever the form carried.
    const named = { ...desired, department: { code: meta.departmentCode, name: meta.departmentName } };
    const { content, changes } = await writeContent(tx, disclosureId, actor.id, named, current);
    if (!hasChanges(changes) && frameworkId === meta.frameworkId)
      return { version: meta.version, changed: false, changes, content };

    const [saved] = await tx
      .update(disclosures)
      .set({ version: sql`${disclosures.version} + 1`, updatedAt: new Date(), updatedBy: actor.id, frameworkId })
      .where(
        and(
          eq(disclosures.id, disclosureId),
          eq(disclosures.version, opts.expectedVersion),
          inArray(disclosures.state, [...editableStates]),
          draftScope(actor, disclosures.departmentId),
        ),
      )
      .returning({ version: disclosures.version });
    // Unreachable while the row is locked; the condition states the contract all the same.
    if (!saved) throw new ConflictError(opts.expectedVersion, meta.version);

    await appendAudit(tx, {
      actorId: actor.id,
      ip: opts.ip,
      action: "disclosure.save",
      entityType: "disclosure",
      entityId: disclosureId,
      detail: {
        fromVersion: meta.version,
        version: saved.version,
        ...(frameworkId !== meta.frameworkId ? { frameworkId } : {}),
        ...changes,
      },
    });
    return { version: saved.version, changed: true, changes, content };
  });
}
