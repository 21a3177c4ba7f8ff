import { describe, expect, test } from "vitest";
import type { IndicatorFramework } from "../domain/frameworks";
import type { Disclosure, Indicator } from "../domain/model";
import { dimensionOf } from "./dimensions";
import { checkDisclosure, type CheckOptions } from "./engine";
import { indicatorRow } from "./__fixtures__/edit";
import { sanhe2020 } from "../domain/__fixtures__/sanhe-2020";

/**
 * The indicator rules on rows a clerk might type, beyond the fixture's own. Each disclosure has
 * one project whose first three rows are sound (output, outcome, satisfaction); the row under
 * test is row 4, index 3.
 */
const sound: Indicator[] = [
  indicatorRow({ name: "培训", description: "培训次数", target: ">=2次" }),
  indicatorRow({
    level1: "效果指标",
    level2: "社会效益指标",
    name: "知晓率",
    description: "知晓人数占比",
    target: ">=90%",
  }),
  indicatorRow({
    level1: "满意度指标",
    level2: "服务对象满意度指标",
    name: "群众满意度",
    description: "满意人数占比",
    target: ">=90%",
  }),
];

/** A 2021 table's rows each say how they are scored, unless a test says otherwise (their rule's own tests below). */
const SCORED = "完成率每低于目标 10%扣 1 分";

function withRow(extra: Indicator | Indicator[], framework = "2020"): Disclosure {
  const d = sanhe2020();
  d.performance.framework = framework;
  const rows = [...sound, ...[extra].flat()];
  d.performance.projects = [
    {
      name: "测试项目",
      amount: null,
      goal: "测试",
      indicators: framework === "2021" ? rows.map((r) => ({ scoringStandard: SCORED, ...r })) : rows,
    },
  ];
  return d;
}

const tested = "performance.projects[0].indicators[3]";

function rulesAt(d: Disclosure, opts?: CheckOptions): string[] {
  return checkDisclosure(d, opts)
    .filter((f) => f.rule.startsWith("indicator.") && f.path.startsWith(tested))
    .map((f) => f.rule);
}

const messageOf = (d: Disclosure, rule: string) => checkDisclosure(d).find((f) => f.rule === rule)?.message;

test("the three sound rows raise nothing", () => {
  const d = withRow([]);
  expect(checkDisclosure(d).filter((f) => f.rule.startsWith("indicator."))).toEqual([]);
});

describe("reverse indicators", () => {
  const row = (name: string, target: string, extra: Partial<Omit<Indicator, "target">> = {}) =>
    indicatorRow({ level2: "质量指标", name, description: name, target, ...extra });

  test.each([
    ["投诉率", "<=5%"],
    ["差错率", "<0.1%"],
    ["安全事故", "=0起"],
    ["涉毒人数", "=0人"],
    ["投诉处理率", ">=95%"], // handling complaints is a positive indicator
    ["故障修复及时率", ">=95%"],
    ["事故下降率", ">=10%"],
  ])("%s %s is fine", (name, target) => {
    expect(rulesAt(withRow(row(name, target)))).not.toContain("indicator.reverse-operator");
  });

  test.each([
    ["投诉率", ">=5%", "用了“>=”"],
    ["系统故障次数", ">3次", "用了“>”"],
    ["展会事故数", "=1起", "用了“=”且不为 0"],
  ])("%s %s points the wrong way", (name, target, why) => {
    const d = withRow(row(name, target));
    expect(rulesAt(d)).toContain("indicator.reverse-operator");
    expect(messageOf(d, "indicator.reverse-operator")).toContain(why);
  });

  test("an explicit direction wins over the words", () => {
    expect(rulesAt(withRow(row("空置面积", ">=100平方米", { direction: "negative" })))).toContain(
      "indicator.reverse-operator",
    );
    expect(rulesAt(withRow(row("事故应急演练", ">=2次", { direction: "positive" })))).toEqual([]);
    expect(rulesAt(withRow(row("空置率", ">=5%", { description: "空置面积占比（反向指标）" })))).toContain(
      "indicator.reverse-operator",
    );
  });
});

