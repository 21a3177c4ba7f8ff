import { describe, expect, it } from "vitest";
import { disclosure, indicator, procurementItem, projectFund, sections } from "@/lib/domain/model";
import { fixtureDisclosure } from "../test-world";
import { assembleDisclosure, HEADER_SECTION, toIndicatorRow, toProcurementRow, toSectionContents } from "./disclosure-content";

// These fail when the model gains a field the tables would silently drop: give it a column or a
// section, then update the lists here.
describe("every field of the model has a place in the tables", () => {
  it("top-level fields: identity columns, the header or a section", () => {
    const placed = ["schemaVersion", "department", "fiscalYear", "title", "preamble", ...sections.flatMap((s) => s.fields)];
    expect(Object.keys(disclosure.shape).sort()).toEqual([...new Set(placed)].sort());
  });

  it("row fields: columns of project_funds, indicators and procurement_items", () => {
    expect(Object.keys(projectFund.shape).sort()).toEqual(["amount", "goal", "indicators", "name"]);
    expect(Object.keys(indicator.shape).sort()).toEqual(["basis", "description", "direction", "level1", "level2", "name", "target", "weight"]);
    expect(Object.keys(procurementItem.shape).sort()).toEqual(
      ["amount", "catalogCode", "funding", "item", "otherChannels", "project", "projectBudget", "quantity", "unit", "unitPrice"].sort(),
    );
  });

  it("a row with every optional field stated comes back the same", () => {
    const d = fixtureDisclosure();
    const full = { ...d.performance.projects[0].indicators[0], weight: 12.5, direction: "negative" as const, id: crypto.randomUUID() };
    const project = { ...d.performance.projects[0], id: crypto.randomUUID(), amount: "10.00", indicators: [full] };
    const item = { ...d.procurement.items[0], id: crypto.randomUUID() };
    const stored = {
      sections: new Map(toSectionContents({ ...d, performance: { ...d.performance, projects: [project] }, procurement: { ...d.procurement, items: [item] } }).map((s) => [s.sectionId, s.content])),
      projects: [{ id: project.id, disclosureId: "x", position: 0, name: project.name, amount: project.amount, goal: project.goal }],
      indicators: [toIndicatorRow(full, full.id, project.id, 0)],
      procurement: [toProcurementRow(item, item.id, "x", 0)],
    };
    expect(stored.sections.has(HEADER_SECTION)).toBe(true);
    const back = assembleDisclosure({ department: d.department, fiscalYear: d.fiscalYear, frameworkId: d.performance.framework }, stored);
    expect(back.performance.projects).toEqual([project]);
    expect(back.procurement.items).toEqual([item]);
  });
});
