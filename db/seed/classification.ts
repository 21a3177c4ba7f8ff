import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  type ClassificationCatalogue,
  type ClassificationEntry,
  classificationCatalogue,
  parseClassificationTsv,
} from "../../lib/domain/classification";

/**
 * The classification catalogues shipped with the app: one sheet per fiscal year,
 * `db/seed/classification-<year>.tsv`. Only 2020 so far, and only a starting subset of it (the
 * codes a government office and the demo departments use); an admin imports the whole year's.
 */
export const SHIPPED_CLASSIFICATION_YEARS = [2020] as const;

/** Beside this file, or under the working directory once bundled (as db/migrate.ts finds its migrations). */
function sheetPath(year: number): string {
  const name = `classification-${year}.tsv`;
  const besideSource = fileURLToPath(new URL(`./${name}`, import.meta.url));
  return existsSync(besideSource) ? besideSource : path.resolve(process.cwd(), "db/seed", name);
}

const cache = new Map<number, ClassificationEntry[]>();

export function shippedClassification(year: number): ClassificationEntry[] {
  let entries = cache.get(year);
  if (!entries) {
    entries = parseClassificationTsv(readFileSync(sheetPath(year), "utf8"));
    cache.set(year, entries);
  }
  return entries;
}

/**
 * The shipped catalogue for a fiscal year, for tools without a database (the CLI): the year's own
 * sheet, or the nearest earlier year's when it has none (as the database does,
 * db/queries/classification.ts); null before the first shipped year.
 */
export function shippedCatalogue(fiscalYear: number): ClassificationCatalogue | null {
  const source = [...SHIPPED_CLASSIFICATION_YEARS].reverse().find((y) => y <= fiscalYear);
  return source === undefined ? null : classificationCatalogue(fiscalYear, shippedClassification(source), source);
}
