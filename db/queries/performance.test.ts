import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MonitoringReport, SelfEvaluation } from "@/lib/domain/performance/shapes";
import { ConflictError, ForbiddenError, NotFoundError, StateError, UserError } from "@/lib/errors";
import { createTestDb, type TestDb } from "../test-db";
import { buildTestOrg, type TestOrg } from "../test-org";
import { filledMonitoring, filledSelfEvaluation } from "../test-performance";
import { disclosureIn, type Cast } from "../test-workflow";
import { searchAudit } from "./audit";
import {
  listReportsForActor,
  loadReport,
  publishedSelfEvaluation,
  readEvaluationFile,
  saveReport,
} from "./performance-reports";
import { openRound, yearPerformanceProgress } from "./performance-rounds";
import { publishSelfEvaluation, stepReport } from "./performance-workflow";

/**
 * The performance cycle on a real database (issue 17): the admin opens a round over a year's
 * published disclosures, the clerk saves and submits, the approver returns and approves, the admin
 * publishes a 自评; who may do what, and what the server keeps whatever the browser sends.
 */

let t: TestDb;
let w: TestOrg;
let cast: Cast;
const YEAR = 2031;

beforeAll(async () => {
  t = await createTestDb();
  w = await buildTestOrg(t.db);
  cast = { clerk: w.actors.clerk, approver: w.actors.approver, admin: w.actors.admin };
  // 434 published, 卫健局 still drafting: only 434 gets a report.
  await disclosureIn(t.db, cast, w.departments.office, "published", YEAR);
  await disclosureIn(t.db, { ...cast, clerk: w.actors.clerk2 }, w.departments.health, "draft", YEAR);
});
afterAll(async () => {
  await t?.close();
});

/** The first row whose target is a number: where a forecast can miss it. */
function quantitativeRow(m: MonitoringReport): [number, number] {
  for (const [p, project] of m.projects.entries())
    for (const [i, row] of project.indicators.entries()) if (row.target.kind === "quantitative") return [p, i];
  throw new Error("no quantitative row");
}

async function reportOf(kind: "monitoring" | "self_evaluation") {
  const rows = await listReportsForActor(t.db, cast.admin, { fiscalYear: YEAR });
  const row = rows.find((r) => r.kind === kind);
  if (!row) throw new Error(`no ${kind} report`);
  return loadReport(t.db, cast.admin, row.id);
}

