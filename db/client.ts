import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import pg from "pg";
import { opsMessages } from "../lib/i18n/zh-CN/ops";
import * as schema from "./schema/index";

/** One type for both drivers: queries never know which one they run on. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction is a Db too (PgTransaction extends PgDatabase), so helpers take `Db`. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export type DbOptions = {
  /** postgres://… → node-postgres; absent → embedded PGlite */
  databaseUrl?: string;
  /** PGlite data folder, or "memory://" for a throwaway in-memory database */
  pgliteDir?: string;
  /** An in-memory database starts as this dump (PGlite's dumpDataDir) instead of empty: the tests' migrated template. */
  pgliteDump?: Blob;
};

export type DbHandle = {
  db: Db;
  driver: "pg" | "pglite";
  close: () => Promise<void>;
  /** The embedded database itself, for what only PGlite does (dumpDataDir); absent on PostgreSQL. */
  pglite?: PGlite;
};

const DEFAULT_PGLITE_DIR = ".data/pglite";

export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): DbOptions {
  const url = env.DATABASE_URL?.trim();
  return url ? { databaseUrl: url } : { pgliteDir: env.PGLITE_DIR?.trim() || DEFAULT_PGLITE_DIR };
}

export function createDb(opts: DbOptions): DbHandle {
  if (opts.databaseUrl) {
    // A transaction holds its connection while its answers wait their turn in the event loop, which
    // under load is longer than the database's own work; 20 (DATABASE_POOL_MAX) keeps the pool from
    // being what 200 clerks' autosaves queue on. Mind PostgreSQL's max_connections × app servers.
    const max = Number(process.env.DATABASE_POOL_MAX) || 20;
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max });
    // An idle connection the server ends (a restart, a failover, an administrator) must not take the
    // process down: the pool drops it and opens another when next asked.
    pool.on("error", (error) => console.error(opsMessages.database.idleConnectionClosed(error.message)));
    const db: Db = drizzlePg({ client: pool, schema });
    return { db, driver: "pg", close: () => pool.end() };
  }
  const dir = opts.pgliteDir ?? DEFAULT_PGLITE_DIR;
  const inMemory = dir.startsWith("memory://");
  // The data folder is chosen at run time; telling Turbopack so keeps it from tracing the whole project.
  const folder = path.resolve(/* turbopackIgnore: true */ dir);
  if (!inMemory) mkdirSync(folder, { recursive: true });
  // PGlite has no lock between processes: one process per data folder (the app or the CLI, not both).
  const client = new PGlite(
    inMemory ? dir : folder,
    inMemory && opts.pgliteDump ? { loadDataDir: opts.pgliteDump } : {},
  );
  const db: Db = drizzlePglite({ client, schema });
  return { db, driver: "pglite", close: () => client.close(), pglite: client };
}

// Cached on globalThis: Next's dev server re-evaluates modules on every change, and a second PGlite
// on the same folder would corrupt it.
const globalKey = Symbol.for("budget-disclosure-workbench.db");
type GlobalWithDb = typeof globalThis & { [globalKey]?: DbHandle };

/** The process-wide database, configured from DATABASE_URL / PGLITE_DIR. */
export function getDb(): Db {
  const g = globalThis as GlobalWithDb;
  g[globalKey] ??= createDb(optionsFromEnv());
  return g[globalKey].db;
}

export async function closeDb(): Promise<void> {
  const g = globalThis as GlobalWithDb;
  const handle = g[globalKey];
  delete g[globalKey];
  await handle?.close();
}

/**
 * Rows of a raw SQL statement. `execute` is typed per driver (node-postgres and PGlite both answer
 * with `{ rows }`), so through the shared `Db` type its result is unknown until read here.
 */
export async function executeRows<Row>(db: Db, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}
