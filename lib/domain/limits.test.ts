import { describe, expect, it } from "vitest";
import { editableDisclosure } from "@/db/disclosure-shape";
import { limitsMessages } from "../i18n/zh-CN/limits";
import { exampleDisclosure } from "../render/__fixtures__/example-disclosure";
import { disclosureLimits, rowLimitProblem } from "./limits";
import { disclosure, type Disclosure, type Indicator } from "./model";

const indicator: Indicator = exampleDisclosure.performance.projects[0].indicators[0];
const item = exampleDisclosure.procurement.items[0];

/** The example disclosure with `projects` projects sharing `indicators` rows, and `items` procurement lines. */
function sized(projects: number, indicators: number, items: number): Disclosure {
  const d = structuredClone(exampleDisclosure);
  d.performance.projects = Array.from({ length: projects }, (_, p) => ({ name: `项目${p}`, amount: null, goal: "", indicators: [] as Indicator[] }));
  for (let n = 0; n < indicators; n++) d.performance.projects[n % projects].indicators.push({ ...indicator, name: `指标${n}` });
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
    ["indicators", sized(10, max.indicators + 1, 1), ["performance", "projects"], limitsMessages.indicators(max.indicators + 1, max.indicators)],
    ["projects", sized(max.projects + 1, 1, 1), ["performance", "projects"], limitsMessages.projects(max.projects + 1, max.projects)],
    ["procurement lines", sized(1, 1, max.procurementItems + 1), ["procurement", "items"], limitsMessages.procurementItems(max.procurementItems + 1, max.procurementItems)],
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
    expect(result.error?.issues.map((i) => i.message)).toEqual([limitsMessages.indicators(16_001, max.indicators)]);
  });
});
