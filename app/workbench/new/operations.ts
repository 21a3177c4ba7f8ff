import { z } from "zod";
import { createDisclosure } from "@/db/queries/disclosures";
import { discardUpload, findUploadOwner, loadUpload } from "@/db/queries/imports";
import type { Actor } from "@/lib/auth/actor";
import { canStartDisclosure } from "@/lib/auth/policy";
import type { Disclosure } from "@/lib/domain/model";
import { draftFromLastYear, draftFromReading, emptyDraft } from "@/lib/import/upload/draft";
import { readUpload } from "@/lib/import/upload/read-upload";
import { zhCN } from "@/lib/i18n/zh-CN";
import type { Db } from "@/db/client";
import { UserError } from "@/lib/errors";
import { defineOperation } from "@/app/_server/operation";
import { findLastYearSource, loadSourceContent, resolveTarget } from "./start-context";

const refused = zhCN.imports.refused;
const bad = zhCN.errors.invalidInput;
const year = z.coerce.number({ error: bad }).int({ error: bad }).min(2000, { error: bad }).max(2100, { error: bad });
const target = { departmentId: z.uuid({ error: bad }), fiscalYear: year };

const startInput = z.discriminatedUnion(
  "mode",
  [
    z.object({ mode: z.literal("empty"), ...target }),
    z.object({ mode: z.literal("last-year"), ...target }),
    z.object({ mode: z.literal("upload"), uploadId: z.uuid({ error: refused.uploadExpired }) }),
  ],
  { error: bad },
);
export type StartInput = z.infer<typeof startInput>;

/** Where the clerk continues after creating a draft. */
export const draftHref = (id: string) => `/disclosures/${id}/edit`;

/**
 * Creates the year's draft — empty, carried forward from last year, or from an upload the clerk
 * has looked at — and only now saves anything. Refused on the server when the department is not
 * the clerk's, the year is closed, or the department already has a disclosure for the year.
 */
export const startDisclosureOperation = defineOperation({
  name: "disclosure.start",
  kind: "action",
  // The department's own clerks start its year (canStartDisclosure); the workbench is theirs.
  access: { kind: "scoped", roles: ["clerk"] },
  input: startInput,
  policy: async ({ db, actor }, input) => {
    if (input.mode !== "upload") return canStartDisclosure(actor, input.departmentId);
    const owner = await findUploadOwner(db, input.uploadId);
    // An id that does not exist passes here and is "expired" in run; someone else's upload is refused.
    return !owner || (owner.createdBy === actor.id && canStartDisclosure(actor, owner.departmentId));
  },
  run: async ({ db, actor, ip }, input) => {
    const { departmentId, fiscalYear, content, source } = await draftContent(db, actor, input);
    let created: { id: string; version: number };
    try {
      created = await createDisclosure(db, actor, {
        departmentId,
        fiscalYear,
        content,
        frameworkId: content.performance.framework,
        ip,
      });
    } catch (error) {
      // Two accepts at once: the unique index lets one through; the other hears why.
      if (isUniqueViolation(error)) await resolveTarget(db, actor, departmentId, fiscalYear);
      throw error;
    }
    if (input.mode === "upload") await discardUpload(db, actor, input.uploadId);
    return { id: created.id, href: draftHref(created.id), mode: input.mode, fiscalYear, departmentId, source };
  },
  // createDisclosure writes "disclosure.create"; this row says how the year was started.
  audit: {
    kind: "row",
    entry: (_input, out) => ({
      entityType: "disclosure",
      entityId: out.id,
      detail: { mode: out.mode, fiscalYear: out.fiscalYear, departmentId: out.departmentId, source: out.source },
    }),
  },
});

async function draftContent(
  db: Db,
  actor: Actor,
  input: StartInput,
): Promise<{ departmentId: string; fiscalYear: number; content: Disclosure; source: Record<string, unknown> | null }> {
  if (input.mode === "upload") {
    const upload = await loadUpload(db, actor, input.uploadId);
    const t = await resolveTarget(db, actor, upload.departmentId, upload.fiscalYear);
    // Read again from the very bytes the preview was read from: what was shown is what is saved.
    // A file that cannot become the draft is refused (UploadRefused) in the reader's words.
    const content = draftFromReading(await readUpload(upload.bytes, upload.fileName), t);
    return {
      departmentId: t.departmentId,
      fiscalYear: t.fiscalYear,
      content,
      source: { fileName: upload.fileName, size: upload.size },
    };
  }
  const t = await resolveTarget(db, actor, input.departmentId, input.fiscalYear);
  if (input.mode === "empty")
    return { departmentId: t.departmentId, fiscalYear: t.fiscalYear, content: emptyDraft(t), source: null };
  const source = await findLastYearSource(db, actor, t.departmentId, t.fiscalYear);
  if (!source) throw new UserError(refused.noLastYear(t.fiscalYear));
  const content = draftFromLastYear(await loadSourceContent(db, actor, source), t);
  return {
    departmentId: t.departmentId,
    fiscalYear: t.fiscalYear,
    content,
    source: { disclosureId: source.id, fiscalYear: source.fiscalYear, revision: source.revision },
  };
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause)
    if ((e as { code?: unknown }).code === "23505") return true;
  return false;
}
