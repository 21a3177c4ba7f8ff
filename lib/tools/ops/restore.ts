import { sql } from "drizzle-orm";
import { executeRows, type Db } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { opsMessages } from "@/lib/i18n/zh-CN/ops";
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupError,
  LineHasher,
  type BackupHeader,
  type BackupSummary,
  type BackupTrailer,
  type TableMarker,
} from "./backup";
import { appliedMigrations, quoteIdent, readCatalog, type TableInfo } from "./catalog";

const t = opsMessages.restore;

/** Reads the backup's lines afresh on every call (restore reads it twice: check, then load). */
export type LineSource = () => AsyncIterable<string>;

type Parsed =
  | { kind: "header"; header: BackupHeader }
  | { kind: "marker"; marker: TableMarker }
  | { kind: "row"; table: string; text: string };

/**
 * Walks a backup, checking its structure as it goes: a header, then per table a marker and that
 * many rows, then the trailer whose hash covers every line before it. Throws BackupError (a clear
 * Chinese message) on anything else; yields nothing after the trailer.
 */
async function* walk(lines: AsyncIterable<string>): AsyncGenerator<Parsed, BackupTrailer> {
  const hasher = new LineHasher();
  const json = (text: string) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new BackupError(t.corrupt);
    }
  };
  let header: BackupHeader | null = null;
  let table: TableMarker | null = null;
  let left = 0;
  for await (const line of lines) {
    if (!header) {
      const value = json(line) as Partial<BackupHeader> | null;
      if (value?.format !== BACKUP_FORMAT) throw new BackupError(t.notBackup);
      if (typeof value.version !== "number" || value.version > BACKUP_VERSION)
        throw new BackupError(t.newerFormat(Number(value.version)));
      header = value as BackupHeader;
      hasher.line(line);
      yield { kind: "header", header };
      continue;
    }
    if (table && left > 0) {
      hasher.line(line);
      left--;
      yield { kind: "row", table: table.table, text: line };
      continue;
    }
    const value = json(line) as Partial<TableMarker & BackupTrailer> | null;
    if (value?.end === true) {
      if (value.sha256 !== hasher.digest()) throw new BackupError(t.corrupt);
      return value as BackupTrailer;
    }
    if (typeof value?.table !== "string" || typeof value.rows !== "number") throw new BackupError(t.corrupt);
    hasher.line(line);
    table = value as TableMarker;
    left = table.rows;
    yield { kind: "marker", marker: table };
  }
  throw new BackupError(header ? t.truncated : t.notBackup);
}

/** Checks the whole file without touching any database. */
export async function verifyBackup(source: LineSource): Promise<{ header: BackupHeader; trailer: BackupTrailer }> {
  const it = walk(source());
  let header: BackupHeader | null = null;
  for (;;) {
    const step = await it.next();
    if (step.done) return { header: header!, trailer: step.value };
    if (step.value.kind === "header") header = step.value.header;
  }
}

const BATCH_ROWS = 500;
const BATCH_CHARS = 8 * 1024 * 1024;

/**
 * Restores a backup into `db`, which must be new: migrated here to the app's schema, it may hold
 * only the reference data every installation gets (frameworks, return reasons), which the backup's
 * own rows replace. Everything happens in one transaction: a failed restore leaves the database
 * as it was. The file is checked in full before the first row is written.
 */
