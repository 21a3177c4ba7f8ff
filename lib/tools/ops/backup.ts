import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { executeRows, type Db } from "@/db/client";
import { appliedMigrations, quoteIdent, readCatalog } from "./catalog";

/**
 * A logical backup that works the same on PGlite and PostgreSQL (no pg_dump needed): one line of
 * JSON per row, as the database itself writes it with to_jsonb — numeric keeps every digit,
 * timestamps every microsecond, bytea is hex — so nothing passes through a JS number or Date.
 *
 *   {"format":"budget-disclosure-workbench-backup","version":1,…,"migrations":[…],"tables":[…]}
 *   {"table":"departments","rows":12}
 *   {…one row…}
 *   …
 *   {"end":true,"tables":23,"rows":4711,"sha256":"…"}   ← over every line before it
 *
 * The trailer makes a truncated or edited file detectable before anything is restored.
 */

export const BACKUP_FORMAT = "budget-disclosure-workbench-backup";
export const BACKUP_VERSION = 1;

export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  driver: "pg" | "pglite";
  migrations: string[];
  tables: Array<{ name: string; columns: string[] }>;
};
export type TableMarker = { table: string; rows: number };
export type BackupTrailer = { end: true; tables: number; rows: number; sha256: string };
export type BackupSummary = { tables: number; rows: number };

/** Hashes the lines as they are written, and appends the trailer at the end. */
export class LineHasher {
  private readonly hash = createHash("sha256");
  line(text: string): string {
    this.hash.update(`${text}\n`);
    return text;
  }
  digest(): string {
    return this.hash.digest("hex");
  }
}

/**
 * Writes the whole database through `write`, one line at a time, from one consistent snapshot
 * (a read-only repeatable-read transaction: the app may keep running on PostgreSQL meanwhile).
 */
export async function dumpDatabase(
  db: Db,
  driver: "pg" | "pglite",
  write: (line: string) => Promise<void>,
): Promise<BackupSummary> {
  return db.transaction(
    async (tx) => {
      const catalog = await readCatalog(tx);
      const hasher = new LineHasher();
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: new Date().toISOString(),
        driver,
        migrations: await appliedMigrations(tx),
        tables: catalog.tables.map((t) => ({ name: t.name, columns: t.columns })),
      };
      await write(hasher.line(JSON.stringify(header)));
      let total = 0;
      for (const table of catalog.tables) {
        // Text straight from the database: JSON.parse would round numbers beyond 2^53.
        const rows = await executeRows<{ row: string }>(
          tx,
          sql.raw(`SELECT to_jsonb(t)::text AS row FROM ${quoteIdent(table.name)} t`),
        );
        const marker: TableMarker = { table: table.name, rows: rows.length };
        await write(hasher.line(JSON.stringify(marker)));
        for (const { row } of rows) await write(hasher.line(row));
        total += rows.length;
      }
      const trailer: BackupTrailer = { end: true, tables: catalog.tables.length, rows: total, sha256: hasher.digest() };
      await write(JSON.stringify(trailer));
      return { tables: catalog.tables.length, rows: total };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}
