import { describe, expect, test } from "vitest";
import { sanhe2020 } from "@/lib/domain/__fixtures__/sanhe-2020";
import { sanhe2020Tables } from "@/lib/domain/__fixtures__/sanhe-2020-tables";
import { scoreProject } from "@/lib/domain/performance/scoring";
import { monitoringFromDisclosure, monitoringReport, selfEvaluation } from "@/lib/domain/performance/shapes";
import { withBudgetTables } from "@/lib/import/budget-tables";
import { checkMonitoring, checkSelfEvaluation } from "@/lib/rules/performance";
import { PERFORMANCE_DEMO_NOTE, performanceDemo } from "./performance-demo";

/** The demo's published 2020 disclosure of 434: the fixture's text with its tables, as db/seed/demo.ts publishes it. */
const published = () => withBudgetTables(sanhe2020(), sanhe2020Tables()).disclosure;

describe("the performance demo of 434's 2020 targets", () => {
  const demo = performanceDemo(published());

  test("both forms parse, say they are illustrative, and carry the published rows unchanged", () => {
    expect(monitoringReport.parse(demo.monitoring)).toEqual(demo.monitoring);
    expect(selfEvaluation.parse(demo.selfEvaluation)).toEqual(demo.selfEvaluation);
    expect(demo.monitoring.note).toBe(PERFORMANCE_DEMO_NOTE);
    expect(demo.selfEvaluation.note).toContain("演示数据，非真实");
    const blank = monitoringFromDisclosure(published());
    const targets = (r: typeof blank) =>
      r.projects.map((p) => [p.projectKey, p.budget, p.indicators.map((i) => [i.indicatorKey, i.target.raw])]);
    expect(targets(demo.monitoring)).toEqual(targets(blank));
    expect(demo.monitoring.projects[0].budget).toBe("120.00");
  });

  test("the monitoring finds only what it is meant to show: the 农交会's spending behind time", () => {
    expect(checkMonitoring(demo.monitoring).map((f) => [f.rule, f.severity, f.path])).toEqual([
      ["monitoring.execution-lag", "warning", "projects[12].executed"],
    ]);
  });

  test("the self-evaluation is complete, finds nothing, and every project scores a grade", () => {
    expect(checkSelfEvaluation(demo.selfEvaluation)).toEqual([]);
    const scores = demo.selfEvaluation.projects.map(scoreProject);
    expect(scores.every((s) => s.complete)).toBe(true);
    expect(scores.map((s) => s.grade)).not.toContain("poor");
    // 市志编纂业务费: every row on target, all of its budget spent.
    expect([scores[0].total, scores[0].grade]).toEqual(["100.00", "excellent"]);
    const security = scores.find((s) => s.name === "安全生产经费")!;
    // 效益 30 on its one row, 部分达成 75 %: 22.50; 执行率 96 % of 10: 9.60.
    expect(security.rows.find((r) => r.name === "社会稳定水平")?.arithmetic).toBe("部分达成 75% × 30 分 = 22.50 分");
    expect(security.total).toBe("92.10");
  });
});
