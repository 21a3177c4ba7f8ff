import { readFileSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDepartment } from "@/db/queries/departments";
import { createUser, loadActor } from "@/db/queries/users";
import { disclosureIn } from "@/db/test-workflow";
import { auditLog } from "@/db/schema/audit";
import { createTestDb, type TestDb } from "@/db/test-db";
import { executeOperation } from "@/app/_server/operation";
import { buildOperationWorld, type OperationWorld } from "@/app/_server/testing/operation-world";
import { findExportJob, listExportJobs, startYearExport } from "./jobs";
import { startYearExportOperation } from "./operations";

/**
 * The year's zip through the admin's action, for a year of several published disclosures: the
 * background job outlives the action's transaction (committed with its audit row as the action
 * answers), so it must read the disclosures through the database itself. It used to keep the
 * transaction and fail on the second disclosure ("Transaction is closed").
 */
const YEAR = 2043;
let t: TestDb;
let world: OperationWorld;
const codes = ["434", "501", "502"];
beforeAll(async () => {
  t = await createTestDb();
  world = await buildOperationWorld(t.db);
  // A third department, with its own clerk, so the year has three published disclosures.
  const third = await createDepartment(t.db, null, { code: "502", name: "三河市教育局", groupId: world.desks.other });
  const thirdClerk = await createUser(t.db, null, {
    username: "clerk-c",
    displayName: "clerk-c",
    role: "clerk",
    password: world.password,
    mustChangePassword: false,
    departmentIds: [third.id],
  });
  const casts = [
    { departmentId: world.departments.own, clerk: world.actors.clerk, approver: world.actors.approver },
    { departmentId: world.departments.other, clerk: world.actors.otherClerk, approver: world.actors.otherApprover },
    // The desk's approver read again: their departments now include the third.
    {
      departmentId: third.id,
      clerk: (await loadActor(t.db, thirdClerk.id))!,
      approver: (await loadActor(t.db, world.actors.otherApprover.id))!,
    },
  ];
  for (const c of casts)
    await disclosureIn(
      t.db,
      { clerk: c.clerk, approver: c.approver, admin: world.actors.admin },
      c.departmentId,
      "published",
      YEAR,
    );
}, 120_000);
afterAll(async () => {
  await t?.close();
});

/** The department folders inside the year's folder ("2043/434-三河市人民政府办公室/…"). */
async function folders(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const inYear = Object.keys(zip.files)
    .map((name) => name.split("/"))
    .filter((parts) => parts[0] === String(YEAR) && parts.length > 2);
  return [...new Set(inYear.map((parts) => parts[1]))].sort();
}

describe("the year's zip", () => {
  it("zips every published disclosure of a year of three, started by the admin's action", async () => {
    const outcome = await executeOperation(
      startYearExportOperation,
      { db: t.db, actor: world.actors.admin, ip: "10.9.0.1" },
      { fiscalYear: String(YEAR), formats: ["json", "csv"] },
    );
    if (!outcome.ok) throw new Error(outcome.formError ?? "refused");
    const job = findExportJob(outcome.data.id)!;
    await job.finished;
    expect(job.state).toBe("done");
    expect(job.progress).toMatchObject({ done: 3, total: 3 });
    expect((await folders(job.file)).map((f) => f.split("-")[0])).toEqual(codes);
    // The start is in the audit log: the action has no transaction of its own any more.
    const [audited] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "export.start-year"), eq(auditLog.entityId, job.id)));
    expect(audited).toMatchObject({
      actorId: world.actors.admin.id,
      ip: "10.9.0.1",
      detail: { fiscalYear: YEAR, formats: ["json", "csv"] },
    });
  }, 120_000);

  it("says so when the year has nothing published, and starts no job", async () => {
    const before = listExportJobs().length;
    const outcome = await executeOperation(
      startYearExportOperation,
      { db: t.db, actor: world.actors.admin, ip: null },
      { fiscalYear: "2044", formats: "json" },
    );
    expect(outcome).toMatchObject({ ok: false, code: "invalid-input", formError: expect.stringContaining("2044") });
    expect(listExportJobs().length).toBe(before);
  });

  it("refuses to run on a transaction, which ends before the job does", async () => {
    await expect(
      t.db.transaction((tx) => startYearExport(tx, { fiscalYear: YEAR, formats: ["json"] })),
    ).rejects.toThrow(/transaction/);
  });
});
