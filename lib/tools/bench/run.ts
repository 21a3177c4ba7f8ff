import { readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { measure, type BenchCase, type BenchResult, type BenchSuite } from "./bench";

/**
 * `npm run bench [-- SUITE… --runs N --json --strict]`: every suite under lib/tools/bench/suites/,
 * warm timings (median and p95) against the targets. --strict exits 1 when a target is missed;
 * without it timings are reported, not enforced, since a loaded CI machine is not a regression.
 */

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const runsAt = args.indexOf("--runs");
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : undefined;
const only = args.filter((a, i) => !a.startsWith("--") && !(runsAt >= 0 && i === runsAt + 1));

async function loadSuites(): Promise<BenchSuite[]> {
  const dir = path.join(import.meta.dirname, "suites");
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .sort();
  const suites: BenchSuite[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(path.join(dir, file)).href)) as { default?: BenchSuite };
    if (module.default) suites.push(module.default);
  }
  return only.length ? suites.filter((s) => only.includes(s.name)) : suites;
}

const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;

function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? "未知 CPU"}，Node ${process.version}，${os.platform()} ${os.arch()}，内存 ${Math.round(os.totalmem() / 2 ** 30)} GB`;
}

function printTable(results: ReadonlyArray<BenchResult>, skipped: ReadonlyArray<[string, string]>): void {
  const rows = [
    ["套件", "项目", "次数", "中位数", "p95", "目标", ""],
    ...results.map((r) => [
      r.suite,
      r.name,
      String(r.runs),
      ms(r.medianMs),
      ms(r.p95Ms),
      `< ${r.targetMs} ms`,
      r.met ? "达标" : "未达标",
    ]),
  ];
  // CJK characters take two columns in a terminal.
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => width(r[c]))));
  for (const row of rows)
    console.log(
      row
        .map((cell, c) => cell + " ".repeat(widths[c] - width(cell)))
        .join("  ")
        .trimEnd(),
    );
  for (const [suite, reason] of skipped) console.log(`${suite}：跳过（${reason}）`);
}

async function main(): Promise<number> {
  const results: BenchResult[] = [];
  const skipped: Array<[string, string]> = [];
  for (const suite of await loadSuites()) {
    const setup = (await suite.setup()) as
      | Awaited<ReturnType<BenchSuite["setup"]>>
      | { measured: BenchResult[]; cases?: BenchCase[] };
    if ("skip" in setup) {
      skipped.push([suite.name, setup.skip]);
      continue;
    }
    // A suite that measures for itself (lib/tools/bench/suites/load.ts: many clients at once; exports: a
    // whole year once), with or without warm cases besides.
    let cases: BenchCase[] = [];
    if ("measured" in setup) {
      results.push(...setup.measured);
      cases = setup.cases ?? [];
    } else cases = setup;
    try {
      for (const bench of cases) results.push(await measure(suite.name, bench, runs));
    } finally {
      await suite.teardown?.();
    }
  }
  if (flag("--json")) console.log(JSON.stringify({ machine: machine(), results, skipped }, null, 2));
  else {
    console.log(`机器：${machine()}`);
    printTable(results, skipped);
  }
  return flag("--strict") && results.some((r) => !r.met) ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`基准测试出错：${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
