import { describe, expect, it } from "vitest";
import { carryForward, frameworkMoves, toFramework } from "./carry-forward";
import { builtInFrameworks, isValidPair } from "./frameworks";
import { disclosure } from "./model";
import { sanhe2020 } from "./__fixtures__/sanhe-2020";
import { classification2020, sanhe2020WithTables } from "./__fixtures__/sanhe-2020-tables";
import { checkDisclosure } from "../rules/engine";

const fixture = sanhe2020();
const framework2021 = builtInFrameworks.find((f) => f.id === "2021")!;

describe("carrying the 2020 disclosure forward to 2021", () => {
  const next = carryForward(fixture, 2021, framework2021);

  it("is a valid 2021 disclosure titled for 2021", () => {
    expect(disclosure.parse(next)).toEqual(next);
    expect(next.fiscalYear).toBe(2021);
    expect(next.title).toBe("三河市人民政府办公室2021年部门预算信息公开情况说明");
    expect(next.assets.asOf).toBe("2020-12-31");
  });

  it("puts 2020's figures in the prior-year column", () => {
    expect(next.budget.priorYear).toEqual({ total: "2765.39", basic: "1162.43", project: "1602.96" });
    expect(next.threePublic.priorYear).toEqual(fixture.threePublic.current);
    expect(next.budget.changeReasons).toEqual({ basic: "", project: "" });
  });

  it("keeps every project and indicator, each under a heading of the 2021 framework", () => {
    expect(next.performance.framework).toBe("2021");
    expect(next.performance.projects.map((p) => p.name)).toEqual(fixture.performance.projects.map((p) => p.name));
    const all = next.performance.projects.flatMap((p) => p.indicators);
    expect(all).toHaveLength(107);
    expect(all.filter((i) => !isValidPair(framework2021, i.level1, i.level2))).toEqual([]);
  });

  it("moves 效果指标 to 效益指标 and the 产出 cost heading to 成本指标", () => {
    const base = fixture.performance.projects[0].indicators[0];
    expect(toFramework({ ...base, level1: "效果指标", level2: "社会效益指标" }, framework2021)).toMatchObject({
      level1: "效益指标",
      level2: "社会效益指标",
    });
    expect(toFramework({ ...base, level1: "产出指标", level2: "成本指标" }, framework2021)).toMatchObject({
      level1: "成本指标",
      level2: "经济成本指标",
    });
    expect(toFramework({ ...base, level1: "未知", level2: "未知" }, framework2021)).toMatchObject({
      level1: "未知",
      level2: "未知",
    });
  });

  it("leaves the 2020 disclosure untouched", () => {
    expect(fixture.fiscalYear).toBe(2020);
    expect(fixture.performance.framework).toBe("2020");
  });
});

describe("carrying the tables forward", () => {
  const withTables = sanhe2020WithTables();
  const next = carryForward(withTables, 2021, framework2021);

  it("moves last year's 本年 figures to the 上年 columns and keeps this year's as a start", () => {
    const [row] = next.tables!.generalBudget.rows;
    const [before] = withTables.tables!.generalBudget.rows;
    expect(row.amounts.priorBasic).toBe(before.amounts.basic);
    expect(row.amounts.priorProject).toBe(before.amounts.project);
    expect(row.amounts.basic).toBe(before.amounts.basic);
    expect(next.tables!.threePublic.lines!.reception).toEqual({ current: "168.95", priorYear: "168.95" });
    expect(withTables.tables!.threePublic.lines!.reception.priorYear).toBe("220.00");
  });

  it("leaves the carried text in agreement with the carried tables", () => {
    const errors = checkDisclosure(next, { classification: classification2020() }).filter(
      (f) => f.severity === "error" && f.rule.startsWith("tables."),
    );
    expect(errors).toEqual([]);
    expect(disclosure.parse(next)).toEqual(next);
  });

  it("adds no tables to a disclosure that had none", () => {
    expect("tables" in carryForward(fixture, 2021, framework2021)).toBe(false);
  });
});

describe("what carrying 2020 into 2021 moved", () => {
  it("names each pair of headings with its rows: 效果 to 效益, and 产出's 成本指标 to the 成本指标 一级", () => {
    const moves = frameworkMoves(fixture, framework2021);
    const pairs = moves.map((m) => `${m.from.level1}/${m.from.level2} → ${m.to.level1}/${m.to.level2}`);
    expect(pairs).toContain("产出指标/成本指标 → 成本指标/经济成本指标");
    expect(pairs.every((p) => !p.startsWith("产出指标/数量指标"))).toBe(true);
    const cost = moves.find((m) => m.from.level2 === "成本指标")!;
    // 市志编纂业务费's 年鉴印刷单册成本 is its fourth row.
    expect(cost.rows).toContainEqual({ project: "市志编纂业务费", row: 4, name: "年鉴印刷单册成本" });
    // Every row carryForward put under another heading is listed once, and no other.
    const next = carryForward(fixture, 2021, framework2021);
    const changed = fixture.performance.projects.flatMap((p, pi) =>
      p.indicators.flatMap((i, r) => {
        const n = next.performance.projects[pi].indicators[r];
        return n.level1 !== i.level1 || n.level2 !== i.level2 ? [`${p.name}#${r + 1}`] : [];
      }),
    );
    expect(moves.flatMap((m) => m.rows.map((r) => `${r.project}#${r.row}`)).sort()).toEqual(changed.sort());
  });

  it("moves nothing when the framework is the year's own", () => {
    const framework2020 = builtInFrameworks.find((f) => f.id === "2020")!;
    expect(frameworkMoves(fixture, framework2020)).toEqual([]);
  });
});
