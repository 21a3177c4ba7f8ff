import { and, desc, eq, inArray, notInArray, sql } from "drizzle-orm";
import { type Db, executeRows } from "../client";
import { jobOutputChunks, jobs } from "../schema/jobs";
import type { JobState } from "../../lib/jobs/states";

/**
 * The queue of background jobs, in our own `jobs` table on whichever database the app runs on
 * (PGlite or PostgreSQL, the same statements): enqueue, claim, progress, output, complete, fail,
 * find. A claim takes the oldest claimable job with FOR UPDATE SKIP LOCKED, so two workers never
 * take the same one, and holds it for a lease the worker keeps renewing; a job whose lease lapsed
 * (its process was killed) is claimable again and re-run from the start, up to its max_attempts.
 * Every write of a running job is fenced by its holder and attempt: a worker that lost its lease
 * changes nothing.
 */

export type Job = typeof jobs.$inferSelect;

/** A job as its worker holds it: the fence every write checks. */
export type Claim = { id: string; kind: string; input: unknown; attempt: number; workerId: string };

/** The worker no longer holds the job (its lease lapsed and another took it, or it was finished). */
export class LeaseLostError extends Error {
  constructor(id: string) {
    super(`job ${id}: lease lost`);
    this.name = "LeaseLostError";
  }
}

export async function enqueueJob(
  db: Db,
  job: { kind: string; input: unknown; progress?: unknown; createdBy?: string | null; maxAttempts?: number },
): Promise<Job> {
  const [row] = await db
    .insert(jobs)
    .values({
      kind: job.kind,
      input: job.input,
      progress: job.progress ?? null,
      createdBy: job.createdBy ?? null,
      maxAttempts: job.maxAttempts ?? 3,
    })
    .returning();
  return row;
}

/**
 * Enqueues a job unless one of its kind with the same key (kept in its input as `key`) exists, in
 * whatever state: the daily jobs every server asks for run once a day. A transaction-scoped
 * advisory lock on the kind and key makes two servers asking at once agree.
 */
export async function enqueueOnce(
  db: Db,
  job: { kind: string; key: string; input?: Record<string, unknown> },
): Promise<Job | null> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${job.kind}:${job.key}`}))`);
    const [existing] = await tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(eq(jobs.kind, job.kind), sql`${jobs.input}->>'key' = ${job.key}`))
      .limit(1);
    if (existing) return null;
    return enqueueJob(tx, { kind: job.kind, input: { ...job.input, key: job.key } });
  });
}

type ClaimedRow = { id: string; kind: string; input: unknown; attempts: number };

/**
 * Takes the oldest queued job of these kinds, or a running one whose lease lapsed, for `leaseMs`.
 * A lapsed job that has had all its attempts is marked failed instead. Null when there is nothing.
 */
export async function claimJob(
  db: Db,
  options: { workerId: string; kinds: readonly string[]; leaseMs: number },
): Promise<Claim | null> {
  if (options.kinds.length === 0) return null;
  const kinds = sql.join(
    options.kinds.map((k) => sql`${k}`),
    sql`, `,
  );
  await db.execute(sql`
    update jobs set state = 'failed', error = 'interrupted ' || attempts || ' times', locked_by = null,
      locked_until = null, finished_at = now()
    where state = 'running' and locked_until < now() and attempts >= max_attempts and kind in (${kinds})`);
  const [row] = await executeRows<ClaimedRow>(
    db,
    sql`
    update jobs set state = 'running', attempts = attempts + 1, locked_by = ${options.workerId},
      locked_until = now() + ${options.leaseMs} * interval '1 millisecond', started_at = now(), error = null
    where id = (
      select id from jobs
      where kind in (${kinds}) and attempts < max_attempts
        and (state = 'queued' or (state = 'running' and locked_until < now()))
      order by created_at, id
      limit 1
      for update skip locked
    )
    returning id, kind, input, attempts`,
  );
  if (!row) return null;
  return { id: row.id, kind: row.kind, input: row.input, attempt: row.attempts, workerId: options.workerId };
}

const held = (claim: Claim) =>
  and(
    eq(jobs.id, claim.id),
    eq(jobs.state, "running"),
    eq(jobs.lockedBy, claim.workerId),
    eq(jobs.attempts, claim.attempt),
  );

