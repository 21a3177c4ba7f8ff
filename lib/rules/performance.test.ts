import { describe, expect, test } from "vitest";
import { sanhe2020 } from "../domain/__fixtures__/sanhe-2020";
import { monitoringFromDisclosure, selfEvaluationFromDisclosure } from "../domain/performance/shapes";
import { checkMonitoring, checkSelfEvaluation, EXECUTION_LAG_POINTS, performanceCatalogueInfo } from "./performance";

/** The fixture's first project, 市志编纂业务费, alone: row 0 培训修志队伍 =2次, row 1 差错率 <0.10%. */
function monitoring() {
  const report = monitoringFromDisclosure(sanhe2020());
  report.projects = report.projects.slice(0, 1);
  const project = report.projects[0];
  project.budget = "120.00";
  project.executed = "60.00";
  for (const row of project.indicators) {
    row.actualToDate = row.target.kind === "quantitative" ? row.target.value : "按计划推进";
    row.forecast = row.target.kind === "quantitative" ? row.target.value : "能完成";
  }
  // <0.10%: the target itself would miss it.
  project.indicators[1].actualToDate = "0.05%";
  project.indicators[1].forecast = "0.08%";
  return report;
}

const rulesOf = (findings: { rule: string; path: string }[]) => findings.map((f) => [f.rule, f.path]);

describe("运行监控", () => {
  test("a report on target finds nothing", () => {
    expect(checkMonitoring(monitoring())).toEqual([]);
  });

  test("执行率 more than 10 points behind time progress is a warning at 执行数; at 10 it is not", () => {
    const report = monitoring();
    // 7 months: time progress 58.33 %; 48.33 % is exactly 10 points behind (58.333… − 48.333…).
    report.projects[0].executed = "58.00"; // 48.33 %
    expect(checkMonitoring(report)).toEqual([]);
    report.projects[0].executed = "57.00"; // 47.50 %: 10.83 behind
    expect(checkMonitoring(report)).toEqual([
      {
        rule: "monitoring.execution-lag",
        severity: "warning",
        path: "projects[0].executed",
        message:
          "项目“市志编纂业务费”1–7月预算执行率 47.50%，落后时间进度 58.33% 共 10.83 个百分点（超过 10 个百分点）",
        hint: "请说明执行慢的原因，并在纠偏措施中写明如何加快执行",
      },
    ]);
    expect(EXECUTION_LAG_POINTS).toBe(10);
    expect(checkMonitoring(report, { executionLagPoints: 15 })).toEqual([]);
    expect(checkMonitoring(report, { severities: { "monitoring.execution-lag": "error" } })[0].severity).toBe("error");
  });

  test("a forecast short of its target asks for cause, likelihood and step at the row", () => {
    const report = monitoring();
    report.projects[0].indicators[0].forecast = "1次";
    expect(checkMonitoring(report).map((f) => [f.rule, f.path, f.message])).toEqual([
      [
        "monitoring.deviation",
        "projects[0].indicators[0].deviation",
        "项目“市志编纂业务费”第 1 行“培训修志队伍”：全年预计完成值 1次 达不到指标值“=2.00次”，请选择偏差原因和完成目标可能性，并填写纠偏措施",
      ],
    ]);
    report.projects[0].indicators[0].deviation = { cause: "经费保障", likelihood: "有可能", step: "" };
    expect(rulesOf(checkMonitoring(report))).toEqual([
      ["monitoring.deviation", "projects[0].indicators[0].deviation.step"],
    ]);
    report.projects[0].indicators[0].deviation.step = "下半年追加一次培训";
    expect(checkMonitoring(report)).toEqual([]);
  });

  test("a reverse row misses by going over: 差错率 forecast 0.2% against <0.10%", () => {
    const report = monitoring();
    report.projects[0].indicators[1].forecast = "0.2%";
    expect(rulesOf(checkMonitoring(report))).toEqual([["monitoring.deviation", "projects[0].indicators[1].deviation"]]);
    report.projects[0].indicators[1].forecast = "0.05%";
    expect(checkMonitoring(report)).toEqual([]);
  });

  test("values missing or not numbers, and missing figures, are errors at their field", () => {
    const report = monitoring();
    report.projects[0].executed = null;
    report.projects[0].indicators[0].actualToDate = "";
    report.projects[0].indicators[0].forecast = "两次左右";
    expect(checkMonitoring(report).map((f) => [f.rule, f.path, f.message])).toEqual([
      ["monitoring.budget-figures", "projects[0].executed", "项目“市志编纂业务费”未填写预算执行数"],
      [
        "monitoring.values",
        "projects[0].indicators[0].actualToDate",
        "项目“市志编纂业务费”第 1 行“培训修志队伍”：请填写1–7月实际完成值",
      ],
      [
        "monitoring.values",
        "projects[0].indicators[0].forecast",
        "项目“市志编纂业务费”第 1 行“培训修志队伍”：全年预计完成值“两次左右”不是数字，请填写数字（可带单位）",
      ],
    ]);
  });
});

function selfEvaluation() {
  const evaluation = selfEvaluationFromDisclosure(sanhe2020());
  evaluation.projects = evaluation.projects.slice(0, 1);
  const project = evaluation.projects[0];
  project.budget = "120.00";
  project.executed = "120.00";
  for (const row of project.indicators) {
    if (row.target.kind === "quantitative") row.actual = row.target.value;
    else row.qualitative = { band: "达成", percent: "100" };
    row.actual ||= "已完成";
  }
  return evaluation;
}

describe("自评", () => {
  test("every row at full points finds nothing", () => {
    expect(checkSelfEvaluation(selfEvaluation())).toEqual([]);
  });

  test("a row below full points needs 偏差原因及改进措施", () => {
    const evaluation = selfEvaluation();
    evaluation.projects[0].indicators[0].actual = "1";
    const found = checkSelfEvaluation(evaluation);
    expect(found.map((f) => [f.rule, f.path, f.message])).toEqual([
      [
        "self-evaluation.deviation-reason",
        "projects[0].indicators[0].deviationReason",
        // 产出 50 among its 4 rows: 12.5 points; 1 ÷ 2 of them
        "项目“市志编纂业务费”第 1 行“培训修志队伍”：得分 6.25 分，未得满分 12.50 分，请填写偏差原因及改进措施",
      ],
    ]);
    evaluation.projects[0].indicators[0].deviationReason = "疫情影响，第二次培训改为线上，明年提前安排";
    expect(checkSelfEvaluation(evaluation)).toEqual([]);
  });

  test("an actual that is not a number, or a qualitative row without its band, is an error at the field", () => {
    const evaluation = selfEvaluation();
    evaluation.projects[0].indicators[0].actual = "两次";
    evaluation.projects[0].indicators[5].qualitative = null;
    expect(rulesOf(checkSelfEvaluation(evaluation))).toEqual([
      ["self-evaluation.values", "projects[0].indicators[0].actual"],
      ["self-evaluation.values", "projects[0].indicators[5].qualitative"],
    ]);
  });

  test("an inapplicable row asks for nothing", () => {
    const evaluation = selfEvaluation();
    evaluation.projects[0].indicators[0].actual = "";
    evaluation.projects[0].indicators[0].applicable = false;
    expect(checkSelfEvaluation(evaluation)).toEqual([]);
  });
});

test("each rule of both forms has an id, a severity and a Chinese title", () => {
  const info = performanceCatalogueInfo();
  expect(new Set(info.map((r) => r.id)).size).toBe(info.length);
  for (const r of info) expect(r.title).toMatch(/[\u4e00-\u9fff]/);
});
