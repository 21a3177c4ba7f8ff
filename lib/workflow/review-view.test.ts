import { describe, expect, it } from "vitest";
import { diffDisclosures } from "../domain/diff";
import { setAt } from "../domain/paths";
import { syntheticDisclosure } from "../../db/seed/synthetic";
import { demoDepartments } from "../../db/seed/demo-departments";
import { dueOf, dueSummary, waitingDays } from "./queue-view";
import {
  cellLabel,
  commentTargets,
  formatValue,
  groupChanges,
  placeFindings,
  printedRowPaths,
  rowPathOf,
} from "./review-view";
import { classification2020, sanhe2020WithTables } from "../domain/__fixtures__/sanhe-2020-tables";
import { documentOutline } from "../render/document";
import { checkDisclosure } from "../rules/engine";
import { sanhe2020 } from "../domain/__fixtures__/sanhe-2020";

const content = () => {
  const d = syntheticDisclosure(sanhe2020(), demoDepartments[0], 2021, "2021");
  // Rows carry ids in the stored content; the diff follows them.
  d.performance.projects.forEach((p, i) =>
    p.indicators.forEach((row, j) =>
      Object.assign(row, { id: `00000000-0000-4000-8000-${String(i * 100 + j).padStart(12, "0")}` }),
    ),
  );
  return d;
};

describe("what a comment can be pinned to", () => {
  it("offers a section whole, then each figure in it, with short labels; rows with their own button are left out", () => {
    const targets = commentTargets(content(), "budget", new Set());
    expect(targets[0]).toEqual({ path: "budget", label: "" });
    expect(targets).toContainEqual({ path: "budget.income.total", label: "收入预算 › 收入合计" });
    const rows = new Set(["performance.projects[0].indicators[0]"]);
    const performance = commentTargets(content(), "performance", rows).map((t) => t.path);
    expect(performance.some((p) => p.startsWith("performance.projects[0].indicators[0]"))).toBe(false);
    expect(performance).toContain("performance.projects[0].indicators[1].target");
  });

  it("finds the row a cell is in", () => {
    expect(rowPathOf("performance.projects[2].indicators[6].target")).toBe("performance.projects[2].indicators[6]");
    expect(rowPathOf("budget.income.total")).toBeNull();
  });
});

describe("the diff by row", () => {
  it("groups each row's changed cells under the row, fields under their section", () => {
    const before = content();
    let after = setAt(before, "performance.projects[0].indicators[0].target", {
      raw: ">=98%",
      kind: "quantitative",
      operator: ">=",
      value: "98",
      unit: "%",
    });
    after = setAt(after, "performance.projects[0].indicators[0].basis", "上年实际");
    after = setAt(after, "otherMatters", "补充说明");
    const groups = groupChanges(diffDisclosures(before, after), after);
    expect(groups.map((g) => [g.rowPath, g.changes.length])).toEqual([
      ["performance.projects[0].indicators[0]", 2],
      ["", 1],
    ]);
    expect(groups[0].changes.map((c) => cellLabel(c, groups[0]))).toEqual(["指标值", "指标值确定依据"]);
    expect(formatValue(groups[0].changes[0].after)).toBe(">=98%");
    expect(formatValue(null)).toBe("（空）");
  });
});

describe("the queue's deadlines", () => {
  it("counts what waits for review, late submissions and late publications, and days waiting", () => {
    const at = (iso: string) => new Date(`${iso}T02:00:00Z`);
    const base = { submissionDeadline: "2021-01-31", submittedAt: null, approvedAt: null, publishedAt: null };
    const rows = [
      { ...base, state: "submitted" as const, submittedAt: at("2021-01-20") },
      { ...base, state: "draft" as const },
      { ...base, state: "returned" as const, submittedAt: at("2021-01-10") },
      { ...base, state: "approved" as const, submittedAt: at("2021-01-10"), approvedAt: at("2021-01-15") },
    ];
    expect(dueSummary(rows, "2021-02-10")).toEqual({ waiting: 1, lateSubmission: 2, latePublication: 1 });
    expect(waitingDays(rows[0], "2021-02-10")).toBe(21);
    expect(waitingDays(rows[1], "2021-02-10")).toBeNull();
    expect(dueOf(rows[3], "2021-02-10").publication).toMatchObject({ by: "2021-02-04", status: "late" });
  });
});

describe("findings placed on the printed rows (the approver's view of the budget tables)", () => {
  it("prints each stored table row with its path, and puts a cell's finding on it, errors first", () => {
    const d = sanhe2020WithTables();
    const at = d.tables!.expenditure.rows.findIndex((r) => r.code === "2010301");
    d.tables!.expenditure.rows[at].name = "行政运行（旧称）";
    d.tables!.expenditure.rows[at].amounts.personnel = "-1.00";
    const printed = printedRowPaths(documentOutline(d));
    expect(printed.has(`tables.expenditure.rows[${at}]`)).toBe(true);
    // Computed subtotals are not stored rows: no path of theirs is printed.
    expect([...printed].filter((p) => p.startsWith("tables.expenditure."))).toHaveLength(
      d.tables!.expenditure.rows.length,
    );
    const placed = placeFindings(checkDisclosure(d, { classification: classification2020() }), printed);
    const onRow = placed.filter((p) => p.row === `tables.expenditure.rows[${at}]`);
    expect(onRow.map((p) => p.finding.rule).sort()).toEqual(
      expect.arrayContaining(["tables.code-name", "tables.negative"]),
    );
    const severities = placed.map((p) => p.finding.severity);
    expect(severities).not.toContain("info");
    expect(severities.lastIndexOf("error")).toBeLessThan(severities.indexOf("warning"));
  });
});
