import { describe, expect, test } from "vitest";
import { sanhe2020 } from "../domain/__fixtures__/sanhe-2020";
import { reviewMessages } from "../i18n/zh-CN/review";
import { ruleCatalogue } from "./catalogue";
import { dimensions, ruleDimensions } from "./dimensions";
import { checkDisclosure } from "./engine";
import type { Finding } from "./finding";
import { gradeOf, gradeProject, grades, projectGrades, rankByGrade, rankWorstFirst } from "./grades";

describe("the four dimensions", () => {
  test("every rule of the catalogue is filed under exactly one, and no other id is", () => {
    const ids = ruleCatalogue.map((r) => r.id);
    expect(ids.filter((id) => !(id in ruleDimensions))).toEqual([]);
    expect(Object.keys(ruleDimensions).filter((id) => !ids.includes(id))).toEqual([]);
    for (const d of Object.values(ruleDimensions)) expect(dimensions).toContain(d);
  });

  test("each dimension and grade has its Chinese name", () => {
    expect(Object.keys(reviewMessages.grading.dimensions).sort()).toEqual([...dimensions].sort());
    expect(Object.keys(reviewMessages.grading.grades).sort()).toEqual([...grades].sort());
  });
});

describe("grades", () => {
  test.each([
    [100, "excellent"],
    [90, "excellent"],
    [89, "good"],
    [80, "good"],
    [79, "fair"],
    [60, "fair"],
    [59, "poor"],
    [0, "poor"],
  ])("%i points is %s (财预〔2020〕10号's bands)", (score, grade) => {
    expect(gradeOf(score)).toBe(grade);
  });

  test("an error makes a project 中 at best: it must be revised before it can be judged", () => {
    expect(gradeOf(85, true)).toBe("fair");
    expect(gradeOf(55, true)).toBe("poor");
  });

  const finding = (rule: string, severity: Finding["severity"], path: string): Finding => ({
    rule,
    severity,
    path,
    message: "—",
  });

  test("deductions per finding, by severity, per dimension; findings outside projects are not graded", () => {
    const d = sanhe2020();
    d.performance.projects = d.performance.projects.slice(0, 2);
    const [first, second] = projectGrades(
      [
        finding("indicator.target-readable", "error", "performance.projects[0].indicators[6].target"),
        finding("indicator.vague-target", "warning", "performance.projects[0].indicators[5].target"),
        finding("indicator.copied-across-projects", "warning", "performance.projects[0].indicators[1].name"),
        finding("indicator.count", "info", "performance.projects[0].indicators"),
        finding("budget.balance", "error", "budget.expenditure.total"),
        finding("no.such-rule", "error", "performance.projects[1].indicators[0].target"),
      ],
      d,
    );
    expect(first.score).toBe(100 - 15 - 5 - 5 - 1);
    expect(first.byDimension).toEqual({ completeness: 99, relevance: 95, appropriateness: 100, feasibility: 80 });
    expect(first.grade).toBe("fair");
    expect(first.findings.feasibility.map((f) => f.rule)).toEqual([
      "indicator.target-readable",
      "indicator.vague-target",
    ]);
    expect(second).toMatchObject({ grade: "excellent", score: 100 });
  });

  test("the fixture's projects, graded as a reviewer would rank them", () => {
    const d = sanhe2020();
    const graded = projectGrades(checkDisclosure(d), d);
    const summary = graded.map((g, p) => `${d.performance.projects[p].name} ${g.grade} ${g.score}`);
    expect(summary).toEqual([
      // `=10` 满意度 (an error and a warning), no amount.
      "市志编纂业务费 fair 75",
      // 故障率 in 次, a 合格率 under 满意度, no amount.
      "政务公开专项经费 good 85",
      // two `=0.00健全`, two rows copied from other projects, no amount.
      "市长热线办公室业务费 poor 55",
      // two rows copied into 企业家培训, money under 数量指标, `=90.00%` 满意度, no amount.
      "金融信用办业务经费 fair 75",
      "企业上市奖励资金 excellent 95",
      "企业家培训经费（企业上市培训经费） good 85",
      "金融贡献奖励资金 good 85",
      // 明显提升.
      "安全生产经费 excellent 90",
      // 完成时间 twice, and copied.
      "创城办两项重点工作综合业务费 good 80",
      "后期管理专项经费 excellent 95",
      "禁毒工作经费 good 80",
      "外事办业务费 excellent 90",
      "第二十四届中国（廊坊）农交会 excellent 90",
    ]);
    // The approver's list: best first, the disclosure's order among equals.
    expect(rankByGrade(graded).slice(0, 3)).toEqual([4, 9, 7]);
    expect(rankByGrade(graded).at(-1)).toBe(2);
    // The review screen's panel: 差, then 中 (lower score first), then 良 (80 before 85).
    expect(rankWorstFirst(graded).slice(0, 5)).toEqual([2, 0, 3, 8, 10]);
    // The editor grades each card from its own findings: the same grade as the whole disclosure's.
    const findings = checkDisclosure(d);
    d.performance.projects.forEach((_, p) => {
      const own = findings.filter((f) => f.path.startsWith(`performance.projects[${p}]`));
      expect(gradeProject(own)).toEqual(graded[p]);
    });
  });

  test("worst first ranks by grade before score: an error makes 85 points 中, below a 良 of 80", () => {
    const d = sanhe2020();
    const graded = projectGrades(
      [
        finding("indicator.target-readable", "error", "performance.projects[0].indicators[0].target"),
        finding("indicator.vague-target", "warning", "performance.projects[1].indicators[0].target"),
        finding("indicator.vague-target", "warning", "performance.projects[1].indicators[1].target"),
        finding("indicator.vague-target", "warning", "performance.projects[1].indicators[2].target"),
        finding("indicator.vague-target", "warning", "performance.projects[1].indicators[3].target"),
      ],
      d,
    );
    expect([graded[0].grade, graded[0].score, graded[1].grade, graded[1].score]).toEqual(["fair", 85, "good", 80]);
    expect(rankWorstFirst(graded).slice(0, 3)).toEqual([0, 1, 2]);
  });
});
