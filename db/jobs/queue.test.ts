import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/db/client";
import { createTestDb, type TestDb } from "@/db/test-db";
import { claimJob, completeJob, enqueueJob, findJob, jobOutputStream, LeaseLostError, renewJob } from "./queue";
import { drainJobs, type JobHandler } from "./runner";

/** The queue on the real database (PGlite, or PostgreSQL with DATABASE_URL): claims, leases, fences. */
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

const bytesOf = async (db: Db, id: string) => {
  const job = (await findJob(db, id))!;
  return new Uint8Array(await new Response(jobOutputStream(db, job)).arrayBuffer());
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the job queue", () => {
  it("runs a queued job to done, with its progress and its output in the database", async () => {
    const job = await enqueueJob(t.db, { kind: "test.echo", input: { text: "hello" } });
    expect(job).toMatchObject({ state: "queued", attempts: 0, progress: null });
    // Several stored pieces (of 1000 bytes here), read back in order.
    const big = new Uint8Array(3500).map((_, i) => i % 251);
    const echo: JobHandler = async (running) => {
      running.progress({ step: 1 });
      await running.write(new TextEncoder().encode((running.input as { text: string }).text));
      await running.write(big);
      return { step: 2 };
    };
    expect(await drainJobs(t.db, { handlers: { "test.echo": echo }, pieceBytes: 1000 })).toBe(1);
    const done = (await findJob(t.db, job.id))!;
    expect(done).toMatchObject({ state: "done", attempts: 1, progress: { step: 2 }, lockedBy: null, error: null });
    expect(done.outputBytes).toBe(5 + big.byteLength);
    expect(done.finishedAt).toBeInstanceOf(Date);
    const out = await bytesOf(t.db, job.id);
    expect(new TextDecoder().decode(out.subarray(0, 5))).toBe("hello");
    expect(out.subarray(5)).toEqual(big);
    // Nothing left to claim.
    expect(await claimJob(t.db, { workerId: "w", kinds: ["test.echo"], leaseMs: 60_000 })).toBeNull();
  });

  it("never gives one job to two workers claiming at once", async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 4; i++) ids.add((await enqueueJob(t.db, { kind: "test.race", input: { i } })).id);
    const claims = await Promise.all(
      Array.from({ length: 10 }, (_, w) =>
        claimJob(t.db, { workerId: `w${w}`, kinds: ["test.race"], leaseMs: 60_000 }),
      ),
    );
    const taken = claims.filter((c) => c !== null).map((c) => c.id);
    expect(taken.sort()).toEqual([...ids].sort());
    expect(claims.filter((c) => c === null)).toHaveLength(6);
  });

  it("re-runs a job whose worker stopped renewing its lease, and fences the old worker out", async () => {
    const job = await enqueueJob(t.db, { kind: "test.lease", input: {} });
    const killed = (await claimJob(t.db, { workerId: "killed", kinds: ["test.lease"], leaseMs: 1 }))!;
    expect(killed).toMatchObject({ id: job.id, attempt: 1 });
    await sleep(20);
    const handler: JobHandler = async (running) => {
      expect(running.attempt).toBe(2);
      await running.write(new TextEncoder().encode("second"));
      return { ok: true };
    };
    expect(await drainJobs(t.db, { workerId: "next", handlers: { "test.lease": handler } })).toBe(1);
    expect(await findJob(t.db, job.id)).toMatchObject({ state: "done", attempts: 2, progress: { ok: true } });
    expect(new TextDecoder().decode(await bytesOf(t.db, job.id))).toBe("second");
    // The first worker, back from the dead, can change nothing.
    await expect(renewJob(t.db, killed, 60_000, { late: true })).rejects.toBeInstanceOf(LeaseLostError);
    await expect(completeJob(t.db, killed, {})).rejects.toBeInstanceOf(LeaseLostError);
    expect(await findJob(t.db, job.id)).toMatchObject({ state: "done", progress: { ok: true } });
  });

  it("fails a job interrupted as many times as it may be tried", async () => {
    const job = await enqueueJob(t.db, { kind: "test.doomed", input: {}, maxAttempts: 1 });
    await claimJob(t.db, { workerId: "killed", kinds: ["test.doomed"], leaseMs: 1 });
    await sleep(20);
    expect(await claimJob(t.db, { workerId: "next", kinds: ["test.doomed"], leaseMs: 60_000 })).toBeNull();
    expect(await findJob(t.db, job.id)).toMatchObject({ state: "failed", error: "interrupted 1 times" });
  });

  it("fails a job whose handler throws, with the error, and keeps no output", async () => {
    const job = await enqueueJob(t.db, { kind: "test.throws", input: {} });
    const handler: JobHandler = async (running) => {
      await running.write(new Uint8Array([1, 2, 3]));
      throw new Error("no such year");
    };
    await drainJobs(t.db, { handlers: { "test.throws": handler } });
    expect(await findJob(t.db, job.id)).toMatchObject({ state: "failed", error: "no such year", outputBytes: null });
    expect(await bytesOf(t.db, job.id)).toHaveLength(0);
  });

  it("shows a running job's progress to another database client", async () => {
    // PGlite has one client per database: there the "other" reader is the same database, outside the job.
    const other = t.url ? createDb({ databaseUrl: t.url }) : null;
    const reader = other?.db ?? t.db;
    try {
      const job = await enqueueJob(t.db, { kind: "test.slow", input: {} });
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const handler: JobHandler = async (running) => {
        running.progress({ done: 1, total: 2 });
        await gate;
        return { done: 2, total: 2 };
      };
      const run = drainJobs(t.db, { handlers: { "test.slow": handler } });
      await expect
        .poll(async () => (await findJob(reader, job.id))?.progress, { timeout: 5000, interval: 20 })
        .toEqual({ done: 1, total: 2 });
      expect(await findJob(reader, job.id)).toMatchObject({ state: "running" });
      release();
      await run;
      expect(await findJob(reader, job.id)).toMatchObject({ state: "done", progress: { done: 2, total: 2 } });
    } finally {
      await other?.close();
    }
  });
});
