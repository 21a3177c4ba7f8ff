import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, UserError, NotFoundError } from "@/lib/errors";
import { createTestDb, type TestDb } from "../test-db";
import { buildTestOrg, type TestOrg } from "../test-org";
import { disclosureIn, type Cast } from "../test-workflow";
import { loadEditableDisclosure } from "./disclosures";
import { saveDisclosureContent } from "./disclosure-save";
import { addComment, commentCounts, listReturns, listThreads, replyToComment, setCommentResolved } from "./review";
import { returnDisclosure, transitionDisclosure } from "./workflow";

let t: TestDb;
let w: TestOrg;
let cast: Cast;
let nextYear = 2050;

beforeAll(async () => {
  t = await createTestDb();
  w = await buildTestOrg(t.db);
  cast = { clerk: w.actors.clerk, approver: w.actors.approver, admin: w.actors.admin };
});
afterAll(async () => {
  await t?.close();
});

describe("who may comment, answer and resolve", () => {
  it("only the deciding approver opens a thread; others are refused, outsiders cannot even see it", async () => {
    const submitted = await disclosureIn(t.db, cast, w.departments.office, "submitted", nextYear++);
    const at = { anchorPath: "budget.income.total", body: "请核对" };
    await expect(addComment(t.db, cast.approver, submitted.id, at)).rejects.toBeInstanceOf(ForbiddenError);
    await transitionDisclosure(t.db, cast.approver, submitted.id, "startReview", {
      expectedVersion: submitted.version,
    });
    await expect(addComment(t.db, cast.clerk, submitted.id, at)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addComment(t.db, cast.admin, submitted.id, at)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addComment(t.db, w.actors.approver2, submitted.id, at)).rejects.toBeInstanceOf(NotFoundError);
    await expect(addComment(t.db, w.actors.clerk2, submitted.id, at)).rejects.toBeInstanceOf(NotFoundError);
    await expect(addComment(t.db, cast.approver, submitted.id, { ...at, body: "  " })).rejects.toThrow(
      "请填写意见内容",
    );
    await expect(
      addComment(t.db, cast.approver, submitted.id, { ...at, anchorPath: "budget.nothing" }),
    ).rejects.toBeInstanceOf(UserError);
    await expect(
      addComment(t.db, cast.approver, submitted.id, { ...at, anchorPath: "performance.projects[99]" }),
    ).rejects.toBeInstanceOf(UserError);
    expect(await addComment(t.db, cast.approver, submitted.id, at)).toHaveProperty("id");
  });

  it("the clerk answers and resolves once it is back with the department, not while the bureau has it", async () => {
    const { id, version } = await disclosureIn(t.db, cast, w.departments.office, "in_review", nextYear++);
    const thread = await addComment(t.db, cast.approver, id, { anchorPath: "otherMatters", body: "请补充" });
    await expect(replyToComment(t.db, cast.clerk, thread.id, { body: "好的" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setCommentResolved(t.db, cast.clerk, thread.id, true)).rejects.toBeInstanceOf(ForbiddenError);
    await returnDisclosure(t.db, cast.approver, id, { expectedVersion: version, reasonCode: "other" });
    await expect(replyToComment(t.db, cast.approver, thread.id, { body: "补充说明" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(replyToComment(t.db, w.actors.clerk2, thread.id, { body: "?" })).rejects.toBeInstanceOf(NotFoundError);
    const reply = await replyToComment(t.db, cast.clerk, thread.id, { body: "已补充" });
    await expect(replyToComment(t.db, cast.clerk, reply.id, { body: "回复的回复" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await setCommentResolved(t.db, cast.clerk, thread.id, true);
    const [listed] = await listThreads(t.db, cast.clerk, id);
    expect(listed).toMatchObject({
      body: "请补充",
      resolvedByName: "clerk",
      replies: [{ body: "已补充", authorName: "clerk" }],
    });
    expect(await listReturns(t.db, cast.clerk, id)).toMatchObject([
      { reasonLabel: "其他", returnedByName: "approver" },
    ]);
  });
});

describe("comments stay on their row", () => {
  it("follow an indicator row when rows are inserted above it and when it moves to another project; know when it is gone", async () => {
    const { id, version } = await disclosureIn(t.db, cast, w.departments.office, "in_review", nextYear++);
    const { content } = await loadEditableDisclosure(t.db, cast.approver, id);
    const first = content.performance.projects[0];
    const rowA = first.indicators[1];
    const rowB = first.indicators[2];
    await addComment(t.db, cast.approver, id, {
      anchorPath: "performance.projects[0].indicators[1].target",
      body: "目标值偏低",
    });
    await addComment(t.db, cast.approver, id, {
      anchorPath: "performance.projects[0].indicators[2]",
      body: "整行请删除",
    });
    await addComment(t.db, cast.approver, id, { anchorPath: "budget.income.total", body: "收入合计请核对" });
    let v = (
      await returnDisclosure(t.db, cast.approver, id, { expectedVersion: version, reasonCode: "unreasonable-target" })
    ).version;

    const edited = structuredClone(content);
    const project = edited.performance.projects[0];
    project.indicators.unshift({ ...rowA, id: undefined, name: "新增指标" });
    // rowA moves to the second project's table; rowB is deleted.
    project.indicators = project.indicators.filter((r) => r.id !== rowA.id && r.id !== rowB.id);
    edited.performance.projects[1].indicators.push(rowA);
    ({ version: v } = await saveDisclosureContent(t.db, cast.clerk, id, edited, { expectedVersion: v }));

    const threads = await listThreads(t.db, cast.clerk, id);
    const byBody = Object.fromEntries(threads.map((c) => [c.body, c]));
    const moved = `performance.projects[1].indicators[${edited.performance.projects[1].indicators.length - 1}].target`;
    expect(byBody.目标值偏低).toMatchObject({ anchorRowId: rowA.id, currentPath: moved, rowGone: false });
    expect(byBody.目标值偏低.label).toContain("项目 2");
    expect(byBody.整行请删除).toMatchObject({
      anchorRowId: rowB.id,
      rowGone: true,
      currentPath: "performance.projects[0].indicators[2]",
    });
    expect(byBody.收入合计请核对).toMatchObject({
      anchorRowId: null,
      currentPath: "budget.income.total",
      label: "二、部门预算安排的总体情况 › 收入预算 › 收入合计",
    });
    // In document order: section 二 before section 五.
    expect(threads.map((c) => c.body)).toEqual(["收入合计请核对", "整行请删除", "目标值偏低"]);
    expect((await commentCounts(t.db, cast.clerk, [id])).get(id)).toEqual({ open: 3, total: 3 });
    expect((await commentCounts(t.db, w.actors.clerk2, [id])).get(id)).toBeUndefined();
  });
});
