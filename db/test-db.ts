import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { createDb, type Db } from "./client";
import { migrateDb } from "./migrate";

/** Where db/test-template.ts tells the test workers its template is. */
export const TEMPLATE_DUMP_ENV = "BDW_TEST_PGLITE_TEMPLATE";
export const TEMPLATE_DATABASE_ENV = "BDW_TEST_PG_TEMPLATE";

export type TestDb = {
  db: Db;
  driver: "pg" | "pglite";
  close: () => Promise<void>;
  /** On PostgreSQL, the test database's URL, for a second client of it (PGlite has only the one). */
  url?: string;
};

/**
 * node-postgres warns (once per process) when a query is sent on a connection still busy with
 * another: two queries of one transaction run in parallel (Promise.all on `tx`). pg 9 will refuse
 * them, so on PostgreSQL the test file that caused it fails when it closes its database.
 */
const overlappingQueries: string[] = [];
let listening = false;
function watchOverlappingQueries(): void {
  if (listening) return;
  listening = true;
  process.on("warning", (warning) => {
    if (/already executing a query/.test(warning.message)) overlappingQueries.push(warning.stack ?? warning.message);
  });
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default; with DATABASE_URL a
 * new `bdw_test_<random>` database on that server, dropped again by `close()`. The server may
 * hold anything earlier runs left, so nothing here assumes it is empty. Under vitest both are
 * copies of the run's migrated template (db/test-template.ts); migrateDb then finds nothing to do.
 */
export async function createTestDb(): Promise<TestDb> {
  const serverUrl = process.env.DATABASE_URL?.trim();
  if (!serverUrl) {
    const dumpFile = process.env[TEMPLATE_DUMP_ENV];
    const pgliteDump = dumpFile ? new Blob([readFileSync(dumpFile)]) : undefined;
    const handle = createDb({ pgliteDir: "memory://", pgliteDump });
    await migrateDb(handle.db);
    return handle;
  }
  watchOverlappingQueries();
  const name = `bdw_test_${randomBytes(6).toString("hex")}`;
  const template = process.env[TEMPLATE_DATABASE_ENV];
  await onServer(serverUrl, template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = createDb({ databaseUrl: url.toString() });
  try {
    await migrateDb(handle.db);
  } catch (error) {
    await handle.close();
    await onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    throw error;
  }
  return {
    db: handle.db,
    driver: "pg",
    url: url.toString(),
    close: async () => {
      await handle.close();
      await dropDatabase(serverUrl, name);
      if (overlappingQueries.length > 0)
        throw new Error(
          `queries overlapped on one connection (Promise.all inside a transaction?); NODE_OPTIONS=--trace-deprecation shows where:\n${overlappingQueries.join("\n")}`,
        );
    },
  };
}

/**
 * The pool's end() resolves while its connections are still closing; dropping WITH (FORCE) at once
 * would have the server cut them off mid-close. Wait for them for a moment, then force.
 */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      await onServer(serverUrl, `DROP DATABASE IF EXISTS ${name}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "55006") throw error; // 55006: still being accessed
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

export async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
