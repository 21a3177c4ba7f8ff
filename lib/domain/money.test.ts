import { describe, expect, it } from "vitest";
import {
  absCents,
  addCents,
  centsEqual,
  centsSign,
  centsToAmount,
  compareCents,
  formatAmount,
  money,
  multiplyCents,
  subtractCents,
  toCents,
  ZERO_CENTS,
} from "./money";

/** Amounts in 分 (Cents): read digit for digit, added exactly, however large the sum. */
describe("amounts in 分", () => {
  it("read amount text exactly and print it back", () => {
    for (const text of ["0.00", "2765.39", "-0.11", "0.01", "1062.44", "9999999999999.99", "-9999999999999.99"])
      expect(centsToAmount(toCents(text))).toBe(text);
    expect(centsToAmount(toCents(null))).toBe("0.00");
    expect(centsToAmount(toCents(undefined))).toBe("0.00");
    // Not the canonical two decimals, still exact.
    expect(centsToAmount(toCents("5"))).toBe("5.00");
    expect(centsToAmount(toCents("1.5"))).toBe("1.50");
    expect(centsToAmount(toCents("007.50"))).toBe("7.50");
    expect(centsToAmount(toCents("1e3"))).toBe("1000.00");
    expect(centsToAmount(toCents("123456789012345678.25"))).toBe("123456789012345678.25");
  });

  it("read -0.00 as zero, and refuse what is not a whole number of 分", () => {
    expect(centsSign(toCents("-0.00"))).toBe(0);
    expect(centsToAmount(toCents("-0.00"))).toBe("0.00");
    expect(() => toCents("1.005")).toThrow(RangeError);
    expect(() => toCents("abc")).toThrow();
    expect(() => toCents("1.2.3")).toThrow();
  });

  it("add and subtract as Decimal does, with no float error", () => {
    const a = toCents("0.10");
    const b = toCents("0.20");
    expect(centsToAmount(addCents(a, b))).toBe("0.30");
    expect(centsEqual(addCents(a, b), toCents("0.30"))).toBe(true);
    expect(centsToAmount(subtractCents(toCents("252.89"), toCents("253.00")))).toBe("-0.11");
    expect(centsToAmount(absCents(toCents("-0.11")))).toBe("0.11");
    const figures = Array.from(
      { length: 500 },
      (_, i) => `${(i * 7919) % 100_000}.${String(i % 100).padStart(2, "0")}`,
    );
    const sum = figures.reduce((acc, f) => addCents(acc, toCents(f)), ZERO_CENTS);
    expect(centsToAmount(sum)).toBe(figures.reduce((acc, f) => acc.plus(f), money(0)).toFixed(2));
  });

  it("stay exact past 2^53 分, and compare across that line", () => {
    const largest = toCents("9999999999999.99");
    let sum = ZERO_CENTS;
    for (let i = 0; i < 2000; i++) sum = addCents(sum, largest);
    expect(centsToAmount(sum)).toBe(money("9999999999999.99").times(2000).toFixed(2));
    expect(compareCents(sum, largest)).toBe(1);
    expect(compareCents(largest, sum)).toBe(-1);
    // Back under 2^53 it is the same value as one made small to begin with.
    let back = sum;
    for (let i = 0; i < 1999; i++) back = subtractCents(back, largest);
    expect(centsEqual(back, largest)).toBe(true);
    expect(centsToAmount(subtractCents(ZERO_CENTS, sum))).toBe(`-${centsToAmount(sum)}`);
    expect(centsToAmount(multiplyCents(toCents("2765.39"), 20_000))).toBe("55307800.00");
    expect(centsToAmount(multiplyCents(largest, 20_000))).toBe(money("9999999999999.99").times(20_000).toFixed(2));
    expect(() => multiplyCents(largest, 1.5)).toThrow(RangeError);
  });
});

describe("formatAmount", () => {
  it("groups thousands, the same for text as for a Decimal", () => {
    expect(formatAmount("2765.39")).toBe("2,765.39");
    expect(formatAmount("-1234567.00")).toBe("-1,234,567.00");
    expect(formatAmount("007.50")).toBe("7.50");
    expect(formatAmount("-0.00")).toBe("0.00");
    expect(formatAmount("99")).toBe("99.00");
    expect(formatAmount(money("1062.444"))).toBe("1,062.44");
    expect(formatAmount(null)).toBe("");
  });
});
