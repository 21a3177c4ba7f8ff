import { and, asc, desc, eq, ilike, lt, or, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Actor } from "@/lib/auth/actor";
import type { IndicatorFramework } from "@/lib/domain/frameworks";
import {
  checkLibraryEntry,
  libraryEntryInput,
  type LibraryEntry,
  type LibraryEntryInput,
  type LibrarySearchResult,
} from "@/lib/grid/library";
import { gridMessages } from "@/lib/i18n/zh-CN/grid";
import type { Db } from "../client";
import { UserError, NotFoundError } from "@/lib/errors";
import { disclosures, indicators, projectFunds } from "../schema/disclosures";
import { indicatorLibrary } from "../schema/library";
import { readScope } from "./scope";

/**
 * The indicator library: the admin's common indicators, and a department's own rows of earlier
 * years read straight from its disclosures (never copied, so they are always what was filed).
 */

export type LibrarySearch = {
  departmentId: string;
  frameworkId: string;
  /** Words that must each appear in the name, description, headings, basis or 评（扣）分标准. */
  q: string;
  /** Only the department's disclosures of years before this one (the year being drafted). */
  beforeYear?: number;
};

const COMMON_LIMIT = 200;
const OWN_LIMIT = 200;
/** Rows read before duplicates are dropped: a department files the same table year after year. */
const OWN_SCAN = 2000;

/** `%`, `_` and `\` typed by a clerk are text, not patterns. */
const likeWord = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function matchesWords(q: string, columns: PgColumn[]): SQL | undefined {
  const words = q.trim().split(/\s+/).filter(Boolean).slice(0, 5);
  if (words.length === 0) return undefined;
  return and(...words.map((w) => or(...columns.map((c) => ilike(c, likeWord(w))))));
}

export async function searchLibrary(db: Db, actor: Actor, search: LibrarySearch): Promise<LibrarySearchResult> {
  const common = await db
    .select()
    .from(indicatorLibrary)
    .where(
      and(
        eq(indicatorLibrary.frameworkId, search.frameworkId),
        eq(indicatorLibrary.active, true),
        matchesWords(search.q, [
          indicatorLibrary.name,
          indicatorLibrary.description,
          indicatorLibrary.level1,
          indicatorLibrary.level2,
          indicatorLibrary.basis,
          indicatorLibrary.scoringStandard,
        ]),
      ),
    )
    .orderBy(
      asc(indicatorLibrary.level1),
      asc(indicatorLibrary.level2),
      asc(indicatorLibrary.position),
      asc(indicatorLibrary.name),
    )
    .limit(COMMON_LIMIT);

  const ownRows = await db
    .select({
      id: indicators.id,
      level1: indicators.level1,
      level2: indicators.level2,
      name: indicators.name,
      description: indicators.description,
      targetRaw: indicators.targetRaw,
      basis: indicators.basis,
      scoringStandard: indicators.scoringStandard,
      fiscalYear: disclosures.fiscalYear,
      frameworkId: disclosures.frameworkId,
      project: projectFunds.name,
    })
    .from(indicators)
    .innerJoin(projectFunds, eq(projectFunds.id, indicators.projectId))
    .innerJoin(disclosures, eq(disclosures.id, projectFunds.disclosureId))
    .where(
      and(
        eq(disclosures.departmentId, search.departmentId),
        readScope(actor, disclosures.departmentId),
        search.beforeYear === undefined ? undefined : lt(disclosures.fiscalYear, search.beforeYear),
        matchesWords(search.q, [
          indicators.name,
          indicators.description,
          indicators.level1,
          indicators.level2,
          indicators.basis,
          indicators.scoringStandard,
          projectFunds.name,
        ]),
      ),
    )
    .orderBy(
      desc(disclosures.fiscalYear),
      desc(disclosures.revision),
      asc(projectFunds.position),
      asc(indicators.position),
    )
    .limit(OWN_SCAN);

  const seen = new Set<string>();
  const own: LibraryEntry[] = [];
  for (const r of ownRows) {
    const key = [r.level1, r.level2, r.name, r.description, r.targetRaw, r.basis, r.scoringStandard].join("\u0000");
    if (seen.has(key)) continue;
    seen.add(key);
    own.push({
      id: r.id,
      source: "own",
      frameworkId: r.frameworkId,
      level1: r.level1,
      level2: r.level2,
      name: r.name,
      description: r.description,
      target: r.targetRaw,
      basis: r.basis,
      scoringStandard: r.scoringStandard,
      fiscalYear: r.fiscalYear,
      project: r.project,
    });
    if (own.length >= OWN_LIMIT) break;
  }
  return { common: common.map(toEntry), own };
}

