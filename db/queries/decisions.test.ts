import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError, StateError } from "@/lib/errors";
import { auditLog } from "../schema/audit";
import { createTestDb, type TestDb } from "../test-db";
import { buildTestOrg, type TestOrg } from "../test-org";
import { disclosureIn, type Cast } from "../test-workflow";
import { getDisclosureMeta } from "./disclosures";
import { listNotices } from "./notices";
import { publishSnapshot } from "./publishing";
import { addComment, lastDecision } from "./review";
import { approveDisclosure, returnDisclosure, transitionDisclosure } from "./workflow";

/**
 * What the bureau's decisions leave for the department (issue 18): the approver's opinion kept with
 * the approval and told to the clerk, the return and approval in the editor's banner, the clerk's
 * withdrawal before the review starts, and the notice that the disclosure is public.
 */

let t: TestDb;
let w: TestOrg;
let cast: Cast;
let nextYear = 2040;
const year = () => nextYear++;

beforeAll(async () => {
  t = await createTestDb();
  w = await buildTestOrg(t.db);
  cast = { clerk: w.actors.clerk, approver: w.actors.approver, admin: w.actors.admin };
});
afterAll(async () => {
  await t?.close();
});

const versionOf = async (id: string) => (await getDisclosureMeta(t.db, w.actors.admin, id)).version;

async function approvalAudit(id: string) {
  const [row] = await t.db
    .select({ detail: auditLog.detail })
    .from(auditLog)
    .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "disclosure.approve")))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row?.detail;
}

describe("the approval opinion (审核意见)", () => {
  it("is kept in the approval's audit row, told to the clerks, and shown in the clerk's banner", async () => {
    const d = await disclosureIn(t.db, cast, w.departments.office, "in_review", year());
    await approveDisclosure(t.db, cast.approver, d.id, {
      expectedVersion: d.version,
      opinion: "  数据完整，同意公开。  ",
    });
    expect(await approvalAudit(d.id)).toMatchObject({
      from: "in_review",
      to: "approved",
      opinion: "数据完整，同意公开。",
    });
    const notice = (await listNotices(t.db, cast.clerk)).find((n) => n.disclosureId === d.id);
    expect(notice).toMatchObject({ kind: "approved", detail: { opinion: "数据完整，同意公开。" } });
    expect(await lastDecision(t.db, cast.clerk, d.id)).toMatchObject({
      kind: "approved",
      opinion: "数据完整，同意公开。",
      by: "approver",
    });
  });

  it("may be left out: no opinion in the audit row or the notice, and the banner says none was given", async () => {
    const d = await disclosureIn(t.db, cast, w.departments.office, "in_review", year());
    await approveDisclosure(t.db, cast.approver, d.id, { expectedVersion: d.version, opinion: "   " });
    expect(await approvalAudit(d.id)).not.toHaveProperty("opinion");
    const notice = (await listNotices(t.db, cast.clerk)).find((n) => n.disclosureId === d.id);
    expect(notice?.detail).toEqual({});
    expect(await lastDecision(t.db, cast.clerk, d.id)).toMatchObject({ kind: "approved", opinion: "" });
  });

  it("is still the approval's after publication, and the clerk of another department cannot read it", async () => {
    const d = await disclosureIn(t.db, cast, w.departments.office, "in_review", year());
    const { version } = await approveDisclosure(t.db, cast.approver, d.id, {
      expectedVersion: d.version,
      opinion: "同意。",
    });
    await publishSnapshot(t.db, cast.admin, d.id, { expectedVersion: version, files: [] });
    expect(await lastDecision(t.db, cast.clerk, d.id)).toMatchObject({ kind: "approved", opinion: "同意。" });
    await expect(lastDecision(t.db, w.actors.clerk2, d.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("the return in the clerk's banner", () => {
  it("gives the last return's reason and note while returned, and nothing once resubmitted", async () => {
    const d = await disclosureIn(t.db, cast, w.departments.office, "in_review", year());
    await addComment(t.db, cast.approver, d.id, { anchorPath: "budget.income.total", body: "请核对。" });
    const { version } = await returnDisclosure(t.db, cast.approver, d.id, {
      expectedVersion: d.version,
      reasonCode: "inconsistent-data",
      note: "收入合计与批复不一致。",
    });
    expect(await lastDecision(t.db, cast.clerk, d.id)).toMatchObject({
      kind: "returned",
      reasonLabel: expect.any(String),
      note: "收入合计与批复不一致。",
      by: "approver",
    });
    await transitionDisclosure(t.db, cast.clerk, d.id, "submit", { expectedVersion: version });
    expect(await lastDecision(t.db, cast.clerk, d.id)).toBeNull();
  });
});

describe("withdrawing a submission", () => {
  it("lets the department's clerk take it back to draft before the review starts", async () => {
    const d = await disclosureIn(t.db, cast, w.departments.office, "submitted", year());
    const moved = await transitionDisclosure(t.db, cast.clerk, d.id, "withdraw", { expectedVersion: d.version });
    expect(moved.state).toBe("draft");
    expect((await getDisclosureMeta(t.db, cast.clerk, d.id)).state).toBe("draft");
  });

  it("refuses the approver, the admin and another department's clerk", async () => {
    const d = await disclosureIn(t.db, cast, w.departments.office, "submitted", year());
    const opts = { expectedVersion: d.version };
    await expect(transitionDisclosure(t.db, cast.approver, d.id, "withdraw", opts)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(transitionDisclosure(t.db, cast.admin, d.id, "withdraw", opts)).rejects.toBeInstanceOf(ForbiddenError);
    // Outside the other clerk's scope the disclosure is not even there.
    await expect(transitionDisclosure(t.db, w.actors.clerk2, d.id, "withdraw", opts)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect((await getDisclosureMeta(t.db, cast.admin, d.id)).state).toBe("submitted");
  });

  it("refuses once the review has started", async () => {
    const d = await disclosureIn(t.db, cast, w.departments.office, "in_review", year());
    await expect(
      transitionDisclosure(t.db, cast.clerk, d.id, "withdraw", { expectedVersion: d.version }),
    ).rejects.toBeInstanceOf(StateError);
    expect(await versionOf(d.id)).toBe(d.version);
  });
});

describe("publication notice", () => {
  it("tells the department's clerks that it is public, with its revision, and nobody else", async () => {
    const d = await disclosureIn(t.db, cast, w.departments.office, "approved", year());
    await publishSnapshot(t.db, cast.admin, d.id, { expectedVersion: d.version, files: [] });
    const told = (await listNotices(t.db, cast.clerk)).filter((n) => n.disclosureId === d.id);
    expect(told.map((n) => [n.kind, n.detail])).toContainEqual(["published", { revision: 1 }]);
    expect((await listNotices(t.db, w.actors.clerk2)).some((n) => n.kind === "published")).toBe(false);
    expect(
      (await listNotices(t.db, cast.approver)).some((n) => n.disclosureId === d.id && n.kind === "published"),
    ).toBe(false);
  });
});
