import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { DisclosureState } from "@/lib/workflow/states";
import { checkDisclosure } from "@/lib/rules/engine";
import { transitions, type WorkflowStep } from "@/lib/workflow/transitions";
import { ConflictError, ForbiddenError, UserError, NotFoundError, StateError } from "@/lib/errors";
import { auditLog } from "../schema/audit";
import { disclosureSubmissions } from "../schema/review";
import { createTestDb, type TestDb } from "../test-db";
import { buildTestOrg, type TestOrg } from "../test-org";
import { cleanContent, disclosureIn, type Cast } from "../test-workflow";
import { getDisclosureMeta, loadDisclosure, loadEditableDisclosure } from "./disclosures";
import { saveDisclosureContent } from "./disclosure-save";
import { listNotices } from "./notices";
import { addComment, setCommentResolved, setWarningExplanation } from "./review";
import { setRulePolicy } from "./settings";
import { createUser, loadActor, updateUser } from "./users";
import { returnDisclosure, transitionDisclosure } from "./workflow";
import { sanhe2020 } from "@/lib/domain/__fixtures__/sanhe-2020";

let t: TestDb;
let w: TestOrg;
let cast: Cast;
let nextYear = 2030;
const year = () => nextYear++;

beforeAll(async () => {
  t = await createTestDb();
  w = await buildTestOrg(t.db);
  cast = { clerk: w.actors.clerk, approver: w.actors.approver, admin: w.actors.admin };
});
afterAll(async () => {
  await t?.close();
});

const metaOf = (id: string) => getDisclosureMeta(t.db, w.actors.admin, id);

/** Takes one step as `actor`, with what a return needs. */
function take(actor: Actor, id: string, step: WorkflowStep, expectedVersion: number) {
  if (step === "return")
    return returnDisclosure(t.db, actor, id, { expectedVersion, reasonCode: "inconsistent-data", note: "见意见" });
  return transitionDisclosure(t.db, actor, id, step as Exclude<WorkflowStep, "return" | "publish" | "openRevision">, {
    expectedVersion,
  });
}

type Person = "clerk" | "clerk2" | "approver" | "approver2" | "admin";
const persons: Person[] = ["clerk", "clerk2", "approver", "approver2", "admin"];
const states: DisclosureState[] = ["draft", "submitted", "in_review", "returned", "approved", "published"];
const steps = ["submit", "withdraw", "startReview", "return", "approve"] as const;
/** The one person of the world who may take each step (all on department 434). */
const taker: Record<(typeof steps)[number], Person> = {
  submit: "clerk",
  withdraw: "clerk",
  startReview: "approver",
  return: "approver",
  approve: "approver",
};
const startsFrom = (step: WorkflowStep, state: DisclosureState) =>
  transitions.find((x) => x.step === step)!.from.includes(state);

describe("every step × state × person: refusals", () => {
  const inState = new Map<DisclosureState, { id: string; version: number }>();
  beforeAll(async () => {
    for (const state of states) inState.set(state, await disclosureIn(t.db, cast, w.departments.office, state, year()));
  });

  const rows = states.flatMap((state) =>
    steps.flatMap((step) =>
      persons
        .filter((p) => !(startsFrom(step, state) && taker[step] === p))
        .map((person) => [step, state, person] as const),
    ),
  );

  it.each(rows)("%s from %s by %s is refused", async (step, state, person) => {
    const target = inState.get(state)!;
    // Out of scope reads as absent; in scope, a step that does not start here is a state error; else the policy refuses.
    const expected =
      person === "clerk2" || person === "approver2"
        ? NotFoundError
        : !startsFrom(step, state)
          ? StateError
          : ForbiddenError;
    if (step === "return" && startsFrom(step, state))
      await addComment(t.db, cast.approver, target.id, { anchorPath: "budget.income.total", body: "请核对" }).catch(
        () => undefined,
      );
    await expect(take(w.actors[person], target.id, step, target.version)).rejects.toBeInstanceOf(expected);
    expect(await metaOf(target.id)).toMatchObject({ state, version: target.version });
  });
});

