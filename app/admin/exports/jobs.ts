import type { Db } from "@/db/client";
import { appendAudit } from "@/db/queries/audit";
import { publishedYearSource } from "@/db/queries/portal";
import type { FormatChoice } from "@/lib/export/bundle";
import type { YearProgress } from "@/lib/export/zip-year";
import { enqueueJob, findJob, forgetOldJobs, type Job, listJobs } from "@/db/jobs/queue";
import type { JobState } from "@/lib/jobs/states";
import { UserError } from "@/lib/errors";
import { zhCN } from "@/lib/i18n/zh-CN";
import { kickJobs } from "@/app/_server/jobs";
import { YEAR_EXPORT_KIND, type YearExportInput } from "./year-export-job";

/**
 * The year's exports as the admin's page sees them: background jobs in the database (db/jobs), so
 * any app server shows their progress and serves the zip, and a server's restart re-runs the one it
 * had in hand. Only the last few are kept; an older one is deleted with its file.
 */

export type ExportJob = {
  id: string;
  fiscalYear: number;
  formats: FormatChoice[];
  state: JobState;
  startedAt: Date;
  progress: YearProgress;
  /** The zip's size once done. */
  size: number | null;
  /** The attempt whose output is the zip. */
  attempts: number;
};

const KEEP = 10;

function exportJobOf(job: Job): ExportJob {
  const input = job.input as YearExportInput;
  return {
    id: job.id,
    fiscalYear: input.fiscalYear,
    formats: input.formats,
    state: job.state,
    startedAt: job.createdAt,
    progress: (job.progress as YearProgress | null) ?? { done: 0, total: 0, current: null, files: 0, bytes: 0 },
    size: job.outputBytes,
    attempts: job.attempts,
  };
}

export async function listExportJobs(db: Db): Promise<ExportJob[]> {
  return (await listJobs(db, YEAR_EXPORT_KIND, KEEP)).map(exportJobOf);
}

export async function findExportJob(db: Db, id: string): Promise<ExportJob | null> {
  const job = await findJob(db, id);
  return job?.kind === YEAR_EXPORT_KIND ? exportJobOf(job) : null;
}

/**
 * Queues the zip of every published disclosure of the year and returns at once; a worker (this
 * server's, or `npm run worker`) writes it. With `by`, the start is audited (export.start-year).
 */
export async function startYearExport(
  db: Db,
  input: YearExportInput,
  by?: { actorId: string; ip: string | null },
): Promise<ExportJob> {
  const source = await publishedYearSource(db, input.fiscalYear);
  if (source.total === 0) throw new UserError(zhCN.portal.exports.noPublished(input.fiscalYear));
  // The job and its audit row commit together; the runner is told only once both are in.
  const job = await db.transaction(async (tx) => {
    const queued = await enqueueJob(tx, {
      kind: YEAR_EXPORT_KIND,
      input: { fiscalYear: input.fiscalYear, formats: input.formats } satisfies YearExportInput,
      progress: { done: 0, total: source.total, current: null, files: 0, bytes: 0 } satisfies YearProgress,
      createdBy: by?.actorId ?? null,
    });
    if (by)
      await appendAudit(tx, {
        actorId: by.actorId,
        ip: by.ip,
        action: "export.start-year",
        entityType: "export",
        entityId: queued.id,
        detail: { fiscalYear: input.fiscalYear, formats: input.formats },
      });
    await forgetOldJobs(tx, YEAR_EXPORT_KIND, KEEP);
    return queued;
  });
  kickJobs();
  return exportJobOf(job);
}
