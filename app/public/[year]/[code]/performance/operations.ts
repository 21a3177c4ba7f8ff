import { z } from "zod";
import { readEvaluationFile } from "@/db/queries/performance-reports";
import { NotFoundError } from "@/lib/errors";
import { attachmentDisposition } from "@/lib/export/attachment";
import { EVALUATION_FILE, EVALUATION_FORMATS, evaluationFormatOfPath } from "@/lib/export/performance-formats";
import { zhCN } from "@/lib/i18n/zh-CN";
import { defineOperation } from "@/app/_server/operation";

/** The last segment of each file's address: `self-evaluation.docx` … `self-evaluation-datapackage.zip`. */
const filePaths = EVALUATION_FORMATS.map((f) => EVALUATION_FILE[f].path) as [string, ...string[]];

/**
 * A published 自评's file (Word, PDF, Excel, JSON, CSV, the data package), served byte for byte as
 * it was stored when the 自评 was published (db/queries/performance-workflow.ts
 * publishSelfEvaluation): never rendered again. Public, as the portal is.
 */
export const evaluationFileOperation = defineOperation({
  name: "portal.performance-file",
  kind: "route",
  route: { method: "GET", path: "/public/[year]/[code]/performance/[file]" },
  access: { kind: "public" },
  input: z.object({
    year: z.coerce.number().int().min(1990).max(2200),
    code: z.string().min(1).max(40),
    file: z.enum(filePaths),
  }),
  policy: () => true,
  run: async ({ db }, input) => {
    const format = evaluationFormatOfPath(input.file);
    const file = format ? await readEvaluationFile(db, input.year, input.code, format) : null;
    if (!file) throw new NotFoundError(zhCN.records.things.file);
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        "content-type": file.contentType,
        "content-length": String(file.size),
        // The ASCII address for tools that read only `filename`; the Chinese name for people.
        "content-disposition": attachmentDisposition(`${input.code}-${input.year}-${input.file}`, file.fileName),
        etag: `"${file.sha256}"`,
        "x-content-sha256": file.sha256,
        "x-content-type-options": "nosniff",
        // A published 自评 never changes: any cache may keep its files.
        "cache-control": "public, max-age=31536000, immutable",
      },
    });
  },
});
