import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { disclosureLimits } from "@/lib/domain/limits";
import { disclosure as canonicalDisclosure } from "@/lib/domain/model";
import { setAt } from "@/lib/domain/paths";
import { renderDocx } from "@/lib/export/docx";
import { longWorkbook, sheetXml, workbookOf } from "@/lib/import/__fixtures__/long-workbook";
import { executeRows } from "@/db/client";
import { verifyAuditChain } from "@/db/queries/audit";
import { loadEditableDisclosure } from "@/db/queries/disclosures";
import { saveFiscalYear } from "@/db/queries/settings";
import { createTestDb, type TestDb } from "@/db/test-db";
import { inputsFor, schemaKeys } from "@/lib/tools/ops/fuzz-inputs";
import { sql } from "drizzle-orm";
import { executeOperation, registeredOperations, type Outcome } from "./operation";
import { buildOperationWorld, type OperationWorld } from "./testing/operation-world";
import { saveContentOperation } from "@/app/disclosures/[id]/edit/operations";
import { sanhe2020 } from "@/lib/domain/__fixtures__/sanhe-2020";

/**
 * Property-based inputs (fast-check) sent straight to every registered operation as an admin and
 * as a clerk: whatever arrives, the answer is the operation's result or one of the registry's
 * typed refusals with a clear Chinese message — never the generic failure (a 500) — and nothing
 * invalid is stored: afterwards every disclosure still reads back as the canonical model and the
 * audit chain is intact. Bounded runs: the whole file takes about half a minute.
 */

const appDir = path.resolve(import.meta.dirname, "..");
function entryFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entryFiles(full);
    if (!/\.(ts|tsx)$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) return [];
    return entry.name === "route.ts" ||
      /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/.test(readFileSync(full, "utf8"))
      ? [full]
      : [];
  });
}
// Importing the entry points registers their operations, as the server does.
for (const file of entryFiles(appDir)) await import(pathToFileURL(file).href);

const RUNS_PER_OPERATION = 12;
const CHINESE = /[\u3400-\u9fff]/;

let t: TestDb;
let world: OperationWorld;
let ids: string[];
let seeds: Record<string, unknown>;

beforeAll(async () => {
  t = await createTestDb();
  world = await buildOperationWorld(t.db);
  const commentIds = await executeRows<{ id: string }>(t.db, sql`SELECT id FROM review_comments`);
  ids = [
    world.draftId,
    world.readyDraftId,
    world.departments.own,
    world.departments.other,
    ...Object.values(world.actors).map((a) => a.id),
    ...Object.values(world.review).flatMap((v) =>
      typeof v === "string" ? [v] : v && typeof v === "object" && "id" in v ? [String(v.id)] : [],
    ),
    ...commentIds.map((c) => c.id),
  ];
  const fixture = sanhe2020();
  // Deep edits start from real content: the fixture is department 434's 2020 disclosure, like the draft.
  seeds = {
    content: fixture,
    base: fixture,
    file: { name: "上年.json", size: 10, bytes: new TextEncoder().encode(JSON.stringify(fixture)) },
  };
}, 120_000);

afterAll(async () => {
  console.info(`[fuzz] ${tally.tried} operation calls, ${tally.serverErrors} answered 500`);
  await t?.close();
});

/** Every outcome judged below, and the generic failures (500s) among them: the figures of the run. */
const tally = { tried: 0, serverErrors: 0 };

/** What a refusal must look like: a typed code (not the generic 500) and Chinese words. */
function problemsOf(name: string, outcome: Outcome<unknown>): string[] {
  tally.tried++;
  if (!outcome.ok && outcome.code === "error") tally.serverErrors++;
  if (outcome.ok) return [];
  const problems: string[] = [];
  if (outcome.code === "error") problems.push(`${name}: unexpected failure (500): ${outcome.formError}`);
  if (!outcome.formError || !CHINESE.test(outcome.formError))
    problems.push(`${name}: refusal without a clear message: ${JSON.stringify(outcome.formError)}`);
  for (const [field, messages] of Object.entries(outcome.fieldErrors))
    for (const message of messages)
      if (!CHINESE.test(message)) problems.push(`${name}: field ${field} says ${JSON.stringify(message)}`);
  return problems;
}

