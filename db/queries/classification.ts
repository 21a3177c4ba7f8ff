import { and, asc, eq, lt, max, sql } from "drizzle-orm";
import {
  type ClassificationCatalogue,
  type ClassificationEntry,
  classificationCatalogue,
} from "../../lib/domain/classification";
import { budgetTables, type ClassificationKind, ROW_CLASSIFICATION } from "../../lib/domain/budget-tables";
import type { Db } from "../client";
import { classificationCodes } from "../schema/classification";
import { disclosureSections, disclosures } from "../schema/disclosures";

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

/**
 * The classification codes the year's disclosures use: every row code of their budget tables,
 * wherever a section of the disclosure stores `tables` (the 项目支出表's project rows count as
 * 功能分类). What a new catalogue for the year may not drop.
 */
export async function classificationCodesInUse(
  db: Db,
  fiscalYear: number,
): Promise<Array<{ kind: ClassificationKind; code: string }>> {
  const rows = await db
    .select({ tables: sql<unknown>`${disclosureSections.content} -> 'tables'` })
    .from(disclosureSections)
    .innerJoin(disclosures, eq(disclosures.id, disclosureSections.disclosureId))
    .where(and(eq(disclosures.fiscalYear, fiscalYear), sql`${disclosureSections.content} ? 'tables'`));
  const used = new Map<string, { kind: ClassificationKind; code: string }>();
  for (const { tables } of rows) {
    if (!tables || typeof tables !== "object") continue;
    for (const def of budgetTables) {
      const kind = def.rows?.kind === "project" ? "功能" : def.rows ? ROW_CLASSIFICATION[def.rows.kind] : undefined;
      const stored = (tables as Record<string, { rows?: Array<{ code?: unknown }> }>)[def.id]?.rows;
      if (!kind || !Array.isArray(stored)) continue;
      for (const row of stored)
        if (typeof row?.code === "string" && row.code.trim() !== "")
          used.set(`${kind}:${row.code.trim()}`, { kind, code: row.code.trim() });
    }
  }
  return [...used.values()].sort((a, b) => (a.kind + a.code < b.kind + b.code ? -1 : 1));
}

/** The year's catalogue replaced by `entries` in one statement pair; the caller holds the transaction. */
export async function replaceClassification(
  db: Tx & Pick<Db, "delete">,
  fiscalYear: number,
  entries: ReadonlyArray<ClassificationEntry>,
): Promise<void> {
  await db.delete(classificationCodes).where(eq(classificationCodes.fiscalYear, fiscalYear));
  for (let at = 0; at < entries.length; at += 500)
    await db
      .insert(classificationCodes)
      .values(entries.slice(at, at + 500).map(({ kind, code, name }) => ({ kind, code, name, fiscalYear })));
}
