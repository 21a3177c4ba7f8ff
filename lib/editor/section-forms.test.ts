import { describe, expect, it } from "vitest";
import { sanheDraft } from "../domain/__fixtures__/sanhe-draft";
import { documentHeading, sections } from "../domain/model";
import { formName, sectionSchemas, sectionValues, withSection } from "./section-forms";

const draft = sanheDraft();

describe("the section forms", () => {
  it("edit the fields model.ts maps to each section, the heading with section 一, section 五 without the grid's tables and the budget tables in their grid", () => {
    for (const section of sections) {
      const keys = Object.keys(sectionSchemas[section.id].shape);
      if (section.id === documentHeading.section) expect(keys).toEqual([...documentHeading.fields, ...section.fields]);
      else if (section.id === "tables") expect(keys).toEqual([]);
      else expect(keys).toEqual([...section.fields]);
    }
    expect(Object.keys(sectionSchemas.performance.shape.performance.shape)).toEqual([
      "overallGoal",
      "subGoals",
      "safeguards",
    ]);
  });

  it("every field of the disclosure is edited in one place: one section's form, the grid, or fixed when the draft starts", () => {
    const formed = sections.flatMap((s) => Object.keys(sectionSchemas[s.id].shape));
    const fixed = ["schemaVersion", "department", "fiscalYear"];
    const tableGrid = "tables" in draft ? ["tables"] : [];
    expect(new Set(formed).size).toBe(formed.length);
    expect([...formed, ...fixed, ...tableGrid].sort()).toEqual(Object.keys(draft).sort());
  });

  it("a section's values, accepted by its schema and put back, leave the draft as it was", () => {
    for (const { id } of sections) {
      const accepted = sectionSchemas[id].parse(sectionValues(id, draft));
      expect(withSection(draft, accepted)).toEqual(draft);
    }
    const goal = sectionSchemas.performance.parse({
      performance: { ...sectionValues("performance", draft).performance, overallGoal: "新目标" },
    });
    const next = withSection(draft, goal);
    expect(next.performance.overallGoal).toBe("新目标");
    expect(next.performance.projects).toBe(draft.performance.projects);
  });

  it("put text that could not be read back where it was typed, and name fields as react-hook-form does", () => {
    const values = sectionValues("budget", draft, { "budget.income.total": "两千", otherMatters: "不在此节" });
    expect(values).toMatchObject({ budget: { income: { total: "两千" } } });
    expect(values).not.toHaveProperty("otherMatters");
    expect(formName("orgUnits[2].name")).toBe("orgUnits.2.name");
  });
});