function toEntry(r: typeof indicatorLibrary.$inferSelect): LibraryEntry {
  return {
    id: r.id,
    source: "common",
    frameworkId: r.frameworkId,
    level1: r.level1,
    level2: r.level2,
    name: r.name,
    description: r.description,
    target: r.targetRaw,
    basis: r.basis,
    scoringStandard: r.scoringStandard,
  };
}

export type LibraryRow = typeof indicatorLibrary.$inferSelect;

/** The admin's list: one framework's entries, retired ones last. */
export async function listLibrary(db: Db, frameworkId: string): Promise<LibraryRow[]> {
  return db
    .select()
    .from(indicatorLibrary)
    .where(eq(indicatorLibrary.frameworkId, frameworkId))
    .orderBy(
      desc(indicatorLibrary.active),
      asc(indicatorLibrary.level1),
      asc(indicatorLibrary.level2),
      asc(indicatorLibrary.position),
      asc(indicatorLibrary.name),
    );
}

/**
 * Adds an entry (no id) or changes one, checked by checkLibraryEntry (the server action reports
 * the same problems by field first). `frameworks` are the admin's own besides the built-in ones.
 */
export async function saveLibraryEntry(
  db: Db,
  actorId: string,
  raw: LibraryEntryInput,
  frameworks: ReadonlyArray<IndicatorFramework>,
): Promise<{ id: string }> {
  const input = libraryEntryInput.parse(raw);
  const problems = Object.values(checkLibraryEntry(input, frameworks)).flat();
  if (problems.length > 0) throw new UserError(problems.join(" "));
  const values = {
    frameworkId: input.frameworkId,
    level1: input.level1,
    level2: input.level2,
    name: input.name,
    description: input.description,
    targetRaw: input.target,
    basis: input.basis,
    scoringStandard: input.scoringStandard,
    updatedBy: actorId,
  };
  if (!input.id) {
    // New entries go last under their heading.
    const [{ next }] = await db
      .select({ next: sql<number>`coalesce(max(${indicatorLibrary.position}), -1) + 1` })
      .from(indicatorLibrary)
      .where(
        and(
          eq(indicatorLibrary.frameworkId, input.frameworkId),
          eq(indicatorLibrary.level1, input.level1),
          eq(indicatorLibrary.level2, input.level2),
        ),
      );
    const [row] = await db
      .insert(indicatorLibrary)
      .values({ ...values, position: Number(next) })
      .returning({ id: indicatorLibrary.id });
    return row;
  }
  const [row] = await db
    .update(indicatorLibrary)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(indicatorLibrary.id, input.id))
    .returning({ id: indicatorLibrary.id });
  if (!row) throw new NotFoundError(gridMessages.admin.entry);
  return row;
}

/** Retire (no longer offered) or restore an entry; retired entries are kept, never deleted. */
export async function setLibraryEntryActive(
  db: Db,
  actorId: string,
  id: string,
  active: boolean,
): Promise<{ id: string; active: boolean }> {
  const [row] = await db
    .update(indicatorLibrary)
    .set({ active, updatedBy: actorId, updatedAt: sql`now()` })
    .where(eq(indicatorLibrary.id, id))
    .returning({ id: indicatorLibrary.id, active: indicatorLibrary.active });
  if (!row) throw new NotFoundError(gridMessages.admin.entry);
  return row;
}
