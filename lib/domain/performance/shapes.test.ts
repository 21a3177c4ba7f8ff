import { describe, expect, test } from "vitest";
import { sanhe2020 } from "../__fixtures__/sanhe-2020";
import { disclosureKeys } from "./keys";
import {
  deviationCauses,
  executionRate,
  monitoringFromDisclosure,
  monitoringReport,
  qualitativeScore,
  selfEvaluation,
  selfEvaluationFromDisclosure,
  selfEvaluationProject,
  timeProgress,
  weightPartOf,
} from "./shapes";

describe("row keys of a published disclosure", () => {
  test("name each row by project and metric, numbering a repeated name within its project", () => {
    const keys = disclosureKeys(sanhe2020());
    expect(keys.indicators[0][0]).toBe("市志编纂业务费/培训修志队伍");
    // 参与编书人员满意度（%）: the unit in brackets is not part of the metric
    expect(keys.indicators[0][6]).toBe("市志编纂业务费/参与编书人员满意度");
    const city = keys.projects.indexOf("创城办两项重点工作综合业务费");
    expect(keys.indicators[city].filter((k) => k.startsWith(`${keys.projects[city]}/完成时间`))).toEqual([
      "创城办两项重点工作综合业务费/完成时间",
      "创城办两项重点工作综合业务费/完成时间#2",
    ]);
    expect(new Set(keys.indicators.flat()).size).toBe(keys.indicators.flat().length);
  });

  test("a carried project keeps its keys next year (the year in its name left out)", () => {
    const d = sanhe2020();
    const next = structuredClone(d);
    next.performance.projects[0].name = `2021年${d.performance.projects[0].name}`;
    expect(disclosureKeys(next).indicators[0]).toEqual(disclosureKeys(d).indicators[0]);
  });
});

describe("forms pre-filled from the published disclosure", () => {
  test("a monitoring report copies every project and row with its target, and parses", () => {
    const d = sanhe2020();
    const report = monitoringFromDisclosure(d);
    expect(report.periodEndMonth).toBe(7);
    expect(report.projects).toHaveLength(d.performance.projects.length);
    expect(report.projects[0].indicators[1].target).toEqual(d.performance.projects[0].indicators[1].target);
    expect(report.projects.flatMap((p) => p.indicators)).toHaveLength(107);
    expect(monitoringReport.parse(report)).toEqual(report);
  });

  test("a self-evaluation starts at 50/30/10/10 with every row applicable, and parses", () => {
    const evaluation = selfEvaluationFromDisclosure(sanhe2020());
    expect(evaluation.projects[0].weights).toEqual({ output: 50, outcome: 30, satisfaction: 10, execution: 10 });
    expect(evaluation.projects.every((p) => p.indicators.every((i) => i.applicable))).toBe(true);
    expect(selfEvaluation.parse(evaluation)).toEqual(evaluation);
  });
});

describe("shape rules", () => {
  const project = () => selfEvaluationFromDisclosure(sanhe2020()).projects[0];

  test("weights other than 50/30/10/10 need a reason, at the reason", () => {
    const p = { ...project(), weights: { output: 60, outcome: 20, satisfaction: 10, execution: 10 } };
    const result = selfEvaluationProject.safeParse(p);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["weightsReason", "权重与“产出 50、效益 30、满意度 10、预算执行率 10”不同，请说明理由"],
    ]);
    expect(selfEvaluationProject.safeParse({ ...p, weightsReason: "本项目以产出为主" }).success).toBe(true);
  });

  test("weights must add up to 100", () => {
    const p = {
      ...project(),
      weights: { output: 50, outcome: 30, satisfaction: 10, execution: 20 },
      weightsReason: "x",
    };
    const result = selfEvaluationProject.safeParse(p);
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      "产出、效益、满意度、预算执行率的权重合计须为 100，现为 110",
    ]);
  });

  test("a qualitative band's percent lies inside the band, edges included", () => {
    expect(qualitativeScore.safeParse({ band: "达成", percent: "80" }).success).toBe(true);
    expect(qualitativeScore.safeParse({ band: "部分达成", percent: "80" }).success).toBe(true);
    const out = qualitativeScore.safeParse({ band: "未达成", percent: "61" });
    expect(out.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["percent", "“未达成”的得分比例须在 0% 到 60% 之间"],
    ]);
  });

  test("a deviation's cause comes from the list", () => {
    const report = monitoringFromDisclosure(sanhe2020());
    report.projects[0].indicators[0].deviation = { cause: "天气" as never, likelihood: "有可能", step: "" };
    const result = monitoringReport.safeParse(report);
    expect(result.error?.issues[0].message).toBe("请选择偏差原因：经费保障、制度保障、人员保障、硬件条件保障或其他");
    expect(deviationCauses).toContain("硬件条件保障");
  });

  test("each 一级 heading of both frameworks counts in its part; 成本指标 with 产出", () => {
    expect(["产出指标", "效果指标", "效益指标", "满意度指标", "成本指标"].map(weightPartOf)).toEqual([
      "output",
      "outcome",
      "outcome",
      "satisfaction",
      "output",
    ]);
  });
});

describe("progress", () => {
  test("time progress of January–July and the execution rate are exact", () => {
    expect(timeProgress(7).toFixed(2)).toBe("58.33");
    expect(timeProgress(12).toString()).toBe("100");
    expect(executionRate("80.00", "40.00")?.toString()).toBe("50");
    expect(executionRate("3.00", "1.00")?.toFixed(4)).toBe("33.3333");
    expect(executionRate("0.00", "1.00")).toBeNull();
    expect(executionRate(null, "1.00")).toBeNull();
  });
});
