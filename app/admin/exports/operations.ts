import { createReadStream, statSync } from "node:fs";
import { Readable } from "node:stream";
import { z } from "zod";
import { NotFoundError } from "@/lib/errors";
import { canAdminister } from "@/lib/auth/policy";
import { attachmentDisposition } from "@/lib/export/attachment";
import { FORMAT_CHOICES } from "@/lib/export/bundle";
import { formList } from "@/lib/form-values";
import { zhCN } from "@/lib/i18n/zh-CN";
import { defineOperation } from "@/app/_server/operation";
import { findExportJob, startYearExport } from "./jobs";

const t = zhCN.portal.exports;

/**
 * Starts the zip of a whole year's published disclosures, in the formats chosen; admins only.
 * Runs without a transaction around it (audited by its query): the job keeps reading the database after
 * this answers, through the database handle, and startYearExport writes the audit row.
 */
export const startYearExportOperation = defineOperation({
  name: "export.start-year",
  kind: "action",
  access: { kind: "global", roles: ["admin"] },
  input: z.object({
    fiscalYear: z.coerce.number().int().min(1990).max(2200),
    formats: formList(z.array(z.enum(FORMAT_CHOICES)).min(1, t.formatsRequired)),
  }),
  policy: ({ actor }) => canAdminister(actor),
  run: async ({ db, actor, ip }, input) => {
    const job = await startYearExport(db, input, { actorId: actor.id, ip });
    return { id: job.id };
  },
  audit: { kind: "byQuery" },
});

/** The finished zip of a year's export, streamed from its file. */
export const downloadYearExportOperation = defineOperation({
  name: "export.download-year",
  kind: "route",
  route: { method: "GET", path: "/admin/exports/[job]/zip" },
  access: { kind: "global", roles: ["admin"] },
  input: z.object({ job: z.uuid() }),
  policy: ({ actor }) => canAdminister(actor),
  run: async (_ctx, input) => {
    const job = findExportJob(input.job);
    if (job?.state !== "done") throw new NotFoundError(zhCN.records.things.exportFile);
    const size = statSync(job.file).size;
    const body = Readable.toWeb(createReadStream(job.file)) as ReadableStream<Uint8Array>;
    return new Response(body, {
      headers: {
        "content-type": "application/zip",
        "content-length": String(size),
        "content-disposition": attachmentDisposition(
          `budget-disclosures-${job.fiscalYear}.zip`,
          t.zipName(job.fiscalYear),
        ),
        "cache-control": "no-store",
      },
    });
  },
});
