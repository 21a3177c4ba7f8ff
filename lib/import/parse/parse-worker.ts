import { parentPort } from "node:worker_threads";
import { answerForError, runJobHere, type ParseJob, type WorkerAnswer } from "./parse-jobs";

/**
 * The parse worker (started by ./bounded-parse.ts): one job at a time, each answered with what
 * was read or why not. It may be stopped at any moment; it keeps nothing between jobs.
 */
const port = parentPort;
if (!port) throw new Error("parse-worker.ts runs as a worker thread (lib/import/parse/bounded-parse.ts)");

port.on("message", (job: ParseJob) => {
  void runJobHere(job).then(
    (value) => port.postMessage({ ok: true, value } satisfies WorkerAnswer),
    (error: unknown) => port.postMessage(answerForError(error, job.fileName)),
  );
});
