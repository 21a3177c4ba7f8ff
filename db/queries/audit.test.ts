import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRows } from "../client";
import { auditLog } from "../schema/audit";
import { createTestDb, type TestDb } from "../test-db";
import { appendAudit, GENESIS_HASH, verifyAuditChain } from "./audit";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

const entry = (n: number) => ({
  actorId: null,
  ip: "10.0.0.1",
  action: "test.append",
  entityType: "test",
  entityId: String(n),
  detail: { n, nested: { b: "二", a: "一" }, amount: "53.94", when: new Date(Date.UTC(2021, 0, n)) },
});

describe("the audit log", () => {
  it("chains each row to the one before", async () => {
    for (let n = 1; n <= 5; n++) await appendAudit(t.db, entry(n));
    const rows = await t.db.select().from(auditLog).orderBy(auditLog.id);
    expect(rows[0].prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prevHash).toBe(rows[i - 1].hash);
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, rows: 5 });
  });

  it("keeps one chain when writers append at the same time", async () => {
    // On PostgreSQL these are separate connections racing for the chain's lock.
    await Promise.all([6, 7, 8, 9, 10].map((n) => appendAudit(t.db, entry(n))));
    expect(await verifyAuditChain(t.db, 3)).toEqual({ ok: true, rows: 10 });
    const before = await verifyAuditChain(t.db);
    await Promise.all(Array.from({ length: 60 }, (_, i) => appendAudit(t.db, entry(100 + i))));
    expect(await verifyAuditChain(t.db, 7)).toEqual({ ok: true, rows: before.rows + 60 });
  });

  it("hashes in the database exactly what verification recomputes, whatever the text", async () => {
    const awkward = [
      '引号"与\\反斜杠',
      "换行\n制表\t",
      "😀 emoji",
      "\u2028分隔\u2029",
      "<script>alert(1)</script>",
      '=HYPERLINK("x")',
      "é 组合 e\u0301",
    ];
    const before = await verifyAuditChain(t.db);
    for (const [n, text] of awkward.entries()) {
      const { hash } = await appendAudit(t.db, {
        actorId: null,
        ip: text,
        action: "test.awkward",
        entityType: "测试",
        entityId: text,
        detail: { text, list: [text, n, null, true] },
      });
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, rows: before.rows + awkward.length });
  });

  it("refuses UPDATE, DELETE and TRUNCATE", async () => {
    // drizzle wraps the server's error; the trigger's message is its cause.
    const refusal = (statement: ReturnType<typeof sql>) =>
      t.db.execute(statement).then(
        () => "accepted",
        (e: Error) => String((e.cause as Error | undefined)?.message),
      );
    expect(await refusal(sql`update audit_log set ip = '6.6.6.6'`)).toMatch(/append-only \(UPDATE/);
    expect(await refusal(sql`delete from audit_log`)).toMatch(/append-only \(DELETE/);
    expect(await refusal(sql`truncate audit_log`)).toMatch(/append-only \(TRUNCATE/);
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, rows: 77 });
  });

  it("detects a row changed behind the trigger's back", async () => {
    const [victim] = await executeRows<{ id: number }>(
      t.db,
      sql`select id from audit_log order by id offset 3 limit 1`,
    );
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
      await tx.execute(
        sql`update audit_log set detail = jsonb_set(detail, '{amount}', '"63.94"') where id = ${victim.id}`,
      );
      await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
    });
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, brokenAtId: Number(victim.id), reason: "hash" });
  });
});
