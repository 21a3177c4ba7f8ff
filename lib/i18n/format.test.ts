import { describe, expect, it } from "vitest";
import { daysUntil, formatDate, formatDateTime, todayIso } from "./format";

describe("zh-CN dates", () => {
  it("prints a calendar date as written, without time-zone shifts", () => {
    expect(formatDate("2020-12-31")).toBe("2020年12月31日");
    expect(formatDate("2021-01-05")).toBe("2021年1月5日");
  });

  it("prints a timestamp in Beijing time", () => {
    // 16:30 UTC on 31 December is already 1 January in Beijing.
    expect(formatDate(new Date("2020-12-31T16:30:00Z"))).toBe("2021年1月1日");
    expect(formatDateTime(new Date("2020-12-31T02:32:00Z"))).toBe("2020年12月31日 10:32");
  });

  it("prints nothing for absent or unreadable values", () => {
    expect(formatDate(null)).toBe("");
    expect(formatDate("not a date")).toBe("");
    expect(formatDateTime(undefined)).toBe("");
  });

  it("counts days to a deadline, negative when late", () => {
    expect(daysUntil("2021-01-10", "2021-01-01")).toBe(9);
    expect(daysUntil("2021-01-01", "2021-01-01")).toBe(0);
    expect(daysUntil("2020-12-30", "2021-01-01")).toBe(-2);
    expect(todayIso(new Date("2020-12-31T16:30:00Z"))).toBe("2021-01-01");
  });
});
