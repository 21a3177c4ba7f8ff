import { describe, expect, it } from "vitest";
import { disclosure, indicator, procurementItem, projectFund, sections } from "@/lib/domain/model";
import {
  assembleDisclosure,
  HEADER_SECTION,
  sameRow,
  toIndicatorRow,
  toProcurementRow,
  toSectionContents,
} from "./disclosure-content";
import { stableStringify } from "@/lib/domain/json";
import { sanhe2020 } from "@/lib/domain/__fixtures__/sanhe-2020";

// These fail when the model gains a field the tables would silently drop: give it a column or a
// section, then update the lists here.
describe("every field of the model has a place in the tables", () => {
  it("top-level fields: identity columns, the header or a section", () => {
    const placed = [
      "schemaVersion",
      "department",
      "fiscalYear",
      "title",
      "preamble",
      ...sections.flatMap((s) => s.fields),
    ];
    expect(Object.keys(disclosure.shape).sort()).toEqual([...new Set(placed)].sort());
  });

  it("row fields: columns of project_funds, indicators and procurement_items", () => {
    expect(Object.keys(projectFund.shape).sort()).toEqual(["amount", "goal", "indicators", "name"]);
    expect(Object.keys(indicator.shape).sort()).toEqual([
      "basis",
      "description",
      "direction",
      "level1",
      "level2",
      "name",
      "scoringStandard",
      "target",
      "weight",
    ]);
    expect(Object.keys(procurementItem.shape).sort()).toEqual(
      [
        "amount",
        "catalogCode",
        "funding",
        "item",
        "otherChannels",
        "project",
        "projectBudget",
        "quantity",
        "unit",
        "unitPrice",
      ].sort(),
    );
  });

  it("a row with every optional field stated comes back the same", () => {
    const d = sanhe2020();
    const full = {
      ...d.performance.projects[0].indicators[0],
      weight: 12.5,
      direction: "negative" as const,
      scoringStandard: "完成率每低于目标 10%扣 1 分",
      id: crypto.randomUUID(),
    };
    const project = { ...d.performance.projects[0], id: crypto.randomUUID(), amount: "10.00", indicators: [full] };
    const item = { ...d.procurement.items[0], id: crypto.randomUUID() };
    const stored = {
      sections: new Map(
        toSectionContents({
          ...d,
          performance: { ...d.performance, projects: [project] },
          procurement: { ...d.procurement, items: [item] },
        }).map((s) => [s.sectionId, s.content]),
      ),
      projects: [
        {
          id: project.id,
          disclosureId: "x",
          position: 0,
          name: project.name,
          amount: project.amount,
          goal: project.goal,
        },
      ],
      indicators: [toIndicatorRow(full, full.id, project.id, 0)],
      procurement: [toProcurementRow(item, item.id, "x", 0)],
    };
    expect(stored.sections.has(HEADER_SECTION)).toBe(true);
    const back = assembleDisclosure(
      { department: d.department, fiscalYear: d.fiscalYear, frameworkId: d.performance.framework },
      stored,
    );
    expect(back.performance.projects).toEqual([project]);
    expect(back.procurement.items).toEqual([item]);
  });
});

describe("sameRow: a stored row against the row a save would write", () => {
  const row = {
    id: "a",
    position: 2,
    amount: "12.30",
    target: { raw: ">=95%", kind: "quantitative", value: "95", unit: "%" },
    weight: null,
    notes: ["x", "y"],
  };

  it("ignores key order at every depth and keys whose value is undefined, as jsonb does", () => {
    const reordered = {
      notes: ["x", "y"],
      weight: null,
      target: { unit: "%", value: "95", kind: "quantitative", raw: ">=95%" },
      amount: "12.30",
      position: 2,
      id: "a",
      direction: undefined,
    };
    expect(sameRow(row, reordered)).toBe(true);
  });

  it("tells apart any changed value, a missing key, null from absent, array order and a Date's instant", () => {
    expect(sameRow(row, { ...row, amount: "12.31" })).toBe(false);
    expect(sameRow(row, { ...row, target: { ...row.target, raw: ">= 95%" } })).toBe(false);
    const { weight: _dropped, ...withoutWeight } = row;
    expect(sameRow(row, withoutWeight)).toBe(false);
    expect(sameRow(row, { ...row, notes: ["y", "x"] })).toBe(false);
    expect(sameRow({ at: new Date(0) }, { at: new Date(0) })).toBe(true);
    expect(sameRow({ at: new Date(0) }, { at: new Date(1) })).toBe(false);
  });

  it("agrees with comparing the key-sorted JSON texts on the fixture's rows", () => {
    const rows = sanhe2020().performance.projects.flatMap((p) =>
      p.indicators.map((i, n) => toIndicatorRow(i, `i${n}`, "p", n)),
    );
    for (const [a, b] of rows.slice(1).map((r, n) => [rows[n], r] as const)) {
      expect(sameRow(a, b)).toBe(stableStringify(a) === stableStringify(b));
      expect(sameRow(a, structuredClone(a))).toBe(true);
    }
  });
});
