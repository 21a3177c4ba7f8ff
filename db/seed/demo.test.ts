import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { checkDisclosure } from "@/lib/rules/engine";
import { createTestDb, type TestDb } from "../test-db";
import { verifyAuditChain } from "../queries/audit";
import { loadClassificationCatalogue } from "../queries/classification";
import { listDisclosuresForActor, loadDisclosure } from "../queries/disclosures";
import { listPublicDisclosures } from "../queries/portal";
import { getPublishedSnapshot, listPublishedFiles, verifySnapshot } from "../queries/publishing";
import { listReportsForActor, loadReport } from "../queries/performance-reports";
import { listComments } from "../queries/review";
import { loadCheckOptions } from "../queries/settings";
import { findUserByUsername, loadActor } from "../queries/users";
import { demoAccountNames, seedDemo, type DemoAccount } from "./demo";
import { sanhe2020WithTables } from "@/lib/domain/__fixtures__/sanhe-2020-tables";
import { readXlsxTables } from "@/lib/export/xlsx";
import { executeOperation } from "@/app/_server/operation";
import { draftFileOperation } from "@/app/api/disclosures/[id]/draft/operation";

let t: TestDb;
let accounts: DemoAccount[];
let problems: string[];

beforeAll(async () => {
  t = await createTestDb();
  ({ accounts, importProblems: problems } = await seedDemo(t.db));
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const actorOf = async (username: string) => (await loadActor(t.db, (await findUserByUsername(t.db, username))!.id))!;

describe("the demo seed", () => {
  it("creates the four named accounts, each with its own strong password that verifies", async () => {
    expect(accounts.map((a) => a.username)).toEqual(expect.arrayContaining(["admin", "approver", "clerk", "clerk2"]));
    expect(accounts.map((a) => a.username)).toEqual(demoAccountNames);
    // DEMO_PASSWORD (set by the e2e runs) gives everyone that one password instead.
    const shared = process.env.DEMO_PASSWORD;
    if (shared) expect(accounts.every((a) => a.password === shared)).toBe(true);
    else expect(new Set(accounts.map((a) => a.password)).size).toBe(accounts.length);
    for (const a of accounts.slice(0, 4)) {
      if (!shared) expect(a.password.length).toBeGreaterThanOrEqual(16);
      expect(await verifyPassword(a.password, (await findUserByUsername(t.db, a.username))!.passwordHash)).toBe(true);
    }
  });

  it("reads the fixture without problems and publishes 434's 2020 disclosure as it reads", async () => {
    expect(problems).toEqual([]);
    const [published] = await listPublicDisclosures(t.db);
    expect(published).toMatchObject({ departmentCode: "434", fiscalYear: 2020, revision: 1 });
    const snapshot = await getPublishedSnapshot(t.db, published.disclosureId);
    expect(snapshot.canonical).toEqual(sanhe2020WithTables());
    expect((await listPublishedFiles(t.db, published.snapshotId)).map((f) => f.format)).toEqual([
      "csv-indicators",
      "csv-procurement",
      "csv-tables",
      "datapackage",
      "docx",
      "json",
      "pdf",
      "xlsx",
    ]);
    expect(await verifySnapshot(t.db, published.snapshotId)).toBe(true);
  });

  it("leaves the 2021 disclosures in every state before publication", async () => {
    const admin = await actorOf("admin");
    const year2021 = await listDisclosuresForActor(t.db, admin, { fiscalYear: 2021 });
    const stateOf = Object.fromEntries(year2021.map((d) => [d.departmentCode, d.state]));
    expect(stateOf).toEqual({
      "434": "draft",
      "402": "submitted",
      "405": "in_review",
      "411": "returned",
      "418": "approved",
      "420": "draft",
    });
  });

  it("carries 434's 2020 figures into its 2021 draft as the prior-year column, on the 2021 framework", async () => {
    const clerk = await actorOf("clerk");
    const [draft] = await listDisclosuresForActor(t.db, clerk, { fiscalYear: 2021 });
    const d = await loadDisclosure(t.db, clerk, draft.id);
    expect(d.performance.framework).toBe("2021");
    expect(d.budget.priorYear).toEqual({ total: "2765.39", basic: "1162.43", project: "1602.96" });
    expect(d.performance.projects.flatMap((p) => p.indicators)).toHaveLength(107);
  });

  it("gives 434's 2021 draft 2020's budget tables, last year's figures in their 上年 columns, in agreement with its text", async () => {
    const clerk = await actorOf("clerk");
    const [draft] = await listDisclosuresForActor(t.db, clerk, { fiscalYear: 2021 });
    const d = await loadDisclosure(t.db, clerk, draft.id);
    expect(d.tables?.expenditure.rows).toHaveLength(13);
    expect(d.tables?.threePublic.lines?.reception).toEqual({ current: "168.95", priorYear: "168.95" });
    expect(d.performance.projects.every((p) => p.amount !== null)).toBe(true);
    const classification = await loadClassificationCatalogue(t.db, 2021);
    const tableErrors = checkDisclosure(d, { classification }).filter(
      (f) => f.severity === "error" && f.rule.startsWith("tables."),
    );
    expect(tableErrors).toEqual([]);
  });

  it("exports 434's 2021 draft to Excel with 上年 and 增减 filled from its own 上年 figures and the 2020 publication", async () => {
    const clerk = await actorOf("clerk");
    const [draft] = await listDisclosuresForActor(t.db, clerk, { fiscalYear: 2021 });
    const outcome = await executeOperation(
      draftFileOperation,
      { db: t.db, actor: clerk, ip: null },
      {
        id: draft.id,
        format: "xlsx",
      },
    );
    if (!outcome.ok) throw new Error(outcome.formError ?? outcome.code);
    const response = outcome.data as Response;
    expect(response.headers.get("content-disposition")).toMatch(/434-2021-draft-v\d+\.xlsx/);
    const sheets = await readXlsxTables(new Uint8Array(await response.arrayBuffer()));
    const row = (sheet: string, label: string) => sheets[sheet].find((r) => r[0].trim() === label)!;
    const published = sanhe2020WithTables();
    const current = await loadDisclosure(t.db, clerk, draft.id);
    // 收入 has no 上年 in the disclosure itself: it comes from what 434 published for 2020.
    expect(row("收支总表", "收入合计")).toEqual([
      "收入合计",
      Number(current.budget.income.total).toFixed(2),
      Number(published.budget.income.total).toFixed(2),
      (Number(current.budget.income.total) - Number(published.budget.income.total)).toFixed(2),
    ]);
    expect(row("收支总表", "支出合计").slice(2)).toEqual(["2765.39", expect.stringMatching(/^-?\d+\.\d{2}$/)]);
    expect(row("收支总表", "机关运行经费")[2]).toBe(Number(published.operatingExpenses.amount).toFixed(2));
    expect(row("三公经费", "公务接待费")[2]).toBe("168.95");
    // Not the draft's to print once published: 2020's files are on the portal.
    const [published2020] = await listPublicDisclosures(t.db);
    const refused = await executeOperation(
      draftFileOperation,
      { db: t.db, actor: clerk, ip: null },
      {
        id: published2020.disclosureId,
        format: "xlsx",
      },
    );
    expect(refused).toMatchObject({ ok: false, code: "invalid-state" });
    // Another department's clerk may not print it.
    const other = await executeOperation(
      draftFileOperation,
      { db: t.db, actor: await actorOf("clerk2"), ip: null },
      {
        id: draft.id,
        format: "xlsx",
      },
    );
    expect(other.ok).toBe(false);
  });

  it("gives the other departments disclosures that pass every sum check, with tables, on the year's catalogue", async () => {
    const admin = await actorOf("admin");
    const others = (await listDisclosuresForActor(t.db, admin, { fiscalYear: 2021 })).filter(
      (d) => d.departmentCode !== "434",
    );
    expect(others).toHaveLength(5);
    const options = await loadCheckOptions(t.db, 2021);
    for (const item of others) {
      const d = await loadDisclosure(t.db, admin, item.id);
      // One 项目支出表 row per project of the text: the table rules compare them.
      expect(d.tables?.project.rows.map((r) => r.name)).toEqual(d.performance.projects.map((p) => p.name));
      expect(
        checkDisclosure(d, options).filter((f) => f.severity !== "info"),
        item.departmentName,
      ).toEqual([]);
    }
  });

  it("gives every demo disclosure its budget tables, and no error in them or their text with the year's catalogue", async () => {
    const admin = await actorOf("admin");
    const all = await listDisclosuresForActor(t.db, admin);
    expect(all.map((d) => `${d.departmentCode}-${d.fiscalYear}`).sort()).toEqual([
      "402-2021",
      "405-2021",
      "411-2021",
      "418-2021",
      "420-2021",
      "434-2020",
      "434-2021",
    ]);
    for (const item of all) {
      const d = await loadDisclosure(t.db, admin, item.id);
      expect(d.tables?.expenditure.rows.length, item.departmentCode).toBeGreaterThan(0);
      const errors = checkDisclosure(d, await loadCheckOptions(t.db, item.fiscalYear))
        .filter((f) => f.severity === "error")
        // The real 2020 text published three 指标值 unreadable (434's waiver): they are its own.
        .filter((f) => item.departmentCode !== "434" || f.rule !== "indicator.target-readable")
        .map((f) => `${f.rule} ${f.path}`);
      expect(errors, `${item.departmentCode} ${item.fiscalYear}`).toEqual([]);
    }
  });

  it("scopes the accounts as the e2e paths expect", async () => {
    const clerk2 = await actorOf("clerk2");
    expect((await listDisclosuresForActor(t.db, clerk2)).map((d) => d.departmentCode)).toEqual(["411"]);
    const approver = await actorOf("approver");
    expect([...new Set((await listDisclosuresForActor(t.db, approver)).map((d) => d.departmentCode))].sort()).toEqual([
      "402",
      "405",
      "434",
    ]);
    const returned = (await listDisclosuresForActor(t.db, clerk2, { states: ["returned"] }))[0];
    const [comment] = await listComments(t.db, clerk2, returned.id);
    expect(comment).toMatchObject({ rowGone: false, resolvedAt: null });
    expect(comment.currentPath).toMatch(/^performance\.projects\[0\]\.indicators\[\d+\]\.target$/);
  });

  it("refuses to run twice, and every step it took is in an intact audit chain", async () => {
    await expect(seedDemo(t.db)).rejects.toThrow(/演示数据已存在/);
    const chain = await verifyAuditChain(t.db);
    expect(chain.ok).toBe(true);
    expect(chain.rows).toBeGreaterThan(30);
  });
});

describe("the demo seed on a machine without Chromium", () => {
  it("still publishes 434's 2020 disclosure, in every format but the PDF", async () => {
    const bare = await createTestDb();
    const before = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = "/nonexistent/chromium";
    try {
      await seedDemo(bare.db);
      const [published] = await listPublicDisclosures(bare.db);
      expect((await listPublishedFiles(bare.db, published.snapshotId)).map((f) => f.format)).toEqual([
        "csv-indicators",
        "csv-procurement",
        "csv-tables",
        "datapackage",
        "docx",
        "json",
        "xlsx",
      ]);
    } finally {
      if (before === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = before;
      await bare.close();
    }
  }, 120_000);
});

describe("the performance cycle on the demo (issue 17)", () => {
  it("has 434's 2020 运行监控 with the department and its 自评 published with a grade, both marked illustrative", async () => {
    const clerk = await actorOf("clerk");
    const reports = await listReportsForActor(t.db, clerk, { fiscalYear: 2020 });
    expect(reports.map((r) => [r.kind, r.state])).toEqual([
      ["monitoring", "draft"],
      ["self_evaluation", "published"],
    ]);
    const evaluation = reports[1];
    expect(evaluation.grade).toMatch(/^[优良中差]$/);
    const loaded = await loadReport(t.db, clerk, evaluation.id);
    expect(loaded.content.note).toContain("演示数据");
    expect(loaded.judgement.score).toBe(evaluation.score);
    // The monitoring report goes in as it is: no error holds it back, only the intended lag is shown.
    const monitoring = await loadReport(t.db, clerk, reports[0].id);
    expect(monitoring.judgement.errorCount).toBe(0);
  });
});
