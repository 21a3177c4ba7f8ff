import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createDisclosure, getDisclosureMeta, loadEditableDisclosure } from "@/db/queries/disclosures";
import { createTestDb, type TestDb } from "@/db/test-db";
import type { Actor } from "@/lib/auth/actor";
import { setAt } from "@/lib/domain/paths";
import { toCanonical } from "@/lib/domain/editable";
import { checkDisclosure } from "@/lib/rules/engine";
import { listWarningExplanations } from "@/db/queries/review";
import { buildOperationWorld, type OperationWorld } from "@/app/_server/testing/operation-world";
import { executeOperation, type Outcome } from "@/app/_server/operation";
import { explainWarningOperation, saveContentOperation, submitOperation, type SaveContentAnswer } from "./operations";
import { sanhe2020 } from "@/lib/domain/__fixtures__/sanhe-2020";

/**
 * The editor's operations on a real database, called as the browser would call them. Whatever
 * the browser sends, a stale version, another department's disclosure, content that fails the
 * model and a submission with an error finding are refused in Chinese, and nothing is stored.
 */

let t: TestDb;
let w: OperationWorld;
let draftId: string;

beforeAll(async () => {
  t = await createTestDb();
  w = await buildOperationWorld(t.db);
  vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterAll(async () => {
  await t?.close();
});

const as = (actor: Actor | null) => ({ db: t.db, actor, ip: "127.0.0.1" });
const save = (actor: Actor, input: Record<string, unknown>) =>
  executeOperation(saveContentOperation, as(actor), input) as Promise<Outcome<SaveContentAnswer>>;
const stored = async (id = draftId) => loadEditableDisclosure(t.db, w.actors.admin, id);
const CHINESE = /[\u4e00-\u9fff]/;

/** A fresh 2020 draft of 434 holding the fixture (the world's own drafts serve the registry test). */
beforeEach(async () => {
  const { content } = await stored(w.draftId);
  if (content.budget.income.total === null) {
    const fixture = sanhe2020();
    const { content: blank, meta } = await stored(w.draftId);
    const outcome = await save(w.actors.clerk, {
      id: w.draftId,
      expectedVersion: meta.version,
      content: { ...fixture, performance: { ...fixture.performance, framework: blank.performance.framework } },
    });
    expect(outcome.ok).toBe(true);
  }
  draftId = w.draftId;
});

describe("autosave (disclosure.save-content)", () => {
  it("saves one changed field at the version the clerk read, and moves the version", async () => {
    const { meta, content } = await stored();
    const outcome = await save(w.actors.clerk, {
      id: draftId,
      expectedVersion: meta.version,
      content: setAt(content, "otherMatters", "自动保存的一句话。"),
    });
    expect(outcome).toEqual({ ok: true, data: { kind: "saved", version: meta.version + 1 } });
    expect((await stored()).content.otherMatters).toBe("自动保存的一句话。");
  });

  it("refuses a stale version sent without its base, in Chinese, and stores nothing", async () => {
    const { meta, content } = await stored();
    const outcome = await save(w.actors.clerk, {
      id: draftId,
      expectedVersion: meta.version - 1,
      content: setAt(content, "otherMatters", "过期版本上的修改"),
    });
    expect(outcome).toMatchObject({ ok: false, code: "conflict" });
    expect(!outcome.ok && outcome.formError).toMatch(CHINESE);
    const after = await stored();
    expect(after.meta.version).toBe(meta.version);
    expect(after.content).toEqual(content);
  });

  it("merges disjoint edits when the base comes along: both people's edits are stored", async () => {
    const { meta, content: base } = await stored();
    const theirs = await save(w.actors.spareClerk, {
      id: draftId,
      expectedVersion: meta.version,
      content: setAt(base, "budget.changeReasons.basic", "他人填写：减少人员经费"),
    });
    expect(theirs.ok).toBe(true);
    const mine = setAt(base, "threePublic.changeReasons.reception", "我填写：严格控制接待费");
    const outcome = await save(w.actors.clerk, { id: draftId, expectedVersion: meta.version, content: mine, base });
    expect(outcome).toMatchObject({ ok: true, data: { kind: "merged", version: meta.version + 2 } });
    const after = await stored();
    expect(after.content.budget.changeReasons.basic).toBe("他人填写：减少人员经费");
    expect(after.content.threePublic.changeReasons.reception).toBe("我填写：严格控制接待费");
    expect(outcome.ok && outcome.data.kind === "merged" && outcome.data.content).toEqual(after.content);
  });

  it("a base that fails the model is refused at its field when a merge needs it; nothing is stored", async () => {
    const { meta, content: base } = await stored();
    await save(w.actors.spareClerk, {
      id: draftId,
      expectedVersion: meta.version,
      content: setAt(base, "otherMatters", "他人先保存"),
    });
    const broken = setAt(base, "threePublic.current.reception", "一百元");
    const outcome = await save(w.actors.clerk, {
      id: draftId,
      expectedVersion: meta.version,
      content: setAt(base, "glossary", []),
      base: broken,
    });
    expect(outcome).toMatchObject({ ok: false, code: "invalid-input" });
    expect(!outcome.ok && Object.keys(outcome.fieldErrors)).toContain("base.threePublic.current.reception");
    expect(!outcome.ok && outcome.fieldErrors["base.threePublic.current.reception"][0]).toMatch(CHINESE);
    const after = await stored();
    expect(after.meta.version).toBe(meta.version + 1);
    expect(after.content.otherMatters).toBe("他人先保存");
  });

  it("the same field changed by both is a conflict to settle: both values come back labelled, nothing is stored", async () => {
    const { meta, content: base } = await stored();
    await save(w.actors.spareClerk, {
      id: draftId,
      expectedVersion: meta.version,
      content: setAt(base, "threePublic.current.reception", "150.00"),
    });
    const outcome = await save(w.actors.clerk, {
      id: draftId,
      expectedVersion: meta.version,
      content: setAt(base, "threePublic.current.reception", "170.00"),
      base,
    });
    expect(outcome.ok).toBe(true);
    const answer = outcome.ok ? outcome.data : null;
    expect(answer).toMatchObject({ kind: "conflict", version: meta.version + 1 });
    if (answer?.kind !== "conflict") return;
    expect(answer.conflicts).toEqual([
      expect.objectContaining({
        path: "threePublic.current.reception",
        mine: "170.00",
        theirs: "150.00",
        base: "168.95",
        label: "四、财政拨款“三公”经费预算情况及增减变化原因 › 本年预算 › 公务接待费",
      }),
    ]);
    const after = await stored();
    expect(after.meta.version).toBe(meta.version + 1);
    expect(after.content.threePublic.current.reception).toBe("150.00");
  });

  it("refuses another department's disclosure, whatever the browser sends", async () => {
    const otherDraft = await createDisclosure(t.db, w.actors.otherClerk, {
      departmentId: w.departments.other,
      fiscalYear: 2020,
    });
    const { content } = await stored(otherDraft.id);
    const outcome = await save(w.actors.clerk, {
      id: otherDraft.id,
      expectedVersion: 1,
      content: setAt(content, "otherMatters", "越权修改"),
      base: content,
    });
    expect(outcome).toMatchObject({ ok: false, code: "forbidden" });
    expect(!outcome.ok && outcome.formError).toMatch(CHINESE);
    expect((await stored(otherDraft.id)).content.otherMatters).toBe("");
    // Nor may the other department's clerk write into 434's draft.
    const { meta, content: own } = await stored();
    const intruder = await save(w.actors.otherClerk, {
      id: draftId,
      expectedVersion: meta.version,
      content: setAt(own, "otherMatters", "越权修改"),
    });
    expect(intruder).toMatchObject({ ok: false, code: "forbidden" });
    expect((await stored()).content).toEqual(own);
  });

  it("refuses 434's content carrying another department's code into 434's draft", async () => {
    const { meta, content } = await stored();
    const outcome = await save(w.actors.clerk, {
      id: draftId,
      expectedVersion: meta.version,
      content: { ...content, department: { code: "501", name: "三河市财政局" } },
    });
    expect(outcome).toMatchObject({ ok: false, code: "invalid-input" });
    expect(!outcome.ok && outcome.formError).toMatch(CHINESE);
    expect((await stored()).meta.version).toBe(meta.version);
  });

  it("refuses a field that fails the model, at that field, in Chinese; nothing is stored", async () => {
    const { meta, content } = await stored();
    const outcome = await save(w.actors.clerk, {
      id: draftId,
      expectedVersion: meta.version,
      content: setAt(content, "budget.income.total", "2,765.39"),
    });
    expect(outcome).toMatchObject({
      ok: false,
      code: "invalid-input",
      fieldErrors: { "content.budget.income.total": ["金额须为两位小数的万元数，如 2765.39"] },
    });
    const after = await stored();
    expect(after.meta.version).toBe(meta.version);
    expect(after.content.budget.income.total).toBe("2765.39");
  });

  it("refuses an approver: review is read-only by design", async () => {
    const { meta, content } = await stored();
    const outcome = await save(w.actors.approver, {
      id: draftId,
      expectedVersion: meta.version,
      content: setAt(content, "otherMatters", "审核人改的"),
    });
    expect(outcome).toMatchObject({ ok: false, code: "forbidden" });
  });
});

describe("submit (disclosure.submit) and kept warnings", () => {
  it("refuses a disclosure with an error finding, in Chinese, and it stays a draft", async () => {
    const { meta } = await stored();
    const outcome = await executeOperation(submitOperation, as(w.actors.clerk), {
      id: draftId,
      expectedVersion: meta.version,
    });
    expect(outcome).toMatchObject({ ok: false });
    expect(!outcome.ok && outcome.formError).toMatch(/错误/);
    const after = await getDisclosureMeta(t.db, w.actors.clerk, draftId);
    expect(after).toMatchObject({ state: "draft", version: meta.version });
  });

  it("needs every kept warning explained; explained, it submits, and then nothing more can be saved", async () => {
    // The world's 2021 draft has nothing that blocks; 机关运行经费 above 基本支出 is a warning.
    const id = w.readyDraftId;
    const { meta, content } = await stored(id);
    const warned = await save(w.actors.clerk, {
      id,
      expectedVersion: meta.version,
      content: setAt(content, "operatingExpenses.amount", "1200.00"),
    });
    expect(warned.ok).toBe(true);
    const version = warned.ok && warned.data.kind === "saved" ? warned.data.version : meta.version;

    const refused = await executeOperation(submitOperation, as(w.actors.clerk), { id, expectedVersion: version });
    expect(refused).toMatchObject({ ok: false });
    expect(!refused.ok && refused.formError).toMatch(/说明/);

    const unknownRule = await executeOperation(explainWarningOperation, as(w.actors.clerk), {
      id,
      ruleId: "no.such-rule",
      paths: ["operatingExpenses.amount"],
      explanation: "x",
    });
    expect(unknownRule).toMatchObject({ ok: false, code: "invalid-input" });
    const byApprover = await executeOperation(explainWarningOperation, as(w.actors.approver), {
      id,
      ruleId: "plausibility.operating-within-basic",
      paths: ["operatingExpenses.amount"],
      explanation: "x",
    });
    expect(byApprover).toMatchObject({ ok: false, code: "forbidden" });
    const explained = await executeOperation(explainWarningOperation, as(w.actors.clerk), {
      id,
      ruleId: "plausibility.operating-within-basic",
      paths: ["operatingExpenses.amount"],
      explanation: "  含一次性搬迁费用，已经财政局同意  ",
    });
    expect(explained).toEqual({
      ok: true,
      data: {
        ruleId: "plausibility.operating-within-basic",
        paths: ["operatingExpenses.amount"],
        explanation: "含一次性搬迁费用，已经财政局同意",
      },
    });

    const stale = await executeOperation(submitOperation, as(w.actors.clerk), { id, expectedVersion: version - 1 });
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
    const submitted = await executeOperation(submitOperation, as(w.actors.clerk), { id, expectedVersion: version });
    expect(submitted).toEqual({ ok: true, data: { state: "submitted", version: version + 1 } });
    // A second submit (another tab, a colleague) is told the state, not a bare refusal.
    const again = await executeOperation(submitOperation, as(w.actors.clerk), { id, expectedVersion: version + 1 });
    expect(again).toMatchObject({ ok: false, code: "invalid-state" });
    expect(!again.ok && again.formError).toMatch(/已提交/);

    const late = await save(w.actors.clerk, {
      id,
      expectedVersion: version + 1,
      content: setAt(content, "otherMatters", "提交后的修改"),
    });
    expect(late).toMatchObject({ ok: false, code: "invalid-state" });
    expect(!late.ok && late.formError).toMatch(CHINESE);
    expect((await stored(id)).content.otherMatters).toBe(content.otherMatters);
    const lateExplanation = await executeOperation(explainWarningOperation, as(w.actors.clerk), {
      id,
      ruleId: "plausibility.operating-within-basic",
      paths: ["operatingExpenses.amount"],
      explanation: "",
    });
    expect(lateExplanation).toMatchObject({
      ok: false,
      code: "invalid-state",
      formError: "当前状态（已提交）下不能说明提示原因。",
    });
  });

  it("explains several warnings of one rule in one operation, as the clerk ticks them; no one else may", async () => {
    const { content } = await stored();
    // The fixture's 2020 draft warns more than once under some rule (its indicator tables do).
    const warnings = checkDisclosure(toCanonical(content)).filter((f) => f.severity === "warning");
    const paths = new Map<string, string[]>();
    for (const f of warnings) paths.set(f.rule, [...(paths.get(f.rule) ?? []), f.path]);
    const [ruleId, all] = [...paths].find(([, p]) => p.length >= 4)!;
    const ticked = all.slice(0, 3);
    const input = { id: draftId, ruleId, paths: ticked, explanation: "三项同一原因：沿用上年口径" };

    for (const actor of [w.actors.approver, w.actors.otherClerk])
      expect(await executeOperation(explainWarningOperation, as(actor), input)).toMatchObject({
        ok: false,
        code: "forbidden",
      });
    expect(await listWarningExplanations(t.db, w.actors.admin, draftId)).toEqual([]);

    const explained = await executeOperation(explainWarningOperation, as(w.actors.clerk), input);
    expect(explained).toEqual({ ok: true, data: { ruleId, paths: ticked, explanation: "三项同一原因：沿用上年口径" } });
    const kept = await listWarningExplanations(t.db, w.actors.admin, draftId);
    expect(kept.map((e) => [e.ruleId, e.path, e.explanation]).sort()).toEqual(
      ticked.map((p) => [ruleId, p, "三项同一原因：沿用上年口径"]).sort(),
    );
    // What was not ticked stays unexplained; withdrawing works on several at once too.
    expect(kept.some((e) => e.path === all[3])).toBe(false);
    await executeOperation(explainWarningOperation, as(w.actors.clerk), {
      ...input,
      paths: ticked.slice(0, 2),
      explanation: "",
    });
    expect((await listWarningExplanations(t.db, w.actors.admin, draftId)).map((e) => e.path)).toEqual([ticked[2]]);
    await executeOperation(explainWarningOperation, as(w.actors.clerk), {
      ...input,
      paths: [ticked[2]],
      explanation: "",
    });

    const none = await executeOperation(explainWarningOperation, as(w.actors.clerk), { ...input, paths: [] });
    expect(none).toMatchObject({ ok: false, code: "invalid-input" });
  });

  it("an admin may correct a draft but not submit it: submitting is the department's declaration", async () => {
    const { meta } = await stored();
    const outcome = await executeOperation(submitOperation, as(w.actors.admin), {
      id: draftId,
      expectedVersion: meta.version,
    });
    expect(outcome).toMatchObject({ ok: false, code: "forbidden" });
  });
});
