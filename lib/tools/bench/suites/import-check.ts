import type { Disclosure } from "../../../domain/model";
import { importDisclosureText } from "../../../import/text/import-disclosure";
import type { BenchSuite } from "../bench";
import { sanhe2020Bytes } from "../../../domain/__fixtures__/sanhe-2020";

/** Import and check of the real fixture, and check of a department with 200 projects × 15 indicators. */

export const SYNTHETIC_PROJECTS = 200;
export const SYNTHETIC_INDICATORS = 15;

/** The fixture's 13 projects repeated to 200, each with its own rows repeated to 15. */
export function syntheticDisclosure(
  base: Disclosure,
  projects = SYNTHETIC_PROJECTS,
  indicators = SYNTHETIC_INDICATORS,
): Disclosure {
  const source = base.performance.projects;
  return {
    ...base,
    performance: {
      ...base.performance,
      projects: Array.from({ length: projects }, (_, i) => {
        const project = source[i % source.length];
        return {
          ...project,
          name: `${project.name}（${i + 1}）`,
          indicators: Array.from({ length: indicators }, (_, j) => ({
            ...project.indicators[j % project.indicators.length],
          })),
        };
      }),
    },
  };
}

const suite: BenchSuite = {
  name: "import-check",
  async setup() {
    let checkDisclosure: (d: Disclosure) => unknown;
    try {
      ({ checkDisclosure } = await import("../../../rules/engine"));
    } catch {
      return { skip: "规则引擎（lib/rules/engine.ts）尚不存在" };
    }
    const bytes = sanhe2020Bytes();
    const text = bytes.toString("utf8");
    const imported = importDisclosureText(text).disclosure;
    const large = syntheticDisclosure(imported);
    return [
      { name: "导入样例文本（字节，含解码）", targetMs: 50, runs: 200, fn: () => importDisclosureText(bytes) },
      { name: "检查样例", targetMs: 50, runs: 200, fn: () => checkDisclosure(imported) },
      {
        name: "导入 + 检查样例",
        targetMs: 50,
        runs: 200,
        fn: () => checkDisclosure(importDisclosureText(bytes).disclosure),
      },
      {
        name: `检查 ${SYNTHETIC_PROJECTS} 个项目 × ${SYNTHETIC_INDICATORS} 条指标`,
        targetMs: 100,
        runs: 50,
        fn: () => checkDisclosure(large),
      },
    ];
  },
};

export default suite;
