import { desc, eq, gt } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogueStates, loadClassificationCatalogue } from "@/db/queries/classification";
import { createDisclosure } from "@/db/queries/disclosures";
import { auditLog } from "@/db/schema/audit";
import { classificationCodes } from "@/db/schema/classification";
import { createTestDb, type TestDb } from "@/db/test-db";
import { buildTestOrg, type TestOrg } from "@/db/test-org";
import { toCsv, toXlsx } from "@/lib/admin/__fixtures__/sheets";
import type { Actor } from "@/lib/auth/actor";
import { classificationKinds } from "@/lib/domain/budget-tables";
import { sanhe2020WithTables } from "@/lib/domain/__fixtures__/sanhe-2020-tables";
import { describeAudit } from "@/lib/security/audit-sentence";
import { executeOperation } from "@/app/_server/operation";
import { importClassificationOperation } from "./operations";

/**
 * The admin's catalogue import on a real database: 434's 2021 disclosure has its budget tables, so
 * 2021's catalogue (a copy of the shipped 2020 one) has codes in use that no sheet may drop.
 */

let t: TestDb;
let org: TestOrg;
let header: string[];
let catalogue: string[][];
beforeAll(async () => {
  t = await createTestDb();
  org = await buildTestOrg(t.db);
  await createDisclosure(t.db, org.actors.clerk, {
    departmentId: org.departments.office,
    fiscalYear: 2021,
    content: { ...sanhe2020WithTables(), fiscalYear: 2021 },
  });
  // As the editor does the first time 2021's tables are checked.
  const copied = (await loadClassificationCatalogue(t.db, 2021))!;
  header = ["分类", "科目编码", "科目名称"];
  catalogue = classificationKinds.flatMap((k) => copied.entries(k).map((e) => [e.kind, e.code, e.name]));
});
afterAll(async () => {
  await t?.close();
});

const run = (actor: Actor, mode: "preview" | "commit", file: File, year = "2021") =>
  executeOperation(importClassificationOperation, { db: t.db, actor, ip: "10.9.0.1" }, { mode, year, file });
const csv = (rows: string[][]) => new File([toCsv(rows) as BlobPart], "2021年科目.csv");
const codes2021 = async () =>
  (await t.db.select().from(classificationCodes).where(eq(classificationCodes.fiscalYear, 2021)))
    .map((r) => `${r.kind}${r.code}${r.name}`)
    .sort();
const lastAuditId = async () =>
  (await t.db.select({ id: auditLog.id }).from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0]?.id ?? 0;

