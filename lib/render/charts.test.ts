import { describe, expect, it } from "vitest";
import { emptyDisclosure } from "../domain/model";
import { budgetCharts } from "./charts";
import { sanhe2020 } from "../domain/__fixtures__/sanhe-2020";

const golden = sanhe2020();

describe("budgetCharts", () => {
  const charts = budgetCharts(golden);
  const byId = (id: string) => charts.find((c) => c.id === id)!;

  it("draws income, expenditure and the change in section 二, 三公 in section 四", () => {
    expect(charts.map((c) => [c.id, c.section])).toEqual([
      ["income", "budget"],
      ["expenditure", "budget"],
      ["change", "budget"],
      ["three-public", "threePublic"],
    ]);
    for (const chart of charts) expect(chart.svg).toMatch(/^<svg role="img" focusable="false"/);
  });

  it("carries the fixture's exact figures and shares computed on decimals", () => {
    expect(byId("income").rows.map((r) => [r.amount, r.share])).toEqual([
      ["2765.39", "100.0%"],
      ["0.00", "0.0%"],
      ["0.00", "0.0%"],
      ["0.00", "0.0%"],
    ]);
    expect(byId("expenditure").rows.map((r) => [r.amount, r.share])).toEqual([
      ["1062.44", "38.4%"],
      ["99.99", "3.6%"],
      ["1602.96", "58.0%"],
      ["0.00", "0.0%"],
    ]);
    expect(byId("change").rows.map((r) => [r.label, r.amount, r.prior])).toEqual([
      ["支出合计", "2765.39", "2671.20"],
      ["基本支出", "1162.43", "1364.26"],
      ["项目支出", "1602.96", "1306.94"],
      ["“三公”经费", "252.89", "253.00"],
    ]);
    expect(byId("three-public").summary).toContain(
      "公务接待费 2020年预算 168.95万元，2019年预算 220.00万元，减少51.05万元",
    );
  });

  it("labels the drawing with the figures a reader would otherwise only see", () => {
    const svg = byId("three-public").svg;
    for (const label of ["53.94", "168.95", "220.00", "公务接待费", "2020年预算", "2019年预算"])
      expect(svg).toContain(label);
  });

  it("gives the same SVG each time, however many charts the process drew before (no hover classes)", () => {
    const again = budgetCharts(golden);
    expect(again.map((c) => c.svg)).toEqual(charts.map((c) => c.svg));
    expect(charts.map((c) => c.svg).join("")).not.toMatch(/<style|zr\d+-cls/);
  });

  it("draws nothing for figures not filled in, and says so in the summary", () => {
    const blank = budgetCharts(emptyDisclosure({ code: "1", name: "空白部门" }, 2021, "2021"));
    expect(blank.map((c) => c.svg)).toEqual(["", "", "", ""]);
    expect(blank[0].summary).toContain("一般公共预算收入 未填报");
  });
});
