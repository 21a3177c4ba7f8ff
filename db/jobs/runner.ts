import { randomUUID } from "node:crypto";
import os from "node:os";
import type { Db } from "../client";
import { appendJobOutput, type Claim, claimJob, completeJob, failJob, LeaseLostError, renewJob } from "./queue";

/**
 * Runs the queue's jobs (db/jobs/queue.ts) in this process: in the app server by default, or in
 * `npm run worker`'s own process. One job at a time per runner; it polls for work every `pollMs`,
 * at once when kicked (an enqueue in this process), and renews its lease while a job runs.
 */

/** What a job's handler is given: its input, and the database-backed progress and output. */
export type RunningJob = {
  id: string;
  input: unknown;
  attempt: number;
  /** Records the progress (coalesced: only the latest is written, one write at a time). */
  progress: (progress: unknown) => void;
  /** Appends bytes to the output, stored in pieces of about a megabyte. */
  write: (bytes: Uint8Array) => Promise<void>;
};

/** A handler returns the final progress; a thrown error fails the job. */
export type JobHandler = (job: RunningJob, db: Db) => Promise<unknown>;

export type RunnerOptions = {
  handlers: Record<string, JobHandler>;
  workerId?: string;
  pollMs?: number;
  leaseMs?: number;
  /** Size of a stored piece of output (default a megabyte). */
  pieceBytes?: number;
};

export type JobRunner = {
  workerId: string;
  /** Looks for work now instead of at the next poll. */
  kick: () => void;
  /** Stops polling and waits for the job in hand. */
  stop: () => Promise<void>;
};

const PIECE = 1 << 20;

export const defaultWorkerId = () => `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/** Claims and runs one job; false when there was none. */
export async function runOneJob(db: Db, options: RunnerOptions & { workerId: string }): Promise<boolean> {
  const leaseMs = options.leaseMs ?? 60_000;
  const claim = await claimJob(db, { workerId: options.workerId, kinds: Object.keys(options.handlers), leaseMs });
  if (!claim) return false;
  await runClaimed(db, claim, options.handlers[claim.kind], leaseMs, options.pieceBytes ?? PIECE);
  return true;
}

async function runClaimed(
  db: Db,
  claim: Claim,
  handler: JobHandler,
  leaseMs: number,
  pieceBytes: number,
): Promise<void> {
  let lost: Error | null = null;
  // Progress: a newer one replaces one still waiting its turn; one write at a time, renewing the lease.
  let latest: unknown;
  let queued = false;
  let writing: Promise<void> = Promise.resolve();
  const enqueueWrite = (withProgress: boolean) => {
    writing = writing.then(async () => {
      if (withProgress) queued = false;
      await renewJob(db, claim, leaseMs, withProgress ? latest : undefined).catch((error) => {
        lost ??= error;
      });
    });
  };
  const heartbeat = setInterval(() => enqueueWrite(false), Math.max(50, Math.floor(leaseMs / 3)));
  heartbeat.unref?.();
  // Output: buffered into pieces, each one row.
  let buffer: Uint8Array[] = [];
  let buffered = 0;
  let seq = 0;
  let total = 0;
  const writePiece = async () => {
    if (buffered === 0) return;
    const piece = Buffer.concat(buffer, buffered);
    buffer = [];
    buffered = 0;
    await appendJobOutput(db, claim, seq++, piece);
  };
  const job: RunningJob = {
    id: claim.id,
    input: claim.input,
    attempt: claim.attempt,
    progress: (progress) => {
      latest = progress;
      if (queued) return;
      queued = true;
      enqueueWrite(true);
    },
    write: async (bytes) => {
      if (lost) throw lost;
      buffer.push(bytes);
      buffered += bytes.byteLength;
      total += bytes.byteLength;
      if (buffered >= pieceBytes) await writePiece();
    },
  };
  try {
    const result = await handler(job, db);
    await writePiece();
    clearInterval(heartbeat);
    await writing;
    if (lost) throw lost;
    await completeJob(db, claim, { progress: result, outputBytes: seq > 0 ? total : null });
  } catch (error) {
    clearInterval(heartbeat);
    await writing;
    // Lost the lease: another worker has the job; nothing of ours may touch it.
    if (error instanceof LeaseLostError || lost) return;
    console.error(`[jobs] ${claim.kind} ${claim.id} failed`, error);
    await failJob(db, claim, error instanceof Error ? error.message : String(error)).catch(() => undefined);
  }
}

/** Runs claimable jobs until none is left; how many ran. For tests and one-off runs. */
export async function drainJobs(db: Db, options: RunnerOptions): Promise<number> {
  const workerId = options.workerId ?? defaultWorkerId();
  let count = 0;
  while (await runOneJob(db, { ...options, workerId })) count += 1;
  return count;
}

export function startJobRunner(db: Db, options: RunnerOptions): JobRunner {
  const workerId = options.workerId ?? defaultWorkerId();
  const pollMs = options.pollMs ?? 2000;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  const loop = async () => {
    try {
      while (!stopped && (await runOneJob(db, { ...options, workerId }))) {}
    } catch (error) {
      console.error("[jobs] runner", error);
    }
  };
  const tick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    if (timer) clearTimeout(timer);
    timer = null;
    running = loop().finally(() => {
      running = null;
      if (stopped) return;
      if (again) {
        again = false;
        tick();
      } else {
        timer = setTimeout(tick, pollMs);
        timer.unref?.();
      }
    });
  };
  tick();
  return {
    workerId,
    kick: tick,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
