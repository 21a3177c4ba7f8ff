import { sql } from "drizzle-orm";
import { executeRows, type Db } from "@/db/client";

/**
 * What a backup needs to know about the schema, read from the database itself (so a table added
 * by a later migration is backed up without anyone remembering to list it): the tables of the
 * public schema in foreign-key order, their columns, their self-references and their sequences.
 */

export type TableInfo = {
  name: string;
  columns: string[];
  /** Foreign keys from the table to itself (a reply's parent comment): rows must come parent first. */
  selfRefs: Array<{ column: string; references: string }>;
};

export type Catalog = { tables: TableInfo[]; sequences: Array<{ table: string; column: string; sequence: string }> };

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function readCatalog(db: Db): Promise<Catalog> {
  const tableRows = await executeRows<{ name: string }>(
    db,
    sql`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
  );
  const columnRows = await executeRows<{ table: string; column: string }>(
    db,
    sql`SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
        WHERE table_schema = 'public' AND is_generated = 'NEVER' ORDER BY table_name, ordinal_position`,
  );
  const fkRows = await executeRows<{ child: string; parent: string; column: string; references: string }>(
    db,
    sql`SELECT cl.relname AS child, pr.relname AS parent, a.attname AS "column", pa.attname AS "references"
        FROM pg_constraint co
        JOIN pg_class cl ON cl.oid = co.conrelid
        JOIN pg_namespace n ON n.oid = cl.relnamespace
        JOIN pg_class pr ON pr.oid = co.confrelid
        JOIN pg_attribute a ON a.attrelid = co.conrelid AND a.attnum = co.conkey[1]
        JOIN pg_attribute pa ON pa.attrelid = co.confrelid AND pa.attnum = co.confkey[1]
        WHERE co.contype = 'f' AND n.nspname = 'public'`,
  );
  const sequences = await executeRows<{ table: string; column: string; sequence: string }>(
    db,
    sql`SELECT table_name AS "table", column_name AS "column",
               pg_get_serial_sequence(quote_ident(table_name), column_name) AS "sequence"
        FROM information_schema.columns
        WHERE table_schema = 'public' AND column_default LIKE 'nextval(%'`,
  );
  const tables = tableRows.map(({ name }) => ({
    name,
    columns: columnRows.filter((c) => c.table === name).map((c) => c.column),
    selfRefs: fkRows
      .filter((f) => f.child === name && f.parent === name)
      .map((f) => ({ column: f.column, references: f.references })),
  }));
  const parents = new Map(
    tables.map((t) => [
      t.name,
      new Set(fkRows.filter((f) => f.child === t.name && f.parent !== t.name).map((f) => f.parent)),
    ]),
  );
  return { tables: dependencyOrder(tables, parents), sequences: sequences.filter((s) => s.sequence) };
}

/** Parents before children (stable by name), so inserting in this order never breaks a foreign key. */
export function dependencyOrder<T extends { name: string }>(tables: T[], parents: Map<string, Set<string>>): T[] {
  const ordered: T[] = [];
  const done = new Set<string>();
  const remaining = [...tables].sort((a, b) => a.name.localeCompare(b.name));
  while (remaining.length > 0) {
    const ready = remaining.findIndex((t) =>
      [...(parents.get(t.name) ?? [])].every((p) => done.has(p) || !tables.some((x) => x.name === p)),
    );
    if (ready < 0) throw new Error(`foreign keys form a cycle between ${remaining.map((t) => t.name).join(", ")}`);
    const [table] = remaining.splice(ready, 1);
    ordered.push(table);
    done.add(table.name);
  }
  return ordered;
}

/** The migrations applied to the database, oldest first (drizzle's own journal table). */
export async function appliedMigrations(db: Db): Promise<string[]> {
  const exists = await executeRows<{ found: boolean }>(
    db,
    sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS found`,
  );
  if (!exists[0]?.found) return [];
  const rows = await executeRows<{ hash: string }>(db, sql`SELECT hash FROM drizzle.__drizzle_migrations ORDER BY id`);
  return rows.map((r) => r.hash);
}
