import { describe, expect, it } from "vitest";
import { timeExports } from "./timing";
import { sanhe2020 } from "../domain/__fixtures__/sanhe-2020";

describe("timeExports", () => {
  it("times every format on the fixture", async () => {
    const timings = await timeExports(sanhe2020(), 2);
    expect(timings.map((t) => t.format)).toEqual(["docx", "xlsx", "json", "csv", "datapackage"]);
    for (const t of timings) expect(t.maxMs).toBeGreaterThanOrEqual(t.meanMs);
  });
});
