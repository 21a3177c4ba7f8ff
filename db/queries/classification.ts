import { and, asc, count, eq, lt, max, sql } from "drizzle-orm";
import {
  type CatalogueChanges,
  type ClassificationCatalogue,
  type ClassificationEntry,
  classificationCatalogue,
  codesMissing,
  codesToKeep,
  compareCatalogues,
} from "../../lib/domain/classification";
import { budgetTables, type ClassificationKind, ROW_CLASSIFICATION } from "../../lib/domain/budget-tables";
import { adminMessages } from "../../lib/i18n/zh-CN/admin";
import { UserError } from "../../lib/errors";
import type { Db } from "../client";
import { classificationCatalogues, classificationCodes } from "../schema/classification";
import { disclosureSections, disclosures } from "../schema/disclosures";
import { appendAudit } from "./audit";

type Tx = Pick<Db, "select" | "insert">;

async function entriesOf(db: Tx, year: number): Promise<ClassificationEntry[]> {
  const rows = await db
    .select({ kind: classificationCodes.kind, code: classificationCodes.code, name: classificationCodes.name })
    .from(classificationCodes)
    .where(eq(classificationCodes.fiscalYear, year))
    .orderBy(asc(classificationCodes.kind), asc(classificationCodes.code));
  return rows.map((r) => ({ ...r, kind: r.kind as ClassificationKind }));
}

/** The year whose catalogue `year`'s copies, or `year` itself when its catalogue is its own. */
async function sourceOf(db: Tx, year: number): Promise<number> {
  const [row] = await db
    .select({ copiedFrom: classificationCatalogues.copiedFrom })
    .from(classificationCatalogues)
    .where(eq(classificationCatalogues.fiscalYear, year));
  return row?.copiedFrom ?? year;
}

/**
 * A fiscal year's classification catalogue. A year with no codes of its own gets a copy of the
 * nearest earlier year's, written for it, the first time it is asked for: the 《政府收支分类科目》
 * changes a little each year, so last year's is the best start, and the admin then imports the new
 * one over it. The copy is kept for the year (a later change to the earlier year's leaves it be),
 * and so is where it came from: the catalogue's sourceYear says the year is still on another
 * year's codes until its own are imported. Null when no earlier year has a catalogue either.
 */
export async function loadClassificationCatalogue(db: Db, fiscalYear: number): Promise<ClassificationCatalogue | null> {
  const own = await entriesOf(db, fiscalYear);
  if (own.length > 0) return classificationCatalogue(fiscalYear, own, await sourceOf(db, fiscalYear));
  return db.transaction(async (tx) => {
    const [{ year }] = await tx
      .select({ year: max(classificationCodes.fiscalYear) })
      .from(classificationCodes)
      .where(lt(classificationCodes.fiscalYear, fiscalYear));
    if (year == null) return null;
    // The year's provenance row first: an import or another copy under way holds it, and this waits
    // for that to commit instead of mixing last year's codes into what it wrote.
    const claimed = await tx
      .insert(classificationCatalogues)
      .values({ fiscalYear, copiedFrom: await sourceOf(tx, year) })
      .onConflictDoNothing()
      .returning({ year: classificationCatalogues.fiscalYear });
    if (claimed.length > 0)
      await tx
        .insert(classificationCodes)
        .values((await entriesOf(tx, year)).map((e) => ({ ...e, fiscalYear })))
        .onConflictDoNothing();
    return classificationCatalogue(fiscalYear, await entriesOf(tx, fiscalYear), await sourceOf(tx, fiscalYear));
  });
}

/**
 * Seeds a year from the shipped sheet: codes are added, never overwritten, so a later sheet adds
 * what it gained; a year whose catalogue an admin imported is left as imported (the seed runs on
 * every migration, and would otherwise bring back the codes the import left out).
 */