describe("every step from every state it starts from, by the person who takes it", () => {
  const rows = steps.flatMap((step) =>
    states.filter((s) => startsFrom(step, s)).map((state) => [step, state, taker[step]] as const),
  );

  it.each(rows)("%s from %s by %s moves it on, with an audit row", async (step, state, person) => {
    const target = await disclosureIn(t.db, cast, w.departments.office, state, year());
    if (step === "return")
      await addComment(t.db, cast.approver, target.id, {
        anchorPath: "budget.expenditure.total",
        body: "支出合计请核对",
      });
    const moved = await take(w.actors[person], target.id, step, target.version);
    const rule = transitions.find((x) => x.step === step)!;
    expect(moved).toEqual({ state: rule.to, version: target.version + 1 });
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, target.id), eq(auditLog.action, `disclosure.${step}`)));
    expect(audit.at(-1)?.actorId).toBe(w.actors[person].id);
    expect(audit.at(-1)?.detail).toMatchObject({
      from: state,
      to: rule.to,
      fromVersion: target.version,
      version: target.version + 1,
    });
  });

  it("refuses a stale version, and the state stays", async () => {
    const target = await disclosureIn(t.db, cast, w.departments.office, "submitted", year());
    await expect(take(cast.approver, target.id, "startReview", target.version - 1)).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect((await metaOf(target.id)).state).toBe("submitted");
  });
});

describe("guards hold on the server", () => {
  it("submission: refused with errors, then with unexplained warnings; explained warnings pass", async () => {
    const { id } = await disclosureIn(t.db, cast, w.departments.office, "draft", year(), sanhe2020());
    let v = (await metaOf(id)).version;
    await expect(take(cast.clerk, id, "submit", v)).rejects.toThrow(/还有 3 个错误未修正.*还有 35 个提示未说明/);

    const { content } = await loadEditableDisclosure(t.db, cast.clerk, id);
    // The three unreadable targets of the real 2020 tables, written as a reviewer would accept them.
    content.performance.projects[0].indicators[6].target = {
      raw: ">=90%",
      kind: "quantitative",
      operator: ">=",
      value: "90",
      unit: "%",
    };
    content.performance.projects[2].indicators[8].target = { raw: "健全", kind: "qualitative", text: "健全" };
    content.performance.projects[2].indicators[9].target = { raw: "健全", kind: "qualitative", text: "健全" };
    ({ version: v } = await saveDisclosureContent(t.db, cast.clerk, id, content, { expectedVersion: v }));
    await expect(take(cast.clerk, id, "submit", v)).rejects.toThrow(/^还有 \d+ 个提示未说明/);

    const warnings = checkDisclosure(await loadDisclosure(t.db, cast.clerk, id)).filter(
      (f) => f.severity === "warning",
    );
    // One reason for all the warnings of a rule, as the clerk ticks them together.
    const byRule = new Map<string, string[]>();
    for (const f of warnings) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f.path]);
    for (const [ruleId, paths] of byRule)
      await setWarningExplanation(t.db, cast.clerk, id, {
        ruleId,
        paths,
        explanation: "沿用上年口径，已与业务科室确认。",
      });
    expect(await take(cast.clerk, id, "submit", v)).toMatchObject({ state: "submitted" });
  });

  it("return: refused without an active reason or without an open comment", async () => {
    const { id, version } = await disclosureIn(t.db, cast, w.departments.office, "in_review", year());
    await expect(
      returnDisclosure(t.db, cast.approver, id, { expectedVersion: version, reasonCode: "other" }),
    ).rejects.toThrow("退回前请至少填写一条审核意见");
    const comment = await addComment(t.db, cast.approver, id, { anchorPath: "budget", body: "整节请重写" });
    await expect(
      returnDisclosure(t.db, cast.approver, id, { expectedVersion: version, reasonCode: "no-such-reason" }),
    ).rejects.toThrow("请选择退回原因");
    await setCommentResolved(t.db, cast.approver, comment.id, true);
    await expect(
      returnDisclosure(t.db, cast.approver, id, { expectedVersion: version, reasonCode: "other" }),
    ).rejects.toBeInstanceOf(UserError);
    expect((await metaOf(id)).state).toBe("in_review");
  });

  it("approval: refused while a comment is open, and while an error finding remains", async () => {
    const { id, version } = await disclosureIn(t.db, cast, w.departments.office, "in_review", year());
    const comment = await addComment(t.db, cast.approver, id, {
      anchorPath: "performance.projects[0].indicators[0]",
      body: "指标描述过于笼统",
    });
    await expect(take(cast.approver, id, "approve", version)).rejects.toThrow("还有 1 条审核意见未解决");
    await setCommentResolved(t.db, cast.approver, comment.id, true);
    // The admin makes a rule that fires on this content an error after it was submitted.
    const info = checkDisclosure(await loadDisclosure(t.db, cast.approver, id)).find((f) => f.severity === "info");
    expect(info, "the synthetic content has an information finding to raise").toBeDefined();
    await setRulePolicy(t.db, cast.admin.id, info!.rule, "error");
    try {
      await expect(take(cast.approver, id, "approve", version)).rejects.toThrow(/个错误未修正/);
    } finally {
      await setRulePolicy(t.db, cast.admin.id, info!.rule, null);
    }
    expect(await take(cast.approver, id, "approve", version)).toMatchObject({ state: "approved" });
  });
});