describe("opening a round", () => {
  it("is the admin's, and pre-fills a report per department with a published disclosure of the year", async () => {
    const input = { fiscalYear: YEAR, kind: "monitoring" as const, periodEndMonth: 7, dueDate: "2031-08-15" };
    await expect(openRound(t.db, cast.clerk, input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(openRound(t.db, cast.approver, input)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await openRound(t.db, cast.admin, input)).toMatchObject({ reports: 1 });
    await expect(openRound(t.db, cast.admin, input)).rejects.toThrow("已经开启");
    await expect(openRound(t.db, cast.admin, { ...input, fiscalYear: 2099 })).rejects.toThrow("没有 2099 年度");

    const { row, content } = await reportOf("monitoring");
    expect(row).toMatchObject({ departmentCode: "434", state: "draft", version: 1, periodEndMonth: 7 });
    const m = content as MonitoringReport;
    expect(m.projects.length).toBeGreaterThan(0);
    expect(m.projects[0].indicators[0].target.raw).not.toBe("");
    expect(m.projects[0].indicators[0].forecast).toBe("");
  });

  it("shows in the clerk's list only for their department; the other department's clerk cannot read it", async () => {
    expect((await listReportsForActor(t.db, cast.clerk)).map((r) => r.departmentCode)).toEqual(["434"]);
    expect(await listReportsForActor(t.db, w.actors.clerk2)).toEqual([]);
    const { row } = await reportOf("monitoring");
    await expect(loadReport(t.db, w.actors.clerk2, row.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(loadReport(t.db, w.actors.approver2, row.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("the monitoring report's life", () => {
  it("saves at the version read; a stale version, another department or an approver is refused", async () => {
    const { row, content } = await reportOf("monitoring");
    const m = filledMonitoring(content as MonitoringReport);
    m.projects[0].executed = "10.00";
    m.projects[0].indicators[0].actualToDate = "1";
    // A target changed in the browser is not the department's to change: the server keeps its own.
    m.projects[0].indicators[0].target = { ...m.projects[0].indicators[0].target, raw: "≥1000" } as never;
    await expect(saveReport(t.db, w.actors.clerk2, row.id, m, { expectedVersion: 1 })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(saveReport(t.db, cast.approver, row.id, m, { expectedVersion: 1 })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const saved = await saveReport(t.db, cast.clerk, row.id, m, { expectedVersion: 1 });
    expect(saved).toMatchObject({ version: 2, changed: true });
    await expect(saveReport(t.db, cast.clerk, row.id, m, { expectedVersion: 1 })).rejects.toBeInstanceOf(ConflictError);
    const after = (await loadReport(t.db, cast.clerk, row.id)).content as MonitoringReport;
    expect(after.projects[0].executed).toBe("10.00");
    expect(after.projects[0].indicators[0].target.raw).toBe(
      (content as MonitoringReport).projects[0].indicators[0].target.raw,
    );
    // Rows that are not the published ones are refused, not matched by guesswork.
    const fewer = { ...after, projects: after.projects.slice(1) };
    await expect(saveReport(t.db, cast.clerk, row.id, fewer, { expectedVersion: 2 })).rejects.toThrow("不一致");
    const audit = await searchAudit(t.db, { action: "performance.save" }, { limit: 50 });
    expect(audit.filter((r) => r.entityId === row.id).map((r) => r.actorId)).toEqual([cast.clerk.id]);
  });

  it("goes submit → start review → return (with a comment) → resubmit → approve, each by whom it belongs to", async () => {
    let { row, content } = await reportOf("monitoring");
    let v = row.version;
    // A forecast short of its target needs its cause, likelihood and corrective step before it goes in.
    const m = structuredClone(content) as MonitoringReport;
    const [p, i] = quantitativeRow(m);
    const row0 = m.projects[p].indicators[i];
    const target = row0.target as { operator: string; value: string };
    row0.forecast = target.operator.startsWith("<") ? String(Number(target.value) * 2 + 1) : "0";
    ({ version: v } = await saveReport(t.db, cast.clerk, row.id, m, { expectedVersion: v }));
    const missing = (await loadReport(t.db, cast.clerk, row.id)).judgement.findings.filter(
      (f) => f.rule === "monitoring.deviation",
    );
    expect(missing.map((f) => f.path)).toEqual([`projects[${p}].indicators[${i}].deviation`]);
    await expect(stepReport(t.db, cast.clerk, row.id, "submit", { expectedVersion: v })).rejects.toThrow(
      "还有 1 个错误未修正",
    );
    row0.deviation = { cause: "经费保障", likelihood: "有可能", step: "下半年加快拨付。" };
    ({ version: v } = await saveReport(t.db, cast.clerk, row.id, m, { expectedVersion: v }));
    await expect(stepReport(t.db, cast.approver, row.id, "submit", { expectedVersion: v })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    ({ version: v } = await stepReport(t.db, cast.clerk, row.id, "submit", { expectedVersion: v }));
    await expect(
      saveReport(t.db, cast.clerk, row.id, (await reportOf("monitoring")).content, { expectedVersion: v }),
    ).rejects.toBeInstanceOf(StateError);
    await expect(
      stepReport(t.db, w.actors.approver2, row.id, "startReview", { expectedVersion: v }),
    ).rejects.toBeInstanceOf(NotFoundError);
    ({ version: v } = await stepReport(t.db, cast.approver, row.id, "startReview", { expectedVersion: v }));
    await expect(
      stepReport(t.db, cast.approver, row.id, "return", { expectedVersion: v, reasonCode: "other", comment: " " }),
    ).rejects.toThrow("须写明意见");
    await expect(
      stepReport(t.db, cast.approver, row.id, "return", { expectedVersion: v, reasonCode: "nope", comment: "x" }),
    ).rejects.toBeInstanceOf(UserError);
    ({ version: v } = await stepReport(t.db, cast.approver, row.id, "return", {
      expectedVersion: v,
      reasonCode: "other",
      comment: "请补充第一个项目的执行数依据。",
      anchorPath: "projects[0]",
    }));
    const returned = await loadReport(t.db, cast.clerk, row.id);
    expect(returned.row.state).toBe("returned");
    expect(returned.comments).toMatchObject([
      { anchorPath: "projects[0]", body: "请补充第一个项目的执行数依据。", resolvedAt: null },
    ]);
    ({ version: v } = await stepReport(t.db, cast.clerk, row.id, "submit", { expectedVersion: v }));
    expect((await loadReport(t.db, cast.clerk, row.id)).comments[0].resolvedAt).not.toBeNull();
    ({ version: v } = await stepReport(t.db, cast.approver, row.id, "startReview", { expectedVersion: v }));
    await expect(stepReport(t.db, cast.admin, row.id, "approve", { expectedVersion: v })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    ({ version: v } = await stepReport(t.db, cast.approver, row.id, "approve", { expectedVersion: v }));
    // A monitoring report is the bureau's working paper: it is not published.
    await expect(stepReport(t.db, cast.admin, row.id, "publish", { expectedVersion: v })).rejects.toThrow(
      "只有绩效自评可以公开",
    );
    row = (await reportOf("monitoring")).row;
    expect(row).toMatchObject({ state: "approved" });
    expect(row.approvedAt).not.toBeNull();
  });

  it("audits every step with who took it", async () => {
    const { row } = await reportOf("monitoring");
    const trail = await searchAudit(t.db, { entity: row.id }, { limit: 50 });
    expect(trail.map((r) => `${r.action}:${r.actorId === cast.clerk.id ? "clerk" : "approver"}`).reverse()).toEqual([
      "performance.save:clerk",
      "performance.save:clerk",
      "performance.save:clerk",
      "performance.submit:clerk",
      "performance.start-review:approver",
      "performance.return:approver",
      "performance.submit:clerk",
      "performance.start-review:approver",
      "performance.approve:approver",
    ]);
  });
});

describe("the self-evaluation", () => {
  it("is scored by the server on every save, and published by the admin once approved", async () => {
    await openRound(t.db, cast.admin, {
      fiscalYear: YEAR,
      kind: "self_evaluation",
      periodEndMonth: 12,
      dueDate: "2032-03-31",
    });
    const { row, content } = await reportOf("self_evaluation");
    const e: SelfEvaluation & { score?: string } = filledSelfEvaluation(content as SelfEvaluation);
    e.score = "1";
    let { version: v } = await saveReport(t.db, cast.clerk, row.id, e, { expectedVersion: row.version });
    const saved = await loadReport(t.db, cast.clerk, row.id);
    // Every row at its target and the money spent as budgeted: full marks, whatever the browser claimed.
    expect(saved.row).toMatchObject({ score: "100.00", grade: "优" });
    expect(saved.judgement.projects[0].rows[0].arithmetic).not.toBe("");
    expect(saved.content).not.toHaveProperty("score");
    ({ version: v } = await stepReport(t.db, cast.clerk, row.id, "submit", { expectedVersion: v }));
    ({ version: v } = await stepReport(t.db, cast.approver, row.id, "startReview", { expectedVersion: v }));
    ({ version: v } = await stepReport(t.db, cast.approver, row.id, "approve", { expectedVersion: v }));
    await expect(publishSelfEvaluation(t.db, cast.clerk, row.id, { expectedVersion: v })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    // A publication stores its files: a step that comes without them is a programming error.
    await expect(stepReport(t.db, cast.admin, row.id, "publish", { expectedVersion: v })).rejects.toThrow(
      "a publication stores its files",
    );
    await expect(publishSelfEvaluation(t.db, cast.admin, row.id, { expectedVersion: v - 1 })).rejects.toBeInstanceOf(
      ConflictError,
    );
    await publishSelfEvaluation(t.db, cast.admin, row.id, { expectedVersion: v });
    const published = await reportOf("self_evaluation");
    expect(published.row.state).toBe("published");

    // Its files, rendered from what it published and stored with the step (no printer here: no PDF).
    const found = await publishedSelfEvaluation(t.db, YEAR, "434");
    expect(found?.files.map((f) => f.format)).toEqual(["docx", "xlsx", "json", "csv", "datapackage"]);
    const json = await readEvaluationFile(t.db, YEAR, "434", "json");
    const body = JSON.parse(new TextDecoder().decode(json!.bytes));
    expect(body).toMatchObject({ fiscalYear: YEAR, score: "100.00", grade: "优" });
    // The time the files state is the publication's own: one clock read.
    expect(body.publishedAt).toBe(published.row.publishedAt!.toISOString());
    expect(json!.sha256).toBe(createHash("sha256").update(json!.bytes).digest("hex"));
    expect(await readEvaluationFile(t.db, YEAR, "434", "pdf")).toBeNull();
    expect(await readEvaluationFile(t.db, YEAR, "411", "json")).toBeNull();
    // The audit row of the publication names each file's checksum.
    const [audit] = await searchAudit(t.db, { entity: row.id, action: "performance.publish" }, { limit: 1 });
    expect((audit.detail as { files: Array<{ format: string; sha256: string }> }).files).toContainEqual({
      format: "json",
      sha256: json!.sha256,
      size: json!.size,
    });
  });

  it("shows on the year's progress: who is due, submitted, approved, published", async () => {
    await expect(yearPerformanceProgress(t.db, cast.clerk, YEAR)).rejects.toBeInstanceOf(ForbiddenError);
    const progress = await yearPerformanceProgress(t.db, cast.admin, YEAR, "2031-09-01");
    const byKind = Object.fromEntries(progress.map((p) => [p.round.kind, p.counts]));
    expect(byKind.monitoring).toEqual({ due: 1, late: 0, submitted: 1, approved: 1, published: 0 });
    expect(byKind.self_evaluation).toEqual({ due: 1, late: 0, submitted: 1, approved: 1, published: 1 });
  });
});
