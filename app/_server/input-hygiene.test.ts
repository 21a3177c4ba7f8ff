import JSZip from "jszip";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { executeRows } from "@/db/client";
import { loadEditableDisclosure } from "@/db/queries/disclosures";
import { createTestDb, type TestDb } from "@/db/test-db";
import type { Disclosure } from "@/lib/domain/model";
import { setAt } from "@/lib/domain/paths";
import { MAX_INPUT_DEPTH, textProblem } from "@/lib/domain/text-hygiene";
import { renderDocx } from "@/lib/export/docx";
import { uploadImportOperation } from "@/app/api/imports/operation";
import { explainWarningOperation, saveContentOperation } from "@/app/disclosures/[id]/edit/operations";
import { startDisclosureOperation } from "@/app/workbench/new/operations";
import { executeOperation, statusOf, type Outcome } from "./operation";
import { buildOperationWorld, type OperationWorld } from "./testing/operation-world";
import { sanhe2020, sanhe2020Text } from "@/lib/domain/__fixtures__/sanhe-2020";

/**
 * Hostile and careless input through the operations the browser reaches (issue 13): a lone
 * surrogate, a NUL, a control character, a direction override, a figure beyond what Excel holds,
 * JSON nested a hundred thousand deep — in the autosave, in a form's text, in an uploaded JSON,
 * Word or text file. Each is a 400 with a Chinese message at the field (or, for a file, at its
 * line or section), nothing is stored, and nothing previews fine and then fails on accept.
 */

