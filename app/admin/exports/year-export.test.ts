import { and, eq } from "drizzle-orm";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDepartment } from "@/db/queries/departments";
import { createUser, loadActor } from "@/db/queries/users";
import { disclosureIn } from "@/db/test-workflow";
import { auditLog } from "@/db/schema/audit";
import { createTestDb, type TestDb } from "@/db/test-db";
import { claimJob } from "@/db/jobs/queue";
import { drainJobs } from "@/db/jobs/runner";
import { jobHandlers } from "@/app/_server/jobs";
import { executeOperation } from "@/app/_server/operation";
import { buildOperationWorld, type OperationWorld } from "@/app/_server/testing/operation-world";
import { findExportJob, listExportJobs } from "./jobs";
import { downloadYearExportOperation, startYearExportOperation } from "./operations";
import { YEAR_EXPORT_KIND } from "./year-export-job";

/**
 * The year's zip through the admin's operations, for a year of several published disclosures: the
 * action queues a job (with its audit row), a worker writes the zip into the database, and the poll
 * and the download read it from there — as any app server would.
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
async function folders(bytes: ArrayBuffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const inYear = Object.keys(zip.files)
    .map((name) => name.split("/"))
    .filter((parts) => parts[0] === String(YEAR) && parts.length > 2);
  return [...new Set(inYear.map((parts) => parts[1]))].sort();
}

const admin = () => ({ db: t.db, actor: world.actors.admin, ip: "10.9.0.1" });

async function start(formats: string[]): Promise<string> {
  const outcome = await executeOperation(startYearExportOperation, admin(), { fiscalYear: String(YEAR), formats });
  if (!outcome.ok) throw new Error(outcome.formError ?? "refused");
  return outcome.data.id;
}

async function download(id: string): Promise<ArrayBuffer> {
  const outcome = await executeOperation(downloadYearExportOperation, admin(), { job: id });
  if (!outcome.ok) throw new Error(outcome.code);
  expect(outcome.data.headers.get("content-type")).toBe("application/zip");
  const bytes = await outcome.data.arrayBuffer();
  expect(Number(outcome.data.headers.get("content-length"))).toBe(bytes.byteLength);
  return bytes;
}

describe("the year's zip", () => {
  it("zips every published disclosure of a year of three: started, polled and downloaded through the database", async () => {
    const id = await start(["json", "csv"]);
    // Queued, not yet run: the poll says so, and there is nothing to download.
    expect(await findExportJob(t.db, id)).toMatchObject({ state: "queued", progress: { done: 0, total: 3 } });
    expect(await executeOperation(downloadYearExportOperation, admin(), { job: id })).toMatchObject({
      ok: false,
      code: "not-found",
    });
    expect(await drainJobs(t.db, { handlers: jobHandlers })).toBe(1);
    const job = (await findExportJob(t.db, id))!;
    expect(job.state).toBe("done");
    expect(job.progress).toMatchObject({ done: 3, total: 3 });
    expect((await listExportJobs(t.db)).map((j) => j.id)).toContain(id);
    const bytes = await download(id);
    expect(bytes.byteLength).toBe(job.size);
    expect((await folders(bytes)).map((f) => f.split("-")[0])).toEqual(codes);
    // The start is in the audit log, committed with the job.
    const [audited] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "export.start-year"), eq(auditLog.entityId, id)));
    expect(audited).toMatchObject({
      actorId: world.actors.admin.id,
      ip: "10.9.0.1",
      detail: { fiscalYear: YEAR, formats: ["json", "csv"] },
    });
  }, 120_000);

  it("re-runs an export whose server was killed mid-way, and the download is the re-run's zip", async () => {
    const id = await start(["json"]);
    // A server claimed it and died: it never renews its one-millisecond lease.
    expect(await claimJob(t.db, { workerId: "killed", kinds: [YEAR_EXPORT_KIND], leaseMs: 1 })).toMatchObject({ id });
    expect(await findExportJob(t.db, id)).toMatchObject({ state: "running" });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await drainJobs(t.db, { handlers: jobHandlers })).toBe(1);
    expect(await findExportJob(t.db, id)).toMatchObject({ state: "done", attempts: 2, progress: { done: 3 } });
    expect((await folders(await download(id))).map((f) => f.split("-")[0])).toEqual(codes);
  }, 120_000);

  it("says so when the year has nothing published, and starts no job", async () => {
    const before = (await listExportJobs(t.db)).length;
    const outcome = await executeOperation(startYearExportOperation, admin(), { fiscalYear: "2044", formats: "json" });
    expect(outcome).toMatchObject({ ok: false, code: "invalid-input", formError: expect.stringContaining("2044") });
    expect((await listExportJobs(t.db)).length).toBe(before);
  });
});
