/**
 * `tsx db/migrate-cli.ts`: applies the committed migrations (and reference data) to the database
 * DATABASE_URL or PGLITE_DIR names, before a new version starts. With PGlite, stop the app first:
 * one process per data folder.
 */
import { closeDb, getDb, optionsFromEnv } from "./client";
import { migrateDb } from "./migrate";

const target = optionsFromEnv();
try {
  await migrateDb(getDb());
  console.log(`数据库已更新到最新结构：${target.databaseUrl ? new URL(target.databaseUrl).host : target.pgliteDir}`);
} catch (error) {
  console.error("数据库迁移失败：", error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDb();
}
