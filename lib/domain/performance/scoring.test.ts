import { describe, expect, test } from "vitest";
import { sanhe2020 } from "../__fixtures__/sanhe-2020";
import { Money } from "../money";
import { parseTarget } from "../targets";
import { readReported, scoreExecution, scoreProject, scoreRow, wantsLess } from "./scoring";
import { type SelfEvaluationIndicator, type SelfEvaluationProject, selfEvaluationFromDisclosure } from "./shapes";

/** A row as the form holds it: the target parsed as the published table's is. */
function row(level1: string, target: string, actual: string, more: Partial<SelfEvaluationIndicator> = {}) {
  return {
    indicatorKey: `项目/${level1}${target}${actual}`,
    level1,
    level2: "",
    name: "指标",
    description: "",
    target: parseTarget(target),
    weight: null,
    direction: null,
    actual,
    applicable: true,
    qualitative: null,
    deviationReason: "",
    ...more,
  } satisfies SelfEvaluationIndicator;
}

function project(
  indicators: SelfEvaluationIndicator[],
  more: Partial<SelfEvaluationProject> = {},
): SelfEvaluationProject {
  return {
    projectKey: "项目",
    name: "项目",
    initialBudget: "100.00",
    budget: "100.00",
    executed: "100.00",
    weights: { output: 50, outcome: 30, satisfaction: 10, execution: 10 },
    weightsReason: "",
    indicators,
    ...more,
  };
}

const ten = new Money(10);
const score = (r: SelfEvaluationIndicator, points = ten) => {
  const s = scoreRow(r, points);
  return { score: s.score?.toFixed(2) ?? null, arithmetic: s.arithmetic, problem: s.problem };
};

describe("a quantitative row", () => {
  test("positive: actual ÷ target × points", () => {
    expect(score(row("产出指标", ">=100次", "95"))).toEqual({
      score: "9.50",
      arithmetic: "实际 95 ÷ 目标 100 × 10 分 = 9.50 分",
      problem: null,
    });
  });

  test("positive above its target: capped at the points", () => {
    expect(score(row("产出指标", ">=100次", "120次"))).toEqual({
      score: "10.00",
      arithmetic: "实际 120 ÷ 目标 100 × 10 分 = 12.00 分，以满分 10 分为限",
      problem: null,
    });
  });

  test("reverse by its operator (≤): target ÷ actual × points, capped", () => {
    expect(score(row("产出指标", "<=5次", "8"))).toMatchObject({
      score: "6.25",
      arithmetic: "目标 5 ÷ 实际 8 × 10 分 = 6.25 分",
    });
    expect(score(row("产出指标", "<=5次", "4")).score).toBe("10.00");
  });

  test("reverse by its direction (反向) or its words (投诉), even with =", () => {
    expect(score(row("效益指标", "=4次", "5", { direction: "negative" })).score).toBe("8.00");
    expect(score(row("效益指标", "=4次", "5", { name: "群众投诉" })).score).toBe("8.00");
    expect(score(row("效益指标", "=4次", "5")).score).toBe("10.00");
  });

  test("reverse with nothing happening (0 起) is the full points, no division by zero", () => {
    expect(score(row("产出指标", "<=1起", "0"))).toMatchObject({ score: "10.00", problem: null });
  });

  test("a zero target: met is the full points, missed none", () => {
    expect(score(row("效益指标", "=0次", "0")).score).toBe("10.00");
    expect(score(row("效益指标", "=0次", "2"))).toMatchObject({
      score: "0.00",
      arithmetic: "目标 0，实际 2，未达到目标，不得分 = 0.00 分",
    });
    expect(score(row("产出指标", "<=0%", "0")).score).toBe("10.00");
  });

  test("exact decimals: one third of the points is not rounded before the total", () => {
    expect(
      scoreRow(row("产出指标", ">=3次", "1"), ten)
        .score?.toString()
        .slice(0, 12),
    ).toBe("3.3333333333");
  });

  test("an actual missing or unreadable is no score, with what to do", () => {
    expect(score(row("产出指标", ">=3次", ""))).toEqual({
      score: null,
      arithmetic: "请填写实际完成值",
      problem: "actualMissing",
    });
    expect(score(row("产出指标", ">=3次", "大约三次"))).toMatchObject({ score: null, problem: "actualUnreadable" });
    expect(readReported("９５％")).toBe("95");
    expect(readReported("1,062.5")).toBe("1062.5");
  });
});

describe("a qualitative row", () => {
  test("its band's percent of the points", () => {
    const r = row("效益指标", "明显提升", "已提升", { qualitative: { band: "部分达成", percent: "70" } });
    expect(score(r)).toEqual({ score: "7.00", arithmetic: "部分达成 70% × 10 分 = 7.00 分", problem: null });
    expect(score(row("效益指标", "明显提升", "已提升")).problem).toBe("bandMissing");
  });

  test("an unreadable target is judged by band too", () => {
    const r = row("效益指标", "=0.00健全", "健全", { qualitative: { band: "达成", percent: "100" } });
    expect(score(r).score).toBe("10.00");
  });
});

