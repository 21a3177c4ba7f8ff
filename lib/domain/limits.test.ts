import { describe, expect, it } from "vitest";
import { editableDisclosure } from "./editable";
import { inputMessages } from "../i18n/zh-CN/input";
import { exampleDisclosure } from "../render/__fixtures__/example-disclosure";
import {
  amountDigitsProblem,
  decimalDigitsProblem,
  disclosureLimits,
  MAX_COUNT,
  rowLimitProblem,
  weightProblem,
} from "./limits";
import { amount, disclosure, indicator as indicatorSchema, type Disclosure, type Indicator } from "./model";

const CHINESE = /[\u4e00-\u9fff]/;

const indicator: Indicator = exampleDisclosure.performance.projects[0].indicators[0];
const item = exampleDisclosure.procurement.items[0];

/** The example disclosure with `projects` projects sharing `indicators` rows, and `items` procurement lines. */
function sized(projects: number, indicators: number, items: number): Disclosure {
  const d = structuredClone(exampleDisclosure);
  d.performance.projects = Array.from({ length: projects }, (_, p) => ({
    name: `项目${p}`,
    amount: null,
    goal: "",
    indicators: [] as Indicator[],
  }));
  for (let n = 0; n < indicators; n++)
    d.performance.projects[n % projects].indicators.push({ ...indicator, name: `指标${n}` });
  d.procurement.items = Array.from({ length: items }, (_, n) => ({ ...item, item: `品目${n}` }));
  return d;
}

const max = disclosureLimits;

describe("the most rows one disclosure holds", () => {
  it("are generous for a large department: 500 projects of ten indicators fit", () => {
    expect(max.projects).toBeGreaterThanOrEqual(500);
    expect(max.indicators).toBeGreaterThanOrEqual(500 * 10);
  });

  it("a disclosure at every limit at once passes both schemas", () => {
    const d = sized(max.projects, max.indicators, max.procurementItems);
    expect(disclosure.safeParse(d).success).toBe(true);
    expect(editableDisclosure.safeParse(d).success).toBe(true);
    expect(rowLimitProblem(d)).toBeNull();
  });

  it.each([
    [
      "indicators",
      sized(10, max.indicators + 1, 1),
      ["performance", "projects"],
      inputMessages.rows.indicators(max.indicators + 1, max.indicators),
    ],
    [
      "projects",
      sized(max.projects + 1, 1, 1),
      ["performance", "projects"],
      inputMessages.rows.projects(max.projects + 1, max.projects),
    ],
    [
      "procurement lines",
      sized(1, 1, max.procurementItems + 1),
      ["procurement", "items"],
      inputMessages.rows.procurementItems(max.procurementItems + 1, max.procurementItems),
    ],
  ])("one row over on %s is refused at that table, saying how many and the limit", (_what, d, path, message) => {
    for (const schema of [disclosure, editableDisclosure]) {
      const result = schema.safeParse(d);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((i) => [i.path, i.message])).toEqual([[path, message]]);
    }
    expect(rowLimitProblem(d)).toBe(message);
    expect(message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("a three times larger disclosure (what overflowed the stack before) is refused the same way", () => {
    const result = editableDisclosure.safeParse(sized(100, 16_001, 0));
    expect(result.error?.issues.map((i) => i.message)).toEqual([inputMessages.rows.indicators(16_001, max.indicators)]);
  });
});

describe("figures a spreadsheet holds", () => {
  const ind = (weight: unknown) =>
    indicatorSchema.safeParse({ ...exampleDisclosure.performance.projects[0].indicators[0], weight });

  it("amounts: 13 integer digits and two decimals at most", () => {
    expect(amount.safeParse("9999999999999.99").success).toBe(true);
    expect(amount.safeParse("-9999999999999.99").success).toBe(true);
    const long = amount.safeParse(`${"9".repeat(14)}.00`);
    expect(long.error?.issues.map((i) => i.message)).toEqual([
      "金额最多 13 位整数（Excel 只能准确保存 15 位有效数字），请核对单位是否为万元。",
    ]);
    // A 301-digit number without its decimals is refused once, for its form.
    expect(amount.safeParse("1".repeat(301)).error?.issues).toHaveLength(1);
    expect(amountDigitsProblem(`${"1".repeat(301)}.00`)).toMatch(CHINESE);
  });

  it("weights: 0 to 100; 1e308, infinities and NaN are refused at the weight", () => {
    for (const ok of [0, 12.5, 100, null]) expect(ind(ok).success).toBe(true);
    for (const bad of [1e308, 100.01, -1])
      expect(ind(bad).error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
        ["weight", "权重须在 0 到 100 之间。"],
      ]);
    expect(ind(Number.POSITIVE_INFINITY).success).toBe(false);
    expect(weightProblem(Number.NaN)).toMatch(CHINESE);
    expect(weightProblem(55)).toBeNull();
  });

  it("areas: 15 digits at most; counts: under a billion", () => {
    const withAssets = (buildings: { area: unknown; value: null }, vehicles: { count: unknown; value: null }) =>
      disclosure.safeParse({ ...exampleDisclosure, assets: { ...exampleDisclosure.assets, buildings, vehicles } });
    expect(withAssets({ area: "123456789012.345", value: null }, { count: MAX_COUNT, value: null }).success).toBe(true);
    const bad = withAssets({ area: "9".repeat(301), value: null }, { count: MAX_COUNT + 1, value: null });
    expect(bad.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["assets.buildings.area", "数值最多 15 位数字（Excel 只能准确保存 15 位有效数字）。"],
      ["assets.vehicles.count", "数量不能超过 999999999。"],
    ]);
    expect(decimalDigitsProblem("0.000000000000001")).toBe("数值最多 15 位数字（Excel 只能准确保存 15 位有效数字）。");
  });
});
