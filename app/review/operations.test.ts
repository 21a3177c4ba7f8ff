import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDisclosureMeta, loadEditableDisclosure } from "@/db/queries/disclosures";
import { listNotices } from "@/db/queries/notices";
import { listThreads } from "@/db/queries/review";
import { createUser, loadActor } from "@/db/queries/users";
import { createTestDb, type TestDb } from "@/db/test-db";
import { disclosureIn, type Cast } from "@/db/test-workflow";
import type { Actor } from "@/lib/auth/actor";
import { setAt } from "@/lib/domain/paths";
import { buildOperationWorld, type OperationWorld } from "@/app/_server/testing/operation-world";
import { executeOperation, type Operation, type Outcome } from "@/app/_server/operation";
import { saveContentOperation } from "@/app/disclosures/[id]/edit/operations";
import { addCommentOperation, replyOperation, resolveOperation } from "./[id]/operations";
import { approveOperation, returnOperation, startReviewOperation, withdrawOperation } from "./operations";

/**
 * The review's operations called as the browser calls them (FormData strings), on a real
 * database: who is refused and how, two approvers deciding at once, and a clerk's autosave
 * arriving while the bureau has the disclosure. The query-level table of every step × state ×
 * person is db/queries/workflow.test.ts; this is the same contract through the operation layer.
 */

let t: TestDb;
let w: OperationWorld;
let cast: Cast;
let colleague: Actor;
let nextYear = 2070;
const year = () => nextYear++;

