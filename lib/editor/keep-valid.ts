import type { z } from "zod";
import { formatPath, getAt, setAt, type PathSegment } from "../domain/paths";

/**
 * A section form holds what the clerk typed, readable or not; the draft that is saved holds only
 * what the section's zod schema accepts. For each field that fails, the last accepted value stays
 * in the draft and the typed text is reported (by canonical path) to be kept and shown verbatim.
 */
export type Kept<T> = { value: T; invalid: Record<string, unknown> };

export function keepValid<T>(schema: z.ZodType<T>, typed: unknown, previous: T): Kept<T> {
  const invalid: Record<string, unknown> = {};
  const tried = new Map<string, number>();
  let candidate = typed;
  for (let round = 0; round < 4; round++) {
    const parsed = schema.safeParse(candidate);
    if (parsed.success) return { value: parsed.data, invalid };
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((s): s is PathSegment => typeof s === "string" || typeof s === "number");
      const key = formatPath(path);
      if (!(key in invalid)) invalid[key] = getAt(typed, path);
      const attempt = tried.get(key) ?? 0;
      tried.set(key, attempt + 1);
      // The last accepted value; for a row that is new since, an empty figure, then empty text.
      const fallback = attempt === 0 ? (getAt(previous, path) ?? null) : attempt === 1 ? null : "";
      candidate = setAt(candidate, path, fallback);
    }
  }
  return { value: previous, invalid };
}
