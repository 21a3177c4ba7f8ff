import { z } from "zod";
import { storeUpload } from "@/db/queries/imports";
import { canStartDisclosure } from "@/lib/auth/policy";
import { draftFromReading } from "@/lib/import/upload/draft";
import { readUpload } from "@/lib/import/upload/read-upload";
import { MAX_UPLOAD_BYTES } from "@/lib/import/upload/limits";
import { UploadRefused } from "@/lib/import/upload/sniff";
import { zhCN } from "@/lib/i18n/zh-CN";
import { UploadRejectedError } from "@/lib/security/upload-check";
import { UserError } from "@/lib/errors";
import { defineOperation } from "@/app/_server/operation";
import { resolveTarget } from "@/app/workbench/new/start-context";

const refused = zhCN.imports.refused;
const bad = zhCN.errors.invalidInput;

/** The uploaded file as the route hands it over; `size` is what was announced when the bytes were not read. */
const uploadedFile = z
  .object(
    {
      name: z
        .string({ error: refused.fileRequired })
        .trim()
        .min(1, { error: refused.fileRequired })
        .max(255, { error: bad }),
      size: z.number().int().nonnegative(),
      bytes: z.instanceof(Uint8Array),
    },
    { error: refused.fileRequired },
  )
  .superRefine((file, ctx) => {
    const size = Math.max(file.size, file.bytes.byteLength);
    if (size > MAX_UPLOAD_BYTES) ctx.addIssue({ code: "custom", message: refused.tooLarge(size, MAX_UPLOAD_BYTES) });
    else if (size === 0) ctx.addIssue({ code: "custom", message: refused.empty });
  });

/**
 * Receives a file to start a year from, reads it and keeps it for the preview
 * (/workbench/new/upload/[id]). Saves no draft: that waits for the clerk's accept. Refuses at once
 * what the accept would refuse (not the clerk's department, a closed year, a year already
 * started) and what cannot be read (too large, not a disclosure or indicator sheet by content).
 * The file is read before anything is written and outside any transaction (storeUpload audits in
 * its own): the read, in the bounded parse worker, may take seconds and must not hold the database.
 */
export const uploadImportOperation = defineOperation({
  name: "import.upload",
  kind: "route",
  route: { method: "POST", path: "/api/imports" },
  access: { kind: "scoped", roles: ["clerk"] },
  input: z.object({
    departmentId: z.uuid({ error: bad }),
    fiscalYear: z.coerce.number({ error: bad }).int({ error: bad }),
    file: uploadedFile,
  }),
  policy: ({ actor }, input) => canStartDisclosure(actor, input.departmentId),
  run: async ({ db, actor, ip }, input) => {
    const target = await resolveTarget(db, actor, input.departmentId, input.fiscalYear);
    try {
      // Checked by content, not by name (a zip bomb, a renamed program or picture is refused with its
      // own message), then read now, so a file that cannot become the draft is refused here, not
      // after the preview. Both in the bounded parse worker, off the event loop.
      draftFromReading(await readUpload(input.file.bytes, input.file.name, { check: true }), target);
    } catch (error) {
      // Refused in the readers' words, at the file field of the upload form.
      if (error instanceof UploadRejectedError || error instanceof UploadRefused)
        throw new UserError(error.message, { file: [error.message] });
      throw error;
    }
    const stored = await storeUpload(db, actor, {
      departmentId: input.departmentId,
      fiscalYear: input.fiscalYear,
      fileName: input.file.name,
      bytes: input.file.bytes,
      ip,
    });
    return { id: stored.id, href: `/workbench/new/upload/${stored.id}`, expiresAt: stored.expiresAt.toISOString() };
  },
  // storeUpload audits in its own transaction; the file is read before it, outside any.
  audit: { kind: "byQuery" },
});
