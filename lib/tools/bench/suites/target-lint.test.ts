import { describe, expect, it } from "vitest";
import { disclosure as disclosureSchema } from "../../../domain/model";
import { checkDisclosure } from "../../../rules/engine";
import { sanhe2020 } from "../../../domain/__fixtures__/sanhe-2020";
import { DEPARTMENTS, INDICATORS, PROJECTS, yearOfDepartments } from "./target-lint";

describe("the target-lint bench", () => {
  const base = sanhe2020();
  const year = yearOfDepartments(base, base.fiscalYear);
  const before = yearOfDepartments(base, base.fiscalYear - 1);

  it("builds a year of valid disclosures, 200 departments × 15 projects × 8 indicators", () => {
    expect(year).toHaveLength(DEPARTMENTS);
    expect(new Set(year.map((d) => d.department.code)).size).toBe(DEPARTMENTS);
    for (const d of [year[0], year[DEPARTMENTS - 1], before[7]]) {
      expect(d.performance.projects).toHaveLength(PROJECTS);
      expect(d.performance.projects.every((p) => p.indicators.length === INDICATORS)).toBe(true);
      expect(disclosureSchema.safeParse(d).success).toBe(true);
    }
  });

  it("gives the comparison with last year work: tables mostly the same, some targets raised", () => {
    const rules = new Set(checkDisclosure(year[0], { previous: before[0] }).map((f) => f.rule));
    expect(rules).toContain("indicator.same-as-last-year");
    expect(rules).toContain("indicator.copied-across-projects");
    expect(rules).toContain("indicator.target-readable");
  });
});
