import { readFileSync } from "node:fs";

/** Linux reports CPU time in clock ticks (100 a second) and memory in pages (4 KiB here). */
const TICK_MS = 10;
const PAGE_BYTES = 4096;

export type ProcStat = { ppid: number; cpuMs: number; reapedChildrenCpuMs: number; rssBytes: number };

/**
 * One process's line of /proc/PID/stat (Linux), for the benches that measure a server or a browser
 * they started; null where there is no /proc or the process has ended. cpuMs is user plus system
 * time of all its threads; reapedChildrenCpuMs that of its children it has waited for.
 */
export function readProcStat(pid: number | string | undefined): ProcStat | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The fields after the command name (which may hold spaces and parentheses) start past its ")".
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return {
      ppid: Number(f[1]),
      cpuMs: (Number(f[11]) + Number(f[12])) * TICK_MS,
      reapedChildrenCpuMs: (Number(f[13]) + Number(f[14])) * TICK_MS,
      rssBytes: Number(f[21]) * PAGE_BYTES,
    };
  } catch {
    return null;
  }
}

/**
 * The calling thread's time on a CPU so far, in milliseconds, to the nanosecond (Linux
 * /proc/thread-self/schedstat); null elsewhere. Unlike the process's CPU time it leaves out V8's
 * helper threads (a concurrent GC), and unlike the wall clock it does not grow while the thread
 * waits for a core on a shared machine: what a synchronous piece of work costs on an idle one.
 */
export function threadCpuMs(): number | null {
  try {
    return Number(readFileSync("/proc/thread-self/schedstat", "utf8").split(" ")[0]) / 1e6;
  } catch {
    return null;
  }
}