describe("classification.import", () => {
  it("previews and refuses a sheet with a bad row and without a code in use, naming each, and imports nothing", async () => {
    const before = await codes2021();
    const rows = [
      header,
      ...catalogue.filter((r) => r[1] !== "2010301"),
      ["功能", "2010", "四位编码"],
      ["", "20103", "政府办公厅（室）及相关机构事务"],
    ];
    for (const mode of ["preview", "commit"] as const) {
      const outcome = await run(org.actors.admin, mode, csv(rows));
      if (!outcome.ok) throw new Error(outcome.formError ?? outcome.code);
      expect(outcome.data.imported).toBe(0);
      expect(outcome.data.problems.map((p) => [p.row, p.message])).toEqual([
        [null, "功能分类科目 2010301 正被2021年的信息公开使用，表中没有它，不能删除；请在表中保留这一行。"],
        [rows.length - 1, "功能分类科目编码为 3 位（类）、5 位（款）或 7 位（项）（“2010”）"],
        [rows.length, `科目编码“20103”与第 ${rows.findIndex((r) => r[1] === "20103") + 1} 行重复。`],
      ]);
    }
    expect(await codes2021()).toEqual(before);
    expect((await catalogueStates(t.db, [2021])).get(2021)).toMatchObject({ origin: "copied", sourceYear: 2020 });
  });

  it("is refused to everyone but an admin, and the refusal is audited", async () => {
    const from = await lastAuditId();
    for (const actor of [org.actors.clerk, org.actors.approver]) {
      const outcome = await run(actor, "commit", csv([header, ...catalogue]));
      expect(outcome.ok ? "ok" : outcome.code).toBe("forbidden");
    }
    const refusals = await t.db.select().from(auditLog).where(gt(auditLog.id, from));
    expect(refusals.map((r) => [r.action, r.entityId])).toEqual([
      ["authz.refused", "classification.import"],
      ["authz.refused", "classification.import"],
    ]);
    expect((await catalogueStates(t.db, [2021])).get(2021)?.origin).toBe("copied");
  });

  it("is refused for a year that was never set up", async () => {
    const outcome = await run(org.actors.admin, "preview", csv([header, ...catalogue]), "2031");
    expect(outcome.ok ? "ok" : outcome.code).toBe("not-found");
  });

  it("takes an .xlsx that keeps the codes in use: says what it changes, replaces the year's catalogue, audits it", async () => {
    const unused = catalogue.find((r) => r[1] === "2080599")!;
    const rows = [
      ["2021年政府收支分类科目"],
      header,
      ...catalogue
        .filter((r) => r !== unused)
        .map((r) => (r[1] === "2019999" ? [r[0], r[1], "其他一般公共服务支出（2021）"] : r)),
      ["功能", "2010308", "信访事务"],
    ];
    const file = async () => new File([(await toXlsx(rows, "科目")) as BlobPart], "2021年科目.xlsx");
    const preview = await run(org.actors.admin, "preview", await file());
    if (!preview.ok) throw new Error(preview.formError ?? preview.code);
    expect(preview.data.problems).toEqual([]);
    expect(preview.data.changes).toEqual({ before: catalogue.length, added: 1, removed: 1, renamed: 1 });
    expect((await catalogueStates(t.db, [2021])).get(2021)?.origin).toBe("copied");

    const from = await lastAuditId();
    const outcome = await run(org.actors.admin, "commit", await file());
    if (!outcome.ok) throw new Error(outcome.formError ?? outcome.code);
    expect(outcome.data.imported).toBe(catalogue.length);
    const now = (await loadClassificationCatalogue(t.db, 2021))!;
    expect(now.sourceYear).toBe(2021);
    expect(now.nameOf("功能", "2010308")).toBe("信访事务");
    expect(now.nameOf("功能", "2080599")).toBeUndefined();
    expect(now.nameOf("功能", "2019999")).toBe("其他一般公共服务支出（2021）");
    expect((await catalogueStates(t.db, [2021])).get(2021)).toMatchObject({
      origin: "imported",
      fileName: "2021年科目.xlsx",
      count: catalogue.length,
    });
    // 2020's own is untouched.
    expect((await loadClassificationCatalogue(t.db, 2020))?.nameOf("功能", "2080599")).toBe("其他行政事业单位养老支出");

    const audits = await t.db.select().from(auditLog).where(gt(auditLog.id, from));
    expect(audits).toHaveLength(1);
    const [row] = audits;
    expect(row).toMatchObject({
      action: "classification.import",
      actorId: org.actors.admin.id,
      ip: "10.9.0.1",
      entityType: "fiscal_year",
      entityId: "2021",
    });
    expect(row.detail).toMatchObject({
      fileName: "2021年科目.xlsx",
      before: catalogue.length,
      after: catalogue.length,
      added: ["功能 2010308"],
      removed: [{ kind: "功能", code: "2080599", name: "其他行政事业单位养老支出" }],
      renamed: [
        { kind: "功能", code: "2019999", before: "其他一般公共服务支出", after: "其他一般公共服务支出（2021）" },
      ],
    });
    expect(describeAudit(row)).toBe(
      `从“2021年科目.xlsx”导入本年度的政府收支分类科目 ${catalogue.length} 个（原有 ${catalogue.length} 个，新增 1 个，删去 1 个，改名 1 个）。`,
    );
  });
});
