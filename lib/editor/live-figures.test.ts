import { describe, expect, it } from "vitest";
import {
  assetsTotalCheck,
  budgetFigures,
  changeOf,
  lineProduct,
  procurementFigures,
  readAmount,
  sumCheck,
  threePublicYearCheck,
  vehiclesOf,
} from "./live-figures";
import { sanhe2020 } from "../domain/__fixtures__/sanhe-2020";

describe("live figures", () => {
  it("the fixture's totals add up to the cent", () => {
    const d = sanhe2020();
    const b = budgetFigures(d.budget);
    expect(b.income).toMatchObject({ sum: "2765.39", total: "2765.39", matches: true });
    expect(b.expenditure).toMatchObject({ sum: "2765.39", matches: true });
    expect(b.basic).toMatchObject({ sum: "1162.43", matches: true });
    expect(b.priorYear).toMatchObject({ sum: "2671.20", matches: true });
    expect(b.changes.total).toEqual({ current: "2765.39", prior: "2671.20", delta: "94.19", direction: "up" });
    expect(b.changes.basic).toMatchObject({ delta: "201.83", direction: "down" });
    expect(threePublicYearCheck(d.threePublic.current)).toMatchObject({ sum: "252.89", matches: true });
    expect(threePublicYearCheck(d.threePublic.priorYear)).toMatchObject({ sum: "253.00", matches: true });
    expect(vehiclesOf(d.threePublic.current)).toBe("83.94");
    expect(procurementFigures(d.procurement).total).toMatchObject({ sum: "99.00", matches: true });
    expect(assetsTotalCheck(d.assets)).toMatchObject({ sum: "1153.01", matches: true });
  });

  it("is exact where floats are not: 3 × 17.98 = 53.94, 0.1 + 0.2 = 0.30", () => {
    expect(lineProduct({ quantity: 3, unitPrice: "17.98" })).toBe("53.94");
    expect(sumCheck("0.30", ["0.10", "0.20"])).toMatchObject({ matches: true, sum: "0.30" });
  });

  it("reads parts as typed, leaves unreadable ones out and counts what is missing", () => {
    expect(readAmount("1,062.44")).toBe("1062.44");
    expect(readAmount("１０６２.４４")).toBe("1062.44");
    expect(readAmount("abc")).toBeNull();
    expect(sumCheck("1162.43", ["1,062.44", null, "abc"])).toEqual({
      sum: "1062.44",
      total: "1162.43",
      matches: false,
      difference: "99.99",
      missingParts: 2,
    });
    expect(sumCheck(null, [null, ""])).toMatchObject({ sum: null, matches: null });
  });

  it("a change needs both years", () => {
    expect(changeOf("30.00", null)).toMatchObject({ delta: null, direction: null });
    expect(changeOf("0.00", "0.00")).toMatchObject({ delta: "0.00", direction: "same" });
  });
});
