import { z } from "zod";
import { procurementList, projectList } from "./limits";
import {
  disclosure,
  indicator,
  performance,
  procurement,
  procurementItem,
  projectFund,
  type Disclosure,
} from "./model";

/**
 * The disclosure as the forms, the grid and the database exchange it: the canonical shape
 * (model.ts) plus an `id` on each repeating row (project fund, indicator, procurement line). The
 * one declaration of a row with its id: the grid's rows, the browser's new rows and the tests'
 * drafts are these types, never copies of their fields.
 *
 * - A row that comes back with the id it was loaded with is the same row: it keeps its id (and
 *   the review comments anchored to it, anchors.ts) wherever it moves, even to another project.
 * - A new row may come without an id (the server assigns one) or with a uuid the browser made
 *   (`newRowId`), which is kept unless it already belongs to another disclosure.
 * - `toCanonical` strips the ids: the canonical JSON (exports, snapshots, rules) never has them.
 */
function withRowIds<Id extends z.ZodType<string | undefined>>(id: Id) {
  const rowIndicator = indicator.extend({ id });
  const rowProjectFund = projectFund.extend({ id, indicators: z.array(rowIndicator) });
  const rowProcurementItem = procurementItem.extend({ id });
  const rowDisclosure = disclosure.extend({
    // The same row limits as the canonical lists (limits.ts).
    performance: performance.extend({ projects: projectList(rowProjectFund) }),
    procurement: procurement.extend({ items: procurementList(rowProcurementItem) }),
  });
  return {
    indicator: rowIndicator,
    projectFund: rowProjectFund,
    procurementItem: rowProcurementItem,
    disclosure: rowDisclosure,
  };
}

/** What a save may send: a row's id is optional (a row just made may have none yet). */
const editable = withRowIds(z.uuid().optional());
/** What the database holds and gives back: every row has its id. */
const saved = withRowIds(z.uuid());

export const editableDisclosure = editable.disclosure;
export const editableProjectFund = editable.projectFund;
export const editableIndicator = editable.indicator;
export const editableProcurementItem = editable.procurementItem;
export const savedDisclosure = saved.disclosure;

export type EditableDisclosure = z.infer<typeof editableDisclosure>;
export type EditableProjectFund = z.infer<typeof editableProjectFund>;
export type EditableIndicator = z.infer<typeof editableIndicator>;
export type EditableProcurementItem = z.infer<typeof editableProcurementItem>;
export type SavedDisclosure = z.infer<typeof savedDisclosure>;
export type SavedProjectFund = z.infer<typeof saved.projectFund>;
export type SavedIndicator = z.infer<typeof saved.indicator>;
export type SavedProcurementItem = z.infer<typeof saved.procurementItem>;

/** The canonical JSON: zod's default of stripping unknown keys drops the row ids. */
export function toCanonical(d: EditableDisclosure | Disclosure): Disclosure {
  return disclosure.parse(d);
}

/** A uuid for a new row, made where the row is made (ids let review comments follow rows). */
export function newRowId(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * The content with an id on every row that lacks one; the same object when none does. The
 * browser gives each project fund, indicator and procurement line its id the moment it is made,
 * so a row is the same row in every save: the merge follows it by id and a review comment stays
 * on it when rows move.
 */
export function ensureRowIds<T extends EditableDisclosure>(content: T, makeId: () => string = newRowId): T {
  const missing =
    content.procurement.items.some((i) => !i.id) ||
    content.performance.projects.some((p) => !p.id || p.indicators.some((i) => !i.id));
  if (!missing) return content;
  // Lists are rebuilt with the same element types plus ids, so T still describes the result.
  return {
    ...content,
    performance: {
      ...content.performance,
      projects: content.performance.projects.map((p) => ({
        ...p,
        id: p.id ?? makeId(),
        indicators: p.indicators.map((i) => (i.id ? i : { ...i, id: makeId() })),
      })),
    },
    procurement: {
      ...content.procurement,
      items: content.procurement.items.map((i) => (i.id ? i : { ...i, id: makeId() })),
    },
  } as T;
}
