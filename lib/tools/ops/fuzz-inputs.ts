import fc from "fast-check";
import type { z } from "zod";

/**
 * Hostile inputs for the operation fuzzer (app/_server/fuzz.test.ts): the values an attacker or a
 * broken client sends — injection strings, huge and odd text, wrong types, ids of real rows — put
 * in the places an operation's schema names, and random edits deep inside a valid object.
 */

export const NASTY_STRINGS = [
  "",
  " ",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "'; DROP TABLE disclosures; --",
  "' OR '1'='1",
  "%00",
  "\u0000",
  "\u202e\u200b\ufeff",
  // Half a surrogate pair, a bell, an isolate, a 301-digit amount (issue 13).
  "\ud800",
  "x\udfff",
  "\u0007",
  "\u2066x\u2069",
  `${"9".repeat(301)}.00`,
  "../../../../etc/passwd",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, sent as plain text on purpose.
  "${7*7}{{7*7}}",
  "__proto__",
  "constructor",
  "NaN",
  "Infinity",
  "-1",
  "0",
  "1e309",
  "9999999999999999999999.99",
  "-0.00",
  "2020",
  "true",
  "on",
  "all",
  "draft",
  "published",
  "𠮷𠮷𠮷🀄️",
  "三河市人民政府办公室",
  "甲".repeat(5000),
  "x".repeat(200_000),
];

export const nastyScalar = (ids: readonly string[]): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...ids) },
    { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: fc.integer({ min: -3, max: 2030 }) },
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.integer(),
        fc.double(),
        fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -0, 1e308, Number.NaN, Number.POSITIVE_INFINITY),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<unknown>(true, false, null, undefined, [], {}, new Uint8Array([0, 255, 80, 75, 3, 4])),
    },
  );

export const nastyValue = (ids: readonly string[]): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 5, arbitrary: nastyScalar(ids) },
    { weight: 1, arbitrary: fc.array(nastyScalar(ids), { maxLength: 4 }) },
    {
      weight: 1,
      arbitrary: fc.dictionary(
        fc.constantFrom("id", "name", "__proto__", "constructor", "code", "value"),
        nastyScalar(ids),
        { maxKeys: 3 },
      ),
    },
  );

/** The top-level keys an operation's input schema declares (none for a non-object schema). */
export function schemaKeys(schema: z.ZodType): string[] {
  let s: unknown = schema;
  // Unwrap the wrappers an input schema is commonly built from (pipe/transform, optional, default).
  for (let i = 0; i < 5; i++) {
    const def = (s as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) break;
    if (def.type === "object") return Object.keys((s as z.ZodObject).shape);
    s = def.in ?? def.innerType ?? def.schema;
    if (!s) break;
  }
  return [];
}

/** The leaf paths of a JSON-like value ([] for the value itself). */
export function leafPaths(
  value: unknown,
  prefix: Array<string | number> = [],
  out: Array<Array<string | number>> = [],
): Array<Array<string | number>> {
  if (Array.isArray(value)) value.forEach((v, i) => leafPaths(v, [...prefix, i], out));
  else if (value && typeof value === "object" && !(value instanceof Uint8Array))
    for (const [k, v] of Object.entries(value)) leafPaths(v, [...prefix, k], out);
  else out.push(prefix);
  return out;
}

/** A copy of `value` with the leaf at `path` replaced (a deep clone along the path only). */
export function withLeaf(value: unknown, path: ReadonlyArray<string | number>, leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? withLeaf(v, rest, leaf) : v));
  const record = value as Record<string, unknown>;
  return { ...record, [head]: withLeaf(record[head], rest, leaf) };
}

/** A valid object with a few of its leaves replaced by hostile values. */
export function mutated(seed: unknown, ids: readonly string[]): fc.Arbitrary<unknown> {
  const paths = leafPaths(seed);
  if (paths.length === 0) return fc.constant(seed);
  return fc
    .array(fc.tuple(fc.constantFrom(...paths), nastyValue(ids)), { minLength: 1, maxLength: 3 })
    .map((edits) => edits.reduce<unknown>((acc, [path, leaf]) => withLeaf(acc, path, leaf), seed));
}

/** A value that could be right for a key of this name, so that inputs also get past validation. */
export function plausibleFor(key: string, ids: readonly string[]): fc.Arbitrary<unknown> {
  if (/Ids$/.test(key)) return fc.array(fc.constantFrom(...ids), { maxLength: 3 });
  if (/(^id|Id)$/.test(key)) return fc.constantFrom(...ids);
  if (/[vV]ersion$/.test(key))
    return fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }).map(String));
  if (/[yY]ear$/.test(key)) return fc.constantFrom(2020, 2021, 2022, 2023, 2024, "2022");
  if (/^(active|disabled|resolved|enabled)$/.test(key)) return fc.constantFrom("true", "false", "on", true, false);
  if (/(code|Code)$/.test(key)) return fc.constantFrom("434", "501", "other", "inconsistent-data", "x-1");
  if (/(position|page|size)$/i.test(key)) return fc.integer({ min: 0, max: 20 });
  return fc.oneof(
    fc.constantFrom("三河市", "请补充说明。", "示例", "performance.projects[0].indicators[0]", "preamble"),
    fc.string({ unit: "grapheme", maxLength: 12 }),
  );
}

/** Inputs for one operation: anything at all, its own keys with hostile values, or a seed mutated. */
export function inputsFor(
  schema: z.ZodType,
  ids: readonly string[],
  seeds: Record<string, unknown>,
): fc.Arbitrary<unknown> {
  const keys = schemaKeys(schema);
  const shaped = keys.length
    ? fc.record(
        Object.fromEntries(
          keys.map((k) => [
            k,
            k in seeds
              ? fc.oneof(mutated(seeds[k], ids), fc.constant(seeds[k]), nastyValue(ids))
              : fc.oneof({ weight: 3, arbitrary: plausibleFor(k, ids) }, { weight: 1, arbitrary: nastyValue(ids) }),
          ]),
        ),
        { requiredKeys: [] },
      )
    : fc.constant({});
  return fc.oneof(
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
    { weight: 1, arbitrary: nastyValue(ids) },
    { weight: 5, arbitrary: shaped },
  );
}
