import type { BenchSuite } from "../bench";

/**
 * The review screen's own work on a large disclosure (100 projects × 15 indicators = 1,500 rows,
 * every row with an id as stored): the diff since the last submission with two changed cells,
 * grouped by row, and the list of fields a section comment can point at. No target in the
 * issue; 200 ms keeps the screen's server time well under a second beside the queries. Also the
 * three-way merge an autosave runs when two people saved the fixture (every project's rows
 * reordered on one side, every 依据 edited on the other): 50 ms, so a merged save stays quick.
 */

const PROJECTS = 100;
const INDICATORS = 15;

const suite: BenchSuite = {
  name: "review",
  async setup() {
    const [
      { diffDisclosures },
      { setAt },
      { groupChanges, commentTargets },
      { sanhe2020 },
      { syntheticDisclosure },
      { mergeDisclosures },
      { sanheDraft },
    ] = await Promise.all([
      import("../../../domain/diff"),
      import("../../../domain/paths"),
      import("../../../workflow/review-view"),
      import("../../../domain/__fixtures__/sanhe-2020"),
      import("./import-check"),
      import("../../../domain/merge"),
      import("../../../domain/__fixtures__/sanhe-draft"),
    ]);
    const base = sanheDraft();
    const mine = structuredClone(base);
    mine.performance.projects.forEach((p) => p.indicators.reverse());
    const theirs = structuredClone(base);
    theirs.performance.projects.forEach((p) => p.indicators.forEach((r) => (r.basis += "。")));
    const before = syntheticDisclosure(sanhe2020(), PROJECTS, INDICATORS);
    before.performance.projects.forEach((p, i) =>
      p.indicators.forEach((row, j) =>
        Object.assign(row, { id: `00000000-0000-4000-8000-${String(i * 1000 + j).padStart(12, "0")}` }),
      ),
    );
    let after = setAt(before, "performance.projects[40].indicators[3].target", {
      raw: ">=98%",
      kind: "quantitative",
      operator: ">=",
      value: "98",
      unit: "%",
    });
    after = setAt(after, "performance.projects[90].indicators[7].basis", "上年实际完成数");
    const printed = new Set(
      after.performance.projects.flatMap((p, i) =>
        p.indicators.map((_, j) => `performance.projects[${i}].indicators[${j}]`),
      ),
    );
    return [
      {
        name: "修改之处：1,500 行中 2 处修改",
        targetMs: 200,
        runs: 30,
        fn: () => {
          const groups = groupChanges(diffDisclosures(before, after), after);
          if (groups.length !== 2) throw new Error(`应有 2 组修改，实为 ${groups.length}`);
        },
      },
      {
        name: "对本节提意见：五、预算绩效信息的可选数据项",
        targetMs: 200,
        runs: 30,
        fn: () => commentTargets(after, "performance", printed),
      },
      {
        name: "合并两人的保存：示例公开，一方调换行序、一方改依据",
        targetMs: 50,
        runs: 30,
        fn: () => {
          const { conflicts } = mergeDisclosures(base, mine, theirs);
          if (conflicts.length > 0) throw new Error(`应无冲突，实有 ${conflicts.length} 处`);
        },
      },
    ];
  },
};

export default suite;
