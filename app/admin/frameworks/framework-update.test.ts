import { and, eq, gt } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { frameworkFingerprint } from "@/db/queries/frameworks";
import { loadDisclosure } from "@/db/queries/disclosures";
import { saveLibraryEntry } from "@/db/queries/library";
import { auditLog } from "@/db/schema/audit";
import { indicatorLibrary } from "@/db/schema/library";
import { indicatorFrameworks } from "@/db/schema/settings";
import { createTestDb, type TestDb } from "@/db/test-db";
import { cleanContent, disclosureIn } from "@/db/test-workflow";
import { buildTestOrg, type TestOrg } from "@/db/test-org";
import { formOf, type FrameworkEditForm } from "@/lib/admin/framework-edit";
import type { Actor } from "@/lib/auth/actor";
import { findFramework, type IndicatorFramework } from "@/lib/domain/frameworks";
import { checkDisclosure } from "@/lib/rules/engine";
import { loadCheckOptions } from "@/db/queries/settings";
import { executeOperation, type Outcome } from "@/app/_server/operation";
import { createFrameworkOperation, deleteFrameworkOperation, updateFrameworkOperation } from "./operations";

/**
 * framework.update and framework.delete on a real database: a custom framework (the 2021 levels plus
 * an unused 其他指标) used by a published disclosure of 434 and a draft of 411, and by one library
 * entry. What nobody uses may change; what a disclosure or the library uses may not disappear.
 */

let t: TestDb;
let w: TestOrg;
const ID = "t2025";
/** The pairs the synthetic disclosures use, level-1 → level-2s. */
let used: Map<string, Set<string>>;
let publishedId: string;

const base = findFramework("2021")!;
const levelsText = [...base.levels, { level1: "其他指标", level2: ["其他一", "其他二"] }]
  .map((l) => `${l.level1}：${l.level2.join("、")}`)
  .join("\n");

const run = <I, O>(op: Parameters<typeof executeOperation<I, O>>[0], input: unknown, actor: Actor = w.actors.admin) =>
  executeOperation(op, { db: t.db, actor, ip: "127.0.0.1" }, input);
const stored = async (): Promise<IndicatorFramework> => {
  const [row] = await t.db.select().from(indicatorFrameworks).where(eq(indicatorFrameworks.id, ID));
  return { id: row.id, name: row.name, source: row.source, levels: row.levels };
};
/** The form as an admin opens it now. */
const opened = async (): Promise<FrameworkEditForm> => {
  const fw = await stored();
  return formOf(fw, frameworkFingerprint(fw));
};
const lastAuditId = async () =>
  (await t.db.select({ id: auditLog.id }).from(auditLog).orderBy(auditLog.id)).at(-1)?.id ?? 0;
const failure = (outcome: Outcome<unknown>) => {
  if (outcome.ok) throw new Error("expected a refusal");
  return outcome;
};
const level1Index = (form: FrameworkEditForm, name: string) => form.levels.findIndex((l) => l.name === name);

