import { describe, expect, it } from "vitest";
import { sumAmounts, toAmount } from "@/lib/domain/money";
import { demoDepartments } from "./demo-departments";
import { scaleParts, syntheticTables } from "./synthetic-tables";

describe("a demo department's tables", () => {
  it("scales parts to the fen with the rounding's remainder on the largest, so they add up to the whole scaled", () => {
    // 0.005 rounds up twice, so the parts come to 0.03 while the whole is 0.02.
    expect(scaleParts(["0.01", "0.02", "0.01"], "0.5")).toEqual(["0.01", "0.00", "0.01"]);
    const parts = ["740.00", "44.46", "98.40", "39.36", "54.12", "12.30", "73.80"];
    const scaled = scaleParts(parts, "0.85");
    expect(toAmount(sumAmounts(scaled))).toBe(toAmount(sumAmounts(parts).times("0.85")));
  });

  it("refuses a code the year's catalogue lacks, rather than seed a table the rules reject", () => {
    const dept = { ...demoDepartments[0], operationCode: "2019998" };
    expect(() => syntheticTables(dept, 2021)).toThrow(/2019998/);
  });
});
