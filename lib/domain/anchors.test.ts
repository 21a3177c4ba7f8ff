import { describe, expect, it } from "vitest";
import { anchorOf, currentAnchor, resolveAnchor, rowPaths } from "./anchors";
import { newIndicator, sanheDraft } from "./__fixtures__/sanhe-draft";

const base = sanheDraft();

describe("anchors", () => {
  const path = "performance.projects[1].indicators[3].basis";
  const row = base.performance.projects[1].indicators[3];

  it("keep a comment on its row when rows are inserted above it or it moves to another project", () => {
    const anchor = anchorOf(base, path);
    expect(anchor).toEqual({ rowId: row.id, path: "basis" });
    const inserted = structuredClone(base);
    inserted.performance.projects[1].indicators.unshift(newIndicator("新增指标"));
    expect(resolveAnchor(inserted, anchor)).toBe("performance.projects[1].indicators[4].basis");
    const moved = structuredClone(base);
    moved.performance.projects[1].indicators.splice(3, 1);
    moved.performance.projects[5].indicators.push(structuredClone(row));
    expect(resolveAnchor(moved, anchor)).toBe(
      `performance.projects[5].indicators[${base.performance.projects[5].indicators.length}].basis`,
    );
  });

  it("give null once the row is deleted", () => {
    const deleted = structuredClone(base);
    deleted.performance.projects[1].indicators.splice(3, 1);
    expect(resolveAnchor(deleted, anchorOf(base, path))).toBeNull();
  });

  it("anchor a project's own field to the project, a procurement cell to its line, and a plain field to its path", () => {
    expect(anchorOf(base, "performance.projects[4].goal")).toEqual({
      rowId: base.performance.projects[4].id,
      path: "goal",
    });
    expect(anchorOf(base, "procurement.items[1].funding.other")).toEqual({
      rowId: base.procurement.items[1].id,
      path: "funding.other",
    });
    expect(anchorOf(base, "performance.projects[0].indicators[2]")).toEqual({
      rowId: base.performance.projects[0].indicators[2].id,
      path: "",
    });
    expect(anchorOf(base, "budget.income.total")).toEqual({ path: "budget.income.total" });
    expect(resolveAnchor(base, { path: "budget.income.total" })).toBe("budget.income.total");
    const reordered = structuredClone(base);
    reordered.procurement.items.reverse();
    const last = reordered.procurement.items.length - 1;
    expect(resolveAnchor(reordered, anchorOf(base, "procurement.items[0].amount"))).toBe(
      `procurement.items[${last}].amount`,
    );
  });
});

describe("stored comments (the path made at, and the row's id)", () => {
  const made = "performance.projects[1].indicators[3].target";
  const row = base.performance.projects[1].indicators[3];

  it("follow their row by the row's id, keeping the field inside it", () => {
    const moved = structuredClone(base);
    moved.performance.projects[1].indicators.splice(3, 1);
    moved.performance.projects[0].indicators.unshift(structuredClone(row));
    expect(currentAnchor(made, row.id, rowPaths(moved))).toEqual({
      path: "performance.projects[0].indicators[0].target",
      rowGone: false,
    });
    expect(currentAnchor("performance.projects[1].indicators[3]", row.id, rowPaths(moved))).toEqual({
      path: "performance.projects[0].indicators[0]",
      rowGone: false,
    });
  });

  it("a comment on a project's field follows the project; one outside rows stays where it is", () => {
    const reordered = structuredClone(base);
    reordered.performance.projects.reverse();
    const last = reordered.performance.projects.length - 1;
    expect(
      currentAnchor("performance.projects[0].goal", base.performance.projects[0].id, rowPaths(reordered)).path,
    ).toBe(`performance.projects[${last}].goal`);
    expect(currentAnchor("budget.income.total", null, rowPaths(reordered))).toEqual({
      path: "budget.income.total",
      rowGone: false,
    });
  });

  it("say so when the row is gone, and keep the path as it was made", () => {
    const deleted = structuredClone(base);
    deleted.performance.projects[1].indicators.splice(3, 1);
    expect(currentAnchor(made, row.id, rowPaths(deleted))).toEqual({ path: made, rowGone: true });
  });

  it("agree with the anchor found when the comment was made", () => {
    const inserted = structuredClone(base);
    inserted.performance.projects[1].indicators.unshift(newIndicator("新增指标"));
    expect(currentAnchor(made, anchorOf(base, made).rowId ?? null, rowPaths(inserted)).path).toBe(
      resolveAnchor(inserted, anchorOf(base, made)),
    );
  });
});
