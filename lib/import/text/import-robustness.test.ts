import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { disclosure as disclosureSchema } from "../../domain/model";
import { finding } from "../../rules/finding";
import { importDisclosure, importDisclosureText, type ImportResult } from "./import-disclosure";
import { sanhe2020Text } from "../../domain/__fixtures__/sanhe-2020";

const fixture = sanhe2020Text();
const fixtureLines = fixture.split("\n");

/**
 * Whatever the input, the importer returns a result, and a readable result is a disclosure the
 * schema accepts, apart from a department it could not find (the clerk then names it).
 */
function assertWellFormed(result: ImportResult): void {
  expect(Array.isArray(result.problems)).toBe(true);
  for (const p of result.problems) expect(typeof p.message).toBe("string");
  for (const f of result.findings) expect(finding.parse(f)).toEqual(f);
  const parsed = disclosureSchema.safeParse(result.disclosure);
  const issues = parsed.success ? [] : parsed.error.issues.filter((i) => i.path[0] !== "department");
  expect(issues).toEqual([]);
}

type Mutation =
  | { kind: "delete"; at: number; count: number }
  | { kind: "duplicate"; at: number; count: number }
  | { kind: "swap"; a: number; b: number }
  | { kind: "insert"; at: number; text: string }
  | { kind: "truncate"; at: number }
  | { kind: "tabs"; at: number };

const lineIndex = fc.nat({ max: fixtureLines.length - 1 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: lineIndex, count: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant("duplicate" as const), at: lineIndex, count: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant("swap" as const), a: lineIndex, b: lineIndex }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: lineIndex,
    text: fc.oneof(
      fc.string(),
      fc.constantFrom(
        "\t",
        "\t合计",
        "一、部门职责",
        "五、预算绩效",
        "1、x绩效目标表",
        "\t一级指标",
        "绩效目标：",
        "增加万元",
        "较2019年减少-万元",
      ),
    ),
  }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat({ max: fixture.length }) }),
  fc.record({ kind: fc.constant("tabs" as const), at: lineIndex }),
);

function mutate(mutations: ReadonlyArray<Mutation>): string {
  let lines = [...fixtureLines];
  for (const m of mutations) {
    if (m.kind === "delete") lines.splice(m.at, m.count);
    if (m.kind === "duplicate") lines.splice(m.at, 0, ...lines.slice(m.at, m.at + m.count));
    if (m.kind === "swap" && m.a < lines.length && m.b < lines.length)
      [lines[m.a], lines[m.b]] = [lines[m.b], lines[m.a]];
    if (m.kind === "insert") lines.splice(m.at, 0, m.text);
    if (m.kind === "truncate") lines = lines.join("\n").slice(0, m.at).split("\n");
    if (m.kind === "tabs" && m.at < lines.length)
      lines[m.at] = lines[m.at].startsWith("\t") ? lines[m.at].slice(1) : `\t${lines[m.at]}`;
  }
  return lines.join("\n");
}

describe("the importer never throws", () => {
  it("on random text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), (text) =>
        assertWellFormed(importDisclosureText(text)),
      ),
      { numRuns: 300 },
    );
  });

  it("on random bytes, as text or as JSON", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.constantFrom(undefined, "a.txt", "a.json"), (bytes, name) => {
        assertWellFormed(importDisclosure(bytes, name));
      }),
      { numRuns: 300 },
    );
  });

  it("on random mutations of the fixture", () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => {
        const result = importDisclosureText(mutate(mutations));
        assertWellFormed(result);
      }),
      { numRuns: 400 },
    );
  });

  it("on random JSON values", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => assertWellFormed(importDisclosure(JSON.stringify(value), "x.json"))),
      { numRuns: 200 },
    );
  });
});