export async function seedClassification(db: Tx, fiscalYear: number, entries: ReadonlyArray<ClassificationEntry>) {
  if (entries.length === 0) return;
  const [imported] = await db
    .select({ fileName: classificationCatalogues.fileName })
    .from(classificationCatalogues)
    .where(eq(classificationCatalogues.fiscalYear, fiscalYear));
  if (imported?.fileName != null) return;
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

/** Where a year's catalogue stands, for the admin (the 预算年度 list, the year's catalogue page). */
export type CatalogueState = {
  fiscalYear: number;
  /**
   * imported: an admin's sheet; shipped: the app's own sheet; copied: a copy of sourceYear's, the
   * year's own not imported yet; pending: none yet, sourceYear's is copied when first needed;
   * none: no catalogue, nor an earlier year's to copy.
   */
  origin: "imported" | "shipped" | "copied" | "pending" | "none";
  /** The year whose catalogue it is (the original of a copy); null when there is none. */
  sourceYear: number | null;
  /** How many codes it has (for pending, the catalogue it would copy). */
  count: number;
  fileName: string | null;
  importedAt: Date | null;
  /** The year whose rows hold it: the year itself, or for pending the earlier year it would copy. */
  rowsYear: number | null;
};

/** Each year's catalogue as it stands, read only: nothing is copied for a year that has none yet. */
export async function catalogueStates(db: Db, years: ReadonlyArray<number>): Promise<Map<number, CatalogueState>> {
  const counted = new Map(
    (
      await db
        .select({ year: classificationCodes.fiscalYear, n: count() })
        .from(classificationCodes)
        .groupBy(classificationCodes.fiscalYear)
    ).map((r) => [r.year, Number(r.n)]),
  );
  const rows = new Map((await db.select().from(classificationCatalogues)).map((r) => [r.fiscalYear, r]));
  const stateOf = (fiscalYear: number): CatalogueState => {
    const own = counted.get(fiscalYear);
    const row = rows.get(fiscalYear);
    const facts = { fiscalYear, fileName: row?.fileName ?? null, importedAt: row?.importedAt ?? null };
    if (own) {
      const origin = row?.copiedFrom != null ? "copied" : row?.fileName != null ? "imported" : "shipped";
      return { ...facts, origin, sourceYear: row?.copiedFrom ?? fiscalYear, count: own, rowsYear: fiscalYear };
    }
    const earlier = Math.max(...[...counted.keys()].filter((y) => y < fiscalYear));
    if (!Number.isFinite(earlier)) return { ...facts, origin: "none", sourceYear: null, count: 0, rowsYear: null };
    const sourceYear = rows.get(earlier)?.copiedFrom ?? earlier;
    return { ...facts, origin: "pending", sourceYear, count: counted.get(earlier)!, rowsYear: earlier };
  };
  return new Map(years.map((y) => [y, stateOf(y)]));
}

/** A year's catalogue as it stands (its own, or the earlier one it would copy) and its codes, read only. */
export async function currentClassification(
  db: Db,
  fiscalYear: number,
): Promise<{ state: CatalogueState; entries: ClassificationEntry[] }> {
  const state = (await catalogueStates(db, [fiscalYear])).get(fiscalYear)!;
  return { state, entries: state.rowsYear === null ? [] : await entriesOf(db, state.rowsYear) };
}

/**
 * Replaces a year's catalogue with an admin's sheet, in one transaction with its audit row. The
 * codes the year's disclosures use are read again here, whatever the preview said, and with the
 * disclosures' sections locked against writes until the commit: no save can put a code into them
 * that the new catalogue lacks between this check and the commit (saves wait the few milliseconds).
 */
export async function importClassification(
  db: Db,
  actorId: string,
  ip: string | null,
  input: { fiscalYear: number; fileName: string; entries: ReadonlyArray<ClassificationEntry> },
): Promise<CatalogueChanges & { before: number }> {
  const { fiscalYear, fileName, entries } = input;
  return db.transaction(async (tx) => {
    await tx.execute(sql`LOCK TABLE ${disclosureSections} IN SHARE MODE`);
    const before = (await currentClassification(tx, fiscalYear)).entries;
    const lost = codesMissing(entries, codesToKeep(before, await classificationCodesInUse(tx, fiscalYear)));
    if (lost.length > 0)
      throw new UserError(
        adminMessages.classificationSheet.inUseSince(lost.map((u) => u.code).join("、"), fiscalYear),
        {},
        "conflict",
      );
    // The provenance row first: a copy being made for the year waits on it (loadClassificationCatalogue).
    const imported = { copiedFrom: null, fileName, importedAt: new Date() };
    await tx
      .insert(classificationCatalogues)
      .values({ fiscalYear, ...imported })
      .onConflictDoUpdate({ target: classificationCatalogues.fiscalYear, set: imported });
    await replaceClassification(tx, fiscalYear, entries);
    const changes = compareCatalogues(before, entries);
    const keys = (list: ReadonlyArray<{ kind: string; code: string }>) => list.map((e) => `${e.kind} ${e.code}`);
    await appendAudit(tx, {
      action: "classification.import",
      actorId,
      ip,
      entityType: "fiscal_year",
      entityId: String(fiscalYear),
      detail: {
        fileName,
        before: before.length,
        after: entries.length,
        added: keys(changes.added),
        removed: changes.removed.map((e) => ({ kind: e.kind, code: e.code, name: e.name })),
        renamed: changes.renamed,
      },
    });
    return { ...changes, before: before.length };
  });
}
