import { performance } from "node:perf_hooks";
import { classification2020, sanhe2020WithTables } from "../../../domain/__fixtures__/sanhe-2020-tables";
import type { Disclosure } from "../../../domain/model";
import { checkDisclosure } from "../../../rules/engine";
import type { BenchCase, BenchSuite } from "../bench";
import { threadCpuMs } from "../proc-stat";

/**
 * What the year's dashboard does on each load (db/queries/year-dashboard.ts): every department's
 * disclosure checked, with the year's classification catalogue. A synthetic year of 200
 * departments, each the demo's 2020 disclosure with its ten budget tables filled in. Each run
 * checks fresh copies parsed from JSON (untimed), as the dashboard checks what it has just read
 * from the database: the rules' per-disclosure caches (lib/rules/tables.ts) must not carry over
 * from one run to the next. (Not structuredClone: V8 is some 1.3 times slower on the objects it
 * makes, which no request ever sees.)
 */

const YEAR_DEPARTMENTS = 200;

/** The demo's disclosure with its tables as department n: another code and name, same content. */
function yearOfDepartments(base: Disclosure, size = YEAR_DEPARTMENTS): Disclosure[] {
  return Array.from({ length: size }, (_, n) => {
    const name = `三河市合成部门${n + 1}`;
    return {
      ...base,
      department: { code: String(600 + n), name },
      title: `${name}${base.fiscalYear}年部门预算信息公开情况说明`,
    };
  });
}

const suite: BenchSuite = {
  name: "year-check",
  async setup() {
    const classification = classification2020();
    const stored = yearOfDepartments(sanhe2020WithTables()).map((d) => JSON.stringify(d));
    // Fresh copies for each run, made before the clock starts.
    const checkYear = (clock: () => number) => {
      const fresh = stored.map((text) => JSON.parse(text) as Disclosure);
      const start = clock();
      for (const d of fresh) checkDisclosure(d, { classification });
      return { elapsedMs: clock() - start };
    };
    const name = `检查一年 ${YEAR_DEPARTMENTS} 个部门（含十张公开表与本年科目）`;
    const cases: BenchCase[] = [{ name, targetMs: 200, runs: 20, fn: () => checkYear(() => performance.now()) }];
    // The same work timed by the checking thread's CPU time: on a shared machine the wall clock
    // also counts the time the thread waited for a core.
    if (threadCpuMs() !== null)
      cases.push({
        name: `${name}，检查线程 CPU 时间`,
        targetMs: 200,
        runs: 20,
        fn: () => checkYear(() => threadCpuMs() ?? 0),
      });
    return cases;
  },
};

export default suite;
