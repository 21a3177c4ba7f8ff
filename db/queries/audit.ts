import { createHash } from "node:crypto";
import { and, asc, count, desc, eq, gt, gte, inArray, is, like, lt, sql, type SQL } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import { currentSpelling, spellingsOf } from "@/lib/security/audit-actions";
import { stableStringify } from "@/lib/domain/json";
import { executeRows, type Db } from "../client";
import { auditLog } from "../schema/audit";
import { users } from "../schema/users";

export type AuditEntry = {
  /** null for the system itself (migrations, seeding) */
  actorId: string | null;
  ip?: string | null;
  /** dotted verb: disclosure.save, disclosure.submit, user.login … */
  action: string;
  entityType: string;
  entityId: string;
  /** what changed; must survive a JSON round trip unchanged (it is hashed) */
  detail?: Record<string, unknown>;
};

type ChainedFields = {
  at: Date;
  actorId: string | null;
  ip: string | null;
  action: string;
  entityType: string;
  entityId: string;
  detail: Record<string, unknown>;
};

export const GENESIS_HASH = "0".repeat(64);
// The chain's advisory lock key (4242001) lives in audit_append, migration 0009.

/** What a row's hash is taken over: the previous hash and every field, in an order jsonb cannot disturb. */
function chainMaterial(prevHash: string, row: ChainedFields): string {
  return stableStringify([
    prevHash,
    row.at.toISOString(),
    row.actorId,
    row.ip,
    row.action,
    row.entityType,
    row.entityId,
    row.detail,
  ]);
}

/** sha256 over chainMaterial (appendAudit computes the same in the database). */
export function auditHash(prevHash: string, row: ChainedFields): string {
  return createHash("sha256").update(chainMaterial(prevHash, row), "utf8").digest("hex");
}

/**
 * Appends one row to the hash chain. Call it inside the transaction that makes the change, so
 * the change and its audit row commit together; writers queue on an advisory lock so two
 * transactions never chain onto the same predecessor.
 *
 * One statement: audit_append (migration 0009) takes the chain's lock, reads the predecessor's
 * hash and inserts the row with its own hash computed in the database — sha256 over the same text
 * auditHash() hashes, the predecessor's hash spliced in front of the rest — so the lock, held
 * until commit, waits on no answer travelling through this process's event loop but the insert's.
 * verifyAuditChain recomputes every hash in JavaScript.
 */
export async function appendAudit(tx: Db, entry: AuditEntry): Promise<{ id: number; hash: string }> {
  if (!is(tx, PgTransaction)) return tx.transaction((inner) => appendAudit(inner, entry));
  const row: ChainedFields = {
    at: new Date(),
    actorId: entry.actorId,
    ip: entry.ip ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    // Hash exactly what jsonb will give back: undefined members vanish, dates become text.
    detail: JSON.parse(JSON.stringify(entry.detail ?? {})) as Record<string, unknown>,
  };
  // auditHash's material is ["<prev>",<the rest>]: the rest, from its first element on.
  const rest = chainMaterial(GENESIS_HASH, row).slice(`["${GENESIS_HASH}",`.length);
  const [appended] = await executeRows<{ id: number | string; hash: string }>(
    tx,
    sql`select appended_id as id, appended_hash as hash from audit_append(${row.at.toISOString()}::timestamptz, ${row.actorId}::uuid,
          ${row.ip}, ${row.action}, ${row.entityType}, ${row.entityId}, ${JSON.stringify(row.detail)}::jsonb, ${rest}::text)`,
  );
  return { id: Number(appended.id), hash: appended.hash };
}

export type ChainVerdict =
  | { ok: true; rows: number }
  | { ok: false; rows: number; brokenAtId: number; reason: "prev-hash" | "hash" };

/** Walks the whole log in id order and recomputes every link. */
export async function verifyAuditChain(db: Db, batchSize = 1000): Promise<ChainVerdict> {
  let prevHash = GENESIS_HASH;
  let afterId = 0;
  let rows = 0;
  for (;;) {
    const batch = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, afterId))
      .orderBy(asc(auditLog.id))
      .limit(batchSize);
    for (const row of batch) {
      if (row.prevHash !== prevHash) return { ok: false, rows, brokenAtId: row.id, reason: "prev-hash" };
      if (auditHash(prevHash, row) !== row.hash) return { ok: false, rows, brokenAtId: row.id, reason: "hash" };
      prevHash = row.hash;
      rows++;
    }
    if (batch.length < batchSize) return { ok: true, rows };
    afterId = batch[batch.length - 1].id;
  }
}

