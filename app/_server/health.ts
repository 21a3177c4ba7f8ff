import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { optionsFromEnv, type Db } from "@/db/client";

export type HealthReport = {
  status: "ok" | "unavailable";
  database: {
    reachable: boolean;
    driver: "pg" | "pglite";
    migrations: { applied: number | null; expected: number | null; upToDate: boolean };
  };
};

/** How many migrations the code expects: the entries of drizzle-kit's journal. */
function expectedMigrations(): number | null {
  try {
    const journal = JSON.parse(
      readFileSync(path.resolve(process.cwd(), "db/migrations/meta/_journal.json"), "utf8"),
    ) as { entries?: unknown[] };
    return journal.entries?.length ?? null;
  } catch {
    return null;
  }
}

function rowsOf(result: unknown): Array<Record<string, unknown>> {
  return ((result as { rows?: Array<Record<string, unknown>> }).rows ?? []) as Array<Record<string, unknown>>;
}

/**
 * Reachable, and migrated as far as this build expects. Details of a failure go to the server log,
 * not to the (public) response.
 */
export async function databaseHealth(db: Db): Promise<HealthReport> {
  const driver = optionsFromEnv().databaseUrl ? "pg" : "pglite";
  const expected = expectedMigrations();
  let reachable = false;
  let applied: number | null = null;
  try {
    await db.execute(sql`select 1`);
    reachable = true;
    // drizzle's migrator records each applied migration here; absent until the first migration.
    const exists = rowsOf(
      await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`),
    );
    applied =
      exists[0]?.present === true
        ? Number(rowsOf(await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`))[0]?.n ?? 0)
        : 0;
  } catch (error) {
    console.error("[health] database check failed", error);
  }
  const upToDate = reachable && applied !== null && expected !== null && applied >= expected;
  return {
    status: reachable && upToDate ? "ok" : "unavailable",
    database: { reachable, driver, migrations: { applied, expected, upToDate } },
  };
}