describe("satisfaction targets", () => {
  const row = (target: string, name = "服务对象满意度") =>
    indicatorRow({
      level1: "满意度指标",
      level2: "服务对象满意度指标",
      name,
      description: "受访对象中满意的占比",
      target,
    });

  test.each([">=90%", ">85%", "=100%", ">=100%", ">=80%"])("%s is fine", (target) => {
    expect(rulesAt(withRow(row(target)))).toEqual([]);
  });

  test.each([
    ["=90%", "用了“=”"],
    ["<=90%", "用了“<=”"],
    [">=75%", "低于 80%"],
    ["=70%", "用了“=”，满意度应写下限（>= 或 >），低于 80%"],
    ["=10", "没有 %"],
    [">=9分", "以“分”计"],
    ["明显提升", "不是百分比"],
  ])("%s is reported: %s", (target, why) => {
    const d = withRow(row(target));
    expect(rulesAt(d)).toContain("indicator.satisfaction-target");
    expect(messageOf(d, "indicator.satisfaction-target")).toContain(why);
  });

  test("a 投诉率 under 满意度指标 is a reverse indicator, not asked to be >= 80%", () => {
    const d = withRow(
      indicatorRow({
        level1: "满意度指标",
        level2: "服务对象满意度指标",
        name: "投诉率",
        description: "投诉占比（反向指标）",
        target: "<5%",
      }),
    );
    expect(rulesAt(d)).toEqual([]);
  });

  test("a 满意度 filed under 效果指标 is in the wrong place", () => {
    const d = withRow(
      indicatorRow({
        level1: "效果指标",
        level2: "社会效益指标",
        name: "市民满意度",
        description: "受访市民中满意的占比",
        target: ">=90%",
      }),
    );
    expect(rulesAt(d)).toEqual(["indicator.satisfaction-level"]);
  });
});

describe("percentages", () => {
  const row = (name: string, target: string) => indicatorRow({ level2: "质量指标", name, description: name, target });

  test.each([">=105%", ">100%", "<0%", "=-5%"])("%s is out of range", (target) => {
    expect(rulesAt(withRow(row("合格率", target)))).toContain("indicator.percent-range");
  });

  test.each([
    ["合格率", "=100%"],
    ["合格率", "<=0%"],
    ["收入增长率", ">=150%"],
  ])("%s %s is in range", (name, target) => {
    expect(rulesAt(withRow(row(name, target)))).not.toContain("indicator.percent-range");
  });
});

describe("units against metrics", () => {
  test.each([
    ["时效指标 in 次", { level2: "时效指标", name: "完成时限", description: "完成时限", target: "<=3次" }, "不是时间"],
    [
      "成本指标 in 个",
      { level2: "成本指标", name: "单册成本", description: "单册成本", target: "<=100个" },
      "不是金额",
    ],
    [
      "money under 质量指标",
      { level2: "质量指标", name: "培训费用", description: "培训费用", target: "<=3万元" },
      "是金额",
    ],
    ["a 比例 in 个", { level2: "质量指标", name: "覆盖情况", description: "覆盖村数比例", target: ">=10个" }, "比率"],
    ["leaflets in 人次", { name: "宣传册", description: "印制宣传册数量", target: ">=500人次" }, "数的不是人"],
  ] as const)("%s is reported", (_label, fields, why) => {
    const d = withRow(indicatorRow(fields));
    expect(rulesAt(d)).toContain("indicator.unit-fits-metric");
    expect(messageOf(d, "indicator.unit-fits-metric")).toContain(why);
  });

  test.each([
    ["时效指标 in 个月", { level2: "时效指标", name: "完成时间", description: "完成时间", target: "<=12个月" }],
    ["时效指标 in %", { level2: "时效指标", name: "按时完成率", description: "按时完成率", target: ">=95%" }],
    [
      "money as 经济效益",
      { level1: "效果指标", level2: "经济效益指标", name: "带动增收", description: "农户增收", target: ">=500万元" },
    ],
    ["a 频率 is a count", { level2: "质量指标", name: "巡查频率", description: "每月巡查次数", target: ">=4次" }],
    ["trainees in 人次", { name: "培训干部", description: "培训干部人次", target: ">=200人次" }],
  ] as const)("%s is fine", (_label, fields) => {
    expect(rulesAt(withRow(indicatorRow(fields)))).toEqual([]);
  });

  test("2021 framework: 经济成本指标 wants money, 社会成本指标 does not", () => {
    const economic = indicatorRow({
      level1: "成本指标",
      level2: "经济成本指标",
      name: "设备购置成本",
      description: "购置成本",
      target: "<=20台",
    });
    const social = indicatorRow({
      level1: "成本指标",
      level2: "社会成本指标",
      name: "占用耕地",
      description: "占用耕地面积",
      target: "<=2亩",
    });
    const outcome = { level1: "效益指标", level2: "社会效益指标" };
    const d = withRow([economic, social], "2021");
    d.performance.projects[0].indicators[1] = { ...d.performance.projects[0].indicators[1], ...outcome };
    expect(
      checkDisclosure(d)
        .filter((f) => f.rule.startsWith("indicator."))
        .map((f) => `${f.rule} @ ${f.path}`),
    ).toEqual(["indicator.unit-fits-metric @ performance.projects[0].indicators[3].target"]);
  });
});