async function fenced(claim: Claim, rows: Promise<Array<{ id: string }>>): Promise<void> {
  if ((await rows).length === 0) throw new LeaseLostError(claim.id);
}

/** Extends the lease by `leaseMs` from now, and records the progress when given. */
export async function renewJob(db: Db, claim: Claim, leaseMs: number, progress?: unknown): Promise<void> {
  await fenced(
    claim,
    db
      .update(jobs)
      .set({
        lockedUntil: sql`now() + ${leaseMs} * interval '1 millisecond'`,
        ...(progress === undefined ? {} : { progress }),
      })
      .where(held(claim))
      .returning({ id: jobs.id }),
  );
}

/** Appends the next piece of the job's output (seq 0, 1, …) for this attempt. */
export async function appendJobOutput(db: Db, claim: Claim, seq: number, bytes: Uint8Array): Promise<void> {
  const rows = executeRows<{ id: string }>(
    db,
    sql`
    insert into job_output_chunks (job_id, attempt, seq, bytes)
    select id, attempts, ${seq}, ${bytes} from jobs
    where id = ${claim.id} and state = 'running' and locked_by = ${claim.workerId} and attempts = ${claim.attempt}
    returning job_id as id`,
  );
  await fenced(claim, rows);
}

/** Marks the job done with its final progress and output size; earlier attempts' output is dropped. */
export async function completeJob(
  db: Db,
  claim: Claim,
  result: { progress?: unknown; outputBytes?: number | null },
): Promise<void> {
  await fenced(
    claim,
    db
      .update(jobs)
      .set({
        state: "done",
        finishedAt: sql`now()`,
        lockedBy: null,
        lockedUntil: null,
        outputBytes: result.outputBytes ?? null,
        ...(result.progress === undefined ? {} : { progress: result.progress }),
      })
      .where(held(claim))
      .returning({ id: jobs.id }),
  );
  await db
    .delete(jobOutputChunks)
    .where(and(eq(jobOutputChunks.jobId, claim.id), sql`${jobOutputChunks.attempt} <> ${claim.attempt}`));
}

/** Marks the job failed (its handler threw): a failure of the work itself is not retried. */
export async function failJob(db: Db, claim: Claim, error: string): Promise<void> {
  await fenced(
    claim,
    db
      .update(jobs)
      .set({ state: "failed", error, finishedAt: sql`now()`, lockedBy: null, lockedUntil: null })
      .where(held(claim))
      .returning({ id: jobs.id }),
  );
  await db.delete(jobOutputChunks).where(eq(jobOutputChunks.jobId, claim.id));
}

export async function findJob(db: Db, id: string): Promise<Job | null> {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
  return row ?? null;
}

/** The newest jobs of a kind, newest first. */
export async function listJobs(db: Db, kind: string, limit: number): Promise<Job[]> {
  return db.select().from(jobs).where(eq(jobs.kind, kind)).orderBy(desc(jobs.createdAt), desc(jobs.id)).limit(limit);
}

/** Deletes the finished jobs of a kind beyond the newest `keep` (their output with them). */
export async function forgetOldJobs(db: Db, kind: string, keep: number): Promise<void> {
  const kept = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(eq(jobs.kind, kind))
    .orderBy(desc(jobs.createdAt), desc(jobs.id))
    .limit(keep);
  const finished: JobState[] = ["done", "failed"];
  await db.delete(jobs).where(and(eq(jobs.kind, kind), inArray(jobs.state, finished), notInArray(jobs.id, kept)));
}

/**
 * A done job's output, read a piece at a time in order (one query per piece, so any app server
 * streams it and memory holds one piece).
 */
export function jobOutputStream(db: Db, job: Pick<Job, "id" | "attempts">): ReadableStream<Uint8Array> {
  let seq = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const [chunk] = await db
        .select({ bytes: jobOutputChunks.bytes })
        .from(jobOutputChunks)
        .where(
          and(
            eq(jobOutputChunks.jobId, job.id),
            eq(jobOutputChunks.attempt, job.attempts),
            eq(jobOutputChunks.seq, seq),
          ),
        );
      seq += 1;
      if (chunk) controller.enqueue(chunk.bytes);
      else controller.close();
    },
  });
}
