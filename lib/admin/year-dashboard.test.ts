import { describe, expect, it } from "vitest";
import { addDays } from "../workflow/deadlines";
import { lateness } from "./lateness";
import {
  applyDashboardQuery,
  dashboardSearch,
  dashboardTotals,
  describeDashboardQuery,
  defaultQuery,
  parseDashboardQuery,
  stateCounts,
  withLateness,
  type DashboardRecord,
} from "./year-dashboard";

const none = {
  income: null,
  expenditure: null,
  threePublic: null,
  outbound: null,
  vehiclePurchase: null,
  vehicleOperation: null,
  reception: null,
  procurement: null,
};

function record(code: string, over: Partial<DashboardRecord> = {}): DashboardRecord {
  return {
    departmentId: `id-${code}`,
    departmentCode: code,
    departmentName: `部门${code}`,
    groupName: "一科",
    disclosureId: `d-${code}`,
    state: "draft",
    revision: 1,
    createdAt: null,
    updatedAt: null,
    submittedAt: null,
    approvedAt: null,
    publishedAt: null,
    figures: none,
    openComments: 0,
    findings: { error: 0, warning: 0 },
    ...over,
  };
}

describe("lateness", () => {
  const deadline = "2021-01-31";
  it("counts Beijing calendar days past the deadline for what is not submitted", () => {
    expect(
      lateness({ state: "draft", revision: 1, submittedAt: null, approvedAt: null }, deadline, "2021-02-10").overdue,
    ).toBe(10);
    expect(
      lateness({ state: null, revision: null, submittedAt: null, approvedAt: null }, deadline, "2021-01-31").overdue,
    ).toBe(0);
    expect(
      lateness(
        { state: "returned", revision: 1, submittedAt: new Date("2021-01-20T02:00:00Z"), approvedAt: null },
        deadline,
        "2021-02-02",
      ).overdue,
    ).toBe(2);
  });

  it("keeps a late submission as days late, judged by the Beijing date it was made", () => {
    // 17:00 UTC on the 31st is already 1 February in Beijing: one day late.
    const l = lateness(
      { state: "submitted", revision: 1, submittedAt: new Date("2021-01-31T17:00:00Z"), approvedAt: null },
      deadline,
      "2021-03-01",
    );
    expect(l).toEqual({ overdue: 0, submittedLate: 1, publishOverdue: 0 });
  });

  it("gives publication 20 days after approval", () => {
    const approved = {
      state: "approved" as const,
      revision: 1,
      submittedAt: new Date("2021-01-10T02:00:00Z"),
      approvedAt: new Date("2021-02-01T02:00:00Z"),
    };
    expect(addDays("2021-02-01", 20)).toBe("2021-02-21");
    expect(lateness(approved, deadline, "2021-02-21").publishOverdue).toBe(0);
    expect(lateness(approved, deadline, "2021-02-24").publishOverdue).toBe(3);
  });

  it("does not hold a correcting revision or a year without a deadline to one", () => {
    expect(
      lateness({ state: "draft", revision: 2, submittedAt: null, approvedAt: null }, deadline, "2021-06-01").overdue,
    ).toBe(0);
    expect(
      lateness({ state: "draft", revision: 1, submittedAt: null, approvedAt: null }, null, "2021-06-01").overdue,
    ).toBe(0);
  });
});

describe("the dashboard's query", () => {
  it("reads the URL, ignoring what it does not know, and writes it back without defaults", () => {
    const query = parseDashboardQuery({
      state: "returned",
      desk: "二科",
      late: "1",
      q: " 卫生 ",
      sort: "income",
      dir: "desc",
      other: "x",
    });
    expect(query).toEqual({ state: "returned", desk: "二科", late: true, q: "卫生", sort: "income", dir: "desc" });
    expect(parseDashboardQuery(new URLSearchParams("state=bogus&sort=drop%20table&dir=sideways"))).toEqual(
      defaultQuery,
    );
    expect(dashboardSearch(defaultQuery)).toBe("");
    expect(dashboardSearch(query, { late: false })).toBe(
      "?state=returned&desk=%E4%BA%8C%E7%A7%91&q=%E5%8D%AB%E7%94%9F&sort=income&dir=desc",
    );
  });

  const rows = withLateness(
    [
      record("9", { figures: { ...none, income: "100.10" } }),
      record("10", { state: "published", figures: { ...none, income: "99.99" } }),
      record("402", { state: null, disclosureId: null, findings: null, groupName: "二科" }),
      record("434", {
        state: "in_review",
        submittedAt: new Date("2021-01-05T02:00:00Z"),
        figures: { ...none, income: "1000.00" },
        openComments: 2,
      }),
    ],
    "2021-01-31",
    "2021-02-05",
  );

  it("sorts codes as numbers, amounts as exact decimals, and puts absent values last both ways", () => {
    const codes = (sort: typeof defaultQuery.sort, dir: "asc" | "desc") =>
      applyDashboardQuery(rows, { ...defaultQuery, sort, dir }).map((r) => r.departmentCode);
    expect(codes("code", "asc")).toEqual(["9", "10", "402", "434"]);
    expect(codes("income", "asc")).toEqual(["10", "9", "434", "402"]);
    expect(codes("income", "desc")).toEqual(["434", "9", "10", "402"]);
    expect(codes("state", "asc")).toEqual(["402", "9", "434", "10"]);
    expect(codes("late", "desc")).toEqual(["9", "402", "10", "434"]);
  });

  it("filters by state (including not started), desk, lateness and a code or name", () => {
    const codes = (change: Partial<typeof defaultQuery>) =>
      applyDashboardQuery(rows, { ...defaultQuery, ...change }).map((r) => r.departmentCode);
    expect(codes({ state: "none" })).toEqual(["402"]);
    expect(codes({ desk: "二科" })).toEqual(["402"]);
    expect(codes({ late: true })).toEqual(["9", "402"]);
    expect(codes({ q: "43" })).toEqual(["434"]);
    expect(codes({ q: "部门1" })).toEqual(["10"]);
  });

  it("adds the figures exactly and says how many departments state each", () => {
    const many = withLateness(
      Array.from({ length: 150 }, (_, i) =>
        record(String(1000 + i), { figures: { ...none, reception: "0.10", threePublic: i % 2 ? "0.20" : null } }),
      ),
      null,
    );
    const totals = dashboardTotals(many);
    // 150 × 0.10 in binary floating point is 15.000000000000002; here it is 15.00.
    expect(totals.reception).toBe("15.00");
    expect(totals.threePublic).toBe("15.00");
    expect(totals.reporting.threePublic).toBe(75);
    expect(totals.income).toBe("0.00");
    expect(totals.departments).toBe(150);
  });

  it("counts the departments in each state in workflow order", () => {
    expect(stateCounts(rows).filter((s) => s.count > 0)).toEqual([
      { state: "none", count: 1 },
      { state: "draft", count: 1 },
      { state: "in_review", count: 1 },
      { state: "published", count: 1 },
    ]);
  });
});

describe("describeDashboardQuery", () => {
  it("says in words what the exported sheet was filtered and sorted by", () => {
    expect(describeDashboardQuery(defaultQuery)).toBe("全部部门");
    expect(
      describeDashboardQuery({ state: "none", desk: "一科", late: true, q: "卫生", sort: "income", dir: "desc" }),
    ).toBe("状态：未开始；审核科室：一科；只看逾期；查找：卫生；按收入合计降序");
  });
});
