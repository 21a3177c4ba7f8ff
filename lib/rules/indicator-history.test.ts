import { describe, expect, test } from "vitest";
import type { Disclosure, Indicator, ProjectFund } from "../domain/model";
import { sanhe2020 } from "../domain/__fixtures__/sanhe-2020";
import { checkDisclosure } from "./engine";
import { indicatorRow } from "./__fixtures__/edit";

/** Rows copied from project to project, and this year's targets against last year's. */

const project = (name: string, indicators: Indicator[]): ProjectFund => ({
  name,
  amount: "10.00",
  goal: "",
  indicators,
});
const row = (name: string, target: string, extra: Partial<Omit<Indicator, "target">> = {}) =>
  indicatorRow({ level2: "质量指标", name, description: name, target, ...extra });

function department(fiscalYear: number, projects: ProjectFund[]): Disclosure {
  const d = sanhe2020();
  d.fiscalYear = fiscalYear;
  d.performance.projects = projects;
  return d;
}

const found = (d: Disclosure, rule: string, previous?: Disclosure) =>
  checkDisclosure(d, { previous })
    .filter((f) => f.rule === rule)
    .map((f) => [f.path, f.message]);

describe("rows copied across projects", () => {
  test("same name and value, whatever the operator or the spelling of the number", () => {
    const d = department(2021, [
      project("甲", [row("服务对象满意度（%）", "=90%")]),
      project("乙", [row("服务对象满意度", ">=90.00%")]),
      project("丙", [row("服务对象满意度", ">=95%")]),
    ]);
    expect(found(d, "indicator.copied-across-projects")).toEqual([
      [
        "performance.projects[0].indicators[0].name",
        "项目“甲”第 1 行“服务对象满意度（%）”（=90%）与项目“乙”的指标同名同值",
      ],
      [
        "performance.projects[1].indicators[0].name",
        "项目“乙”第 1 行“服务对象满意度”（>=90.00%）与项目“甲”的指标同名同值",
      ],
    ]);
  });

  test("a row copied into many projects names three and counts the rest", () => {
    const d = department(
      2021,
      Array.from({ length: 6 }, (_, k) => project(`项目${k + 1}`, [row("完成时间", "=12个月")])),
    );
    const [first] = found(d, "indicator.copied-across-projects");
    expect(first[1]).toBe(
      "项目“项目1”第 1 行“完成时间”（=12个月）与项目“项目2”、项目“项目3”、项目“项目4”等 5 个项目的指标同名同值",
    );
  });

  test("twice in one project is duplicate-row's, not a copy across projects", () => {
    const d = department(2021, [project("甲", [row("完成时间", "=12个月"), row("完成时间", "=12个月")])]);
    expect(found(d, "indicator.copied-across-projects")).toEqual([]);
  });
});

describe("against last year", () => {
  const lastYear = department(2020, [
    project("2020年市志编纂业务费", [
      row("培训次数", ">=4次", { level2: "数量指标" }),
      row("差错率", "<0.10%"),
      row("验收合格率", ">=95%"),
      row("完成时间", "=12个月", { level2: "时效指标" }),
    ]),
  ]);

  test("without last year's disclosure nothing is compared", () => {
    const d = department(2021, [project("市志编纂业务费", lastYear.performance.projects[0].indicators)]);
    expect(found(d, "indicator.same-as-last-year")).toEqual([]);
  });

  test("more than half the same as last year, the project matched by its name without the year", () => {
    const d = department(2021, [
      project("2021年市志编纂业务费", [
        row("培训次数", ">=4次", { level2: "数量指标" }),
        row("差错率", "<0.10%"),
        row("验收合格率", ">=96%"),
      ]),
    ]);
    expect(found(d, "indicator.same-as-last-year", lastYear)).toEqual([
      [
        "performance.projects[0].indicators",
        "项目“2021年市志编纂业务费”的 3 个指标中有 2 个（67%）与 2020 年名称、指标值都相同",
      ],
    ]);
  });

  test("exactly half the same is not more than half", () => {
    const d = department(2021, [project("市志编纂业务费", [row("培训次数", ">=4次"), row("差错率", "<0.05%")])]);
    expect(found(d, "indicator.same-as-last-year", lastYear)).toEqual([]);
  });

  test("an easier target is reported with last year's as its fix", () => {
    const d = department(2021, [
      project("市志编纂业务费", [
        row("培训次数", ">=3次", { level2: "数量指标" }), // fewer than last year's 4
        row("差错率", "<0.20%"), // a reverse indicator allowed more errors
        row("验收合格率", ">=98%"), // stricter: fine
        row("完成时间", "=11个月", { level2: "时效指标" }), // `=` on a time is a schedule, not compared
      ]),
    ]);
    const findings = checkDisclosure(d, { previous: lastYear }).filter(
      (f) => f.rule === "indicator.easier-than-last-year",
    );
    expect(findings.map((f) => [f.path, f.message, f.fix])).toEqual([
      [
        "performance.projects[0].indicators[0].target",
        "项目“市志编纂业务费”第 1 行“培训次数”：指标值“>=3次”比 2020 年的“>=4次”低，目标放松了",
        { label: "沿用上年 >=4次", value: ">=4次" },
      ],
      [
        "performance.projects[0].indicators[1].target",
        "项目“市志编纂业务费”第 2 行“差错率”：指标值“<0.20%”比 2020 年的“<0.10%”高，目标放松了",
        { label: "沿用上年 <0.10%", value: "<0.10%" },
      ],
    ]);
  });

  test("another unit, or a project of another name, is not compared", () => {
    const d = department(2021, [
      project("市志编纂业务费", [row("培训次数", ">=3场", { level2: "数量指标" })]),
      project("年鉴编纂业务费", [row("培训次数", ">=1次", { level2: "数量指标" })]),
    ]);
    expect(found(d, "indicator.easier-than-last-year", lastYear)).toEqual([]);
  });
});
