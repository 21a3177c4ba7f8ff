import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { Disclosure } from "../../lib/domain/model";
import type { PortalPage } from "../../lib/render/portal-page";
import { bytea } from "./bytea";
import { disclosures } from "./disclosures";
import { users } from "./users";

/**
 * The exact published revision, kept forever. `sha256` is over the key-sorted JSON text of
 * `canonical` (jsonb does not keep key order), so it can be checked against the stored value.
 */
export const publishedSnapshots = pgTable(
  "published_snapshots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    disclosureId: uuid("disclosure_id")
      .notNull()
      .references(() => disclosures.id),
    revision: integer("revision").notNull(),
    canonical: jsonb("canonical").$type<Disclosure>().notNull(),
    sha256: text("sha256").notNull(),
    /** What a correcting revision corrects (empty for a first publication). */
    note: text("note").notNull().default(""),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
    publishedBy: uuid("published_by").references(() => users.id),
    /** The portal's page of it, rendered when it was published (lib/render/portal-page.ts); null for one published before. */
    portalPage: jsonb("portal_page").$type<PortalPage>(),
  },
  (t) => [uniqueIndex("published_snapshots_disclosure_idx").on(t.disclosureId)],
);

/** The rendered files of a snapshot, byte for byte as they were first downloaded. */
export const publishedFiles = pgTable(
  "published_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    snapshotId: uuid("snapshot_id")
      .notNull()
      .references(() => publishedSnapshots.id),
    /** docx, pdf, xlsx, json, csv … */
    format: text("format").notNull(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    bytes: bytea("bytes").notNull(),
    sha256: text("sha256").notNull(),
    size: integer("size").notNull(),
  },
  (t) => [
    uniqueIndex("published_files_snapshot_format_idx").on(t.snapshotId, t.format),
    index("published_files_snapshot_idx").on(t.snapshotId),
  ],
);
