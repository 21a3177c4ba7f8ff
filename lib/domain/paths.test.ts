import { describe, expect, it } from "vitest";
import { disclosure as disclosureSchema } from "./model";
import { FIELD_LABELS } from "./field-labels";
import { comparePaths, describePath, formatPath, getAt, parsePath, pathPattern, setAt } from "./paths";
import { sanheDraft } from "./__fixtures__/sanhe-draft";

const base = sanheDraft();

describe("formatPath / parsePath", () => {
  it("reads and writes the rules' path form", () => {
    const text = "performance.projects[0].indicators[6].target";
    expect(parsePath(text)).toEqual(["performance", "projects", 0, "indicators", 6, "target"]);
    expect(formatPath(parsePath(text))).toBe(text);
    expect(parsePath("")).toEqual([]);
  });

  it("quotes keys that are not identifiers, and reads them back", () => {
    const segments = ["a", "x.y", 3, "中文"];
    expect(formatPath(segments)).toBe('a["x.y"][3]["中文"]');
    expect(parsePath(formatPath(segments))).toEqual(segments);
  });

  it.each([".a", "a..b", "a[0]b", "a[x]", "a[", "a.[0]", "a b"])("rejects %j", (text) => {
    expect(() => parsePath(text)).toThrow(/malformed path/);
  });
});

describe("getAt / setAt", () => {
  it("reads fields and rows, and undefined for what is not there", () => {
    expect(getAt(base, "budget.income.total")).toBe("2765.39");
    expect(getAt(base, "performance.projects[0].name")).toBe("市志编纂业务费");
    expect(getAt(base, "performance.projects[99].name")).toBeUndefined();
    expect(getAt(base, "budget.income.total.x")).toBeUndefined();
    expect(getAt(base, "budget[0]")).toBeUndefined();
  });

  it("writes a copy and shares every branch it did not touch", () => {
    const next = setAt(base, "performance.projects[0].indicators[6].basis", "往年历史数据");
    expect(next.performance.projects[0].indicators[6].basis).toBe("往年历史数据");
    expect(base.performance.projects[0].indicators[6].basis).not.toBe("往年历史数据");
    expect(next.budget).toBe(base.budget);
    expect(next.performance.projects[1]).toBe(base.performance.projects[1]);
    expect(next.performance.projects[0].indicators[5]).toBe(base.performance.projects[0].indicators[5]);
  });

  it("removes a key or an array element when set to undefined, and creates missing containers", () => {
    const lessWeight = setAt({ a: { weight: 5, name: "x" } }, "a.weight", undefined);
    expect(lessWeight).toEqual({ a: { name: "x" } });
    expect("weight" in lessWeight.a).toBe(false);
    expect(setAt({ rows: [1, 2, 3] }, "rows[1]", undefined)).toEqual({ rows: [1, 3] });
    expect(setAt({}, "a.b[0].c", 1)).toEqual({ a: { b: [{ c: 1 }] } });
  });
});

describe("describePath", () => {
  it("names an indicator cell as the brief shows it", () => {
    expect(describePath("performance.projects[0].indicators[6].target", base)).toBe(
      "五、预算绩效信息 › 项目 1「市志编纂业务费」› 指标第 7 行 › 指标值",
    );
    expect(describePath("performance.projects[0].indicators[6].target")).toBe(
      "五、预算绩效信息 › 项目 1 › 指标第 7 行 › 指标值",
    );
  });

  it("uses the disclosure's own words for figures, whatever section they are in", () => {
    expect(describePath("budget.income.total")).toBe("二、部门预算安排的总体情况 › 收入预算 › 收入合计");
    expect(describePath("budget.expenditure.personnel")).toBe("二、部门预算安排的总体情况 › 支出预算 › 人员经费");
    expect(describePath("threePublic.current.reception")).toBe(
      "四、财政拨款“三公”经费预算情况及增减变化原因 › 本年预算 › 公务接待费",
    );
    expect(describePath("performance.projects[2].indicators[0].basis", base)).toMatch(/指标第 1 行 › 指标值确定依据$/);
    expect(describePath("procurement.items[0].unitPrice", base)).toBe(
      "六、政府采购预算情况 › 采购明细第 1 行「轿车」› 单价",
    );
    expect(describePath("responsibilities[2]")).toBe("一、部门职责及机构设置情况 › 职责第 3 条");
    expect(describePath("orgUnits", base)).toBe("一、部门职责及机构设置情况 › 机构设置");
    expect(describePath("otherMatters")).toBe("九、其他需要说明的事项");
    expect(describePath("department.code")).toBe("部门 › 部门编码");
    expect(describePath("")).toBe("全文");
  });

  it("has a label for every field of the model", () => {
    const patterns = schemaPatterns(disclosureSchema, "");
    expect(patterns).toContain("performance.projects[].indicators[].target.raw");
    expect(patterns).toContain("procurement.items[].funding.other");
    expect(patterns.filter((pattern) => !FIELD_LABELS[pattern])).toEqual([]);
    expect(Object.keys(FIELD_LABELS).length).toBeGreaterThan(100);
  });

  it("never falls back to a key for any path in the fixture", () => {
    const labels = leafPaths(base, [])
      .filter((p) => p.at(-1) !== "id")
      .map((p) => describePath(p, base));
    expect(labels.filter((label) => /[A-Za-z]/.test(label))).toEqual([]);
  });
});

describe("comparePaths", () => {
  it("orders by section, then by the schema's field order, then rows by number", () => {
    const paths = [
      "performance.projects[10].name",
      "assets.other.value",
      "performance.projects[2].indicators[0].basis",
      "budget.expenditure.total",
      "budget.income.other",
      "budget.income.total",
      "title",
      "responsibilities[1]",
    ];
    expect([...paths].sort(comparePaths)).toEqual([
      "title",
      "responsibilities[1]",
      "budget.income.total",
      "budget.income.other",
      "budget.expenditure.total",
      "performance.projects[2].indicators[0].basis",
      "performance.projects[10].name",
      "assets.other.value",
    ]);
  });
});

type SchemaNode = { shape?: Record<string, unknown>; element?: unknown; options?: unknown[]; unwrap?: () => unknown };

/** Every field pattern the zod schema declares, found by walking it. */
function schemaPatterns(node: unknown, prefix: string): string[] {
  let n = node as SchemaNode;
  while (!n.element && typeof n.unwrap === "function") n = n.unwrap() as SchemaNode;
  if (n.element) return schemaPatterns(n.element, `${prefix}[]`);
  const shapes = n.shape ? [n.shape] : (n.options ?? []).map((o) => (o as SchemaNode).shape ?? {});
  const out: string[] = [];
  for (const shape of shapes) {
    for (const [key, child] of Object.entries(shape)) {
      const pattern = prefix ? `${prefix}.${key}` : key;
      out.push(pattern, ...schemaPatterns(child, pattern));
    }
  }
  return [...new Set(out)];
}

function leafPaths(node: unknown, at: Array<string | number>): Array<Array<string | number>> {
  if (Array.isArray(node)) return node.flatMap((v, i) => leafPaths(v, [...at, i]));
  if (node && typeof node === "object") return Object.entries(node).flatMap(([k, v]) => leafPaths(v, [...at, k]));
  return [at];
}

it("pathPattern drops row numbers", () => {
  expect(pathPattern("performance.projects[3].indicators[12].target.raw")).toBe(
    "performance.projects[].indicators[].target.raw",
  );
});
