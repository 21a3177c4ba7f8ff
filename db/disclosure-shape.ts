import { z } from "zod";
import { procurementList, projectList } from "@/lib/domain/limits";
import { disclosure, indicator, performance, procurement, procurementItem, projectFund, type Disclosure } from "@/lib/domain/model";

/**
 * The disclosure as the forms and the database exchange it: the canonical shape plus an optional
 * `id` on each repeating row (project fund, indicator, procurement line).
 *
 * - A row that comes back with the id it was loaded with is the same row: it keeps its id (and
 *   the review comments anchored to it) wherever it moves, even to another project.
 * - A new row may come without an id (the server assigns one) or with a uuid the browser made
 *   (`crypto.randomUUID()`), which is kept unless it already belongs to another disclosure.
 * - `toCanonical` strips the ids: the canonical JSON (exports, snapshots, rules) never has them.
 */
const rowId = z.uuid().optional();

export const editableIndicator = indicator.extend({ id: rowId });
export const editableProjectFund = projectFund.extend({ id: rowId, indicators: z.array(editableIndicator) });
export const editableProcurementItem = procurementItem.extend({ id: rowId });

export const editableDisclosure = disclosure.extend({
  // The same row limits as the canonical lists (lib/domain/limits.ts).
  performance: performance.extend({ projects: projectList(editableProjectFund) }),
  procurement: procurement.extend({ items: procurementList(editableProcurementItem) }),
});

export type EditableDisclosure = z.infer<typeof editableDisclosure>;
export type EditableProjectFund = z.infer<typeof editableProjectFund>;
export type EditableIndicator = z.infer<typeof editableIndicator>;
export type EditableProcurementItem = z.infer<typeof editableProcurementItem>;

/** The canonical JSON: zod's default of stripping unknown keys drops the row ids. */
export function toCanonical(d: EditableDisclosure | Disclosure): Disclosure {
  return disclosure.parse(d);
}

/** JSON text with object keys sorted at every depth: stable whatever order jsonb gives them back in. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
