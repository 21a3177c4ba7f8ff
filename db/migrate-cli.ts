/**
 * `tsx db/migrate-cli.ts`: applies the committed migrations (and reference data) to the database
 * DATABASE_URL or PGLITE_DIR names, before a new version starts. With PGlite, stop the app first:
 * one process per data folder.
 */
import { closeDb, getDb, optionsFromEnv } from "./client";
import { migrateDb } from "./migrate";
import { opsMessages } from "../lib/i18n/zh-CN/ops";

const target = optionsFromEnv();
try {
  await migrateDb(getDb());
  console.log(opsMessages.database.migrated(target.databaseUrl ? new URL(target.databaseUrl).host : target.pgliteDir));
} catch (error) {
  console.error(opsMessages.database.migrationFailed, error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDb();
}