describe("the demo's record of a disclosure published before the system", () => {
  it("walks the real 2020 disclosure through with its findings, and the audit row says the guards were waived", async () => {
    const { id, version } = await disclosureIn(t.db, cast, w.departments.office, "draft", year(), sanhe2020());
    await expect(take(cast.clerk, id, "submit", version)).rejects.toBeInstanceOf(UserError);
    await transitionDisclosure(t.db, cast.clerk, id, "submit", {
      expectedVersion: version,
      waive: "imported-publication",
    });
    const [row] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "disclosure.submit")));
    expect(row.detail).toMatchObject({
      waived: { guards: ["noErrorFindings", "warningsExplained"], because: "imported-publication" },
    });
  });
});

describe("separation of duties", () => {
  it("someone who saved the draft cannot review it after becoming an approver of its desk", async () => {
    const user = await createUser(t.db, null, {
      username: `mover-${year()}`,
      displayName: "转岗人员",
      role: "clerk",
      password: "test-password",
      departmentIds: [w.departments.office],
    });
    const asClerk = (await loadActor(t.db, user.id))!;
    const fy = year();
    const { id } = await disclosureIn(t.db, cast, w.departments.office, "draft", fy);
    const { content } = await loadEditableDisclosure(t.db, asClerk, id);
    content.otherMatters = "无。";
    await saveDisclosureContent(t.db, asClerk, id, content, { expectedVersion: (await metaOf(id)).version });
    const { version } = await transitionDisclosure(t.db, cast.clerk, id, "submit", {
      expectedVersion: (await metaOf(id)).version,
    });
    await updateUser(t.db, cast.admin.id, user.id, {
      displayName: "转岗人员",
      role: "approver",
      departmentIds: [],
      groupIds: [w.groups.desk1],
    });
    const asApprover = (await loadActor(t.db, user.id))!;
    await expect(
      transitionDisclosure(t.db, asApprover, id, "startReview", { expectedVersion: version }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(
      await transitionDisclosure(t.db, cast.approver, id, "startReview", { expectedVersion: version }),
    ).toMatchObject({ state: "in_review" });
  });
});

describe("two people at once", () => {
  let second: Actor;
  beforeAll(async () => {
    const user = await createUser(t.db, null, {
      username: "approver-1b",
      displayName: "approver-1b",
      role: "approver",
      password: "test-password",
      groupIds: [w.groups.desk1],
    });
    second = (await loadActor(t.db, user.id))!;
  });

  it("two approvers starting the same review: exactly one wins, the other is told it is already under review", async () => {
    const { id, version } = await disclosureIn(t.db, cast, w.departments.office, "submitted", year());
    const results = await Promise.allSettled([
      take(cast.approver, id, "startReview", version),
      take(second, id, "startReview", version),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [lost] = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(lost.reason).toBeInstanceOf(StateError);
    expect((lost.reason as Error).message).toBe("当前状态（审核中）下不能开始审核。");
    expect(await metaOf(id)).toMatchObject({ state: "in_review", version: version + 1 });
  });

  it("two approvers approving at once: one approval, the other is told it is already approved", async () => {
    const { id, version } = await disclosureIn(t.db, cast, w.departments.office, "in_review", year());
    const results = await Promise.allSettled([
      take(second, id, "approve", version),
      take(cast.approver, id, "approve", version),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [lost] = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect((lost.reason as Error).message).toBe("当前状态（审核通过）下不能审核通过。");
    const approvals = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "disclosure.approve")));
    expect(approvals).toHaveLength(1);
  });
});

describe("a clerk's save while the bureau has it", () => {
  it("is refused in submitted and in review, nothing stored changes, and the same edit saves once returned", async () => {
    const { id } = await disclosureIn(t.db, cast, w.departments.office, "draft", year());
    const submittedContent = await loadDisclosure(t.db, cast.clerk, id);
    let { version } = await take(cast.clerk, id, "submit", (await metaOf(id)).version);
    const { content } = await loadEditableDisclosure(t.db, cast.clerk, id);
    const edit = { ...content, otherMatters: "补充：本年度无其他事项。" };
    await expect(saveDisclosureContent(t.db, cast.clerk, id, edit, { expectedVersion: version })).rejects.toThrow(
      "当前状态（已提交）下不能修改内容。",
    );
    ({ version } = await take(cast.approver, id, "startReview", version));
    await expect(
      saveDisclosureContent(t.db, cast.clerk, id, edit, { expectedVersion: version }),
    ).rejects.toBeInstanceOf(StateError);
    expect(await loadDisclosure(t.db, cast.clerk, id)).toEqual(submittedContent);
    expect((await metaOf(id)).version).toBe(version);

    await addComment(t.db, cast.approver, id, { anchorPath: "otherMatters", body: "请补充其他事项" });
    ({ version } = await take(cast.approver, id, "return", version));
    const saved = await saveDisclosureContent(t.db, cast.clerk, id, edit, { expectedVersion: version });
    expect(saved.changed).toBe(true);
    expect((await loadDisclosure(t.db, cast.clerk, id)).otherMatters).toBe("补充：本年度无其他事项。");
  });
});

describe("what a step leaves behind", () => {
  it("a snapshot per submission, and a notice for whoever it comes back to", async () => {
    const { id } = await disclosureIn(t.db, cast, w.departments.office, "draft", year());
    let { version } = await take(cast.clerk, id, "submit", (await metaOf(id)).version);
    const kindsFor = async (a: Actor) =>
      (await listNotices(t.db, a)).filter((n) => n.disclosureId === id).map((n) => n.kind);
    expect(await kindsFor(cast.approver)).toEqual(["submitted"]);
    expect(await kindsFor(w.actors.approver2)).toEqual([]);
    ({ version } = await take(cast.approver, id, "startReview", version));
    await addComment(t.db, cast.approver, id, { anchorPath: "budget.income.total", body: "收入合计与批复不符" });
    ({ version } = await take(cast.approver, id, "return", version));
    const [returned] = (await listNotices(t.db, cast.clerk)).filter((n) => n.disclosureId === id);
    expect(returned).toMatchObject({ kind: "returned", detail: { reasonLabel: "数据不一致", note: "见意见" } });

    const { content } = await loadEditableDisclosure(t.db, cast.clerk, id);
    content.otherMatters = "已按意见核对。";
    ({ version } = await saveDisclosureContent(t.db, cast.clerk, id, content, { expectedVersion: version }));
    ({ version } = await take(cast.clerk, id, "submit", version));
    expect(await kindsFor(cast.approver)).toEqual(["resubmitted", "submitted"]);

    const snapshots = await t.db
      .select()
      .from(disclosureSubmissions)
      .where(eq(disclosureSubmissions.disclosureId, id))
      .orderBy(asc(disclosureSubmissions.version));
    expect(snapshots.map((s) => s.version)).toEqual([2, version]);
    expect((snapshots[0].content as { otherMatters: string }).otherMatters).toBe(cleanContent().otherMatters);
    expect((snapshots[1].content as { otherMatters: string }).otherMatters).toBe("已按意见核对。");
  });
});