describe("the execution rate", () => {
  test("执行率 × 10, capped at 10", () => {
    expect(scoreExecution({ budget: "80.00", executed: "76.00" }, ten)).toMatchObject({
      arithmetic: "执行率 95.00% × 10 分 = 9.50 分",
    });
    expect(scoreExecution({ budget: "80.00", executed: "76.00" }, ten).score?.toString()).toBe("9.5");
    expect(scoreExecution({ budget: "80.00", executed: "88.00" }, ten).score?.toString()).toBe("10");
    expect(scoreExecution({ budget: "80.00", executed: null }, ten).score).toBeNull();
  });
});

describe("a project's total", () => {
  const full = () => [
    row("产出指标", ">=10次", "10"),
    row("产出指标", ">=10次", "5"),
    row("效益指标", ">=90%", "90"),
    row("满意度指标", ">=90%", "90"),
  ];

  test("产出 50 split equally, 效益 30, 满意度 10, 执行率 10", () => {
    const s = scoreProject(project(full()));
    expect(s.rows.map((r) => r.points?.toString())).toEqual(["25", "25", "30", "10"]);
    expect(s.rows.map((r) => r.score?.toString())).toEqual(["25", "12.5", "30", "10"]);
    expect(s.total).toBe("87.50");
    expect(s.grade).toBe("good");
    expect(s.complete).toBe(true);
    expect(s.rows.map((r) => r.full)).toEqual([true, false, true, true]);
  });

  test("an inapplicable row is left out: its part's other rows share the part", () => {
    const rows = full();
    rows[1].applicable = false;
    const s = scoreProject(project(rows));
    expect(s.rows.map((r) => r.points?.toString() ?? null)).toEqual(["50", null, "30", "10"]);
    expect(s.rows[1].arithmetic).toContain("不适用");
    expect(s.total).toBe("100.00");
  });

  test("a part with no applicable row: the rest rescaled to 100", () => {
    const rows = full();
    rows[3].applicable = false;
    const s = scoreProject(project(rows));
    // 产出 50, 效益 30, 执行率 10 out of 90: each × 100/90
    expect(s.rows[0].points?.toFixed(4)).toBe("27.7778");
    expect(s.rows[2].points?.toFixed(4)).toBe("33.3333");
    expect(s.execution.points.toFixed(4)).toBe("11.1111");
    // 27.78 + 13.89 + 33.33 + 11.11 = 86.11 (exact: 77.5 × 100 / 90 = 86.111…)
    expect(s.total).toBe("86.11");
  });

  test("2021: 成本指标 counts with 产出", () => {
    const s = scoreProject(
      project([row("产出指标", ">=1次", "1"), row("成本指标", "<=5万元", "5"), row("效益指标", ">=1次", "1")]),
    );
    expect(s.rows.map((r) => [r.part, r.points?.toFixed(2)])).toEqual([
      ["output", "27.78"],
      ["output", "27.78"],
      ["outcome", "33.33"],
    ]);
    expect(s.total).toBe("100.00");
  });

  test("the rows' own weights share what the execution rate leaves (90 of 100), rescaled when one is left out", () => {
    const rows = full().map((r, i) => ({ ...r, weight: [30, 20, 30, 10][i] }));
    expect(scoreProject(project(rows)).rows.map((r) => r.points?.toString())).toEqual(["30", "20", "30", "10"]);
    expect(scoreProject(project(rows)).rowWeights).toBe(true);
    rows[0].applicable = false;
    // 20 + 30 + 10 = 60 share 90: × 1.5
    expect(scoreProject(project(rows)).rows.map((r) => r.points?.toString() ?? null)).toEqual([null, "30", "45", "15"]);
  });

  test("custom weights (with their reason) change the parts", () => {
    const s = scoreProject(
      project(full(), {
        weights: { output: 60, outcome: 20, satisfaction: 10, execution: 10 },
        weightsReason: "以产出为主",
      }),
    );
    expect(s.rows.map((r) => r.points?.toString())).toEqual(["30", "30", "20", "10"]);
    expect(s.total).toBe("85.00");
  });

  test("grade boundaries: exactly 90 is 优, 80 is 良, 60 is 中, below 60 差; graded as published, at two places", () => {
    // One 产出 row worth all 100 points: the total is the actual.
    const graded = (actual: string) => {
      const s = scoreProject(
        project([row("产出指标", ">=100次", actual)], {
          weights: { output: 100, outcome: 0, satisfaction: 0, execution: 0 },
          weightsReason: "测试",
        }),
      );
      return [s.total, s.grade];
    };
    expect(["90", "89.99", "80", "79.99", "60", "59.99", "89.995"].map(graded)).toEqual([
      ["90.00", "excellent"],
      ["89.99", "good"],
      ["80.00", "good"],
      ["79.99", "fair"],
      ["60.00", "fair"],
      ["59.99", "poor"],
      ["90.00", "excellent"],
    ]);
  });

  test("an unscored row leaves the project incomplete, counted as 0 meanwhile", () => {
    const rows = full();
    rows[0].actual = "";
    const s = scoreProject(project(rows));
    expect(s.complete).toBe(false);
    expect(s.total).toBe("62.50");
  });
});

test("the real fixture's rows read their direction as the rules do", () => {
  const rows = selfEvaluationFromDisclosure(sanhe2020()).projects.flatMap((p) => p.indicators);
  const byName = (name: string) => rows.find((r) => r.name === name)!;
  expect(wantsLess(byName("内容、编校、设计、印刷差错率"))).toBe(true);
  expect(wantsLess(byName("涉毒人数"))).toBe(true);
  expect(wantsLess(byName("培训修志队伍"))).toBe(false);
});
