import type { Db } from "@/db/client";
import { publishSnapshot } from "@/db/queries/publishing";
import { disclosureIn, type Cast } from "@/db/test-workflow";
import { renderBundle } from "@/lib/export/bundle";
import { drainJobs } from "@/db/jobs/runner";
import { findExportJob, startYearExport } from "@/app/admin/exports/jobs";
import { jobHandlers } from "@/app/_server/jobs";

/**
 * What the publication operations start from, in the registry world's own department (434): an
 * approved disclosure to publish, a published one (with stored files) to download and correct,
 * and a finished year export to download.
 */
export type PublicationExamples = {
  approved: { id: string; version: number };
  published: { id: string; version: number; fiscalYear: number; fileName: string };
  exportJobId: string;
};

export async function buildPublicationExamples(db: Db, cast: Cast, departmentId: string): Promise<PublicationExamples> {
  const approved = await disclosureIn(db, cast, departmentId, "approved", 2040);
  const ready = await disclosureIn(db, cast, departmentId, "approved", 2041);
  let fileName = "";
  const { version } = await publishSnapshot(db, cast.admin, ready.id, {
    expectedVersion: ready.version,
    files: async (canonical) => {
      const files = await renderBundle(canonical, { formats: ["json", "csv-indicators"], revision: 1 });
      fileName = files[0].fileName;
      return files;
    },
  });
  const job = await startYearExport(db, { fiscalYear: 2041, formats: ["json"] });
  await drainJobs(db, { handlers: jobHandlers });
  if ((await findExportJob(db, job.id))?.state !== "done")
    throw new Error("test world: the year export did not finish");
  return { approved, published: { id: ready.id, version, fiscalYear: 2041, fileName }, exportJobId: job.id };
}
