import { describe, expect, test } from "vitest";
import type { Disclosure } from "../domain/model";
import { parseTarget } from "../domain/targets";
import { sanhe2020 } from "../domain/__fixtures__/sanhe-2020";
import { outlierOf, spreadKey, spreadStats, targetSpreads } from "./target-spread";
import { Money } from "../domain/money";

/** A department of `year` whose one project has a 服务对象满意度 row with `target`. */
function department(code: string, year: number, target: string): Disclosure {
  const d = sanhe2020();
  d.department = { code, name: `部门${code}` };
  d.fiscalYear = year;
  const project = d.performance.projects[4]; // 企业上市奖励资金: its 服务对象满意度 is row 5
  project.indicators[4].target = parseTarget(target);
  d.performance.projects = [project];
  return d;
}

const satisfaction = (spreads: ReturnType<typeof targetSpreads>) =>
  spreads.find((s) => spreadKey(s.name, s.unit) === spreadKey("服务对象满意度", "%"))!;

describe("the spread of a metric's targets", () => {
  test("within the fixture: the name's (%) and the operator do not split a metric; exact decimals", () => {
    const s = satisfaction(targetSpreads([sanhe2020()]));
    // 市长热线 >90.00%, 企业上市 =100%, 金融贡献 =90%, 外事办 服务对象满意度（%） >=95%.
    expect(s.overall).toEqual({ count: 4, min: "90", median: "92.5", max: "100", low: null, high: null });
    expect(s.observations.map((o) => o.path)).toEqual([
      "performance.projects[2].indicators[10].target",
      "performance.projects[4].indicators[4].target",
      "performance.projects[6].indicators[5].target",
      "performance.projects[11].indicators[4].target",
    ]);
  });

  test("across departments of a year, one far below the others is flagged low", () => {
    const year = ["90%", "92%", "95%", "95%", "96%", "60%"].map((t, k) => department(`40${k}`, 2021, `>=${t}`));
    const s = satisfaction(targetSpreads(year));
    expect(s.overall).toMatchObject({ count: 6, min: "60", median: "93.5", max: "96" });
    expect(s.observations.filter((o) => o.outlier).map((o) => [o.departmentCode, o.value, o.outlier])).toEqual([
      ["405", "60", "low"],
    ]);
    expect(outlierOf(s.overall, "94")).toBeNull();
    expect(outlierOf(s.overall, "70")).toBe("low");
  });

  test("across years: each year its own spread, outliers judged within their year", () => {
    const spreads = targetSpreads([
      ...["80%", "82%", "85%", "85%", "86%"].map((t, k) => department(`40${k}`, 2020, `>=${t}`)),
      ...["90%", "92%", "95%", "95%", "96%"].map((t, k) => department(`40${k}`, 2021, `>=${t}`)),
    ]);
    const s = satisfaction(spreads);
    expect(s.byYear.map((y) => [y.fiscalYear, y.min, y.median, y.max])).toEqual([
      [2020, "80", "85", "86"],
      [2021, "90", "95", "96"],
    ]);
    // 80 % would be out of line in 2021, not in 2020.
    expect(s.observations.some((o) => o.outlier)).toBe(false);
    expect(outlierOf(s.byYear[1], "80")).toBe("low");
  });

  test("the library's indicators only, when asked; text targets have no number", () => {
    // Names of the common library (db/seed/indicator-library.ts) the fixture also uses.
    const names = ["培训次数", "培训合格率", "完成时间", "服务对象满意度", "群众满意度", "长效管理机制"];
    const spreads = targetSpreads([sanhe2020()], { names });
    expect(spreads.map((s) => `${s.name} ${s.unit} ${s.overall.count}`).sort()).toEqual(
      ["服务对象满意度 % 4", "群众满意度 % 2", "完成时间 月份 4", "培训合格率 % 1"].sort(),
    );
    expect(targetSpreads([sanhe2020()]).some((s) => s.name === "年度审计情况")).toBe(false);
  });

  test("quartiles between two values are exact", () => {
    const stats = spreadStats(["0.1", "0.2", "0.3", "0.4", "10"].map((v) => new Money(v)));
    expect(stats).toEqual({ count: 5, min: "0.1", median: "0.3", max: "10", low: "-0.1", high: "0.7" });
  });
});