describe("readable targets", () => {
  test.each([
    ["", "请填写指标值"],
    ["=0.00健全", "无法读取"],
    ["=10", "缺少计量单位"],
  ])("“%s”: %s", (target, why) => {
    const d = withRow(indicatorRow({ target }));
    expect(rulesAt(d)).toContain("indicator.target-readable");
    expect(messageOf(d, "indicator.target-readable")).toContain(why);
  });

  test.each(["健全", "已建立", ">=95%以上", "≥２次", "不低于3次"])("“%s” reads", (target) => {
    expect(
      rulesAt(
        withRow(
          indicatorRow({ level1: "效果指标", level2: "可持续影响指标", name: "制度", description: "制度建设", target }),
        ),
      ),
    ).toEqual([]);
  });
});

describe("frameworks", () => {
  test("an unknown framework is one finding, not one per row", () => {
    const d = withRow([]);
    d.performance.framework = "2030";
    expect(
      checkDisclosure(d)
        .filter((f) => f.rule === "indicator.framework-pair")
        .map((f) => [f.path, f.message]),
    ).toEqual([["performance.framework", "未知的绩效指标体系“2030”"]]);
  });

  test("the admin's framework for a new year is honoured", () => {
    const admin: IndicatorFramework = {
      id: "2030",
      name: "2030年绩效指标体系",
      source: "某文件",
      levels: [
        { level1: "产出指标", level2: ["数量指标"] },
        { level1: "效果指标", level2: ["社会效益指标"] },
        { level1: "满意度指标", level2: ["服务对象满意度指标"] },
      ],
    };
    const d = withRow([]);
    d.performance.framework = "2030";
    expect(checkDisclosure(d, { frameworks: [admin] }).filter((f) => f.rule.startsWith("indicator."))).toEqual([]);
  });

  test("a 2020 pair in a 2021 table, and an empty level, are reported at the level", () => {
    const d = withRow(
      [
        indicatorRow({ level2: "成本指标", name: "单册成本", description: "单册成本", target: "<=100元" }),
        indicatorRow({ level1: "", target: "=1次", name: "会议" }),
      ],
      "2021",
    );
    d.performance.projects[0].indicators[1].level1 = "效益指标";
    const found = checkDisclosure(d).filter((f) => f.rule === "indicator.framework-pair");
    expect(found.map((f) => [f.path, f.message])).toEqual([
      [
        "performance.projects[0].indicators[3].level2",
        "项目“测试项目”第 4 行“单册成本”：二级指标“成本指标”不属于一级指标“产出指标”（2021年及以后绩效指标体系）",
      ],
      ["performance.projects[0].indicators[4].level1", "项目“测试项目”第 5 行“会议”：请选择一级指标"],
    ]);
  });
});

