import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../test-db";
import { buildTestOrg, type TestOrg } from "../test-org";
import { disclosureIn, type Cast } from "../test-workflow";
import { disclosureAuditTrail } from "./audit-trail";
import { NotFoundError } from "@/lib/errors";
import { countUnreadNotices, listNotices, markNoticesRead } from "./notices";
import { addComment, setCommentResolved } from "./review";
import { queueFacets, reviewQueue, stateCounts } from "./review-queue";
import { transitionDisclosure } from "./workflow";

let t: TestDb;
let w: TestOrg;
let cast: Cast;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDb();
  w = await buildTestOrg(t.db);
  cast = { clerk: w.actors.clerk, approver: w.actors.approver, admin: w.actors.admin };
  const health: Cast = { clerk: w.actors.clerk2, approver: w.actors.approver2, admin: w.actors.admin };
  ids.officeReview = (await disclosureIn(t.db, cast, w.departments.office, "in_review", 2021)).id;
  ids.officeDraft = (await disclosureIn(t.db, cast, w.departments.office, "draft", 2022)).id;
  ids.healthSubmitted = (await disclosureIn(t.db, health, w.departments.health, "submitted", 2021)).id;
  const first = await addComment(t.db, cast.approver, ids.officeReview, {
    anchorPath: "budget.income.total",
    body: "一",
  });
  await addComment(t.db, cast.approver, ids.officeReview, { anchorPath: "budget.expenditure.total", body: "二" });
  await setCommentResolved(t.db, cast.approver, first.id, true);
});
afterAll(async () => {
  await t?.close();
});

describe("the review queue", () => {
  it("lists only the desk's departments, with open and total threads", async () => {
    const rows = await reviewQueue(t.db, cast.approver);
    expect(rows.map((r) => r.id).sort()).toEqual([ids.officeReview, ids.officeDraft].sort());
    expect(rows.find((r) => r.id === ids.officeReview)).toMatchObject({
      deskName: "一科",
      openComments: 1,
      totalComments: 2,
      submissionDeadline: "2021-01-31",
    });
    expect((await reviewQueue(t.db, w.actors.approver2)).map((r) => r.id)).toEqual([ids.healthSubmitted]);
  });

  it("filters by state, year, desk and text inside the scope; the text is literal", async () => {
    expect((await reviewQueue(t.db, cast.approver, { states: ["in_review"] })).map((r) => r.id)).toEqual([
      ids.officeReview,
    ]);
    expect((await reviewQueue(t.db, cast.approver, { fiscalYear: 2022 })).map((r) => r.id)).toEqual([ids.officeDraft]);
    expect(await reviewQueue(t.db, cast.approver, { deskId: w.groups.desk2 })).toEqual([]);
    expect(await reviewQueue(t.db, cast.approver, { text: "卫生" })).toEqual([]);
    expect(await reviewQueue(t.db, cast.approver, { text: "%" })).toEqual([]);
    expect(await reviewQueue(t.db, cast.approver, { text: "434" })).toHaveLength(2);
    expect(await reviewQueue(t.db, cast.approver, { text: "政府办公" })).toHaveLength(2);
  });

  it("offers the years and desks of the scope, and counts by state", async () => {
    expect(await queueFacets(t.db, cast.approver)).toEqual({
      years: [2022, 2021],
      desks: [{ id: w.groups.desk1, name: "一科" }],
    });
    expect(await stateCounts(t.db, cast.approver)).toEqual({ in_review: 1, draft: 1 });
    expect(await stateCounts(t.db, cast.admin, 2021)).toEqual({ in_review: 1, submitted: 1 });
  });
});

describe("notices", () => {
  it("are the recipient's own, counted unread and marked read by them alone", async () => {
    const mine = await listNotices(t.db, cast.approver);
    expect(mine.map((n) => [n.kind, n.departmentName])).toEqual([["submitted", "三河市人民政府办公室"]]);
    expect(mine[0].actorName).toBe("clerk");
    expect(await countUnreadNotices(t.db, cast.approver)).toBe(1);
    expect(await markNoticesRead(t.db, w.actors.approver2, [mine[0].id])).toBe(0);
    expect(await countUnreadNotices(t.db, cast.approver)).toBe(1);
    expect(await markNoticesRead(t.db, cast.approver, "all")).toBe(1);
    expect(await countUnreadNotices(t.db, cast.approver)).toBe(0);
    expect(await listNotices(t.db, cast.approver, { unreadOnly: true })).toEqual([]);
  });
});

describe("the audit trail of a disclosure", () => {
  it("has every step and comment in order, with who and from where; outsiders cannot read it", async () => {
    const { id, version } = await disclosureIn(t.db, cast, w.departments.office, "submitted", 2023);
    await transitionDisclosure(t.db, cast.approver, id, "startReview", { expectedVersion: version, ip: "10.1.2.3" });
    const trail = await disclosureAuditTrail(t.db, cast.clerk, id);
    expect(trail.map((e) => `${e.action} ${e.actorName}`)).toEqual([
      "disclosure.create clerk",
      "disclosure.submit clerk",
      "disclosure.startReview approver",
    ]);
    expect(trail.at(-1)).toMatchObject({ ip: "10.1.2.3", detail: { from: "submitted", to: "in_review" } });
    await expect(disclosureAuditTrail(t.db, w.actors.clerk2, id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
