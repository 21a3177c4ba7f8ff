import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { bytea } from "./bytea";
import { departments } from "./organisation";
import { fiscalYears } from "./settings";
import { users } from "./users";

/**
 * A file a clerk uploaded to start a year's draft, kept only until they accept it or it expires
 * (db/queries/imports.ts). The preview is read again from these bytes on every page load, so a
 * reload shows the same preview and nothing becomes a draft before the clerk accepts.
 */
export const importUploads = pgTable(
  "import_uploads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The draft the upload is meant to start: this department's, for this year. */
    departmentId: uuid("department_id")
      .notNull()
      .references(() => departments.id, { onDelete: "cascade" }),
    fiscalYear: integer("fiscal_year")
      .notNull()
      .references(() => fiscalYears.year, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    size: integer("size").notNull(),
    bytes: bytea("bytes").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("import_uploads_created_at_idx").on(t.createdAt),
    index("import_uploads_created_by_idx").on(t.createdBy),
  ],
);
