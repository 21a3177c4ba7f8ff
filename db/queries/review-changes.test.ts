import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../test-db";
import { buildTestOrg, type TestOrg } from "../test-org";
import { cleanContent, disclosureIn, type Cast } from "../test-workflow";
import { getDisclosureMeta, loadEditableDisclosure } from "./disclosures";
import { saveDisclosureContent } from "./disclosure-save";
import { publishSnapshot } from "./publishing";
import { addComment } from "./review";
import { changesSinceLastSubmission, priorYearDisclosure } from "./review-changes";
import { returnDisclosure, transitionDisclosure } from "./workflow";
import { sanhe2020 } from "@/lib/domain/__fixtures__/sanhe-2020";

let t: TestDb;
let w: TestOrg;
let cast: Cast;

beforeAll(async () => {
  t = await createTestDb();
  w = await buildTestOrg(t.db);
  cast = { clerk: w.actors.clerk, approver: w.actors.approver, admin: w.actors.admin };
});
afterAll(async () => {
  await t?.close();
});

describe("what changed since the last submission", () => {
  it("shows the approver exactly the cells the clerk changed between two submissions, rows followed by id", async () => {
    const { id, version } = await disclosureIn(t.db, cast, w.departments.office, "in_review", 2040);
    expect((await changesSinceLastSubmission(t.db, cast.approver, id)).base).toBeNull();

    await addComment(t.db, cast.approver, id, {
      anchorPath: "performance.projects[0].indicators[0].target",
      body: "目标值偏低",
    });
    let v = (
      await returnDisclosure(t.db, cast.approver, id, { expectedVersion: version, reasonCode: "unreasonable-target" })
    ).version;
    const { content } = await loadEditableDisclosure(t.db, cast.clerk, id);
    const edited = structuredClone(content);
    const rows = edited.performance.projects[0].indicators;
    rows[0].target = { raw: ">=98%", kind: "quantitative", operator: ">=", value: "98", unit: "%" };
    rows[1].basis = "依据上年实际完成情况";
    rows.splice(2, 0, {
      ...rows[2],
      id: undefined,
      name: "新增的三级指标",
      description: "新增指标的描述",
      basis: "新增指标的依据",
    });
    ({ version: v } = await saveDisclosureContent(t.db, cast.clerk, id, edited, { expectedVersion: v }));

    // The clerk, before resubmitting, sees the same list against what they submitted.
    const clerkView = await changesSinceLastSubmission(t.db, cast.clerk, id);
    expect(clerkView.changes.map((c) => `${c.kind} ${c.path}`)).toEqual([
      "changed performance.projects[0].indicators[0].target",
      "changed performance.projects[0].indicators[1].basis",
      "added performance.projects[0].indicators[2]",
    ]);

    ({ version: v } = await transitionDisclosure(t.db, cast.clerk, id, "submit", { expectedVersion: v }));
    await transitionDisclosure(t.db, cast.approver, id, "startReview", { expectedVersion: v });
    const seen = await changesSinceLastSubmission(t.db, cast.approver, id);
    expect(seen.base).toMatchObject({ version: 2, submittedByName: "clerk" });
    expect(seen.changes.map((c) => `${c.kind} ${c.path}`)).toEqual(clerkView.changes.map((c) => `${c.kind} ${c.path}`));
    const target = seen.changes[0];
    expect(target).toMatchObject({
      before: { raw: cleanContent().performance.projects[0].indicators[0].target.raw },
      after: { raw: ">=98%" },
      rowId: rows[0].id,
    });
    expect(target.label).toMatch(/^五、预算绩效信息 › 项目 1「.+」› 指标第 1 行 › 指标值$/);
  });
});

describe("last year, side by side", () => {
  it("is the published snapshot of the previous year, or nothing", async () => {
    const fixture = sanhe2020();
    const { id: lastYear } = await disclosureIn(t.db, cast, w.departments.office, "draft", 2042, fixture);
    const thisYear = await disclosureIn(t.db, cast, w.departments.office, "submitted", 2043);
    const meta = await getDisclosureMeta(t.db, cast.approver, thisYear.id);
    const draft = await priorYearDisclosure(t.db, cast.approver, meta);
    expect(draft).toMatchObject({ id: lastYear, fiscalYear: 2042, state: "draft" });
    expect(draft?.content.budget.income.total).toBe(fixture.budget.income.total);

    let v = (await getDisclosureMeta(t.db, cast.admin, lastYear)).version;
    for (const [step, who] of [
      ["submit", cast.clerk],
      ["startReview", cast.approver],
      ["approve", cast.approver],
    ] as const)
      ({ version: v } = await transitionDisclosure(t.db, who, lastYear, step, {
        expectedVersion: v,
        waive: "imported-publication",
      }));
    await publishSnapshot(t.db, cast.admin, lastYear, { expectedVersion: v, files: [] });
    expect(await priorYearDisclosure(t.db, cast.approver, meta)).toMatchObject({ id: lastYear, state: "published" });
    expect(
      await priorYearDisclosure(t.db, cast.approver, { departmentId: w.departments.office, fiscalYear: 2042 }),
    ).toBeNull();
    // Another desk's approver gets nothing of this department's drafts.
    expect(
      await priorYearDisclosure(t.db, w.actors.approver2, { departmentId: w.departments.office, fiscalYear: 2041 }),
    ).toBeNull();
  });
});
