import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtInFrameworks } from "@/lib/domain/frameworks";
import { executeRows } from "./client";
import { migrateDb } from "./migrate";
import { indicatorFrameworks, returnReasons } from "./schema/settings";
import { createTestDb, type TestDb } from "./test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

describe("migrations", () => {
  it("create every table of the schema", async () => {
    const rows = await executeRows<{ table_name: string }>(
      t.db,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    const tables = rows.map((r) => r.table_name);
    expect(tables).toEqual(
      expect.arrayContaining([
        "audit_log",
        "departments",
        "disclosures",
        "disclosure_sections",
        "indicators",
        "procurement_items",
        "published_files",
        "users",
      ]),
    );
  });

  it("seed the built-in frameworks and the return reasons", async () => {
    const frameworks = await t.db.select().from(indicatorFrameworks);
    expect(frameworks.map((f) => f.id).sort()).toEqual(builtInFrameworks.map((f) => f.id).sort());
    const reasons = await t.db.select().from(returnReasons);
    expect(reasons.map((r) => r.label)).toEqual(
      expect.arrayContaining(["指标不完整", "数据不一致", "目标值不合理", "绩效目标质量", "依据不充分", "其他"]),
    );
  });

  it("can run again on a migrated database without changing it", async () => {
    await migrateDb(t.db);
    const reasons = await t.db.select().from(returnReasons);
    expect(reasons).toHaveLength(6);
  });

  it("keep numeric(16,2) money exact as strings", async () => {
    const [row] = await executeRows<{ n: string }>(t.db, sql`select (3 * 17.98)::numeric(16,2) as n`);
    expect(row.n).toBe("53.94");
  });
});
