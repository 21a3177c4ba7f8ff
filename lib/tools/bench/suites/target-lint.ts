import type { Disclosure } from "../../../domain/model";
import type { BenchSuite } from "../bench";
import { sanhe2020 } from "../../../domain/__fixtures__/sanhe-2020";

/**
 * Issue 16: the target lint of a year, 200 departments × 15 projects × 8 indicators (24,000 rows),
 * each department checked against its published disclosure of the year before and its projects
 * graded: < 300 ms. Each department's rows are the fixture's, dealt from a different place, so the
 * copies, the vague phrases and the unreadable targets are spread as in real tables; last year
 * differs from this year in every third row, so the comparison with it has work to do. Also the
 * spread of every metric across those 200 departments and their previous year, for the cells' hints.
 */

export const DEPARTMENTS = 200;
export const PROJECTS = 15;
export const INDICATORS = 8;

export function yearOfDepartments(base: Disclosure, fiscalYear: number): Disclosure[] {
  const rows = base.performance.projects.flatMap((p) => p.indicators);
  const source = base.performance.projects;
  return Array.from({ length: DEPARTMENTS }, (_, k) => ({
    ...base,
    fiscalYear,
    department: { code: String(500 + k), name: `测试部门${k + 1}` },
    performance: {
      ...base.performance,
      projects: Array.from({ length: PROJECTS }, (_, p) => ({
        name: `${source[(k + p) % source.length].name}（${p + 1}）`,
        amount: `${10 + p}.00`,
        goal: source[(k + p) % source.length].goal,
        indicators: Array.from({ length: INDICATORS }, (_, i) => {
          const row = rows[(k * 7 + p * INDICATORS + i) % rows.length];
          // Last year: every third row set one lower, where it had a number.
          if (fiscalYear === base.fiscalYear - 1 && i % 3 === 0 && row.target.kind === "quantitative") {
            const value = String(Math.max(0, Number(row.target.value) - 1));
            return {
              ...row,
              target: { ...row.target, value, raw: `${row.target.operator}${value}${row.target.unit}` },
            };
          }
          return row;
        }),
      })),
    },
  }));
}

const suite: BenchSuite = {
  name: "target-lint",
  async setup() {
    const [{ checkDisclosure }, { projectGrades }, { targetSpreads }] = await Promise.all([
      import("../../../rules/engine"),
      import("../../../rules/grades"),
      import("../../../rules/target-spread"),
    ]);
    const base = sanhe2020();
    const year = yearOfDepartments(base, base.fiscalYear);
    const before = yearOfDepartments(base, base.fiscalYear - 1);
    return [
      {
        name: `${DEPARTMENTS} 个部门 × ${PROJECTS} 个项目 × ${INDICATORS} 条指标：检查（对比上年）并评级`,
        targetMs: 300,
        runs: 20,
        fn: () => {
          let graded = 0;
          year.forEach((d, k) => {
            graded += projectGrades(checkDisclosure(d, { previous: before[k] }), d).length;
          });
          if (graded !== DEPARTMENTS * PROJECTS)
            throw new Error(`应评 ${DEPARTMENTS * PROJECTS} 个项目，实为 ${graded}`);
        },
      },
      {
        name: `${DEPARTMENTS} 个部门两年的指标值分布（最小 / 中位 / 最大、异常值）`,
        targetMs: 300,
        runs: 20,
        fn: () => targetSpreads([...before, ...year]),
      },
    ];
  },
};

export default suite;
