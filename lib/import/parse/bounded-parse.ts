import { Worker } from "node:worker_threads";
import { importMessages } from "../../i18n/zh-CN/import";
import { parseLimits } from "../upload/limits";
import type { ParseJob, ParseOutput, WorkerAnswer } from "./parse-jobs";

/**
 * Every read of an untrusted file runs here: in a worker thread, never on the server's event loop,
 * with the bounds of lib/import/upload/limits.ts. The readers themselves stop at the row, cell or
 * line past the limit; this adds the wall time (the worker is terminated, not waited for), the
 * heap (the worker dies, not the server) and how many reads run at once.
 *
 * A refusal from the worker (a file that is not what it claims, too large, over a limit) comes back
 * as the caller's own error class, through `revive`: the worker cannot send classes, only words.
 * Anything else is a fault of ours and comes back as a plain Error, for the log and a 500.
 *
 * The worker script is ./parse-worker.ts. Under `next build` the bundler compiles it into a
 * worker chunk of its own (it recognises `new Worker(new URL(…, import.meta.url))`); under vitest,
 * tsx (the CLI, the bench) it runs from source through tsx's loader. Workers are kept for a while
 * after a read and reused, so a run of reads pays the start-up once.
 */

export type Refusal = { name: string; message: string; problem?: string };

const IDLE_MS = 30_000;
/** How long a worker may take to start and load the job's readers, before the read is timed. */
const STARTUP_MS = 60_000;

const idle: Worker[] = [];
let running = 0;
const waiting: Array<() => void> = [];

function spawn(heapMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: heapMb };
  // In the server's bundle (`next build` sets NEXT_RUNTIME and drops the other branch) the worker is a
  // compiled chunk. From source, Node 20 applies no loader to a worker's own entry file, so a
  // one-line script registers tsx in the worker first and then imports the entry.
  const worker = process.env.NEXT_RUNTIME
    ? new Worker(new URL("./parse-worker.ts", import.meta.url), { execArgv: [], resourceLimits })
    : new Worker(fromSource(new URL("./parse-worker.ts", import.meta.url).href), {
        eval: true,
        execArgv: [],
        resourceLimits,
      });
  // A worker never keeps a CLI run or a test file alive: only a read in progress does (its timer).
  worker.unref();
  // One that dies while idle is not handed the next read.
  worker.on("exit", () => {
    const at = idle.indexOf(worker);
    if (at >= 0) idle.splice(at, 1);
  });
  return worker;
}

function fromSource(entry: string): string {
  const tsx = import.meta.resolve("tsx/esm/api");
  return `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
}

async function acquire(fileName: string, revive: (refusal: Refusal) => Error, heapMb: number): Promise<Worker> {
  if (running >= parseLimits.concurrent) {
    if (waiting.length >= parseLimits.queued)
      throw revive({ name: "ParseLimitError", message: importMessages.parseLimits.busy(fileName) });
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running++;
  const worker = heapMb === parseLimits.heapMb ? idle.pop() : undefined;
  if (!worker) return spawn(heapMb);
  clearTimeout(idleTimers.get(worker));
  return worker;
}

const idleTimers = new WeakMap<Worker, NodeJS.Timeout>();

/** Hands the thread back: the worker to the idle list (or null once it was stopped), the turn to the next read. */
function release(worker: Worker | null): void {
  running--;
  if (worker) {
    idle.push(worker);
    const timer = setTimeout(() => {
      const at = idle.indexOf(worker);
      if (at >= 0) idle.splice(at, 1);
      void worker.terminate();
    }, IDLE_MS);
    timer.unref();
    idleTimers.set(worker, timer);
  }
  waiting.shift()?.();
}

/** The bounds of one read; tests shorten them, callers use the defaults of limits.ts. */
export type ParseBounds = { timeoutMs?: number; heapMb?: number };

/**
 * Runs one read in a worker and answers what it read, or throws: `revive(refusal)` for a file
 * refused (by the reader, or here for time, memory or a full queue), a plain Error for a fault.
 */
export async function runParseJob<K extends ParseJob["kind"]>(
  job: Extract<ParseJob, { kind: K }>,
  revive: (refusal: Refusal) => Error,
  bounds: ParseBounds = {},
): Promise<ParseOutput[K]> {
  const timeoutMs = bounds.timeoutMs ?? parseLimits.timeoutMs;
  const heapMb = bounds.heapMb ?? parseLimits.heapMb;
  const worker = await acquire(job.fileName, revive, heapMb);
  // The worker gets its own copy, moved rather than copied again; the caller keeps the original.
  const bytes = new Uint8Array(job.bytes);
  return new Promise<ParseOutput[K]>((resolve, reject) => {
    let settled = false;
    const settle = (keep: boolean, outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
      // A worker with a heap of its own is not the pool's: it goes when its read is done.
      if (!keep || heapMb !== parseLimits.heapMb) void worker.terminate();
      release(keep && heapMb === parseLimits.heapMb ? worker : null);
      outcome();
    };
    const outOfTime = () => {
      const seconds = Math.max(1, Math.round(timeoutMs / 1000));
      settle(false, () =>
        reject(revive({ name: "ParseLimitError", message: importMessages.parseLimits.timeout(job.fileName, seconds) })),
      );
    };
    // Until the worker says it is reading, only its start-up is timed (generously: a busy machine
    // starts threads slowly); the read's own limit counts from then.
    let timer = setTimeout(outOfTime, Math.max(timeoutMs, STARTUP_MS));
    const onMessage = (answer: WorkerAnswer) => {
      if ("reading" in answer) {
        clearTimeout(timer);
        timer = setTimeout(outOfTime, timeoutMs);
      } else if (answer.ok) settle(true, () => resolve(answer.value as ParseOutput[K]));
      else if ("refusal" in answer) settle(true, () => reject(revive(answer.refusal)));
      else
        settle(true, () =>
          reject(
            Object.assign(new Error(`${answer.failure.name} in the parse worker: ${answer.failure.message}`), {
              stack: answer.failure.stack,
            }),
          ),
        );
    };
    const onError = (error: Error & { code?: string }) => {
      if (error.code === "ERR_WORKER_OUT_OF_MEMORY")
        settle(false, () =>
          reject(revive({ name: "ParseLimitError", message: importMessages.parseLimits.memory(job.fileName, heapMb) })),
        );
      else settle(false, () => reject(error));
    };
    const onExit = (code: number) =>
      settle(false, () => reject(new Error(`the parse worker exited (${code}) before answering`)));
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    try {
      worker.postMessage({ ...job, bytes }, [bytes.buffer]);
    } catch (error) {
      settle(false, () => reject(error));
    }
  });
}
