import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { answerForError, runJobHere, type ParseJob, type WorkerAnswer } from "./parse-jobs";

/**
 * The parse worker (started by ./bounded-parse.ts): one job at a time, each answered with what
 * was read or why not. It may be stopped at any moment; it keeps nothing between jobs.
 */
const port = parentPort;
if (!port) throw new Error("parse-worker.ts runs as a worker thread (lib/import/parse/bounded-parse.ts)");

/**
 * Reading yields the CPU to the server's event loop: when the cores are busy, the thread that
 * answers requests goes first. On Linux a thread has its own priority (its id is in
 * /proc/thread-self); elsewhere the worker keeps the server's.
 */
try {
  const threadId = Number(readlinkSync("/proc/thread-self").split("/").pop());
  if (Number.isInteger(threadId) && threadId > 0) setPriority(threadId, 10);
} catch {
  // Not Linux, or not allowed: nothing is lost but the preference.
}

port.on("message", (job: ParseJob) => {
  void runJobHere(job, () => port.postMessage({ reading: true } satisfies WorkerAnswer)).then(
    (value) => port.postMessage({ ok: true, value } satisfies WorkerAnswer),
    (error: unknown) => port.postMessage(answerForError(error, job.fileName)),
  );
});
