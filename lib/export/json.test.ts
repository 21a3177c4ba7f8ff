import { describe, expect, it } from "vitest";
import { importDisclosure } from "../import/text/import-disclosure";
import { canonicalJson, InvalidDisclosureError, renderJson } from "./json";
import { sanhe2020, sanhe2020GoldenJson } from "../domain/__fixtures__/sanhe-2020";

const goldenFile = sanhe2020GoldenJson();

/** The same object with every object's keys in reverse order. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversed(v)]),
  );
}

describe("canonicalJson", () => {
  it("writes the golden file byte for byte: schema key order, total first, 2-space indent, final newline", () => {
    expect(canonicalJson(sanhe2020())).toBe(goldenFile);
  });

  it("does not depend on the order the object was built in", () => {
    expect(canonicalJson(reversed(sanhe2020()))).toBe(goldenFile);
  });

  it("refuses to write a disclosure the schema rejects, and says where", () => {
    const bad = structuredClone(sanhe2020()) as unknown as { budget: { income: { total: string } } };
    bad.budget.income.total = "2765.4";
    expect(() => canonicalJson(bad)).toThrow(InvalidDisclosureError);
    expect(() => canonicalJson(bad)).toThrow(/budget\.income\.total 金额须为两位小数的万元数/);
  });

  it("is read back by the importer as the same disclosure", () => {
    const back = importDisclosure(renderJson(sanhe2020()), "sanhe.json");
    expect(back.problems).toEqual([]);
    expect(back.disclosure).toEqual(sanhe2020());
  });
});
