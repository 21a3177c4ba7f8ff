import { importMessages } from "../../i18n/zh-CN/import";
import type { BudgetTablesReading } from "../budget-tables";
import type { DisclosureFileReading } from "../disclosure-file";
import type { UploadReading } from "../upload/read-upload";
import { MAX_UPLOAD_BYTES, ParseLimitError } from "../upload/limits";
import type { Refusal } from "./bounded-parse";

/**
 * What the parse worker (./parse-worker.ts) can be asked to read, and how it answers. A job with
 * `check` first judges the bytes by content (lib/security/upload-check.ts), as every file arriving
 * from outside must be; that too happens in the worker, since the check inflates every zip entry.
 */

type FileJob<K extends string> = { kind: K; bytes: Uint8Array; fileName: string; check?: boolean };

export type ParseJob = FileJob<"upload"> | FileJob<"sheet"> | FileJob<"disclosure"> | FileJob<"tables">;

export type ParseOutput = {
  /** A clerk's upload: a disclosure or indicator tables (lib/import/upload/read-upload.ts). */
  upload: UploadReading;
  /** An admin's bulk-import sheet: the first sheet's rows (lib/admin/sheet.ts). */
  sheet: string[][];
  /** A file given to the CLI (lib/tools/cli/read-disclosure.ts). */
  disclosure: DisclosureFileReading;
  /** A workbook of the standard budget tables (lib/import/budget-tables.ts). */
  tables: BudgetTablesReading;
};

/**
 * `reading` comes first, once the job's readers are loaded and the read itself begins: the read's
 * time limit counts from there, so a worker slow to start on a busy machine is not a slow file.
 */
export type WorkerAnswer =
  | { reading: true }
  | { ok: true; value: unknown }
  | { ok: false; refusal: Refusal }
  | { ok: false; failure: { name: string; message: string; stack?: string } };

/** Errors that refuse the file (said to its sender), as opposed to faults of ours. */
const REFUSALS: ReadonlySet<string> = new Set([
  "UploadRefused",
  "UploadRejectedError",
  "SheetError",
  "BudgetTablesRefused",
]);

/** Each job loads only its own readers: a CLI run, whose worker starts for one file, loads no more. */
export async function runJobHere(
  job: ParseJob,
  onReading: () => void = () => {},
): Promise<ParseOutput[ParseJob["kind"]]> {
  const { checkUpload } = await import("../../security/upload-check");
  const check = (options: Parameters<typeof checkUpload>[2]) => {
    if (job.check) checkUpload(job.bytes, job.fileName, options);
  };
  switch (job.kind) {
    case "upload": {
      const { readUploadHere } = await import("../upload/read-upload");
      onReading();
      check({ limits: { maxBytes: MAX_UPLOAD_BYTES } });
      return readUploadHere(job.bytes, job.fileName);
    }
    case "sheet": {
      const { readSheetHere } = await import("../../admin/sheet");
      onReading();
      check({ accept: ["xlsx", "text"] });
      return readSheetHere(job.bytes, job.fileName);
    }
    case "tables": {
      const { readBudgetTablesHere } = await import("../budget-tables-file");
      onReading();
      check({ accept: ["xlsx"] });
      return readBudgetTablesHere(job.bytes, job.fileName);
    }
    case "disclosure": {
      const { readDisclosureFileHere } = await import("../disclosure-file");
      onReading();
      return readDisclosureFileHere(job.bytes, job.fileName);
    }
  }
}

/** The answer for a job that threw: a refusal in words the sender can read, or a fault with its stack. */
export function answerForError(error: unknown, fileName: string): WorkerAnswer {
  if (error instanceof ParseLimitError)
    return {
      ok: false,
      refusal: { name: error.name, message: importMessages.parseLimits[error.limit](fileName, error.max) },
    };
  if (error instanceof Error && REFUSALS.has(error.name))
    return {
      ok: false,
      refusal: { name: error.name, message: error.message, problem: (error as { problem?: string }).problem },
    };
  const e = error instanceof Error ? error : new Error(String(error));
  return { ok: false, failure: { name: e.name, message: e.message, stack: e.stack } };
}
