import type { Db } from "@/db/client";
import { publishedYearSource } from "@/db/queries/portal";
import { expandFormats, type FormatChoice } from "@/lib/export/bundle";
import { sharedPrinter } from "@/lib/export/pdf";
import { writeYearZip, type YearProgress } from "@/lib/export/zip-year";
import type { RunningJob } from "@/db/jobs/runner";

/** The year's zip as a background job (db/jobs): its kind, input and the work itself. */
export const YEAR_EXPORT_KIND = "export.year";

export type YearExportInput = { fiscalYear: number; formats: FormatChoice[] };

/**
 * Writes the zip of every published disclosure of the year into the job's output, reporting the
 * progress as it goes; a re-run (after an interrupted attempt) starts again from the first.
 */
export async function runYearExport(job: RunningJob, db: Db): Promise<YearProgress> {
  const input = job.input as YearExportInput;
  const source = await publishedYearSource(db, input.fiscalYear);
  return writeYearZip(source.items, job.write, {
    formats: expandFormats(input.formats),
    total: source.total,
    printer: sharedPrinter(),
    onProgress: job.progress,
  });
}
