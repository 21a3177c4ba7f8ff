/**
 * Every project fund, indicator and procurement line gets its uuid in the browser the moment it
 * is made (db/disclosure-shape.ts allows that), so a row is the same row in every save: the
 * merge follows it by id and a review comment stays on it when rows move.
 */
type Row = { id?: string };
type WithIds = {
  performance: { projects: ReadonlyArray<Row & { indicators: ReadonlyArray<Row> }> };
  procurement: { items: ReadonlyArray<Row> };
};

export function newRowId(): string {
  return globalThis.crypto.randomUUID();
}

/** The content with an id on every row that lacks one; the same object when none does. */
export function ensureRowIds<T extends WithIds>(content: T, makeId: () => string = newRowId): T {
  // Lists are rebuilt with the same element types plus ids, so T still describes the result.
  const missing =
    content.procurement.items.some((i) => !i.id) || content.performance.projects.some((p) => !p.id || p.indicators.some((i) => !i.id));
  if (!missing) return content;
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
    procurement: { ...content.procurement, items: content.procurement.items.map((i) => (i.id ? i : { ...i, id: makeId() })) },
  } as T;
}
