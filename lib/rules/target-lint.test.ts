import { describe, expect, test } from "vitest";
import type { Disclosure, Indicator } from "../domain/model";
import { sanhe2020 } from "../domain/__fixtures__/sanhe-2020";
import { sanhe2020WithTables } from "../domain/__fixtures__/sanhe-2020-tables";
import { checkDisclosure, type CheckOptions } from "./engine";
import { indicatorRow } from "./__fixtures__/edit";
import { vaguePhraseIn } from "./vague-words";

/**
 * The target lint of issue 16 on rows a clerk might type: wording, units against the value,
 * the 满意度 floor, the project's amount. One project whose first three rows are sound; the row
 * under test is row 4 (index 3).
 */
const sound: Indicator[] = [
  indicatorRow({ name: "培训", description: "培训次数", target: ">=2次" }),
  indicatorRow({
    level1: "效果指标",
    level2: "社会效益指标",
    name: "知晓率",
    description: "知晓占比",
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

function withRow(extra: Indicator): Disclosure {
  const d = sanhe2020();
  d.performance.projects = [{ name: "测试项目", amount: "10.00", goal: "测试", indicators: [...sound, extra] }];
  return d;
}

const at = (d: Disclosure, opts?: CheckOptions) =>
  checkDisclosure(d, opts).filter((f) => f.path.startsWith("performance.projects[0].indicators[3]"));
const rulesAt = (d: Disclosure, opts?: CheckOptions) => at(d, opts).map((f) => f.rule);
const outcome = (name: string, target: string, level2 = "社会效益指标") =>
  indicatorRow({ level1: "效果指标", level2, name, description: name, target });

describe("vague targets", () => {
  test.each(["明显提升", "进一步提高", "效果明显", "达成预期", "有所改善", "提升", "逐步完善管理制度"])(
    "“%s” is vague",
    (target) => {
      const d = withRow(outcome("产业带动", target));
      expect(rulesAt(d)).toEqual(["indicator.vague-target"]);
      expect(at(d)[0].message).toContain(`指标值“${target}”没有说到什么程度`);
    },
  );

  test.each(["健全", "已建立", "按时完成", "合法合规", "无明显影响", "全面宣传三河形象"])(
    "“%s” names a state one can check",
    (target) => {
      expect(rulesAt(withRow(outcome("制度建设", target, "可持续影响指标")))).toEqual([]);
    },
  );

  test("the one list is read from one place", () => {
    expect(vaguePhraseIn("促进安全生产水平明显提升。")).toBe("明显提升");
    expect(vaguePhraseIn("健全")).toBeNull();
  });
});

describe("a number where the row measures", () => {
  test.each([
    [outcome("群众知晓率", "明显提升"), "是比率", ">=95%"],
    [indicatorRow({ name: "宣传次数", description: "组织宣传", target: "较多" }), "是数量指标", ">=4次"],
    [
      indicatorRow({ level2: "成本指标", name: "单次成本", description: "平均费用", target: "节约" }),
      "是成本指标",
      "<=5万元",
    ],
  ])("%#: text in a row that counts says what number to write", (row, what, example) => {
    const d = withRow(row);
    expect(rulesAt(d)).toEqual(["indicator.number-expected"]);
    expect(at(d)[0].message).toContain(what);
    expect(at(d)[0].message).toContain(`如 ${example}`);
  });
});

describe("units against the value", () => {
  test("“≥100百分比”: % spelled out reads as % and is offered with the sign", () => {
    const d = withRow(
      indicatorRow({ level2: "质量指标", name: "验收合格率", description: "合格占比", target: "≥100百分比" }),
    );
    const [found] = at(d);
    expect(found.rule).toBe("indicator.unit-fits-metric");
    expect(found.message).toContain("把 % 写成了“百分比”");
    expect(found.fix).toEqual({ label: "改为 >=100%", value: ">=100%" });
  });

  test("a count is a whole number", () => {
    const d = withRow(indicatorRow({ name: "督导次数", description: "督导检查", target: ">=2.5次" }));
    expect(rulesAt(d)).toEqual(["indicator.unit-fits-metric"]);
    expect(at(d)[0].message).toContain("却不是整数");
  });

  test("a pass rate of 0.95 % is 95 % written as a fraction", () => {
    const d = withRow(indicatorRow({ level2: "质量指标", name: "合格率", description: "合格占比", target: ">=0.95%" }));
    expect(at(d).map((f) => f.fix)).toEqual([{ label: "改为 >=95%", value: ">=95%" }]);
  });

  test.each([
    ["差错率", "<0.10%"], // a reverse indicator: small is the point
    ["产值增长率", ">=0.5%"], // growth is a change, not a share
    ["资金到位率", ">=100%"],
  ])("%s %s is fine", (name, target) => {
    expect(rulesAt(withRow(indicatorRow({ level2: "质量指标", name, description: name, target })))).toEqual([]);
  });

  test("次 on a rate is still reported (the fixture's 故障率 <=5.00次)", () => {
    const d = withRow(indicatorRow({ level2: "质量指标", name: "故障率", description: "故障次数", target: "<=5次" }));
    expect(rulesAt(d)).toEqual(["indicator.unit-fits-metric"]);
  });
});

describe("the 满意度 floor", () => {
  const satisfaction = (target: string) =>
    indicatorRow({
      level1: "满意度指标",
      level2: "服务对象满意度指标",
      name: "服务对象满意度",
      description: "满意占比",
      target,
    });

  test("is 80 % unless the finance bureau sets another", () => {
    expect(rulesAt(withRow(satisfaction(">=85%")))).toEqual([]);
    const d = withRow(satisfaction(">=85%"));
    expect(at(d, { satisfactionFloor: 90 }).map((f) => f.message)).toEqual([
      "项目“测试项目”第 4 行“服务对象满意度”：满意度目标 “>=85%” 低于 90%",
    ]);
  });

  test("`=90%` is offered as the floor it meant; `=70%` is the department's to raise", () => {
    expect(at(withRow(satisfaction("=90%"))).map((f) => f.fix)).toEqual([{ label: "改为 >=90%", value: ">=90%" }]);
    expect(at(withRow(satisfaction("=70%"))).map((f) => f.fix)).toEqual([undefined]);
  });

  test("above 100 % is the percentage range's error, not said twice", () => {
    expect(rulesAt(withRow(satisfaction(">=110%")))).toEqual(["indicator.percent-range"]);
  });

  test("满意度 filed under 效益 is reported where it is filed", () => {
    const d = withRow(outcome("受益群众满意度", ">=90%"));
    expect(rulesAt(d)).toEqual(["indicator.satisfaction-level"]);
  });
});

describe("the project's amount", () => {
  const amountFindings = (d: Disclosure) =>
    checkDisclosure(d)
      .filter((f) => f.path === "performance.projects[0].amount")
      .map((f) => [f.rule, f.message]);

  test("missing without budget tables, zero always", () => {
    const d = withRow(sound[0]);
    d.performance.projects[0].amount = null;
    expect(amountFindings(d)).toEqual([["performance.project-amount", "项目“测试项目”没有填写项目金额"]]);
    d.performance.projects[0].amount = "0.00";
    expect(amountFindings(d)).toEqual([["performance.project-amount", "项目“测试项目”的金额为 0.00 万元"]]);
  });

  test("missing with budget tables is the tables' finding, with the table's figure", () => {
    const d = sanhe2020WithTables();
    d.performance.projects[0].amount = null;
    expect(amountFindings(d).map(([rule]) => rule)).toEqual(["tables.project-amount"]);
  });

  test("a sound amount raises nothing", () => {
    expect(amountFindings(withRow(sound[0]))).toEqual([]);
  });
});
