import { performance } from "node:perf_hooks";

/**
 * A bench suite is one file under lib/tools/bench/suites/ whose default export is a BenchSuite; run.ts
 * finds and runs them all. A suite whose subject does not exist yet (no rule engine, no
 * database) says so from setup() and is listed as skipped.
 */

export type BenchCase = {
  name: string;
  /** The target from the issues, warm, in milliseconds. */
  targetMs: number;
  runs: number;
  /** May return { elapsedMs } when the time is taken where it happens (in a browser), not around the call. */
  fn: () => unknown | Promise<unknown>;
};

export type BenchSuite = {
  name: string;
  setup(): Promise<BenchCase[] | { skip: string }>;
  /** Frees what setup started (a browser, a server) once the cases have run. */
  teardown?(): Promise<void>;
};

const selfTimed = (out: unknown): number | null =>
  out !== null && typeof out === "object" && typeof (out as { elapsedMs?: unknown }).elapsedMs === "number"
    ? (out as { elapsedMs: number }).elapsedMs
    : null;

export type BenchResult = {
  suite: string;
  name: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  targetMs: number;
  met: boolean;
};

const WARM_UP_RUNS = 10;

/** Warm runs only: the first calls pay for module loading and JIT, which a user pays once. */
export async function measure(suite: string, bench: BenchCase, runsOverride?: number): Promise<BenchResult> {
  const runs = runsOverride ?? bench.runs;
  for (let i = 0; i < WARM_UP_RUNS; i++) await bench.fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const out = await bench.fn();
    const elapsed = performance.now() - start;
    times.push(selfTimed(out) ?? elapsed);
  }
  times.sort((a, b) => a - b);
  const medianMs = percentile(times, 0.5);
  const p95Ms = percentile(times, 0.95);
  return { suite, name: bench.name, runs, medianMs, p95Ms, targetMs: bench.targetMs, met: p95Ms <= bench.targetMs };
}

function percentile(sorted: ReadonlyArray<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank];
}
