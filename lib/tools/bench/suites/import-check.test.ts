import { describe, expect, it } from "vitest";
import { disclosure as disclosureSchema } from "../../../domain/model";
import { syntheticDisclosure } from "./import-check";
import { sanhe2020 } from "../../../domain/__fixtures__/sanhe-2020";

const golden = sanhe2020();

describe("the import/check bench", () => {
  it("builds a valid disclosure of 200 projects × 15 indicators from the fixture's projects", () => {
    const large = syntheticDisclosure(golden);
    expect(large.performance.projects).toHaveLength(200);
    expect(large.performance.projects.every((p) => p.indicators.length === 15)).toBe(true);
    expect(new Set(large.performance.projects.map((p) => p.name)).size).toBe(200);
    expect(disclosureSchema.safeParse(large).success).toBe(true);
  });
});