export async function restoreDatabase(db: Db, source: LineSource): Promise<BackupSummary> {
  const { header, trailer } = await verifyBackup(source);
  await migrateDb(db);
  const ours = await appliedMigrations(db);
  if (ours.length !== header.migrations.length || ours.some((h, i) => h !== header.migrations[i])) {
    throw new BackupError(t.schemaMismatch(header.migrations.length, ours.length));
  }
  await refuseUnlessNew(db);
  return db.transaction(async (tx) => {
    const catalog = await readCatalog(tx);
    const byName = new Map(catalog.tables.map((table) => [table.name, table]));
    for (const table of header.tables) if (!byName.has(table.name)) throw new BackupError(t.unknownTable(table.name));
    // The reference data migrateDb just wrote gives way to the backup's (children first).
    for (const table of [...catalog.tables].reverse())
      await tx.execute(sql.raw(`DELETE FROM ${quoteIdent(table.name)}`));

    const columnsOf = new Map(header.tables.map((table) => [table.name, table.columns]));
    let pending: string[] = [];
    let pendingChars = 0;
    let current: { info: TableInfo; expected: number } | null = null;
    const flush = async () => {
      if (!current || pending.length === 0) return;
      await insertRows(tx, current.info, columnsOf.get(current.info.name) ?? current.info.columns, pending);
      pending = [];
      pendingChars = 0;
    };
    const finishTable = async () => {
      await flush();
      if (!current) return;
      const [{ n }] = await executeRows<{ n: number }>(
        tx,
        sql.raw(`SELECT count(*)::int AS n FROM ${quoteIdent(current.info.name)}`),
      );
      if (n !== current.expected) throw new BackupError(t.countMismatch(current.info.name, current.expected, n));
    };
    for await (const step of walk(source())) {
      if (step.kind === "marker") {
        await finishTable();
        current = { info: byName.get(step.marker.table)!, expected: step.marker.rows };
      } else if (step.kind === "row") {
        pending.push(step.text);
        pendingChars += step.text.length;
        // A self-referencing table is loaded in one go, parents first (see insertRows).
        if (current!.info.selfRefs.length === 0 && (pending.length >= BATCH_ROWS || pendingChars >= BATCH_CHARS))
          await flush();
      }
    }
    await finishTable();
    for (const s of catalog.sequences) {
      const table = quoteIdent(s.table);
      const column = quoteIdent(s.column);
      await tx.execute(
        sql.raw(
          `SELECT setval('${s.sequence.replace(/'/g, "''")}', COALESCE((SELECT max(${column}) FROM ${table}), 0) + 1, false)`,
        ),
      );
    }
    return { tables: header.tables.length, rows: trailer.rows };
  });
}

/**
 * INSERT … SELECT FROM json_populate_recordset: the database reads each value with its column's
 * own input function, so numeric, timestamptz and bytea come back exactly as they were dumped.
 * Rows that point at rows of their own table go in rounds: those whose parent is already there.
 */
async function insertRows(db: Db, table: TableInfo, columns: string[], rows: string[]): Promise<void> {
  const name = quoteIdent(table.name);
  const list = columns.map(quoteIdent).join(", ");
  const json = `[${rows.join(",")}]`;
  if (table.selfRefs.length === 0) {
    await db.execute(
      sql`INSERT INTO ${sql.raw(name)} (${sql.raw(list)}) SELECT ${sql.raw(list)} FROM json_populate_recordset(NULL::${sql.raw(name)}, ${json}::json)`,
    );
    return;
  }
  const key = quoteIdent(table.selfRefs[0].references);
  const parentsPresent = table.selfRefs
    .map(
      ({ column, references }) =>
        `(r.${quoteIdent(column)} IS NULL OR EXISTS (SELECT 1 FROM ${name} p WHERE p.${quoteIdent(references)} = r.${quoteIdent(column)}))`,
    )
    .join(" AND ");
  let left = rows.length;
  while (left > 0) {
    const [{ n }] = await executeRows<{ n: number }>(
      db,
      sql`WITH ins AS (
            INSERT INTO ${sql.raw(name)} (${sql.raw(list)})
            SELECT ${sql.raw(columns.map((c) => `r.${quoteIdent(c)}`).join(", "))} FROM json_populate_recordset(NULL::${sql.raw(name)}, ${json}::json) r
            WHERE NOT EXISTS (SELECT 1 FROM ${sql.raw(name)} x WHERE x.${sql.raw(key)} = r.${sql.raw(key)}) AND ${sql.raw(parentsPresent)}
            RETURNING 1)
          SELECT count(*)::int AS n FROM ins`,
    );
    if (n === 0) throw new BackupError(t.orphanRows(table.name, left));
    left -= n;
  }
}

/** A restore never merges into a database in use: no user, disclosure or audit row may exist yet. */
async function refuseUnlessNew(db: Db): Promise<void> {
  const [counts] = await executeRows<{ users: number; disclosures: number; audit: number }>(
    db,
    sql`SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM disclosures) AS disclosures, (SELECT count(*)::int FROM audit_log) AS audit`,
  );
  const what = [
    counts.users ? `${counts.users} 个用户` : "",
    counts.disclosures ? `${counts.disclosures} 份信息公开` : "",
    counts.audit ? `${counts.audit} 条审计记录` : "",
  ].filter(Boolean);
  if (what.length > 0) throw new BackupError(t.notEmpty(what.join("、")));
}
