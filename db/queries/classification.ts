import { asc, eq, lt, max } from "drizzle-orm";
import {
  type ClassificationCatalogue,
  type ClassificationEntry,
  classificationCatalogue,
} from "../../lib/domain/classification";
import type { ClassificationKind } from "../../lib/domain/budget-tables";
import type { Db } from "../client";
import { classificationCodes } from "../schema/classification";

type Tx = Pick<Db, "select" | "insert">;

async function entriesOf(db: Tx, year: number): Promise<ClassificationEntry[]> {
  const rows = await db
    .select({ kind: classificationCodes.kind, code: classificationCodes.code, name: classificationCodes.name })
    .from(classificationCodes)
    .where(eq(classificationCodes.fiscalYear, year))
    .orderBy(asc(classificationCodes.kind), asc(classificationCodes.code));
  return rows.map((r) => ({ ...r, kind: r.kind as ClassificationKind }));
}

/**
 * A fiscal year's classification catalogue. A year with no codes of its own gets a copy of the
 * nearest earlier year's, written for it, the first time it is asked for: the 《政府收支分类科目》
 * changes a little each year, so last year's is the best start, and the admin then imports the new
 * one over it. Null when no earlier year has a catalogue either.
 */
export async function loadClassificationCatalogue(db: Db, fiscalYear: number): Promise<ClassificationCatalogue | null> {
  const own = await entriesOf(db, fiscalYear);
  if (own.length > 0) return classificationCatalogue(fiscalYear, own);
  return db.transaction(async (tx) => {
    const [{ year }] = await tx
      .select({ year: max(classificationCodes.fiscalYear) })
      .from(classificationCodes)
      .where(lt(classificationCodes.fiscalYear, fiscalYear));
    if (year == null) return null;
    const earlier = await entriesOf(tx, year);
    await tx
      .insert(classificationCodes)
      .values(earlier.map((e) => ({ ...e, fiscalYear })))
      .onConflictDoNothing();
    return classificationCatalogue(fiscalYear, await entriesOf(tx, fiscalYear), year);
  });
}

/** Seeds a year from a list of entries, keeping what is there (an admin's import wins over the shipped subset). */
export async function seedClassification(db: Tx, fiscalYear: number, entries: ReadonlyArray<ClassificationEntry>) {
  if (entries.length === 0) return;
  await db
    .insert(classificationCodes)
    .values(entries.map((e) => ({ ...e, fiscalYear })))
    .onConflictDoNothing();
}
