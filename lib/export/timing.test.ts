import { describe, expect, it } from "vitest";
import { goldenDisclosure } from "./__fixtures__/golden";
import { timeExports } from "./timing";

describe("timeExports", () => {
  it("times every format on the fixture", async () => {
    const timings = await timeExports(goldenDisclosure(), 2);
    expect(timings.map((t) => t.format)).toEqual(["docx", "xlsx", "json", "csv", "datapackage"]);
    for (const t of timings) expect(t.maxMs).toBeGreaterThanOrEqual(t.meanMs);
  });
});
