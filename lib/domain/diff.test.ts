import { describe, expect, it } from "vitest";
import { diffDisclosures, summariseChanges } from "./diff";
import { newIndicator, sanheDraft } from "./__fixtures__/sanhe-draft";

const base = sanheDraft();
const edit = () => structuredClone(base);

describe("diffDisclosures", () => {
  it("finds nothing between a disclosure and itself, or a copy with its keys in another order", () => {
    expect(diffDisclosures(base, base)).toEqual([]);
    const reordered = JSON.parse(
      JSON.stringify(base, (_k, v: unknown) =>
        v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
      ),
    ) as unknown;
    expect(diffDisclosures(base, reordered)).toEqual([]);
  });

  it("reports one changed cell as exactly that change, with its path, row and label", () => {
    const after = edit();
    const row = after.performance.projects[0].indicators[6];
    row.basis = "往年历史数据";
    expect(diffDisclosures(base, after)).toEqual([
      {
        path: "performance.projects[0].indicators[6].basis",
        kind: "changed",
        before: base.performance.projects[0].indicators[6].basis,
        after: "往年历史数据",
        rowId: row.id,
        label: "五、预算绩效信息 › 项目 1「市志编纂业务费」› 指标第 7 行 › 指标值确定依据",
      },
    ]);
  });

  it("compares amounts as the exact text and a target by what was written", () => {
    const after = edit();
    after.budget.income.total = "2765.40";
    const reparsed = edit();
    reparsed.performance.projects[0].indicators[6].target = { raw: "=10", kind: "unparsed" };
    expect(diffDisclosures(base, reparsed)).toEqual([]);
    const retyped = edit();
    retyped.performance.projects[0].indicators[6].target = {
      raw: "≥95%",
      kind: "quantitative",
      operator: ">=",
      value: "95",
      unit: "%",
    };
    const [change] = diffDisclosures(base, retyped);
    expect(change).toMatchObject({
      path: "performance.projects[0].indicators[6].target",
      kind: "changed",
      label: expect.stringMatching(/指标值$/),
    });
    expect(change.before).toEqual(base.performance.projects[0].indicators[6].target);
    expect(diffDisclosures(base, after)).toMatchObject([
      {
        path: "budget.income.total",
        before: "2765.39",
        after: "2765.40",
        label: "二、部门预算安排的总体情况 › 收入预算 › 收入合计",
      },
    ]);
  });

  it("sees a moved indicator row as one move, not a removal and an addition, and lists what changed in it", () => {
    const after = edit();
    const rows = after.performance.projects[1].indicators;
    const [moving] = rows.splice(1, 1);
    rows.splice(6, 0, moving);
    expect(diffDisclosures(base, after)).toEqual([
      {
        path: "performance.projects[1].indicators[6]",
        kind: "moved",
        from: "performance.projects[1].indicators[1]",
        rowId: moving.id,
        label: "五、预算绩效信息 › 项目 2「政务公开专项经费」› 指标第 7 行",
      },
    ]);
    moving.description = "改写的描述";
    const changes = diffDisclosures(base, after);
    expect(changes.map((c) => [c.kind, c.path])).toEqual([
      ["moved", "performance.projects[1].indicators[6]"],
      ["changed", "performance.projects[1].indicators[6].description"],
    ]);
  });

  it("follows a row moved to another project's table", () => {
    const after = edit();
    const [moving] = after.performance.projects[0].indicators.splice(2, 1);
    after.performance.projects[3].indicators.unshift(moving);
    expect(diffDisclosures(base, after)).toEqual([
      expect.objectContaining({
        kind: "moved",
        path: "performance.projects[3].indicators[0]",
        from: "performance.projects[0].indicators[2]",
        rowId: moving.id,
      }),
    ]);
  });

  it("reports added and removed rows as units, a removal by its old position", () => {
    const after = edit();
    const added = newIndicator("新增培训");
    after.performance.projects[2].indicators.splice(1, 0, added);
    const removed = after.performance.projects[4].indicators.splice(3, 1)[0];
    const item = after.procurement.items.pop()!;
    const changes = diffDisclosures(base, after);
    expect(changes).toEqual([
      expect.objectContaining({
        kind: "added",
        path: "performance.projects[2].indicators[1]",
        after: added,
        rowId: added.id,
      }),
      expect.objectContaining({
        kind: "removed",
        path: "performance.projects[4].indicators[3]",
        before: removed,
        rowId: removed.id,
      }),
      expect.objectContaining({
        kind: "removed",
        path: `procurement.items[${base.procurement.items.length - 1}]`,
        rowId: item.id,
      }),
    ]);
    // The inserted row pushed the rows below it down without moving them.
    expect(changes.some((c) => c.kind === "moved")).toBe(false);
    expect(changes[1].label).toMatch(/^五、预算绩效信息 › 项目 5「.+」› 指标第 4 行$/);
  });

  it("reports a row copied with its id as an added row, leaving the original alone", () => {
    const after = edit();
    const copy = structuredClone(after.performance.projects[0].indicators[1]);
    after.performance.projects[4].indicators.push(copy);
    expect(diffDisclosures(base, after)).toEqual([
      expect.objectContaining({
        kind: "added",
        path: `performance.projects[4].indicators[${base.performance.projects[4].indicators.length}]`,
        after: copy,
      }),
    ]);
  });

  it("matches rows without an id by position", () => {
    const after = edit();
    after.orgUnits[0].level = "副处级";
    after.glossary.push({ term: "新名词", definition: "释义" });
    after.responsibilities.splice(0, 1);
    const changes = diffDisclosures(base, after);
    expect(changes.filter((c) => c.path === "orgUnits[0].level")).toMatchObject([
      {
        kind: "changed",
        after: "副处级",
        label: "一、部门职责及机构设置情况 › 单位第 1 行「三河市人民政府办公室」› 单位规格",
      },
    ]);
    expect(changes.filter((c) => c.path.startsWith("responsibilities"))).toHaveLength(base.responsibilities.length);
    expect(changes.at(-1)).toMatchObject({ kind: "added", path: `glossary[${base.glossary.length}]` });
  });

  it("orders changes by section, then as the form reads", () => {
    const after = edit();
    after.otherMatters = "有";
    after.assets.vehicles.count = 21;
    after.performance.projects[3].goal = "新目标";
    after.threePublic.current.reception = "160.00";
    after.budget.expenditure.total = "1.00";
    after.budget.income.total = "1.00";
    after.title = "新标题";
    expect(diffDisclosures(base, after).map((c) => c.path)).toEqual([
      "title",
      "budget.income.total",
      "budget.expenditure.total",
      "threePublic.current.reception",
      "performance.projects[3].goal",
      "assets.vehicles.count",
      "otherMatters",
    ]);
  });

  it("reports an optional field appearing as a change of that field", () => {
    const after = edit();
    after.performance.projects[0].indicators[0].weight = 10;
    expect(diffDisclosures(base, after)).toMatchObject([
      {
        path: "performance.projects[0].indicators[0].weight",
        kind: "changed",
        before: undefined,
        after: 10,
        label: expect.stringMatching(/权重$/),
      },
    ]);
  });
});

describe("summariseChanges", () => {
  it("counts per section in the disclosure's order", () => {
    const after = edit();
    after.performance.projects[0].indicators.reverse();
    after.performance.projects[0].indicators.push(newIndicator("新指标"));
    after.budget.income.total = "1.00";
    after.title = "新标题";
    after.procurement.items[0].quantity = 4;
    const n = base.performance.projects[0].indicators.length;
    expect(summariseChanges(diffDisclosures(base, after))).toEqual([
      { section: null, title: "标题及基本信息", added: 0, removed: 0, changed: 1, moved: 0, total: 1 },
      { section: "budget", title: "二、部门预算安排的总体情况", added: 0, removed: 0, changed: 1, moved: 0, total: 1 },
      // Reversing n rows moves all but one of them.
      { section: "performance", title: "五、预算绩效信息", added: 1, removed: 0, changed: 0, moved: n - 1, total: n },
      { section: "procurement", title: "六、政府采购预算情况", added: 0, removed: 0, changed: 1, moved: 0, total: 1 },
    ]);
    expect(summariseChanges([])).toEqual([]);
  });
});