describe("评（扣）分标准 (财预〔2021〕101号)", () => {
  const rule = "indicator.scoring-standard-empty";
  const in2021 = (extra: Indicator) => {
    const d = withRow(extra, "2021");
    d.performance.projects[0].indicators[1].level1 = "效益指标";
    return d;
  };
  const row = indicatorRow({ name: "资料归档", description: "归档率", target: ">=95%", scoringStandard: "" });

  test("a 2021 row without one is a finding at its cell, filed under 完整性, saying what to write", () => {
    const d = in2021(row);
    expect(rulesAt(d)).toEqual([rule]);
    const [found] = checkDisclosure(d).filter((f) => f.rule === rule);
    expect(found).toMatchObject({
      path: `${tested}.scoringStandard`,
      severity: "warning",
      message: "项目“测试项目”第 4 行“资料归档”：评（扣）分标准为空",
    });
    expect(dimensionOf(rule)).toBe("completeness");
    expect(found.hint).toContain("完成率每低于目标 10%扣 1 分");
  });

  test("a 2021 row with one, and a blank one, are told apart", () => {
    expect(rulesAt(in2021({ ...row, scoringStandard: "归档率每低 5% 扣 1 分" }))).toEqual([]);
    expect(rulesAt(in2021({ ...row, scoringStandard: "  " }))).toEqual([rule]);
  });

  test("the 2020 framework never asks for one", () => {
    expect(checkDisclosure(withRow(row)).filter((f) => f.rule === rule)).toEqual([]);
    expect(checkDisclosure(sanhe2020()).filter((f) => f.rule === rule)).toEqual([]);
  });

  test("an admin's framework in 101号's shape (成本指标 a 一级) asks for it; one without does not", () => {
    const shaped = (id: string, withCost: boolean): IndicatorFramework => ({
      id,
      name: `${id}年绩效指标体系`,
      source: "某文件",
      levels: [
        { level1: "产出指标", level2: ["数量指标"] },
        { level1: "效益指标", level2: ["社会效益指标"] },
        ...(withCost ? [{ level1: "成本指标", level2: ["经济成本指标"] }] : []),
        { level1: "满意度指标", level2: ["服务对象满意度指标"] },
      ],
    });
    const d = withRow(row);
    d.performance.framework = "2030";
    const at = (f: IndicatorFramework) =>
      checkDisclosure(d, { frameworks: [f] }).filter((x) => x.rule === rule && x.path.startsWith(tested));
    expect(at(shaped("2030", true))).toHaveLength(1);
    expect(at(shaped("2030", false))).toEqual([]);
  });
});

describe("rows of a project", () => {
  test("two rows with the same description say the same thing", () => {
    const d = withRow(indicatorRow({ name: "培训场次", description: "培训次数", target: ">=2次" }));
    expect(rulesAt(d)).toEqual(["indicator.duplicate-row"]);
    expect(messageOf(d, "indicator.duplicate-row")).toBe(
      "项目“测试项目”第 4 行“培训场次”的绩效指标描述与第 1 行相同：“培训次数”",
    );
  });

  test("names differing only in spacing or bracket width are the same name", () => {
    const d = withRow(indicatorRow({ name: " 培 训", description: "另一件事", target: ">=2次" }));
    expect(rulesAt(d)).toEqual(["indicator.duplicate-row"]);
  });

  test.each([
    [[33.3, 33.3, 33.4], true],
    [[30, 30, 30], true],
    [[0.1, 0.2, 99.7], true],
    [[40, 40, null], false],
  ])("weights %j add up: %s", (weights, fine) => {
    const d = withRow([]);
    d.performance.projects[0].indicators.forEach((ind, k) => (ind.weight = weights[k]));
    const found = checkDisclosure(d).filter((f) => f.rule === "indicator.weight-sum");
    expect(found.length === 0).toBe(fine);
    if (!fine) expect(found[0].hint).toBe("有 1 个指标没有填写权重");
  });

  test("more than 30 indicators is noted as information", () => {
    const many = Array.from({ length: 28 }, (_, k) =>
      indicatorRow({ name: `指标${k}`, description: `描述${k}`, target: ">=1次" }),
    );
    const found = checkDisclosure(withRow(many)).filter((f) => f.rule === "indicator.count");
    expect(found.map((f) => [f.severity, f.message])).toEqual([["info", "项目“测试项目”有 31 个绩效指标，多于 30 个"]]);
  });

  test("a project without rows misses output, outcome and … says so once per rule", () => {
    const d = withRow([]);
    d.performance.projects[0].indicators = [];
    expect(
      checkDisclosure(d)
        .filter((f) => f.rule.startsWith("indicator."))
        .map((f) => [f.rule, f.message]),
    ).toEqual([
      ["indicator.output-and-outcome", "项目“测试项目”缺少产出指标和效果（效益）指标"],
      ["indicator.count", "项目“测试项目”有 0 个绩效指标，少于 3 个"],
    ]);
  });
});