let t: TestDb;
let w: OperationWorld;
beforeAll(async () => {
  t = await createTestDb();
  w = await buildOperationWorld(t.db);
  vi.spyOn(console, "warn").mockImplementation(() => {});
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const as = (actor = w.actors.clerk) => ({ db: t.db, actor, ip: "127.0.0.1" });
const stored = () => loadEditableDisclosure(t.db, w.actors.admin, w.draftId);
const save = (input: Record<string, unknown>) =>
  executeOperation(saveContentOperation, as(), { id: w.draftId, ...input });
const refusal = (outcome: Outcome<unknown>) => {
  expect(outcome.ok).toBe(false);
  if (outcome.ok) throw new Error("expected a refusal");
  expect(statusOf(outcome.code)).toBe(400);
  return outcome;
};

/** The draft holds the fixture, as the editor's tests start from. */
beforeEach(async () => {
  const { meta, content } = await stored();
  if (content.budget.income.total !== null) return;
  const fixture = sanhe2020();
  expect(
    (
      await save({
        expectedVersion: meta.version,
        content: { ...fixture, performance: { ...fixture.performance, framework: content.performance.framework } },
      })
    ).ok,
  ).toBe(true);
});

describe("autosave: PUT /api/disclosures/<id>/content", () => {
  const cases: Array<[string, string, string]> = [
    ["a lone high surrogate in the preamble", "preamble", "前言\ud800"],
    ["a lone low surrogate in an indicator's name", "performance.projects[0].indicators[0].name", "\udfff受理量"],
    ["a NUL in a procurement line", "procurement.items[0].item", "品目\u0000"],
    ["a bell character in a glossary term", "glossary[0].term", "名词\u0007"],
    ["a right-to-left override in 其他事项", "otherMatters", "无\u202e%001"],
    ["a left-to-right isolate in a responsibility", "responsibilities[2]", "\u2066职责"],
  ];
  for (const [name, path, hostile] of cases) {
    it(`refuses ${name} with a 400 at the field, storing nothing`, async () => {
      const before = await stored();
      const outcome = refusal(
        await save({ expectedVersion: before.meta.version, content: setAt(before.content, path, hostile) }),
      );
      const field = `content.${path.replace(/\[(\d+)\]/g, ".$1")}`;
      expect(outcome.fieldErrors).toEqual({ [field]: [textProblem(hostile)] });
      expect(outcome.formError).toBe(textProblem(hostile));
      const after = await stored();
      expect(after.meta.version).toBe(before.meta.version);
      expect(after.content).toEqual(before.content);
    });
  }

  it("removes zero-width characters and saves", async () => {
    const before = await stored();
    const outcome = await save({
      expectedVersion: before.meta.version,
      content: setAt(before.content, "otherMatters", "无\u200b其他\ufeff需要说明的事项\u2060。"),
    });
    expect(outcome.ok).toBe(true);
    expect((await stored()).content.otherMatters).toBe("无其他需要说明的事项。");
  });

  it("refuses a 1e308 weight, a 301-digit area and a 301-digit amount at their fields", async () => {
    const before = await stored();
    let content = setAt(before.content, "performance.projects[0].indicators[0].weight", 1e308);
    content = setAt(content, "assets.buildings.area", "1".repeat(301));
    content = setAt(content, "budget.income.total", `${"9".repeat(301)}.00`);
    const outcome = refusal(await save({ expectedVersion: before.meta.version, content }));
    expect(outcome.fieldErrors).toEqual({
      "content.performance.projects.0.indicators.0.weight": ["权重须在 0 到 100 之间。"],
      "content.assets.buildings.area": ["数值最多 15 位数字（Excel 只能准确保存 15 位有效数字）。"],
      "content.budget.income.total": ["金额最多 13 位整数（Excel 只能准确保存 15 位有效数字），请核对单位是否为万元。"],
    });
    expect((await stored()).meta.version).toBe(before.meta.version);
  });

  it("refuses JSON nested a hundred thousand deep, as the content or as the base, with a 400", async () => {
    const { meta, content } = await stored();
    // As the route receives it: JSON.parse reads any depth without recursion.
    const deep = JSON.parse(`${"[".repeat(100_000)}${"]".repeat(100_000)}`) as unknown;
    const tooDeep = `内容嵌套超过 ${MAX_INPUT_DEPTH} 层，不是本系统能处理的数据，已拒绝。`;
    expect(refusal(await save({ expectedVersion: meta.version, content: deep })).formError).toBe(tooDeep);
    expect(refusal(await save({ expectedVersion: meta.version, content, base: { nested: deep } })).formError).toBe(
      tooDeep,
    );
    expect(
      refusal(await save({ expectedVersion: meta.version, content: setAt(content, "preamble", deep) })).formError,
    ).toBe(tooDeep);
  });
});

describe("a server action's text", () => {
  it("refuses a lone surrogate and a direction override in a warning's explanation at the field", async () => {
    for (const explanation of ["理由\ud800", "理由\u202d"]) {
      const outcome = refusal(
        await executeOperation(explainWarningOperation, as(), {
          id: w.draftId,
          ruleId: "plausibility.operating-within-basic",
          paths: ["operatingExpenses.amount"],
          explanation,
        }),
      );
      expect(outcome.fieldErrors).toEqual({ explanation: [textProblem(explanation)] });
    }
  });
});

describe("uploads: refused at the preview with the place, never refused later on accept", () => {
  const golden = sanhe2020();
  const upload = (name: string, bytes: Uint8Array, fiscalYear = 2023) =>
    executeOperation(uploadImportOperation, as(), {
      departmentId: w.departments.own,
      fiscalYear,
      file: { name, size: bytes.byteLength, bytes },
    });
  const json = (d: unknown) => new TextEncoder().encode(JSON.stringify(d));
  async function word(insert: string): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(await renderDocx(golden));
    const xml = await zip.file("word/document.xml")!.async("string");
    zip.file("word/document.xml", xml.replace("市志编纂业务费", `市志编纂业务费${insert}`));
    return zip.generateAsync({ type: "uint8array" });
  }
  const withName = (name: string): Disclosure => setAt(golden, "performance.projects[0].name", name);

  it("Word files with NUL, &#0;, &#xD800;, a control character or a direction override: refused with the section", async () => {
    for (const insert of ["\u0000", "&#0;", "&#xD800;", "&#x7;", "\u202e"]) {
      const outcome = refusal(await upload("上年.docx", await word(insert)));
      expect(outcome.fieldErrors.file?.[0]).toMatch(
        /^“上年\.docx”不能导入，[一二三四五六七八九]、[^：]+：第 \d+ 个字符是/,
      );
      expect(outcome.fieldErrors.file?.[0]).toContain("市志编纂业务费”之后）");
    }
  });

  it("JSON with a lone surrogate, a NUL or a direction override: refused with the field", async () => {
    for (const name of ["热线\ud800", "热线\u0000", "热线\u202e"]) {
      const outcome = refusal(await upload("434.json", json(withName(name))));
      expect(outcome.formError).toBe(`“434.json”不能导入，五、预算绩效信息 › 项目 1 › 项目名称：${textProblem(name)}`);
    }
  });

  it("JSON with a 1e308 weight or a 301-digit area: refused with the field and the rule", async () => {
    const weight = refusal(
      await upload("434.json", json(setAt(golden, "performance.projects[0].indicators[0].weight", 1e308))),
    );
    expect(weight.formError).toBe(
      "“434.json”不能导入，五、预算绩效信息 › 项目 1 › 指标第 1 行 › 权重：权重须在 0 到 100 之间。",
    );
    const area = refusal(await upload("434.json", json(setAt(golden, "assets.officeBuildings.area", "9".repeat(301)))));
    expect(area.formError).toMatch(/^“434\.json”不能导入，七、国有资产信息 › .+：数值最多 15 位数字/);
  });

  it("JSON nested a hundred thousand deep: refused, not a stack overflow", async () => {
    const outcome = refusal(
      await upload("deep.json", new TextEncoder().encode(`${"[".repeat(100_000)}${"]".repeat(100_000)}`)),
    );
    expect(outcome.formError).toBe(
      `未能从“deep.json”读取信息公开内容：JSON 嵌套超过 ${MAX_INPUT_DEPTH} 层，不是部门预算信息公开的数据。`,
    );
  });

  it("a text file with a direction override: refused with the line", async () => {
    const fixture = sanhe2020Text();
    const at = fixture.indexOf("公务接待费") + "公务接待费".length;
    const line = fixture.slice(0, at).split("\n").length;
    const outcome = refusal(
      await upload("上年.txt", new TextEncoder().encode(`${fixture.slice(0, at)}\u202e${fixture.slice(at)}`)),
    );
    expect(outcome.formError).toMatch(
      new RegExp(`^“上年\\.txt”不能导入，第${line}行：第 \\d+ 个字符是看不见的文字方向控制符（U\\+202E）`),
    );
  });

  it("what previews is what is accepted: a Word file with zero-width characters becomes a draft without them", async () => {
    const uploaded = await upload("上年.docx", await word("\u200b\ufeff"));
    expect(uploaded.ok).toBe(true);
    if (!uploaded.ok) return;
    const started = await executeOperation(startDisclosureOperation, as(), {
      mode: "upload",
      uploadId: (uploaded.data as { id: string }).id,
    });
    expect(started).toMatchObject({ ok: true });
    if (!started.ok) return;
    const { content } = await loadEditableDisclosure(t.db, w.actors.clerk, (started.data as { id: string }).id);
    expect(content.budget.expenditure.projectHighlights).toContain("市志编纂业务费");
    expect(JSON.stringify(content)).not.toMatch(/[\u200b\ufeff]/);
  });
});

describe("content stored before the rules tightened", () => {
  it("still opens: refused characters removed, a figure beyond the limits emptied", async () => {
    await executeRows(
      t.db,
      sql`UPDATE disclosure_sections SET content = jsonb_set(content, '{otherMatters}', to_jsonb(${"旧\u202e内容\u0007"}::text)) WHERE disclosure_id = ${w.draftId} AND section_id = 'otherMatters'`,
    );
    await executeRows(
      t.db,
      sql`UPDATE indicators SET weight = 1e308 WHERE project_id IN (SELECT id FROM project_funds WHERE disclosure_id = ${w.draftId})`,
    );
    const { content } = await stored();
    expect(content.otherMatters).toBe("旧内容");
    expect(content.performance.projects[0].indicators[0].weight ?? null).toBeNull();
  });
});
