import { z } from "zod";
import { NotFoundError } from "@/lib/errors";
import { canAdminister } from "@/lib/auth/policy";
import { attachmentDisposition } from "@/lib/export/attachment";
import { FORMAT_CHOICES } from "@/lib/export/bundle";
import { formList } from "@/lib/form-values";
import { jobOutputStream } from "@/db/jobs/queue";
import { zhCN } from "@/lib/i18n/zh-CN";
import { defineOperation } from "@/app/_server/operation";
import { findExportJob, startYearExport } from "./jobs";

const t = zhCN.portal.exports;

/**
 * Starts the zip of a whole year's published disclosures, in the formats chosen; admins only.
 * Only queues the job (db/jobs): a worker writes the zip into the database, so the page's poll and
 * the download may reach any app server. Audited by its query (startYearExport writes the row).
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

/** The finished zip of a year's export, streamed from the database piece by piece. */
export const downloadYearExportOperation = defineOperation({
  name: "export.download-year",
  kind: "route",
  route: { method: "GET", path: "/admin/exports/[job]/zip" },
  access: { kind: "global", roles: ["admin"] },
  input: z.object({ job: z.uuid() }),
  policy: ({ actor }) => canAdminister(actor),
  run: async ({ db }, input) => {
    const job = await findExportJob(db, input.job);
    if (job?.state !== "done" || job.size === null) throw new NotFoundError(zhCN.records.things.exportFile);
    return new Response(jobOutputStream(db, { id: job.id, attempts: job.attempts }), {
      headers: {
        "content-type": "application/zip",
        "content-length": String(job.size),
        "content-disposition": attachmentDisposition(
          `budget-disclosures-${job.fiscalYear}.zip`,
          t.zipName(job.fiscalYear),
        ),
        "cache-control": "no-store",
      },
    });
  },
});