describe("fuzzing every operation", () => {
  it("finds the operations to fuzz", () => {
    expect(registeredOperations().length).toBeGreaterThan(20);
  });

  for (const person of ["admin", "clerk"] as const) {
    it(`answers hostile input as ${person} with a result or a clear typed refusal, never a 500`, async () => {
      const problems: string[] = [];
      // How far the inputs got: a fuzzer whose every input dies in validation proves little.
      const beyondValidation = new Set<string>();
      for (const op of registeredOperations()) {
        await fc
          .assert(
            fc.asyncProperty(inputsFor(op.input, ids, seeds), async (input) => {
              const outcome = await executeOperation(
                op,
                { db: t.db, actor: world.actors[person], ip: "127.0.0.1" },
                input,
              );
              if (outcome.ok || outcome.code !== "invalid-input") beyondValidation.add(op.name);
              const found = problemsOf(op.name, outcome);
              problems.push(...found.map((p) => p.slice(0, 300)));
              return found.length === 0;
            }),
            { numRuns: RUNS_PER_OPERATION, endOnFailure: true },
          )
          .catch((error: unknown) =>
            problems.push(
              `${op.name}: ${error instanceof Error ? error.message.split("\n").slice(0, 4).join(" ").slice(0, 300) : String(error)}`,
            ),
          );
      }
      expect([...new Set(problems)]).toEqual([]);
      expect(beyondValidation.size).toBeGreaterThan(registeredOperations().length / 3);
    }, 120_000);
  }

  it("refuses a NUL character in any text with a clear message, not a 500", async () => {
    const problems: string[] = [];
    for (const op of registeredOperations())
      for (const person of ["admin", "clerk"] as const) {
        const input = {
          id: world.draftId,
          commentId: world.review.clerkThreadId,
          ruleId: "plausibility.operating-within-basic",
          path: "operatingExpenses.amount",
          explanation: "含\u0000空字符",
          body: "含\u0000空字符",
          name: "含\u0000空字符",
        };
        problems.push(
          ...problemsOf(
            op.name,
            await executeOperation(op, { db: t.db, actor: world.actors[person], ip: null }, input),
          ),
        );
      }
    expect(problems).toEqual([]);
  });

  it("refuses what no text may hold, input nested 100,000 deep, figures beyond Excel and hostile files, with a clear message, not a 500", async () => {
    const problems: string[] = [];
    const target = {
      id: world.draftId,
      commentId: world.review.clerkThreadId,
      ruleId: "plausibility.operating-within-basic",
      path: "operatingExpenses.amount",
      expectedVersion: 1,
      // The draft's paper as a workbook: its PDF would be printed in Chromium for each input and person.
      format: "xlsx",
    };
    const deep = JSON.parse(`${"[".repeat(100_000)}${"]".repeat(100_000)}`) as unknown;
    const fixture = sanhe2020();
    const beyondExcel = setAt(
      setAt(fixture, "performance.projects[0].indicators[0].weight", 1e308),
      "assets.buildings.area",
      "1".repeat(301),
    );
    const xml = await JSZip.loadAsync(await renderDocx(fixture)).then((zip) =>
      zip.file("word/document.xml")!.async("string"),
    );
    const word = async (insert: string) => {
      const zip = await JSZip.loadAsync(await renderDocx(fixture));
      zip.file("word/document.xml", xml.replace("市志编纂业务费", `市志编纂业务费${insert}`));
      return zip.generateAsync({ type: "uint8array" });
    };
    const inputs: Array<Record<string, unknown>> = [
      ...["\ud800", "\udfff", "\u0007", "\u202e", "\u2066"].map((c) => ({
        ...target,
        explanation: `含${c}字符`,
        body: `含${c}字符`,
        name: `含${c}字符`,
        content: setAt(fixture, "preamble", `含${c}字符`),
      })),
      { ...target, content: deep, base: deep, body: deep, ids: deep },
      { ...target, content: beyondExcel, base: beyondExcel },
      ...(await Promise.all(["\u0000", "&#0;", "&#xD800;"].map(word))).map((bytes) => ({
        ...target,
        departmentId: world.departments.own,
        fiscalYear: 2023,
        file: { name: "上年.docx", size: bytes.byteLength, bytes },
      })),
    ];
    for (const input of inputs)
      for (const op of registeredOperations()) {
        // A file goes to the operations that take one: elsewhere its department and year would start that year's drafts.
        if ("file" in input && !schemaKeys(op.input).includes("file")) continue;
        for (const person of ["admin", "clerk"] as const)
          problems.push(
            ...problemsOf(
              op.name,
              await executeOperation(op, { db: t.db, actor: world.actors[person], ip: null }, input),
            ),
          );
      }
    expect(problems).toEqual([]);
  }, 120_000);

  it("refuses a disclosure over its row limits (5,001 and 16,001 indicators, 1,001 projects, 2,001 procurement lines) at the table, not a 500", async () => {
    const problems: string[] = [];
    const fixture = sanhe2020();
    const project = fixture.performance.projects[0];
    const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ ...project.indicators[0], name: `指标${i}` }));
    const max = disclosureLimits;
    const over = [
      setAt(fixture, "performance.projects", [{ ...project, indicators: rows(max.indicators + 1) }]),
      setAt(fixture, "performance.projects", [{ ...project, indicators: rows(16_001) }]),
      setAt(
        fixture,
        "performance.projects",
        Array.from({ length: max.projects + 1 }, () => ({ ...project, indicators: [] })),
      ),
      setAt(
        fixture,
        "procurement.items",
        Array.from({ length: max.procurementItems + 1 }, () => fixture.procurement.items[0]),
      ),
    ];
    // Only what takes a disclosure's content can be over its limits; the rest drop the field unread
    // (and a GET of the draft's PDF would print it eight times for nothing).
    const takingContent = registeredOperations().filter((op) => schemaKeys(op.input).includes("content"));
    expect(takingContent.map((op) => op.name)).toContain(saveContentOperation.name);
    for (const content of over)
      for (const op of takingContent)
        for (const person of ["admin", "clerk"] as const) {
          const outcome = await executeOperation(
            op,
            { db: t.db, actor: world.actors[person], ip: null },
            { id: world.draftId, expectedVersion: 1, content, base: content },
          );
          problems.push(...problemsOf(op.name, outcome));
          const atTable =
            !outcome.ok &&
            ["content.performance.projects", "content.procurement.items"].some(
              (path) => outcome.fieldErrors[path]?.length,
            );
          if (op.name === saveContentOperation.name && !atTable)
            problems.push(`${op.name} as ${person}: not refused at the table over its limit`);
        }
    expect(problems).toEqual([]);
  }, 120_000);

  it("refuses hostile uploads (600,000 and 20,000 rows, a merge down the whole sheet, a CSV past the row limit) with the limit's message, not a 500", async () => {
    const problems: string[] = [];
    const merged = sheetXml(
      '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>一级</t></is></c></row></sheetData><mergeCells><mergeCell ref="A1:A1048576"/></mergeCells>',
    );
    const files: Array<[string, Uint8Array]> = [
      ["全部指标.xlsx", await longWorkbook(600_000, "short")],
      ["两万行.xlsx", await longWorkbook(20_000, "short")],
      ["合并.xlsx", await workbookOf(merged)],
      ["名单.csv", new TextEncoder().encode(`部门编码,部门名称\n${"434,办公室\n".repeat(20_000)}`)],
    ];
    // A year of its own, open and not started by anyone: the fuzzing above may start the world's open
    // years (fiscal-year.start-drafts for 2023), and an upload for a started year is refused before it
    // is read. The fuzzer's years stop at 2030; the world's examples use 2030–2036 and 2040–2041.
    await saveFiscalYear(t.db, null, { year: 2045, frameworkId: "2021", submissionDeadline: null, status: "open" });
    // How long this process's event loop was held while they were read (the reading is in the worker).
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    for (const [name, bytes] of files) {
      const asUpload = {
        departmentId: world.departments.own,
        fiscalYear: 2045,
        file: { name, size: bytes.byteLength, bytes },
      };
      const asSheet = { mode: "preview", file: new File([new Uint8Array(bytes)], name) };
      // A year only to the catalogue import: elsewhere a year would start that year's drafts.
      const asCatalogue = { ...asSheet, year: 2045 };
      for (const op of registeredOperations())
        for (const person of ["admin", "clerk"] as const)
          for (const input of op.name === "classification.import" ? [asCatalogue] : [asUpload, asSheet]) {
            const outcome = await executeOperation(op, { db: t.db, actor: world.actors[person], ip: null }, input);
            problems.push(...problemsOf(op.name, outcome));
            const reads =
              (op.name === "import.upload" && person === "clerk" && input === asUpload) ||
              (["user.import", "department.import"].includes(op.name) && person === "admin" && input === asSheet) ||
              (op.name === "classification.import" && person === "admin");
            // The admin's sheets stop at 900 KB before they are read: the 600,000 rows are refused by size.
            const expected =
              op.name !== "import.upload" && bytes.byteLength > 900 * 1024
                ? "超过 900 KB"
                : `文件“${name}”超过 10,000 行`;
            if (reads && (outcome.ok || !outcome.formError?.includes(expected)))
              problems.push(`${op.name} on ${name}: ${outcome.ok ? "read" : outcome.formError}`);
          }
    }
    loop.disable();
    console.info(
      `[fuzz] hostile uploads: longest event-loop block of the test process ${Math.round(loop.max / 1e6)} ms`,
    );
    expect(problems).toEqual([]);
  }, 120_000);

  it("stored nothing invalid: every disclosure reads back as the canonical model, the audit chain holds", async () => {
    // Content the model no longer takes would be read leniently (db/queries/disclosure-content.ts), with a warning: none may be.
    const warned = vi.spyOn(console, "warn");
    const rows = await executeRows<{ id: string }>(t.db, sql`SELECT id FROM disclosures`);
    expect(rows.length).toBeGreaterThan(2);
    const invalid: string[] = [];
    for (const { id } of rows) {
      const { content } = await loadEditableDisclosure(t.db, world.actors.admin, id);
      const parsed = canonicalDisclosure.safeParse(content);
      if (!parsed.success) invalid.push(`${id}: ${parsed.error.issues[0]?.message}`);
    }
    expect(invalid).toEqual([]);
    expect(warned.mock.calls.filter(([message]) => String(message).startsWith("[content]"))).toEqual([]);
    const snapshots = await executeRows<{ canonical: unknown }>(t.db, sql`SELECT canonical FROM published_snapshots`);
    for (const s of snapshots) expect(canonicalDisclosure.safeParse(s.canonical).success).toBe(true);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  }, 60_000);
});
