import { describe, expect, test } from "vitest";
import { checkDisclosure } from "../../rules/engine";
import { sanhe2020 } from "../__fixtures__/sanhe-2020";
import { parseTarget } from "../targets";
import { lastYearBeside, lastYearResults } from "./next-year";
import { selfEvaluationFromDisclosure } from "./shapes";

/** 2020's 自评 of the fixture: 市志编纂业务费 trained 3 times (target =2次), had 0.05% errors (<0.10%). */
function evaluation2020() {
  const evaluation = selfEvaluationFromDisclosure(sanhe2020());
  const rows = evaluation.projects[0].indicators;
  rows[0].actual = "3次";
  rows[1].actual = "0.05%";
  rows[2].applicable = false;
  rows[2].actual = "100";
  return evaluation;
}

/** The 2021 draft carried from 2020: the project named with its year, as clerks do. */
function draft2021() {
  const d = sanhe2020();
  d.fiscalYear = 2021;
  d.performance.projects[0].name = "2021年市志编纂业务费";
  return d;
}

const easier = (d: ReturnType<typeof draft2021>, opts: Parameters<typeof checkDisclosure>[1]) =>
  checkDisclosure(d, opts)
    .filter((f) => f.rule === "indicator.easier-than-last-year")
    .map((f) => [f.path, f.message, f.fix?.value]);

describe("last year's results beside next year's rows", () => {
  test("by row key: last year's target and actual; none where the row did not apply or is new", () => {
    const results = lastYearResults(evaluation2020());
    const draft = draft2021();
    draft.performance.projects[0].indicators.push({ ...draft.performance.projects[0].indicators[0], name: "新增指标" });
    const beside = lastYearBeside(draft, results);
    expect(beside[0][0]).toEqual({ lastTarget: parseTarget("=2.00次"), lastActual: "3次" });
    expect(beside[0][1]?.lastActual).toBe("0.05%");
    expect(beside[0][2]).toEqual({ lastTarget: parseTarget("=100.00%"), lastActual: null });
    expect(beside[0][3]?.lastActual).toBeNull(); // nothing reported yet
    expect(beside[0].at(-1)).toBeNull();
  });
});

describe("indicator.easier-than-last-year against last year's actual", () => {
  test("a target below what was achieved is found at the target, with the actual as its fix", () => {
    const d = draft2021();
    // Last year's target again (=2次) while 3 were held: set below the actual.
    expect(easier(d, { lastYearResults: lastYearResults(evaluation2020()) })).toEqual([
      [
        "performance.projects[0].indicators[0].target",
        "项目“2021年市志编纂业务费”第 1 行“培训修志队伍”：指标值“=2.00次”低于 2020 年实际完成值 3次，目标定低了",
        "=3次",
      ],
      [
        "performance.projects[0].indicators[1].target",
        "项目“2021年市志编纂业务费”第 2 行“内容、编校、设计、印刷差错率”：指标值“<0.10%”高于 2020 年实际完成值 0.05%，目标定高了",
        "<0.05%",
      ],
    ]);
  });

  test("a target at or beyond the actual, or in another unit, is not found; nor without the results", () => {
    const d = draft2021();
    const rows = d.performance.projects[0].indicators;
    rows[0].target = parseTarget(">=3次");
    rows[1].target = parseTarget("<=5次");
    expect(easier(d, { lastYearResults: lastYearResults(evaluation2020()) })).toEqual([]);
    expect(easier(draft2021(), {})).toEqual([]);
  });

  test("easier than last year's target and actual: one finding naming both, last year's words as the fix", () => {
    const d = draft2021();
    d.performance.projects[0].indicators[0].target = parseTarget("=1次");
    const found = easier(d, { previous: sanhe2020(), lastYearResults: lastYearResults(evaluation2020()) });
    expect(found[0]).toEqual([
      "performance.projects[0].indicators[0].target",
      "项目“2021年市志编纂业务费”第 1 行“培训修志队伍”：指标值“=1次”比 2020 年的“=2.00次”低，也低于 2020 年实际完成值 3次，目标放松了",
      "=2.00次",
    ]);
  });
});