beforeAll(async () => {
  t = await createTestDb();
  w = await buildOperationWorld(t.db);
  cast = { clerk: w.actors.clerk, approver: w.actors.approver, admin: w.actors.admin };
  const user = await createUser(t.db, null, {
    username: "approver-desk1-b",
    displayName: "钱审核（一科）",
    role: "approver",
    password: "test-password-不可猜",
    mustChangePassword: false,
    groupIds: [w.desks.own],
  });
  colleague = (await loadActor(t.db, user.id))!;
  vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterAll(async () => {
  await t?.close();
});

const run = <I, O>(op: Operation<I, O>, actor: Actor | null, input: Record<string, unknown>) =>
  executeOperation(op, { db: t.db, actor, ip: "10.0.0.7" }, input) as Promise<Outcome<O>>;
const metaOf = (id: string) => getDisclosureMeta(t.db, w.actors.admin, id);
const v = (n: number) => String(n);

describe("who may take each step, through the operations", () => {
  it("refuses the anonymous (401), another desk's approver, a clerk and the admin (403); the state stays", async () => {
    const { id, version } = await disclosureIn(t.db, cast, w.departments.own, "submitted", year());
    const input = { id, expectedVersion: v(version) };
    expect(await run(startReviewOperation, null, input)).toMatchObject({ ok: false, code: "unauthenticated" });
    for (const actor of [w.actors.otherApprover, w.actors.clerk, w.actors.otherClerk, w.actors.admin])
      expect(await run(startReviewOperation, actor, input)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await run(withdrawOperation, w.actors.otherClerk, input)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await metaOf(id)).toMatchObject({ state: "submitted", version });
    expect(await run(startReviewOperation, cast.approver, input)).toEqual({
      ok: true,
      data: { state: "in_review", version: version + 1 },
    });
  });

  it("the admin cannot approve and the other desk cannot comment; a return without a comment is told what to do", async () => {
    const { id, version } = await disclosureIn(t.db, cast, w.departments.own, "in_review", year());
    expect(await run(approveOperation, w.actors.admin, { id, expectedVersion: v(version) })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(
      await run(addCommentOperation, w.actors.otherApprover, {
        id,
        anchorPath: "budget.income.total",
        body: "越权意见",
      }),
    ).toMatchObject({ ok: false, code: "forbidden" });
    const noComment = await run(returnOperation, cast.approver, {
      id,
      expectedVersion: v(version),
      reasonCode: "inconsistent-data",
      note: "",
    });
    expect(noComment).toMatchObject({
      ok: false,
      code: "invalid-input",
      formError: "退回前请至少填写一条审核意见，指出需要修改的地方。",
    });
    const noReason = await run(returnOperation, cast.approver, {
      id,
      expectedVersion: v(version),
      reasonCode: "",
      note: "",
    });
    expect(noReason).toMatchObject({
      ok: false,
      code: "invalid-input",
      fieldErrors: { reasonCode: ["请选择退回原因。"] },
    });
    expect(await metaOf(id)).toMatchObject({ state: "in_review", version });
  });
});

describe("two approvers of one desk deciding at once", () => {
  it("one returns while the other approves: exactly one wins, the other is told the state moved", async () => {
    const { id, version } = await disclosureIn(t.db, cast, w.departments.own, "in_review", year());
    expect(
      await run(addCommentOperation, colleague, { id, anchorPath: "budget.income.total", body: "请核对收入合计。" }),
    ).toMatchObject({ ok: true });
    expect(
      await run(resolveOperation, colleague, {
        commentId: (await listThreads(t.db, colleague, id))[0].id,
        resolved: "true",
      }),
    ).toMatchObject({ ok: true });
    // The returner needs an open thread; the approver needs none: each acts on what their page showed.
    const [returned, approved] = await Promise.all([
      (async () => {
        await run(addCommentOperation, cast.approver, {
          id,
          anchorPath: "otherMatters",
          body: "请补充其他事项。",
        }).catch(() => undefined);
        return run(returnOperation, cast.approver, {
          id,
          expectedVersion: v(version),
          reasonCode: "inconsistent-data",
          note: "见意见",
        });
      })(),
      run(approveOperation, colleague, { id, expectedVersion: v(version) }),
    ]);
    const outcomes = [returned, approved];
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    const lost = outcomes.find((o) => !o.ok)!;
    expect(lost.ok).toBe(false);
    // Told in Chinese why: the state moved, a comment is now open, or the version is stale.
    expect(!lost.ok && lost.formError).toMatch(/当前状态|审核意见|已被/);
    const meta = await metaOf(id);
    expect(["returned", "approved"]).toContain(meta.state);
    expect(meta.version).toBe(version + 1);
  });

  it("both approve the same version: one approval, the other gets 409 and the sentence that says so", async () => {
    const { id, version } = await disclosureIn(t.db, cast, w.departments.own, "in_review", year());
    const outcomes = await Promise.all([
      run(approveOperation, cast.approver, { id, expectedVersion: v(version) }),
      run(approveOperation, colleague, { id, expectedVersion: v(version) }),
    ]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.find((o) => !o.ok)).toMatchObject({
      ok: false,
      code: "invalid-state",
      formError: "当前状态（审核通过）下不能审核通过。",
    });
  });
});

describe("a clerk's autosave while the bureau has it", () => {
  it("is refused with a clear message; nothing stored changes; after the return the same edit saves", async () => {
    const { id, version } = await disclosureIn(t.db, cast, w.departments.own, "in_review", year());
    const before = await loadEditableDisclosure(t.db, cast.clerk, id);
    const edit = setAt(before.content, "otherMatters", "审核期间的修改");
    const refused = await run(saveContentOperation, cast.clerk, { id, expectedVersion: version, content: edit });
    expect(refused).toMatchObject({ ok: false, code: "invalid-state" });
    expect(!refused.ok && refused.formError).toContain("审核中");
    expect(await loadEditableDisclosure(t.db, cast.clerk, id)).toEqual(before);

    // The comment is the thread the clerk answers; the return is noticed by the clerk.
    expect(
      await run(addCommentOperation, cast.approver, { id, anchorPath: "otherMatters", body: "请补充其他事项。" }),
    ).toMatchObject({ ok: true });
    const returned = await run(returnOperation, cast.approver, {
      id,
      expectedVersion: v(version),
      reasonCode: "incomplete-indicators",
      note: "见意见",
    });
    expect(returned).toMatchObject({ ok: true, data: { state: "returned" } });
    expect((await listNotices(t.db, cast.clerk)).find((n) => n.disclosureId === id)).toMatchObject({
      kind: "returned",
    });
    const [thread] = await listThreads(t.db, cast.clerk, id);
    expect(await run(replyOperation, cast.clerk, { commentId: thread.id, body: "已补充。" })).toMatchObject({
      ok: true,
    });
    const late = await run(replyOperation, cast.approver, { commentId: thread.id, body: "审核员不能在退回后回复" });
    expect(late).toMatchObject({ ok: false, code: "forbidden", formError: "您没有权限在当前状态下回复该意见。" });
    const saved = await run(saveContentOperation, cast.clerk, {
      id,
      expectedVersion: returned.ok ? returned.data.version : 0,
      content: edit,
    });
    expect(saved).toMatchObject({ ok: true });
    expect((await loadEditableDisclosure(t.db, cast.clerk, id)).content.otherMatters).toBe("审核期间的修改");
  });
});
