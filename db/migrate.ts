import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { is } from "drizzle-orm";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import { NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { PgliteDatabase } from "drizzle-orm/pglite";
import type { Db } from "./client";
import { syncReferenceData } from "./seed/reference";

/** The committed migrations: beside this file, or under the working directory once bundled. */
function migrationsFolder(): string {
  const besideSource = fileURLToPath(new URL("./migrations", import.meta.url));
  return existsSync(besideSource) ? besideSource : path.resolve(process.cwd(), "db/migrations");
}

/**
 * Brings a database up to the committed schema (same migrations for both drivers) and to the
 * reference data every installation needs: the built-in indicator frameworks and return reasons.
 */
export async function migrateDb(db: Db): Promise<void> {
  const config = { migrationsFolder: migrationsFolder() };
  if (is(db, PgliteDatabase)) await migratePglite(db, config);
  else if (is(db, NodePgDatabase)) await migrateNodePg(db, config);
  else throw new Error("migrateDb: unknown database driver");
  await syncReferenceData(db);
}
