import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserError } from "@/lib/errors";
import { parseTarget } from "@/lib/domain/targets";
import { checkDisclosure } from "@/lib/rules/engine";
import { TARGET_QUALITY_REASON, targetQualityQuote } from "@/lib/rules/target-quality";
import { createTestDb, type TestDb } from "../test-db";
import { buildTestOrg, type TestOrg } from "../test-org";
import { cleanContent, disclosureIn } from "../test-workflow";
import { getDisclosureMeta } from "./disclosures";
import { addComment, listReturns, setWarningExplanation } from "./review";
import { loadCheckOptions } from "./settings";
import { returnDisclosure, transitionDisclosure } from "./workflow";

/**
 * A return for 绩效目标质量 (issue 16) on a real database: the note the department receives quotes
 * the projects graded 中 or 差 as the server grades them on the locked content, whatever the
 * browser sent of the quote; with no such project the reason is refused and nothing moves.
 */

let t: TestDb;
let w: TestOrg;
beforeAll(async () => {
  t = await createTestDb();
  w = await buildTestOrg(t.db);
});
afterAll(async () => {
  await t?.close();
});

const cast = () => ({ clerk: w.actors.clerk, approver: w.actors.approver, admin: w.actors.admin });

describe("a 绩效目标质量 return", () => {
  it("stores the approver's words and the server's quote of the 中/差 projects, replacing a stale one", async () => {
    const year = 2091;
    // Five vague 指标值 in the first project: five warnings, 75 points, 中.
    const content = cleanContent(year);
    for (const row of content.performance.projects[0].indicators.slice(0, 5)) row.target = parseTarget("明显提升");
    const options = await loadCheckOptions(t.db, year, content.department.code);
    const { id } = await disclosureIn(t.db, cast(), w.departments.office, "draft", year, content);
    // The department explains each warning, so it can submit; explained warnings still grade.
    const findings = checkDisclosure(content, options);
    const quote = targetQualityQuote(content, findings)!;
    expect(quote).toContain(`1、${content.performance.projects[0].name}（中，`);
    for (const f of findings.filter((f) => f.severity === "warning"))
      await setWarningExplanation(t.db, w.actors.clerk, id, { ruleId: f.rule, paths: [f.path], explanation: "按计划" });
    let { version } = await getDisclosureMeta(t.db, w.actors.admin, id);
    ({ version } = await transitionDisclosure(t.db, w.actors.clerk, id, "submit", { expectedVersion: version }));
    ({ version } = await transitionDisclosure(t.db, w.actors.approver, id, "startReview", {
      expectedVersion: version,
    }));
    await addComment(t.db, w.actors.approver, id, { anchorPath: "performance.projects[0]", body: "目标不明确。" });

    const stale = "以下项目的绩效目标评级为中或差，请按所列问题修改：\n1、别的项目（差，10 分）";
    await returnDisclosure(t.db, w.actors.approver, id, {
      expectedVersion: version,
      reasonCode: TARGET_QUALITY_REASON,
      note: `请于三日内修改。\n\n${stale}`,
    });
    const [returned] = await listReturns(t.db, w.actors.clerk, id);
    expect(returned).toMatchObject({ reasonCode: TARGET_QUALITY_REASON, reasonLabel: "绩效目标质量" });
    expect(returned.note).toBe(`请于三日内修改。\n\n${quote}`);
    expect(returned.note).not.toContain("别的项目");
  });

  it("is refused when no project grades 中 or 差, and the disclosure stays in review", async () => {
    const year = 2092;
    const { id, version } = await disclosureIn(t.db, cast(), w.departments.office, "in_review", year);
    await addComment(t.db, w.actors.approver, id, { anchorPath: "budget.income.total", body: "请核对。" });
    const refused = returnDisclosure(t.db, w.actors.approver, id, {
      expectedVersion: version,
      reasonCode: TARGET_QUALITY_REASON,
      note: "以下项目的绩效目标评级为中或差，请按所列问题修改：\n1、伪造（差，0 分）",
    });
    await expect(refused).rejects.toBeInstanceOf(UserError);
    await expect(refused).rejects.toThrow("没有评级为中或差的项目");
    expect(await getDisclosureMeta(t.db, w.actors.admin, id)).toMatchObject({ state: "in_review", version });
    expect(await listReturns(t.db, w.actors.admin, id)).toEqual([]);
  });
});
