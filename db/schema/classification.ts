import { check, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

/**
 * The 《政府收支分类科目》 per fiscal year (issue 15): it changes every year, so it is data. The
 * level follows from the code's length (功能 类/款/项 = 3/5/7 digits, 经济 类/款 = 3/5). Seeded for
 * 2020 from db/seed/classification-2020.tsv (a starting subset); a year with none of its own is
 * given a copy of the nearest earlier year's the first time it is asked for
 * (db/queries/classification.ts); an admin replaces a year's as a whole from a sheet.
 */
export const classificationCodes = pgTable(
  "classification_codes",
  {
    fiscalYear: integer("fiscal_year").notNull(),
    /** 功能 (支出功能分类) or 经济 (部门预算支出经济分类). */
    kind: text("kind").notNull(),
    code: text("code").notNull(),
    name: text("name").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.fiscalYear, t.kind, t.code] }),
    check("classification_codes_kind", sql`${t.kind} in ('功能', '经济')`),
    check("classification_codes_code", sql`${t.code} ~ '^[0-9]{3}([0-9]{2}){0,2}$'`),
  ],
);

/**
 * Where a year's catalogue came from, kept because the copy is written into the year's own rows:
 * without this, a year given last year's codes would read as its own from then on, and the editor,
 * the rules and the admin could no longer say that the year's catalogue is yet to be imported. A
 * year with codes and no row here has its own (the shipped sheet).
 */
export const classificationCatalogues = pgTable("classification_catalogues", {
  fiscalYear: integer("fiscal_year").primaryKey(),
  /** The year whose catalogue this one copies (the original, not a copy of it); null once imported. */
  copiedFrom: integer("copied_from"),
  /** The sheet an admin imported it from, and when (the audit log says who). */
  fileName: text("file_name"),
  importedAt: timestamp("imported_at", { withTimezone: true }),
});