beforeAll(async () => {
  t = await createTestDb();
  w = await buildTestOrg(t.db);
  const created = await run(createFrameworkOperation, { id: ID, name: "测试指标体系", source: "", levels: levelsText });
  expect(created.ok).toBe(true);
  const content = cleanContent(2021);
  content.performance.framework = ID;
  used = new Map();
  for (const p of content.performance.projects)
    for (const i of p.indicators) used.set(i.level1, (used.get(i.level1) ?? new Set()).add(i.level2));
  publishedId = (
    await disclosureIn(
      t.db,
      { clerk: w.actors.clerk, approver: w.actors.approver, admin: w.actors.admin },
      w.departments.office,
      "published",
      2021,
      content,
    )
  ).id;
  await disclosureIn(
    t.db,
    { clerk: w.actors.clerk2, approver: w.actors.approver2, admin: w.actors.admin },
    w.departments.health,
    "draft",
    2021,
    content,
  );
  // The library uses a pair no disclosure does.
  const unusedByDisclosures = base.levels.flatMap((l) =>
    l.level2.filter((x) => !used.get(l.level1)?.has(x)).map((x) => [l.level1, x]),
  )[0];
  await saveLibraryEntry(
    t.db,
    w.actors.admin.id,
    {
      frameworkId: ID,
      level1: unusedByDisclosures[0],
      level2: unusedByDisclosures[1],
      name: "库中指标",
      description: "",
      target: ">=1次",
      basis: "",
    },
    [await stored()],
  );
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe("framework.update: what nobody uses may change", () => {
  it("renames, adds, removes and reorders unused entries and the name; one audit row says what changed", async () => {
    const form = await opened();
    const before = await lastAuditId();
    form.name = "测试指标体系（修订）";
    const other = level1Index(form, "其他指标");
    form.levels[other].name = "其他类指标";
    form.levels[other].level2[0].name = "其他甲";
    form.levels[other].level2.splice(1, 1);
    form.levels[other].level2.push({ original: "", name: "其他丙" });
    // 其他 first: the order is the admin's.
    form.levels.unshift(...form.levels.splice(other, 1));
    form.levels.push({ original: "", name: "新增一级", level2: [{ original: "", name: "新增二级" }] });

    const outcome = await run(updateFrameworkOperation, form);
    expect(outcome.ok ? "ok" : JSON.stringify(outcome)).toBe("ok");
    const after = await stored();
    expect(after.name).toBe("测试指标体系（修订）");
    expect(after.levels[0]).toEqual({ level1: "其他类指标", level2: ["其他甲", "其他丙"] });
    expect(after.levels.slice(1, 5)).toEqual(base.levels);
    expect(after.levels[5]).toEqual({ level1: "新增一级", level2: ["新增二级"] });

    const rows = await t.db.select().from(auditLog).where(gt(auditLog.id, before));
    expect(rows.map((r) => [r.action, r.actorId, r.entityId])).toEqual([["framework.update", w.actors.admin.id, ID]]);
    expect(rows[0].detail.changes).toEqual([
      "名称“测试指标体系”改为“测试指标体系（修订）”",
      "一级指标“其他指标”改名为“其他类指标”",
      "“其他类指标”下二级指标“其他一”改名为“其他甲”",
      "“其他类指标”下新增二级指标“其他丙”",
      "“其他类指标”下删除二级指标“其他二”",
      "新增一级指标“新增一级”",
      "调整了顺序",
    ]);
    expect((rows[0].detail.before as { name: string }).name).toBe("测试指标体系");
  });

  it("leaves the published disclosure meaning what it meant: it still checks clean against the edited framework", async () => {
    const disclosure = await loadDisclosure(t.db, w.actors.admin, publishedId);
    const findings = checkDisclosure(disclosure, await loadCheckOptions(t.db));
    expect(findings.filter((f) => f.rule === "indicator.framework-pair")).toEqual([]);
  });

  it("saves nothing and writes no audit row when nothing changed", async () => {
    const before = await lastAuditId();
    const outcome = await run(updateFrameworkOperation, await opened());
    expect(outcome.ok && outcome.data.changes).toEqual([]);
    expect(await lastAuditId()).toBe(before);
  });
});

describe("framework.update: the rules the server holds", () => {
  it("refuses empty names and duplicates with a message at the field", async () => {
    const form = await opened();
    form.name = "  ";
    form.levels[1].name = form.levels[2].name;
    form.levels[3].level2[1].name = "";
    form.levels[3].level2[2].name = form.levels[3].level2[0].name;
    // The same level-2 under two different level-1s is fine.
    form.levels[0].level2[0].name = form.levels[3].level2[0].name;
    const refused = failure(await run(updateFrameworkOperation, form));
    expect(refused.code).toBe("invalid-input");
    expect(refused.fieldErrors).toEqual({
      name: ["请填写名称。"],
      "levels.2.name": [`一级指标“${form.levels[2].name}”重复，请改用不同的名称。`],
      "levels.3.level2.1.name": ["请填写二级指标名称。"],
      "levels.3.level2.2.name": [
        `“${form.levels[3].name}”下的二级指标“${form.levels[3].level2[0].name}”重复，请改用不同的名称。`,
      ],
    });
  });

  it("refuses a level-1 without level-2 and a framework without level-1", async () => {
    const form = await opened();
    form.levels[0].level2 = [];
    expect(failure(await run(updateFrameworkOperation, form)).fieldErrors["levels.0.level2"]).toEqual([
      "每个一级指标下至少要有一个二级指标。",
    ]);
    form.levels = [];
    expect(failure(await run(updateFrameworkOperation, form)).fieldErrors.levels).toEqual(["至少要有一个一级指标。"]);
  });

  it("refuses to rename a level-2 that disclosures use, naming how many departments and disclosures, and changes nothing", async () => {
    const form = await opened();
    const fingerprint = form.expected;
    const before = await lastAuditId();
    const [level1, level2s] = [...used][0];
    const i = level1Index(form, level1);
    const j = form.levels[i].level2.findIndex((x) => x.name === [...level2s][0]);
    form.levels[i].level2[j].name = "改过的名称";
    form.name = "这次也改名称";
    const refused = failure(await run(updateFrameworkOperation, form));
    expect(refused.formError).toBe("有 1 处修改不能保存，请按标出的提示修改；其他内容仍在表单中。");
    expect(Object.keys(refused.fieldErrors)).toEqual([`levels.${i}.level2.${j}.name`]);
    const message = refused.fieldErrors[`levels.${i}.level2.${j}.name`][0];
    expect(message).toContain(`“${level1}”下的二级指标“${[...level2s][0]}”正被 2 个部门的 2 份填报（`);
    expect(message).toContain("434 三河市人民政府办公室 2021年");
    expect(message).toContain("其中 1 份已公开");
    expect(message).toContain("不能删除、改名或移到其他一级指标下");
    expect(frameworkFingerprint(await stored())).toBe(fingerprint);
    expect(await lastAuditId()).toBe(before);
  });

  it("refuses to remove or rename a used level-1, and to move a used level-2 under another level-1", async () => {
    const [level1, level2s] = [...used][0];
    const removed = await opened();
    removed.levels.splice(level1Index(removed, level1), 1);
    expect(failure(await run(updateFrameworkOperation, removed)).fieldErrors.levels).toEqual([
      expect.stringMatching(new RegExp(`^一级指标“${level1}”正被 2 个部门的 2 份填报.*不能删除或改名`)),
    ]);

    const renamed = await opened();
    const i = level1Index(renamed, level1);
    renamed.levels[i].name = `${level1}（新）`;
    expect(Object.keys(failure(await run(updateFrameworkOperation, renamed)).fieldErrors)).toEqual([
      `levels.${i}.name`,
    ]);

    const moved = await opened();
    const from = moved.levels[level1Index(moved, level1)];
    const to = moved.levels.find((l) => l.name !== level1 && !l.level2.some((x) => level2s.has(x.name)))!;
    const j = from.level2.findIndex((x) => level2s.has(x.name));
    to.level2.push(...from.level2.splice(j, 1));
    const refused = failure(await run(updateFrameworkOperation, moved));
    expect(Object.keys(refused.fieldErrors)).toEqual([`levels.${level1Index(moved, level1)}.level2`]);
  });

  it("refuses to remove a pair only the indicator library uses, and says so", async () => {
    const form = await opened();
    const [{ level1: libraryLevel1, level2: libraryLevel2 }] = await t.db
      .select()
      .from(indicatorLibrary)
      .where(eq(indicatorLibrary.frameworkId, ID));
    const i = level1Index(form, libraryLevel1);
    form.levels[i].level2 = form.levels[i].level2.filter((x) => x.name !== libraryLevel2);
    const refused = failure(await run(updateFrameworkOperation, form));
    expect(Object.values(refused.fieldErrors).flat()).toEqual([
      expect.stringContaining(`二级指标“${libraryLevel2}”正被指标库中的 1 条指标使用`),
    ]);
  });

  it("refuses a save over a colleague's: both opened the same version, the second is told to reload", async () => {
    const first = await opened();
    const second = await opened();
    first.source = "甲管理员补充的依据";
    second.source = "乙管理员的依据";
    expect((await run(updateFrameworkOperation, first)).ok).toBe(true);
    const refused = failure(await run(updateFrameworkOperation, second));
    expect(refused.code).toBe("conflict");
    expect(refused.formError).toContain("已有其他管理员修改了这个指标体系");
    expect((await stored()).source).toBe("甲管理员补充的依据");
  });

  it("refuses the built-in frameworks and frameworks that do not exist", async () => {
    const builtIn = formOf(base, frameworkFingerprint(base));
    builtIn.name = "改内置";
    const refused = failure(await run(updateFrameworkOperation, builtIn));
    expect([refused.code, refused.formError]).toEqual([
      "invalid-state",
      "内置指标体系不能修改：请新增一个指标体系，再在“预算年度”中选用。",
    ]);
    const missing = { ...(await opened()), id: "nope" };
    expect(failure(await run(updateFrameworkOperation, missing)).code).toBe("not-found");
  });

  it("is refused to everyone but the admin, at the server", async () => {
    for (const actor of [w.actors.clerk, w.actors.approver])
      expect(failure(await run(updateFrameworkOperation, await opened(), actor)).code).toBe("forbidden");
    expect(
      failure(await executeOperation(updateFrameworkOperation, { db: t.db, actor: null, ip: null }, await opened()))
        .code,
    ).toBe("unauthenticated");
  });
});

describe("framework.delete", () => {
  it("refuses a framework disclosures use, deletes an unused one and audits it", async () => {
    const fw = await stored();
    const refused = failure(await run(deleteFrameworkOperation, { id: ID, expected: frameworkFingerprint(fw) }));
    expect(refused.formError).toBe("该指标体系正被 2 个部门的 2 份填报、指标库中的 1 条指标使用，不能删除。");

    expect(
      (await run(createFrameworkOperation, { id: "t-spare", name: "多余的", source: "", levels: "产出指标：数量指标" }))
        .ok,
    ).toBe(true);
    const spare = (await t.db.select().from(indicatorFrameworks).where(eq(indicatorFrameworks.id, "t-spare")))[0];
    expect(failure(await run(deleteFrameworkOperation, { id: "t-spare", expected: "stale" })).code).toBe("conflict");
    const before = await lastAuditId();
    expect((await run(deleteFrameworkOperation, { id: "t-spare", expected: frameworkFingerprint(spare) })).ok).toBe(
      true,
    );
    expect(await t.db.$count(indicatorFrameworks, eq(indicatorFrameworks.id, "t-spare"))).toBe(0);
    const rows = await t.db
      .select()
      .from(auditLog)
      .where(and(gt(auditLog.id, before), eq(auditLog.action, "framework.delete")));
    expect(rows.map((r) => r.entityId)).toEqual(["t-spare"]);
    expect(
      failure(await run(deleteFrameworkOperation, { id: "2021", expected: frameworkFingerprint(base) })).code,
    ).toBe("invalid-state");
  });
});
