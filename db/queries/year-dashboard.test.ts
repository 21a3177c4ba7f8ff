import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dashboardTotals, withLateness } from "@/lib/admin/year-dashboard";
import { Money } from "@/lib/domain/money";
import { checkDisclosure, summariseFindings } from "@/lib/rules/engine";
import { createTestDb, type TestDb } from "../test-db";
import { buildTestOrg, type TestOrg } from "../test-org";
import { cleanContent, disclosureIn } from "../test-workflow";
import { loadDisclosure } from "./disclosures";
import { addComment } from "./review";
import { yearDashboard } from "./year-dashboard";

let t: TestDb;
let w: TestOrg;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDb();
  w = await buildTestOrg(t.db);
  // 434 in review with a comment; 411 a draft with a broken sum; 402 has not started.
  const content = cleanContent(2021);
  ids.office = (await disclosureIn(t.db, w.actors, w.departments.office, "in_review", 2021, content)).id;
  await addComment(t.db, w.actors.approver, ids.office, {
    anchorPath: "budget.income.total",
    body: "请核对收入合计。",
  });
  const broken = cleanContent(2021);
  broken.threePublic.current.reception = "0.10";
  broken.threePublic.current.total = "0.10";
  ids.health = (
    await disclosureIn(
      t.db,
      { ...w.actors, clerk: w.actors.clerk2, approver: w.actors.approver2 },
      w.departments.health,
      "draft",
      2021,
      broken,
    )
  ).id;
});
afterAll(async () => {
  await t?.close();
});

describe("yearDashboard", () => {
  it("lists every department with its latest revision, figures as stored, open comments and findings", async () => {
    const rows = await yearDashboard(t.db, w.actors.admin, 2021, {});
    expect(rows.map((r) => [r.departmentCode, r.state, r.groupName, r.openComments])).toEqual([
      ["402", null, "一科", 0],
      ["411", "draft", "二科", 0],
      ["434", "in_review", "一科", 1],
    ]);
    const office = await loadDisclosure(t.db, w.actors.admin, ids.office);
    const row434 = rows[2];
    expect(row434.figures).toEqual({
      income: office.budget.income.total,
      expenditure: office.budget.expenditure.total,
      threePublic: office.threePublic.current.total,
      outbound: office.threePublic.current.outbound,
      vehiclePurchase: office.threePublic.current.vehiclePurchase,
      vehicleOperation: office.threePublic.current.vehicleOperation,
      reception: office.threePublic.current.reception,
      procurement: office.procurement.total,
    });
    expect(row434.submittedAt).toBeInstanceOf(Date);
    expect(rows[0].findings).toBeNull();

    const health = await loadDisclosure(t.db, w.actors.admin, ids.health);
    const expected = summariseFindings(checkDisclosure(health));
    expect(expected.error).toBeGreaterThan(0);
    expect(rows[1].findings).toEqual({ error: expected.error, warning: expected.warning });
  });

  it("applies the admin's severities: a rule turned off is not counted", async () => {
    const [withRule] = (await yearDashboard(t.db, w.actors.admin, 2021, {})).filter((r) => r.departmentCode === "411");
    const [without] = (
      await yearDashboard(t.db, w.actors.admin, 2021, { severities: { "three-public.sum": "off" } })
    ).filter((r) => r.departmentCode === "411");
    expect(without.findings!.error).toBeLessThan(withRule.findings!.error);
  });

  it("adds the year's figures exactly", async () => {
    const rows = withLateness(await yearDashboard(t.db, w.actors.admin, 2021, {}), "2021-01-31");
    const office = await loadDisclosure(t.db, w.actors.admin, ids.office);
    const health = await loadDisclosure(t.db, w.actors.admin, ids.health);
    const totals = dashboardTotals(rows);
    expect(totals.income).toBe(new Money(office.budget.income.total!).plus(health.budget.income.total!).toFixed(2));
    expect(totals.reception).toBe(new Money(office.threePublic.current.reception ?? 0).plus("0.10").toFixed(2));
    expect(totals.reporting.income).toBe(2);
    expect(totals.departments).toBe(3);
  });

  it("is for admins only", async () => {
    await expect(yearDashboard(t.db, w.actors.approver, 2021, {})).rejects.toThrow("您没有权限查看年度总览。");
  });
});
