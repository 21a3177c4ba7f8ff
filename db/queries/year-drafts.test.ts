import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { carryForward } from "@/lib/domain/carry-forward";
import { findFramework } from "@/lib/domain/frameworks";
import { emptyDisclosure } from "@/lib/domain/model";
import { auditLog } from "../schema/audit";
import { createTestDb, type TestDb } from "../test-db";
import { buildTestOrg, type TestOrg } from "../test-org";
import { disclosureIn } from "../test-workflow";
import { createDepartment, updateDepartment } from "./departments";
import { listDisclosuresForActor, loadDisclosure } from "./disclosures";
import { createFiscalYear } from "./settings";
import { departmentsWithoutDraft, startYearDrafts } from "./year-drafts";

let t: TestDb;
let w: TestOrg;
let office2020: string;
const office = { name: "三河市人民政府办公室", nature: "行政", level: "正科级", fundingForm: "财政拨款" };

beforeAll(async () => {
  t = await createTestDb();
  w = await buildTestOrg(t.db);
  // 434 and 411 published 2020 through the real steps; 402 never published anything.
  office2020 = (await disclosureIn(t.db, w.actors, w.departments.office, "published", 2020)).id;
  await disclosureIn(
    t.db,
    { ...w.actors, clerk: w.actors.clerk2, approver: w.actors.approver2 },
    w.departments.health,
    "published",
    2020,
  );
  await updateDepartment(t.db, w.actors.admin.id, w.departments.finance, {
    orgUnits: [{ ...office, name: "三河市财政局" }],
  });
  await createFiscalYear(t.db, w.actors.admin.id, {
    year: 2022,
    frameworkId: "2021",
    submissionDeadline: "2022-01-31",
    status: "open",
  });
});
afterAll(async () => {
  await t?.close();
});

describe("startYearDrafts", () => {
  it("gives each department a draft: last published carried forward, else blank with its units", async () => {
    expect((await departmentsWithoutDraft(t.db, 2022)).map((d) => d.code)).toEqual(["402", "411", "434"]);
    const result = await startYearDrafts(t.db, w.actors.admin, 2022, "10.0.0.1");
    expect(result).toEqual({ carried: ["411", "434"], empty: ["402"] });

    const drafts = await listDisclosuresForActor(t.db, w.actors.admin, { fiscalYear: 2022 });
    expect(drafts.map((d) => [d.departmentCode, d.state, d.revision, d.frameworkId])).toEqual([
      ["402", "draft", 1, "2021"],
      ["411", "draft", 1, "2021"],
      ["434", "draft", 1, "2021"],
    ]);
    const byCode = new Map(drafts.map((d) => [d.departmentCode, d.id]));

    const published = await loadDisclosure(t.db, w.actors.clerk, office2020);
    const office2022 = await loadDisclosure(t.db, w.actors.clerk, byCode.get("434")!);
    expect(office2022.title).toBe(published.title.replace("2020年", "2022年"));
    expect(office2022.budget.priorYear).toEqual({
      total: published.budget.expenditure.total,
      basic: published.budget.expenditure.basic,
      project: published.budget.expenditure.project,
    });
    expect(office2022.responsibilities).toEqual(published.responsibilities);
    expect(office2022.performance.projects.length).toBeGreaterThan(0);
    expect(office2022).toEqual({
      ...carryForward(published, 2022, findFramework("2021")!),
      department: { code: "434", name: "三河市人民政府办公室" },
    });

    const finance2022 = await loadDisclosure(t.db, w.actors.admin, byCode.get("402")!);
    expect(finance2022).toEqual({
      ...emptyDisclosure({ code: "402", name: "三河市财政局" }, 2022, "2021"),
      orgUnits: [{ ...office, name: "三河市财政局" }],
    });
  });

  it("fills only the gaps when run again, e.g. for a department added after the year opened", async () => {
    expect(await startYearDrafts(t.db, w.actors.admin, 2022)).toEqual({ carried: [], empty: [] });
    await createDepartment(t.db, w.actors.admin.id, { code: "450", name: "三河市统计局" });
    expect(await startYearDrafts(t.db, w.actors.admin, 2022)).toEqual({ carried: [], empty: ["450"] });
  });

  it("records the admin as creator of each draft in the audit log", async () => {
    const created = await t.db.select().from(auditLog).where(eq(auditLog.action, "disclosure.create"));
    const for2022 = created.filter((r) => (r.detail as { fiscalYear?: number }).fiscalYear === 2022);
    expect(for2022).toHaveLength(4);
    expect(new Set(for2022.map((r) => r.actorId))).toEqual(new Set([w.actors.admin.id]));
  });

  it("refuses anyone but an admin, and a closed year", async () => {
    await expect(startYearDrafts(t.db, w.actors.clerk, 2022)).rejects.toThrow("您没有权限为各部门生成草稿。");
    await createFiscalYear(t.db, w.actors.admin.id, {
      year: 2019,
      frameworkId: "2020",
      submissionDeadline: null,
      status: "closed",
    });
    await expect(startYearDrafts(t.db, w.actors.admin, 2019)).rejects.toThrow("已关闭的年度不能生成草稿");
    expect(await departmentsWithoutDraft(t.db, 2019)).toHaveLength(4);
  });
});
