import { eq, gt, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { frameworkFingerprint } from "@/db/queries/frameworks";
import { createTestDb, type TestDb } from "@/db/test-db";
import { formOf } from "@/lib/admin/framework-edit";
import { auditLog } from "@/db/schema/audit";
import { departments, orgUnits } from "@/db/schema/organisation";
import { departmentSheet, toCsv, toXlsx } from "@/lib/admin/__fixtures__/sheets";
import { type AnyOperation, executeOperation, registeredOperations, type Operation } from "@/app/_server/operation";
import { buildOperationWorld, type OperationWorld } from "@/app/_server/testing/operation-world";
import { importDepartmentsOperation } from "./departments/import/operations";
// The admin's operation modules: importing them registers them, as the server does.
import * as adminOperations from "./operations";
import * as departmentOperations from "./departments/operations";
import * as deskOperations from "./desks/operations";
import * as fiscalYearOperations from "./fiscal-years/operations";
import * as classificationOperations from "./fiscal-years/[year]/classification/operations";
import * as frameworkOperations from "./frameworks/operations";
import * as userOperations from "./users/operations";
import * as userImportOperations from "./users/import/operations";
import * as departmentImportOperations from "./departments/import/operations";

/**
 * The operations these modules define, read from their exports rather than from the registry: test
 * files share a worker's module cache, so the registry also holds whatever other files imported.
 */
const operationsHere: ReadonlyArray<AnyOperation> = [
  adminOperations,
  departmentOperations,
  deskOperations,
  fiscalYearOperations,
  classificationOperations,
  frameworkOperations,
  userOperations,
  userImportOperations,
  departmentImportOperations,
].flatMap((module) =>
  Object.values(module).filter((value): value is AnyOperation =>
    registeredOperations().includes(value as AnyOperation),
  ),
);

let t: TestDb;
let w: OperationWorld;
beforeAll(async () => {
  t = await createTestDb();
  w = await buildOperationWorld(t.db);
});
afterAll(async () => {
  await t?.close();
});

const asAdmin = <I, O>(op: Operation<I, O>, input: unknown) =>
  executeOperation(op, { db: t.db, actor: w.actors.admin, ip: "127.0.0.1" }, input);
const xlsx = async (rows: string[][], name = "部门.xlsx") => new File([(await toXlsx(rows)) as BlobPart], name);

describe("department.import: a sheet of 150 departments", () => {
  it("with three bad rows: the preview names each row and why, and a commit imports none of them", async () => {
    const { rows, bad } = departmentSheet(150, {
      firstCode: 7001,
      spoil: { 12: "nature", 60: "desk", 101: "name-clash" },
    });
    const before = await t.db.$count(departments);
    for (const mode of ["preview", "commit"] as const) {
      const outcome = await asAdmin(importDepartmentsOperation, { mode, file: await xlsx(rows) });
      if (!outcome.ok) throw new Error(outcome.formError ?? outcome.code);
      expect(outcome.data.imported).toBe(0);
      expect(outcome.data.problems.map((p) => p.row)).toEqual(bad.map((b) => b.sheetRow));
      for (const b of bad) expect(outcome.data.problems.find((p) => p.row === b.sheetRow)?.message).toContain(b.why);
    }
    expect(await t.db.$count(departments)).toBe(before);
    expect(await t.db.$count(departments, like(departments.code, "70%"))).toBe(0);
  });

  it("without problems: all 150 with their units in one go, each audited and the import as a whole", async () => {
    const { rows } = departmentSheet(150, { firstCode: 7001 });
    const lastAudit = (await t.db.select({ id: auditLog.id }).from(auditLog).orderBy(auditLog.id)).at(-1)?.id ?? 0;
    const outcome = await asAdmin(importDepartmentsOperation, {
      mode: "commit",
      file: new File([toCsv(rows) as BlobPart], "部门.csv"),
    });
    if (!outcome.ok) throw new Error(outcome.formError ?? outcome.code);
    expect(outcome.data.imported).toBe(150);
    const created = await t.db.select({ id: departments.id }).from(departments).where(like(departments.code, "7%"));
    expect(created).toHaveLength(150);
    // 150 own units and a second (事业) unit for every fifth department.
    const units = await t.db
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .innerJoin(departments, eq(departments.id, orgUnits.departmentId))
      .where(like(departments.code, "7%"));
    expect(units).toHaveLength(180);
    const audits = await t.db.select().from(auditLog).where(gt(auditLog.id, lastAudit));
    expect(audits.filter((a) => a.action === "department.create")).toHaveLength(150);
    expect(audits.filter((a) => a.action === "department.import" && a.entityId === "bulk-import")).toHaveLength(1);
  });

  it("a sheet whose codes the database took meanwhile imports nothing (checked again at commit)", async () => {
    const { rows } = departmentSheet(3, { firstCode: 7149 });
    const before = await t.db.$count(departments);
    const outcome = await asAdmin(importDepartmentsOperation, { mode: "commit", file: await xlsx(rows) });
    if (!outcome.ok) throw new Error(outcome.formError ?? outcome.code);
    expect(outcome.data.imported).toBe(0);
    expect(outcome.data.problems.map((p) => p.row)).toEqual([3, 4]);
    expect(await t.db.$count(departments)).toBe(before);
  });
});

const auditFramework = {
  id: "audit-example",
  name: "审计示例体系",
  source: "",
  levels: [{ level1: "产出指标", level2: ["数量指标"] }],
};

/** A valid input for each admin action, run as the admin on this file's world. */
const inputs: Record<string, (w: OperationWorld) => unknown> = {
  "user.set-disabled": (w) => ({ userId: w.actors.spareClerk.id, disabled: "true" }),
  "department.create": (w) => ({ code: "9001", name: "审计示例部门", groupId: w.desks.own, orgUnits: [] }),
  "department.update": (w) => ({
    departmentId: w.departments.other,
    name: "三河市财政局",
    groupId: w.desks.other,
    orgUnits: [],
  }),
  "department.import": () => ({
    mode: "commit",
    file: new File(["部门编码,部门名称\n9101,导入审计部门\n"], "部门.csv"),
  }),
  "desk.create": () => ({ name: "审计示例科室" }),
  "desk.set-approvers": (w) => ({ groupId: w.desks.own, userIds: [w.actors.approver.id] }),
  "fiscal-year.open": () => ({ year: "2051", frameworkId: "2021", submissionDeadline: "", startDrafts: "on" }),
  "fiscal-year.update": () => ({ year: "2051", frameworkId: "2021", submissionDeadline: "2051-01-31", status: "open" }),
  "fiscal-year.start-drafts": () => ({ year: "2020" }),
  "classification.import": () => ({
    mode: "commit",
    year: "2023",
    file: new File(["分类,科目编码,科目名称\n经济,301,工资福利支出\n经济,30101,基本工资\n"], "科目.csv"),
  }),
  "framework.create": () => ({ id: "audit-example", name: "审计示例体系", levels: "产出指标：数量指标" }),
  // Edits, then deletes, the framework the line above creates.
  "framework.update": () => ({
    ...formOf(auditFramework, frameworkFingerprint(auditFramework)),
    name: "审计示例体系（修订）",
  }),
  "framework.delete": () => ({
    id: "audit-example",
    expected: frameworkFingerprint({ ...auditFramework, name: "审计示例体系（修订）" }),
  }),
  "rule-policy.set": () => ({ ruleId: "plausibility.operating-within-basic", severity: "info" }),
  "user.create": (w) => ({
    username: "audit-new",
    displayName: "审计示例",
    role: "approver",
    groupIds: [w.desks.other],
  }),
  "user.update": (w) => ({
    userId: w.actors.spareClerk.id,
    displayName: "备用",
    role: "clerk",
    departmentIds: [w.departments.own],
  }),
  "user.reset-password": (w) => ({ userId: w.actors.spareClerk.id }),
  "user.import": () => ({
    mode: "commit",
    file: new File(["用户名,姓名,角色,负责部门\naudit-imported,导入,部门填报员,434\n"], "用户.csv"),
  }),
};

describe("every admin action is in the audit log", () => {
  const adminActions = () =>
    operationsHere.filter(
      (op) =>
        op.kind === "action" && op.access.kind === "global" && op.access.roles.join() === "admin" && op.name in inputs,
    );

  it("covers every admin-only action registered here", () => {
    const names = operationsHere
      .filter((op) => op.kind === "action" && op.access.kind === "global" && op.access.roles.join() === "admin")
      .map((op) => op.name);
    expect(names.filter((n) => !(n in inputs) && !n.startsWith("return-reason") && !n.startsWith("library"))).toEqual(
      [],
    );
  });

  it.each(Object.keys(inputs))("%s writes an audit row naming the admin", async (name) => {
    const op = adminActions().find((o) => o.name === name);
    expect(op, name).toBeDefined();
    const lastAudit = (await t.db.select({ id: auditLog.id }).from(auditLog).orderBy(auditLog.id)).at(-1)?.id ?? 0;
    const outcome = await executeOperation(op!, { db: t.db, actor: w.actors.admin, ip: "127.0.0.1" }, inputs[name](w));
    expect(outcome.ok ? "ok" : `${outcome.code}: ${outcome.formError}`).toBe("ok");
    const rows = await t.db.select().from(auditLog).where(gt(auditLog.id, lastAudit));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.actorId === w.actors.admin.id)).toBe(true);
  });
});
