import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../test-db";
import { appendAudit, verifyAuditChain } from "./audit";
import { appRoleGrantStatements } from "./security-roles";

/**
 * The app's role on PostgreSQL (and PGlite, which has the same catalog): the grants the README
 * prescribes are applied, then, acting as that role, the log can be appended to and read but not
 * changed — refused by the permission system before the trigger is even asked.
 */
let t: TestDb;
const role = `bdw_app_${Math.random().toString(36).slice(2, 8)}`;
beforeAll(async () => {
  t = await createTestDb();
  await t.db.execute(sql.raw(`CREATE ROLE ${role} NOLOGIN`));
  for (const statement of appRoleGrantStatements(role)) await t.db.execute(sql.raw(statement));
});
afterAll(async () => {
  if (t) {
    await t.db.execute(sql.raw(`DROP OWNED BY ${role}`)).catch(() => undefined);
    await t.db.execute(sql.raw(`DROP ROLE IF EXISTS ${role}`)).catch(() => undefined);
    await t.close();
  }
});

/** Runs `statement` as the app role inside a transaction; "ok" or the server's message. */
async function asApp(statement: string): Promise<string> {
  try {
    await t.db.transaction(async (tx) => {
      await tx.execute(sql.raw(`SET LOCAL ROLE ${role}`));
      await tx.execute(sql.raw(statement));
    });
    return "ok";
  } catch (error) {
    return String(((error as Error).cause as Error | undefined)?.message ?? (error as Error).message);
  }
}

describe("the application's database role", () => {
  it("appends to and reads the audit log, and works its tables", async () => {
    await t.db.transaction(async (tx) => {
      await tx.execute(sql.raw(`SET LOCAL ROLE ${role}`));
      await appendAudit(tx, { actorId: null, action: "test.as-app", entityType: "test", entityId: "1" });
    });
    expect(await asApp("select count(*) from audit_log")).toBe("ok");
    expect(await asApp("update users set display_name = display_name where false")).toBe("ok");
    expect(await asApp("delete from sign_in_attempts where false")).toBe("ok");
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it("may not update, delete or truncate the audit log, nor touch the migration journal", async () => {
    expect(await asApp("update audit_log set ip = '6.6.6.6'")).toMatch(/permission denied/);
    expect(await asApp("delete from audit_log")).toMatch(/permission denied/);
    expect(await asApp("truncate audit_log")).toMatch(/permission denied/);
    expect(await asApp("alter table audit_log disable trigger audit_log_no_update_delete")).toMatch(
      /must be (the )?owner|permission denied/,
    );
    expect(await asApp("select * from drizzle.__drizzle_migrations")).toMatch(/permission denied/);
  });

  it("accepts only plain identifiers", () => {
    expect(() => appRoleGrantStatements("app; drop table users")).toThrow();
  });
});