/** What the admin's audit view filters by (lib/security/audit-filter.ts parses them from the URL). */
export type AuditFilter = {
  /** inclusive, Beijing calendar dates "YYYY-MM-DD" */
  from?: string;
  to?: string;
  /** the acting user's username, exact (case-insensitive) */
  actor?: string;
  /** exact action ("user.login-failed") or a prefix ending in "." ("user.") */
  action?: string;
  /** the entity's id or, for sign-ins, the username typed; exact */
  entity?: string;
  ip?: string;
};

export type AuditRow = {
  id: number;
  at: Date;
  actorId: string | null;
  actorUsername: string | null;
  actorName: string | null;
  ip: string | null;
  action: string;
  entityType: string;
  entityId: string;
  /** What a reader knows the entity by: a user's name and username, a department's code and name,
   * a desk's name, a disclosure's department, year and revision (lib/security/audit-sentence.ts says them). */
  entityFacts: string[] | null;
  detail: Record<string, unknown>;
  hash: string;
};

/** The entity's id as a uuid where it is one (a typed username or "bulk-import" is not), for the lookups below. */
const entityUuid = sql`(case when ${auditLog.entityId} ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then ${auditLog.entityId}::uuid end)`;
const entityFacts = sql<string[] | null>`(case ${auditLog.entityType}
  when 'user' then (select json_build_array(u.display_name, u.username) from users u where u.id = ${entityUuid})
  when 'department' then (select json_build_array(d.code, d.name) from departments d where d.id = ${entityUuid})
  when 'department_group' then (select json_build_array(g.name) from department_groups g where g.id = ${entityUuid})
  when 'disclosure' then (select json_build_array(dep.name, x.fiscal_year::text, x.revision::text) from disclosures x join departments dep on dep.id = x.department_id where x.id = ${entityUuid})
  end)`;

// Beijing has no daylight saving: a calendar day starts at 00:00 +08:00.
const dayStart = (date: string) => new Date(`${date}T00:00:00+08:00`);
const nextDayStart = (date: string) => new Date(dayStart(date).getTime() + 24 * 3600 * 1000);

function auditConditions(filter: AuditFilter): SQL[] {
  const where: SQL[] = [];
  if (filter.from) where.push(gte(auditLog.at, dayStart(filter.from)));
  if (filter.to) where.push(lt(auditLog.at, nextDayStart(filter.to)));
  if (filter.actor) where.push(sql`lower(${users.username}) = ${filter.actor.trim().toLowerCase()}`);
  // An action matches its former spellings too (lib/security/audit-actions.ts): old rows keep theirs.
  if (filter.action)
    where.push(
      filter.action.endsWith(".")
        ? like(auditLog.action, `${filter.action.replace(/[%_\\]/g, "\\$&")}%`)
        : inArray(auditLog.action, spellingsOf(filter.action)),
    );
  if (filter.entity) where.push(eq(auditLog.entityId, filter.entity.trim()));
  if (filter.ip) where.push(eq(auditLog.ip, filter.ip.trim()));
  return where;
}

/**
 * The audit log for the admin's view and export, newest first. `limit` for the page; the export
 * reads in batches (`beforeId`) so a year of log never sits in memory at once.
 */
export async function searchAudit(
  db: Db,
  filter: AuditFilter,
  options: { limit: number; beforeId?: number },
): Promise<AuditRow[]> {
  const where = auditConditions(filter);
  if (options.beforeId !== undefined) where.push(lt(auditLog.id, options.beforeId));
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorId: auditLog.actorId,
      actorUsername: users.username,
      actorName: users.displayName,
      ip: auditLog.ip,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      entityFacts,
      detail: auditLog.detail,
      hash: auditLog.hash,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(options.limit);
}

export async function countAudit(db: Db, filter: AuditFilter): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(...auditConditions(filter)));
  return Number(row?.n ?? 0);
}

/** The distinct actions in the log, for the filter's list: each once, under its current spelling. */
export async function auditActions(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.action));
  return [...new Set(rows.map((r) => currentSpelling(r.action)))].sort();
}
