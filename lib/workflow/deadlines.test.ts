import { describe, expect, it } from "vitest";
import { addDays, daysSince, deadlinesOf, reminderStage, type DeadlineFacts } from "./deadlines";

const base: DeadlineFacts = {
  state: "draft",
  submissionDeadline: "2021-01-31",
  submittedOn: null,
  approvedOn: null,
  publishedOn: null,
};

describe("submission deadline", () => {
  it("is open before the date and late after it while the department holds the disclosure", () => {
    expect(deadlinesOf(base, "2021-01-20").submission).toEqual({ by: "2021-01-31", daysLeft: 11, status: "open" });
    expect(deadlinesOf(base, "2021-01-31").submission).toMatchObject({ daysLeft: 0, status: "open" });
    expect(deadlinesOf(base, "2021-02-01").submission).toMatchObject({ daysLeft: -1, status: "late" });
  });

  it("is done once submitted, late if submitted after the date; a return makes it open again", () => {
    expect(
      deadlinesOf({ ...base, state: "in_review", submittedOn: "2021-01-30" }, "2021-03-01").submission?.status,
    ).toBe("done");
    expect(
      deadlinesOf({ ...base, state: "submitted", submittedOn: "2021-02-03" }, "2021-03-01").submission?.status,
    ).toBe("done-late");
    expect(
      deadlinesOf({ ...base, state: "returned", submittedOn: "2021-01-30" }, "2021-02-10").submission?.status,
    ).toBe("late");
  });

  it("is absent when the year has no deadline", () => {
    expect(deadlinesOf({ ...base, submissionDeadline: null }, "2021-01-01").submission).toBeNull();
  });
});

describe("publication deadline: 20 days after approval", () => {
  it("runs from the approval, across a month end", () => {
    expect(addDays("2021-02-15", 20)).toBe("2021-03-07");
    const approved = { ...base, state: "approved" as const, submittedOn: "2021-01-20", approvedOn: "2021-02-15" };
    expect(deadlinesOf(approved, "2021-03-07").publication).toEqual({ by: "2021-03-07", daysLeft: 0, status: "open" });
    expect(deadlinesOf(approved, "2021-03-08").publication?.status).toBe("late");
    expect(
      deadlinesOf({ ...approved, state: "published", publishedOn: "2021-03-01" }, "2021-04-01").publication?.status,
    ).toBe("done");
    expect(
      deadlinesOf({ ...approved, state: "published", publishedOn: "2021-03-09" }, "2021-04-01").publication?.status,
    ).toBe("done-late");
  });

  it("does not exist before approval", () => {
    expect(deadlinesOf({ ...base, state: "in_review" }, "2021-03-01").publication).toBeNull();
  });
});

it("counts days waiting from a date, never negative", () => {
  expect(daysSince("2021-01-30", "2021-02-02")).toBe(3);
  expect(daysSince("2021-02-02", "2021-02-02")).toBe(0);
  expect(daysSince("2021-02-03", "2021-02-02")).toBe(0);
});

describe("deadline reminders", () => {
  it("come within three days, on the last day or the one before, and once late; never earlier", () => {
    expect([10, 4, 3, 2, 1, 0, -1, -30].map(reminderStage)).toEqual([
      null,
      null,
      "3d",
      "3d",
      "1d",
      "1d",
      "overdue",
      "overdue",
    ]);
  });
});
