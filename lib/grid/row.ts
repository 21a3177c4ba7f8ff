import type { Indicator } from "../domain/model";

/**
 * A row of the grid: a canonical indicator with the optional row id the forms carry (the same
 * shape as db/disclosure-shape.ts's EditableIndicator, declared here so lib/ depends on no db code).
 */
export type GridRow = Indicator & { id?: string };
