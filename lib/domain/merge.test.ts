import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergeDisclosures, resolveConflicts } from "./merge";
import { applyEdits, disjointScripts } from "./__fixtures__/edit-scripts";
import type { SavedDisclosure } from "./editable";
import { newIndicator, sanheDraft } from "./__fixtures__/sanhe-draft";

const base = sanheDraft();
const edit = () => structuredClone(base);
const ids = (d: SavedDisclosure, project: number) => d.performance.projects[project].indicators.map((r) => r.id);

describe("mergeDisclosures", () => {
  it("merges edits to different fields: a budget figure here, an indicator cell and a new row there", () => {
    const mine = edit();
    mine.budget.expenditure.publicOperating = "100.00";
    const theirs = edit();
    theirs.performance.projects[0].indicators[6].basis = "往年历史数据";
    const added = newIndicator("新增指标");
    theirs.performance.projects[0].indicators.splice(3, 0, added);
    const { merged, conflicts } = mergeDisclosures(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged.budget.expenditure.publicOperating).toBe("100.00");
    expect(merged.performance.projects[0].indicators[7].basis).toBe("往年历史数据");
    expect(merged.performance.projects[0].indicators[3]).toEqual(added);
    expect(merged).toEqual({ ...theirs, budget: mine.budget });
  });

  it("refuses the same field changed to two values, naming both", () => {
    const mine = edit();
    mine.threePublic.current.reception = "160.00";
    const theirs = edit();
    theirs.threePublic.current.reception = "150.00";
    theirs.otherMatters = "另有说明";
    const { merged, conflicts } = mergeDisclosures(base, mine, theirs);
    expect(conflicts).toEqual([
      {
        path: "threePublic.current.reception",
        kind: "field",
        base: "168.95",
        mine: "160.00",
        theirs: "150.00",
        label: "四、财政拨款“三公”经费预算情况及增减变化原因 › 本年预算 › 公务接待费",
      },
    ]);
    // Until the clerk chooses, the stored (newer) value stands and the rest is merged.
    expect(merged.threePublic.current.reception).toBe("150.00");
    expect(merged.otherMatters).toBe("另有说明");
    expect(resolveConflicts({ merged, conflicts }, { "threePublic.current.reception": "mine" })).toEqual({
      merged: { ...theirs, threePublic: mine.threePublic },
      conflicts: [],
    });
  });

  it("does not call the same change made twice a conflict", () => {
    const mine = edit();
    mine.budget.income.total = "2800.00";
    mine.performance.projects[2].indicators[1].target = {
      raw: "≥95%",
      kind: "quantitative",
      operator: ">=",
      value: "95",
      unit: "%",
    };
    const theirs = edit();
    theirs.budget.income.total = "2800.00";
    theirs.performance.projects[2].indicators[1].target = { raw: "≥95%", kind: "unparsed" };
    const { merged, conflicts } = mergeDisclosures(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged.budget.income.total).toBe("2800.00");
    expect(merged.performance.projects[2].indicators[1].target.raw).toBe("≥95%");
  });

  it("merges a target as a whole: two different 指标值 conflict even where their units agree", () => {
    const mine = edit();
    mine.performance.projects[0].indicators[0].target = {
      raw: "=3.00次",
      kind: "quantitative",
      operator: "=",
      value: "3.00",
      unit: "次",
    };
    const theirs = edit();
    theirs.performance.projects[0].indicators[0].target = {
      raw: ">=2.00次",
      kind: "quantitative",
      operator: ">=",
      value: "2.00",
      unit: "次",
    };
    const { conflicts } = mergeDisclosures(base, mine, theirs);
    expect(conflicts).toMatchObject([
      {
        path: "performance.projects[0].indicators[0].target",
        kind: "field",
        rowId: base.performance.projects[0].indicators[0].id,
      },
    ]);
  });

  it("refuses a row deleted on one side and changed on the other, either way round", () => {
    const deleting = edit();
    const [gone] = deleting.performance.projects[1].indicators.splice(4, 1);
    const changing = edit();
    changing.performance.projects[1].indicators[4].basis = "新的依据";
    for (const [mine, theirs] of [
      [deleting, changing],
      [changing, deleting],
    ]) {
      const result = mergeDisclosures(base, mine, theirs);
      expect(result.conflicts).toEqual([
        expect.objectContaining({
          kind: "row",
          path: "performance.projects[1].indicators[4]",
          rowId: gone.id,
          base: gone,
          mine: mine === deleting ? undefined : changing.performance.projects[1].indicators[4],
          theirs: theirs === deleting ? undefined : changing.performance.projects[1].indicators[4],
          label: expect.stringMatching(/项目 2「政务公开专项经费」› 指标第 5 行$/),
        }),
      ]);
      // The edited row is kept until the clerk chooses, so the path stays valid.
      expect(result.merged).toEqual(changing);
      const keep = mine === changing ? "mine" : "theirs";
      const drop = keep === "mine" ? "theirs" : "mine";
      expect(resolveConflicts(result, { [result.conflicts[0].path]: keep }).merged).toEqual(changing);
      expect(resolveConflicts(result, { [result.conflicts[0].path]: drop }).merged).toEqual(deleting);
    }
  });

  it("deletes a row deleted on one side and untouched on the other", () => {
    const mine = edit();
    mine.performance.projects[1].indicators.splice(4, 1);
    mine.procurement.items.splice(0, 1);
    const theirs = edit();
    theirs.performance.projects[1].indicators[5].basis = "新的依据";
    const { merged, conflicts } = mergeDisclosures(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(ids(merged, 1)).toEqual(ids(mine, 1));
    expect(merged.performance.projects[1].indicators[4].basis).toBe("新的依据");
    expect(merged.procurement.items).toEqual(mine.procurement.items);
  });

  it("lets a reorder on one side win, with the other side's cell edits and new rows in it", () => {
    const mine = edit();
    mine.performance.projects[3].indicators.reverse();
    const theirs = edit();
    theirs.performance.projects[3].indicators[0].name = "改名";
    const added = newIndicator("新增");
    theirs.performance.projects[3].indicators.splice(1, 0, added);
    const { merged, conflicts } = mergeDisclosures(base, mine, theirs);
    expect(conflicts).toEqual([]);
    const first = base.performance.projects[3].indicators[0].id;
    // The new row follows the row it followed in theirs, the first, which mine's order puts last.
    expect(ids(merged, 3)).toEqual([...ids(mine, 3), added.id]);
    expect(merged.performance.projects[3].indicators.find((r) => r.id === first)!.name).toBe("改名");
  });

  it("keeps theirs' order when both reordered differently, and loses no row", () => {
    const mine = edit();
    mine.performance.projects[2].indicators.reverse();
    mine.performance.projects[2].indicators.push(newIndicator("我加的"));
    const theirs = edit();
    const rows = theirs.performance.projects[2].indicators;
    rows.push(rows.shift()!);
    const { merged, conflicts } = mergeDisclosures(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(ids(merged, 2).slice(0, rows.length)).toEqual(ids(theirs, 2));
    expect(new Set(ids(merged, 2))).toEqual(new Set([...ids(theirs, 2), ...ids(mine, 2)]));
  });

  it("keeps both rows when both added one at the same place, and one when both added the same row", () => {
    const mine = edit();
    const theirs = edit();
    const ours = newIndicator("我的");
    const yours = newIndicator("你的");
    mine.performance.projects[0].indicators.splice(2, 0, ours);
    theirs.performance.projects[0].indicators.splice(2, 0, yours);
    mine.glossary.push({ term: "同一名词", definition: "同一释义" });
    theirs.glossary.push({ term: "同一名词", definition: "同一释义" });
    const ourFirst = newIndicator("我的首行");
    const yourFirst = newIndicator("你的首行");
    mine.performance.projects[1].indicators.unshift(ourFirst);
    theirs.performance.projects[1].indicators.unshift(yourFirst);
    mine.responsibilities.push("我加的职责");
    theirs.responsibilities.push("你加的职责");
    const { merged, conflicts } = mergeDisclosures(base, mine, theirs);
    expect(conflicts).toEqual([]);
    // The newer save's rows first, then the arriving one's, at the same spot.
    expect(merged.performance.projects[0].indicators.slice(2, 4)).toEqual([yours, ours]);
    expect(merged.performance.projects[1].indicators.slice(0, 2)).toEqual([yourFirst, ourFirst]);
    expect(merged.glossary).toEqual(theirs.glossary);
    expect(merged.responsibilities.slice(-2)).toEqual(["你加的职责", "我加的职责"]);
  });

  it("follows a row moved to another project on one side and edited on the other", () => {
    const mine = edit();
    const [moved] = mine.performance.projects[0].indicators.splice(1, 1);
    mine.performance.projects[4].indicators.push(moved);
    const theirs = edit();
    theirs.performance.projects[0].indicators[1].basis = "新的依据";
    for (const [m, t] of [
      [mine, theirs],
      [theirs, mine],
    ]) {
      const { merged, conflicts } = mergeDisclosures(base, m, t);
      expect(conflicts).toEqual([]);
      expect(ids(merged, 0)).toEqual(ids(mine, 0));
      expect(merged.performance.projects[4].indicators.at(-1)).toEqual({ ...moved, basis: "新的依据" });
    }
  });

  it("settles conflicts one at a time, adjusting the paths of those left open", () => {
    const mine = edit();
    mine.performance.projects[0].indicators.splice(1, 1);
    mine.performance.projects[0].indicators[4].basis = "我的依据";
    const theirs = edit();
    theirs.performance.projects[0].indicators[1].name = "他们改的";
    theirs.performance.projects[0].indicators[5].basis = "他们的依据";
    const result = mergeDisclosures(base, mine, theirs);
    expect(result.conflicts.map((c) => [c.kind, c.path])).toEqual([
      ["row", "performance.projects[0].indicators[1]"],
      ["field", "performance.projects[0].indicators[5].basis"],
    ]);
    const step = resolveConflicts(result, { "performance.projects[0].indicators[1]": "mine" });
    expect(step.conflicts).toEqual([
      expect.objectContaining({
        path: "performance.projects[0].indicators[4].basis",
        label: expect.stringMatching(/指标第 5 行 › 指标值确定依据$/),
      }),
    ]);
    const done = resolveConflicts(step, { "performance.projects[0].indicators[4].basis": "mine" });
    expect(done).toEqual({ merged: mine, conflicts: [] });
  });

  it("keeps both copies of a row copied with its id, rather than taking one for the other", () => {
    const mine = edit();
    mine.performance.projects[4].indicators.push(structuredClone(mine.performance.projects[0].indicators[1]));
    const theirs = edit();
    theirs.performance.projects[0].indicators[1].basis = "新的依据";
    const { merged, conflicts } = mergeDisclosures(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged.performance.projects[0].indicators[1].basis).toBe("新的依据");
    expect(merged.performance.projects[4].indicators).toEqual(mine.performance.projects[4].indicators);
  });

  it("takes a removed optional field as a change", () => {
    const withWeight = setWeight(edit(), 10);
    const mine = structuredClone(withWeight);
    delete mine.performance.projects[0].indicators[0].weight;
    const theirs = structuredClone(withWeight);
    theirs.title = "新标题";
    const { merged, conflicts } = mergeDisclosures(withWeight, mine, theirs);
    expect(conflicts).toEqual([]);
    expect("weight" in merged.performance.projects[0].indicators[0]).toBe(false);
    expect(merged.title).toBe("新标题");
  });
});

describe("mergeDisclosures, properties", () => {
  it("merging two scripts that touch disjoint fields equals applying both, whichever saved first", () => {
    fc.assert(
      fc.property(disjointScripts(base), ({ A, B }) => {
        const expected = applyEdits(applyEdits(base, A), B);
        const a = applyEdits(base, A);
        const b = applyEdits(base, B);
        for (const [mine, theirs] of [
          [a, b],
          [b, a],
        ]) {
          const { merged, conflicts } = mergeDisclosures(base, mine, theirs);
          expect(conflicts).toEqual([]);
          expect(merged).toEqual(expected);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("merge(base, X, base) = X, merge(base, base, X) = X and merge(base, X, X) = X", () => {
    fc.assert(
      fc.property(disjointScripts(base), ({ A, B }) => {
        const x = applyEdits(base, [...A, ...B]);
        for (const result of [
          mergeDisclosures(base, x, base),
          mergeDisclosures(base, base, x),
          mergeDisclosures(base, x, x),
        ]) {
          expect(result).toEqual({ merged: x, conflicts: [] });
        }
      }),
      { numRuns: 40 },
    );
  });
});

function setWeight(d: SavedDisclosure, weight: number): SavedDisclosure {
  d.performance.projects[0].indicators[0].weight = weight;
  return d;
}
