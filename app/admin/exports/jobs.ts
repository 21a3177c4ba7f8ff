import { randomUUID } from "node:crypto";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import { once } from "node:events";
import os from "node:os";
import path from "node:path";
import { is } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { UserError } from "@/lib/errors";
import { appendAudit } from "@/db/queries/audit";
import { publishedYearSource } from "@/db/queries/portal";
import { expandFormats, type FormatChoice } from "@/lib/export/bundle";
import { sharedPrinter } from "@/lib/export/pdf";
import { writeYearZip, type YearProgress } from "@/lib/export/zip-year";
import { zhCN } from "@/lib/i18n/zh-CN";

/**
 * The year's exports running in this server process: each writes its zip to a temporary file
 * while the admin's page polls the progress. Kept in memory (on globalThis, as Next may load this
 * module once per route bundle): a restart forgets them and the page says to start again. Only
 * the last few are kept; an older one's file is deleted.
 */

export type ExportJob = {
  id: string;
  fiscalYear: number;
  formats: FormatChoice[];
  state: "running" | "done" | "failed";
  startedAt: Date;
  progress: YearProgress;
  file: string;
  /** Resolves when the zip is complete (or failed); for tests and the CLI-like callers. */
  finished: Promise<void>;
};

const KEEP = 10;
const HOLDER = Symbol.for("budget-disclosure.export-jobs");

function jobs(): Map<string, ExportJob> {
  const holder = globalThis as { [HOLDER]?: Map<string, ExportJob> };
  return (holder[HOLDER] ??= new Map());
}

export const exportDir = () => path.join(os.tmpdir(), `bdw-exports-${process.pid}`);

export function listExportJobs(): ExportJob[] {
  return [...jobs().values()].sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime());
}

export function findExportJob(id: string): ExportJob | null {
  return jobs().get(id) ?? null;
}

function forgetOld(): void {
  const all = listExportJobs();
  for (const old of all.slice(KEEP)) {
    if (old.state === "running") continue;
    jobs().delete(old.id);
    rmSync(old.file, { force: true });
  }
}

/**
 * Starts the zip of every published disclosure of the year in the background; returns at once.
 * The job reads the disclosures one by one long after this returns, so `db` must be the database
 * itself, never a transaction: a transaction ends with the request (its operation commits as it
 * answers) and every later read would fail with "Transaction is closed". Refused outright, so the
 * mistake cannot pass unnoticed on a year of one. With `by`, the start is audited (export.start-year).
 */
export async function startYearExport(
  db: Db,
  input: { fiscalYear: number; formats: FormatChoice[] },
  by?: { actorId: string; ip: string | null },
): Promise<ExportJob> {
  if (is(db, PgTransaction))
    throw new Error("startYearExport needs the database, not a transaction: the job outlives it");
  const source = await publishedYearSource(db, input.fiscalYear);
  if (source.total === 0) throw new UserError(zhCN.portal.exports.noPublished(input.fiscalYear));
  const id = randomUUID();
  if (by)
    await appendAudit(db, {
      actorId: by.actorId,
      ip: by.ip,
      action: "export.start-year",
      entityType: "export",
      entityId: id,
      detail: { fiscalYear: input.fiscalYear, formats: input.formats },
    });
  mkdirSync(exportDir(), { recursive: true });
  const file = path.join(exportDir(), `${id}.zip`);
  const job: ExportJob = {
    id,
    fiscalYear: input.fiscalYear,
    formats: input.formats,
    state: "running",
    startedAt: new Date(),
    progress: { done: 0, total: source.total, current: null, files: 0, bytes: 0 },
    file,
    finished: Promise.resolve(),
  };
  job.finished = (async () => {
    const out = createWriteStream(file);
    try {
      await writeYearZip(
        source.items,
        async (chunk) => {
          if (!out.write(chunk)) await once(out, "drain");
        },
        {
          formats: expandFormats(input.formats),
          total: source.total,
          printer: sharedPrinter(),
          onProgress: (p) => (job.progress = p),
        },
      );
      out.end();
      await once(out, "finish");
      job.state = "done";
    } catch (error) {
      console.error(`[export] year ${input.fiscalYear} failed`, error);
      out.destroy();
      rmSync(file, { force: true });
      job.state = "failed";
    }
  })();
  jobs().set(id, job);
  forgetOld();
  return job;
}
