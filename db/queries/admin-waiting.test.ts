import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/errors";
import { createTestDb, type TestDb } from "../test-db";
import { buildTestOrg, type TestOrg } from "../test-org";
import { disclosureIn, type Cast } from "../test-workflow";
import { adminWaiting } from "./admin-waiting";
import { saveFiscalYear } from "./settings";

/** The admin's home (issue 18.6): what is approved and not yet published, and who is late. */

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

describe("what waits for the admin", () => {
  it("lists approved disclosures to publish, late ones first, and the departments past an open year's deadline", async () => {
    // 2050: the office's approved; 卫健局 has a draft; 财政局 has not started. Deadline 2050-01-31.
    const approved = await disclosureIn(t.db, cast, w.departments.office, "approved", 2050);
    await disclosureIn(t.db, { ...cast, clerk: w.actors.clerk2 }, w.departments.health, "draft", 2050);
    await saveFiscalYear(t.db, null, {
      year: 2050,
      frameworkId: "2021",
      submissionDeadline: "2050-01-31",
      status: "open",
    });

    const before = await adminWaiting(t.db, cast.admin, "2050-01-31");
    expect(before.toPublish.map((d) => [d.disclosureId, d.fiscalYear])).toContainEqual([approved.id, 2050]);
    expect(before.late.filter((l) => l.fiscalYear === 2050)).toEqual([]);

    // Ten days past the deadline: the two that have not submitted are late; the approved one is not.
    const after = await adminWaiting(t.db, cast.admin, "2050-02-10");
    const late2050 = after.late.filter((l) => l.fiscalYear === 2050);
    expect(late2050.map((l) => [l.departmentId, l.state, l.lateness.overdue]).sort()).toEqual(
      [
        [w.departments.finance, null, 10],
        [w.departments.health, "draft", 10],
      ].sort(),
    );
    expect(late2050.find((l) => l.state === "draft")?.disclosureId).toEqual(expect.any(String));
    // Publication is due 20 days after approval: far past it, the approved one shows how late.
    const far = await adminWaiting(t.db, cast.admin, "2099-01-01");
    expect(far.toPublish.find((d) => d.disclosureId === approved.id)?.lateness.publishOverdue).toBeGreaterThan(0);
  });

  it("leaves closed years' lateness out and is the admin's alone", async () => {
    await saveFiscalYear(t.db, null, {
      year: 2050,
      frameworkId: "2021",
      submissionDeadline: "2050-01-31",
      status: "closed",
    });
    expect((await adminWaiting(t.db, cast.admin, "2050-02-10")).late.some((l) => l.fiscalYear === 2050)).toBe(false);
    await expect(adminWaiting(t.db, cast.approver)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(adminWaiting(t.db, cast.clerk)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
