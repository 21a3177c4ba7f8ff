import { performance } from "node:perf_hooks";
import { classification2020, sanhe2020WithTables } from "../../../domain/__fixtures__/sanhe-2020-tables";
import type { Disclosure } from "../../../domain/model";
import { checkDisclosure } from "../../../rules/engine";
import type { BenchSuite } from "../bench";

/**
 * What the year's dashboard does on each load (db/queries/year-dashboard.ts): every department's
 * disclosure checked, with the year's classification catalogue. A synthetic year of 200
 * departments, each the demo's 2020 disclosure with its ten budget tables filled in. Each run
 * checks fresh copies (structuredClone, untimed), as the dashboard checks what it has just read:
 * the rules' per-disclosure caches (lib/rules/tables.ts) must not carry over from one run to the next.
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
    const year = yearOfDepartments(sanhe2020WithTables());
    // Fresh copies for each run, made before the clock starts.
    const checkYear = (clock: () => number) => {
      const fresh = year.map((d) => structuredClone(d));
      const start = clock();
      for (const d of fresh) checkDisclosure(d, { classification });
      return { elapsedMs: clock() - start };
    };
    const cpuMs = () => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    };
    return [
      {
        name: `检查一年 ${YEAR_DEPARTMENTS} 个部门（含十张公开表与本年科目）`,
        targetMs: 200,
        runs: 20,
        fn: () => checkYear(() => performance.now()),
      },
      {
        // The same work in this process's CPU time, which other load on a shared machine does not stretch.
        name: `检查一年 ${YEAR_DEPARTMENTS} 个部门，CPU 时间`,
        targetMs: 200,
        runs: 20,
        fn: () => checkYear(cpuMs),
      },
    ];
  },
};

export default suite;
