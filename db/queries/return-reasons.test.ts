import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserError, NotFoundError } from "@/lib/errors";
import { createTestDb, type TestDb } from "../test-db";
import { buildTestOrg, type TestOrg } from "../test-org";
import { disclosureIn } from "../test-workflow";
import { addComment } from "./review";
import { createReturnReason, listReturnReasonsWithUse, updateReturnReason } from "./return-reasons";
import { listReturnReasons } from "./settings";
import { returnDisclosure } from "./workflow";

let t: TestDb;
let w: TestOrg;
beforeAll(async () => {
  t = await createTestDb();
  w = await buildTestOrg(t.db);
});
afterAll(async () => {
  await t?.close();
});

describe("return reasons, as the admin keeps them", () => {
  it("start with the five of workflow.md and issue 16's 绩效目标质量, 其他 last", async () => {
    expect((await listReturnReasonsWithUse(t.db)).map((r) => r.label)).toEqual([
      "指标不完整",
      "数据不一致",
      "目标值不合理",
      "绩效目标质量",
      "依据不充分",
      "其他",
    ]);
  });

  it("adds one, refuses a duplicate code, renames, retires; a retired reason cannot be used but keeps its count", async () => {
    const admin = w.actors.admin;
    await createReturnReason(t.db, admin.id, { code: "late-submission", label: "逾期提交", position: 3, active: true });
    await expect(
      createReturnReason(t.db, admin.id, { code: "late-submission", label: "重复", position: 9, active: true }),
    ).rejects.toBeInstanceOf(UserError);
    await expect(
      updateReturnReason(t.db, admin.id, { code: "missing", label: "无", position: 0, active: true }),
    ).rejects.toBeInstanceOf(NotFoundError);

    const cast = { clerk: w.actors.clerk, approver: w.actors.approver, admin };
    const { id, version } = await disclosureIn(t.db, cast, w.departments.office, "in_review", 2030);
    await addComment(t.db, cast.approver, id, { anchorPath: "otherMatters", body: "逾期" });
    await returnDisclosure(t.db, cast.approver, id, { expectedVersion: version, reasonCode: "late-submission" });

    await updateReturnReason(t.db, admin.id, {
      code: "late-submission",
      label: "逾期未提交",
      position: 3,
      active: false,
    });
    const listed = (await listReturnReasonsWithUse(t.db)).find((r) => r.code === "late-submission");
    expect(listed).toMatchObject({ label: "逾期未提交", active: false, uses: 1 });
    expect((await listReturnReasons(t.db, { activeOnly: true })).map((r) => r.code)).not.toContain("late-submission");

    const other = await disclosureIn(t.db, cast, w.departments.office, "in_review", 2031);
    await addComment(t.db, cast.approver, other.id, { anchorPath: "otherMatters", body: "逾期" });
    await expect(
      returnDisclosure(t.db, cast.approver, other.id, {
        expectedVersion: other.version,
        reasonCode: "late-submission",
      }),
    ).rejects.toThrow("请选择退回原因");
  });
});
