/**
 * Vitest's global setup: one migrated database per test run, which every test file's
 * createTestDb (db/test-db.ts) copies instead of migrating its own. Migrating costs seconds a
 * database; a copy costs a fraction of one, and a run makes a hundred and more.
 *
 * PGlite: a dump of a migrated in-memory database, written under .data/ and loaded by each copy.
 * PostgreSQL (DATABASE_URL): a `bdw_template_<random>` database, copied with CREATE DATABASE …
 * TEMPLATE and dropped when the run ends. The workers learn where it is from the environment.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createDb } from "./client";
import { migrateDb } from "./migrate";
import { dropDatabase, onServer, TEMPLATE_DATABASE_ENV, TEMPLATE_DUMP_ENV } from "./test-db";

export default async function setup(): Promise<() => Promise<void>> {
  const serverUrl = process.env.DATABASE_URL?.trim();
  if (serverUrl) {
    const name = `bdw_template_${randomBytes(6).toString("hex")}`;
    await onServer(serverUrl, `CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const handle = createDb({ databaseUrl: url.toString() });
    try {
      await migrateDb(handle.db);
    } finally {
      await handle.close();
    }
    process.env[TEMPLATE_DATABASE_ENV] = name;
    return async () => {
      delete process.env[TEMPLATE_DATABASE_ENV];
      await dropDatabase(serverUrl, name);
    };
  }
  const handle = createDb({ pgliteDir: "memory://" });
  await migrateDb(handle.db);
  const dump = await handle.pglite!.dumpDataDir("none");
  await handle.close();
  const dir = path.resolve(".data", `test-template-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "pglite.tar");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  process.env[TEMPLATE_DUMP_ENV] = file;
  return async () => {
    delete process.env[TEMPLATE_DUMP_ENV];
    rmSync(dir, { recursive: true, force: true });
  };
}
