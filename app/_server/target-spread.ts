import { cache } from "react";
import { getDb } from "@/db/client";
import { yearTargetSpread } from "@/db/queries/target-spread";

/**
 * The year's spread of the common indicators, less the department's own (db/queries/target-spread.ts):
 * read once per request however many parts of a page ask, and handed to the browser whole, so a
 * focused cell looks its metric up there instead of asking the server on every move.
 */
export const yearSpreadOnce = cache((fiscalYear: number, exceptDepartmentCode: string) =>
  yearTargetSpread(getDb(), fiscalYear, exceptDepartmentCode),
);
