import { z } from "zod";
import { readPublicFile } from "@/db/queries/portal";
import { NotFoundError } from "@/lib/errors";
import { attachmentDisposition } from "@/lib/export/attachment";
import { downloadName, type BundleFormat } from "@/lib/export/bundle";
import { zhCN } from "@/lib/i18n/zh-CN";
import { defineOperation } from "@/app/_server/operation";

/**
 * A published file, served byte for byte as it was stored when the revision was published: never
 * rendered again. Public (published revisions are public). The address names the year, the
 * department's code, the revision and the stored file name, so a link stays valid forever.
 */
export const publicFileOperation = defineOperation({
  name: "portal.file",
  kind: "route",
  route: { method: "GET", path: "/public/[year]/[code]/files/[revision]/[file]" },
  access: { kind: "public" },
  input: z.object({
    year: z.coerce.number().int().min(1990).max(2200),
    code: z.string().min(1).max(40),
    revision: z.coerce.number().int().positive().max(1000),
    file: z.string().min(1).max(200),
  }),
  policy: () => true,
  run: async ({ db }, input) => {
    const file = await readPublicFile(db, {
      fiscalYear: input.year,
      departmentCode: input.code,
      revision: input.revision,
      fileName: input.file,
    });
    if (!file) throw new NotFoundError(zhCN.records.things.file);
    const name = downloadName({ title: file.title }, file.format as BundleFormat, input.revision);
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        "content-type": file.contentType,
        "content-length": String(file.size),
        // The ASCII stored name for tools that read only `filename`; the Chinese name for people.
        "content-disposition": attachmentDisposition(file.fileName, name),
        etag: `"${file.sha256}"`,
        "x-content-sha256": file.sha256,
        "x-content-type-options": "nosniff",
        // A published file never changes: any cache may keep it.
        "cache-control": "public, max-age=31536000, immutable",
      },
    });
  },
});
