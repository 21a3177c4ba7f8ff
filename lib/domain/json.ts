/**
 * Plain-JSON helpers for the diff, the merge and the paths. They work on any JSON value rather
 * than on `Disclosure`, so the same code serves the canonical JSON and the editable form that
 * carries a row `id` on project funds, indicators and procurement lines.
 */

export type JsonObject = { readonly [key: string]: unknown };

export function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The row identity: an object element's string `id`; rows without one are matched by index. */
export function rowIdOf(value: unknown): string | undefined {
  return isPlainObject(value) && typeof value.id === "string" ? value.id : undefined;
}

export type RowIdOf = (value: unknown) => string | undefined;

/**
 * Row identity for a diff or a merge of these documents. An id that occurs twice in one document
 * (a row copied with its id) identifies neither copy, so both fall back to their positions rather
 * than one of them being taken for the other and dropped.
 */
export function rowIdentity(...docs: ReadonlyArray<unknown>): RowIdOf {
  const repeated = new Set<string>();
  for (const doc of docs) {
    const seen = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) {
        for (const element of node) {
          const id = rowIdOf(element);
          if (id !== undefined) (seen.has(id) ? repeated : seen).add(id);
          walk(element);
        }
      } else if (isPlainObject(node)) for (const key in node) walk(node[key]);
    };
    walk(doc);
  }
  if (repeated.size === 0) return rowIdOf;
  return (value) => {
    const id = rowIdOf(value);
    return id !== undefined && !repeated.has(id) ? id : undefined;
  };
}

/**
 * A 指标值 is one fact however it was parsed: comparing it part by part would report (or merge)
 * a changed operator apart from its number, so it is compared and merged as a whole, by `raw`.
 */
export function isTarget(value: unknown): value is JsonObject & { raw: string; kind: string } {
  return isPlainObject(value) && typeof value.raw === "string" && typeof value.kind === "string";
}

/** Structural equality; key order does not matter (jsonb does not keep it), `undefined` keys count as absent. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], bb[i])) return false;
    return true;
  }
  const ao = a as JsonObject;
  const bo = b as JsonObject;
  let defined = 0;
  for (const key in ao) {
    if (ao[key] === undefined) continue;
    defined++;
    if (!deepEqual(ao[key], bo[key])) return false;
  }
  for (const key in bo) if (bo[key] !== undefined) defined--;
  return defined === 0;
}

/** Keys of all the objects, first seen first. */
export function unionKeys(...objects: ReadonlyArray<JsonObject>): string[] {
  const keys = new Set<string>();
  for (const o of objects) for (const key in o) keys.add(key);
  return [...keys];
}

/** True when `value` holds (at any depth) a row whose id is in `ids`. */
export function containsRowId(value: unknown, ids: ReadonlySet<string>): boolean {
  if (Array.isArray(value)) return value.some((v) => containsRowId(v, ids));
  if (!isPlainObject(value)) return false;
  const id = rowIdOf(value);
  if (id !== undefined && ids.has(id)) return true;
  for (const key in value) if (containsRowId(value[key], ids)) return true;
  return false;
}

/** Positions of `seq` not in a longest common subsequence with `other`: what moved, as few as possible. */
export function outOfOrder(seq: ReadonlyArray<string>, other: ReadonlyArray<string>): Set<string> {
  const n = seq.length;
  const m = other.length;
  const table: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i][j] = seq[i] === other[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  const kept = new Set<string>();
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (seq[i] === other[j]) {
      kept.add(seq[i]);
      i++;
      j++;
    } else if (table[i + 1][j] >= table[i][j + 1]) i++;
    else j++;
  }
  return new Set(seq.filter((key) => !kept.has(key)));
}

/** JSON text with object keys sorted at every depth: stable whatever order jsonb gives them back in. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}
