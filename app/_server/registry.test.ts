import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { frameworkFingerprint } from "@/db/queries/frameworks";
import { commonIndicators } from "@/db/seed/indicator-library";
import { createTestDb, type TestDb } from "@/db/test-db";
import { formOf } from "@/lib/admin/framework-edit";
import type { Actor } from "@/lib/auth/actor";
import { emptyDisclosure } from "@/lib/domain/model";
import { renderJson } from "@/lib/export/json";
import { boundOperation } from "./bindings";
import { executeOperation, registeredOperations, type AnyOperation } from "./operation";
import { buildOperationWorld, type OperationWorld } from "./testing/operation-world";
import { sanhe2020 } from "@/lib/domain/__fixtures__/sanhe-2020";

/**
 * Every server action and route handler, called as everyone who must be refused and as everyone
 * who may. The table is generated from the registry: an operation without an example here, a
 * "use server" export or route handler that is not a registered operation, or an inline
 * "use server" closure (which would bypass the wrapper) fails this file.
 */

const appDir = path.resolve(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const files = sourceFiles(appDir).map((file) => ({ file, source: readFileSync(file, "utf8") }));
/** A directive is the first statement; comments before it are allowed. */
const startsWithUseServer = (source: string) => /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/.test(source);
const serverActionFiles = files.filter((f) => startsWithUseServer(f.source));
const routeFiles = files.filter((f) => path.basename(f.file) === "route.ts");
const HTTP_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

const rel = (file: string) => path.relative(appDir, file);

/** A valid input for each operation, aimed at department 434 (the "own" department). */
const examples: Record<string, (w: OperationWorld, person: Person) => unknown> = {
  "health.read": () => ({}),
  "disclosure.read-json": (w) => ({ id: w.draftId }),
  // The workbook: the PDF would need Chromium for every person this file tries.
  "disclosure.draft-file": (w) => ({ id: w.draftId, format: "xlsx" }),
  "user.set-disabled": (w) => ({ userId: w.actors.spareClerk.id, disabled: "true" }),
  // The draft as created (blank); with its base, a version moved on by another example still merges.
  "disclosure.save-content": (w) => {
    const blank = emptyDisclosure({ code: "434", name: "三河市人民政府办公室" }, 2020, "2020");
    return { id: w.draftId, expectedVersion: 1, content: blank, base: blank };
  },
  "disclosure.explain-warning": (w) => ({
    id: w.draftId,
    ruleId: "plausibility.operating-within-basic",
    paths: ["operatingExpenses.amount"],
    explanation: "含一次性搬迁费用",
  }),
  "disclosure.submit": (w) => ({ id: w.readyDraftId, expectedVersion: 1 }),
  "disclosure.start": (w) => ({ mode: "empty", departmentId: w.departments.own, fiscalYear: 2022 }),
  "import.upload": (w) => ({
    departmentId: w.departments.own,
    fiscalYear: 2023,
    file: { name: "上年.json", size: 0, bytes: renderJson(sanhe2020()) },
  }),
  "disclosure.withdraw": (w) => ({ id: w.review.withdraw.id, expectedVersion: String(w.review.withdraw.version) }),
  "disclosure.start-review": (w) => ({
    id: w.review.startReview.id,
    expectedVersion: String(w.review.startReview.version),
  }),
  "disclosure.return": (w) => ({
    id: w.review.returnable.id,
    expectedVersion: String(w.review.returnable.version),
    reasonCode: "inconsistent-data",
    note: "见意见",
  }),
  "disclosure.approve": (w) => ({ id: w.review.approvable.id, expectedVersion: String(w.review.approvable.version) }),
  "review.comment": (w) => ({
    id: w.review.commentable.id,
    anchorPath: "performance.projects[0].indicators[1]",
    body: "请补充指标依据。",
  }),
  // The clerk answers a thread on a returned disclosure, the approver one still under review.
  "review.reply": (w, person) => ({
    commentId: person === "approver" ? w.review.approverThreadId : w.review.clerkThreadId,
    body: "已核实。",
  }),
  "review.resolve": (w, person) => ({
    commentId: person === "approver" ? w.review.approverThreadId : w.review.clerkThreadId,
    resolved: "true",
  }),
  "notice.list": () => ({}),
  "notice.mark-read": () => ({ ids: "all" }),
  "return-reason.create": () => ({ code: "registry-example", label: "示例原因", position: "9", active: "on" }),
  "return-reason.update": () => ({ code: "other", label: "其他", position: "4", active: "true" }),
  "indicator-library.search": (w) => ({
    departmentId: w.departments.own,
    framework: "2020",
    q: "满意度",
    year: "2021",
  }),
  "indicator-library.save": () => ({
    id: "",
    frameworkId: "2021",
    level1: "产出指标",
    level2: "数量指标",
    name: "示例指标",
    description: "",
    target: ">=1次",
    basis: "",
  }),
  "indicator-library.set-active": () => ({ id: commonIndicators[0].id, active: "true" }),
  // Administration (issue 7): each changes only what no other example relies on.
  "department.create": (w) => ({
    code: "9001",
    name: "示例新部门",
    groupId: w.desks.own,
    orgUnits: [{ name: "示例新部门", nature: "行政", level: "正科级", fundingForm: "财政拨款" }],
  }),
  "department.update": (w) => ({
    departmentId: w.departments.other,
    name: "三河市财政局",
    groupId: w.desks.other,
    orgUnits: [],
  }),
  "department.import": () => ({
    mode: "commit",
    file: new File(["部门编码,部门名称\n9101,导入示例部门\n"], "部门.csv", { type: "text/csv" }),
  }),
  "desk.create": () => ({ name: "示例科室" }),
  "desk.set-approvers": (w) => ({ groupId: w.desks.own, userIds: [w.actors.approver.id] }),
  "fiscal-year.open": () => ({
    year: "2050",
    frameworkId: "2021",
    submissionDeadline: "2050-01-31",
    startDrafts: "on",
  }),
  "fiscal-year.update": () => ({ year: "2021", frameworkId: "2021", submissionDeadline: "2021-01-31", status: "open" }),
  // 2020: the own department has its draft, so only the other one gets a draft.
  "fiscal-year.start-drafts": () => ({ year: "2020" }),
  "framework.create": () => ({
    id: "registry-example",
    name: "示例指标体系",
    source: "",
    levels: "产出指标：数量指标、质量指标\n效益指标：社会效益指标",
  }),
  // framework.create's example runs first (same module, defined before): edit it, then delete it.
  "framework.update": () => ({
    ...formOf(registryFramework, frameworkFingerprint(registryFramework)),
    name: "示例指标体系（修订）",
  }),
  "framework.delete": () => ({
    id: "registry-example",
    expected: frameworkFingerprint({ ...registryFramework, name: "示例指标体系（修订）" }),
  }),
  "rule-policy.set": () => ({ ruleId: "plausibility.operating-within-basic", severity: "warning" }),
  "user.create": (w) => ({
    username: "registry-new",
    displayName: "示例用户",
    role: "clerk",
    departmentIds: [w.departments.own],
    groupIds: [],
  }),
  "user.update": (w) => ({
    userId: w.actors.spareClerk.id,
    displayName: "备用填报员",
    role: "clerk",
    departmentIds: [w.departments.own],
    groupIds: [],
  }),
  "user.reset-password": (w) => ({ userId: w.actors.spareClerk.id }),
  "account.change-password": (w) => ({
    currentPassword: w.password,
    newPassword: "Registry-New-Pass-42",
    confirmPassword: "Registry-New-Pass-42",
  }),
  "account.sign-out": () => ({}),
  "audit.export": () => ({ format: "csv", action: "user.login" }),
  "user.import": () => ({
    mode: "commit",
    file: new File(["用户名,姓名,角色,负责部门\nregistry-imported,导入填报员,部门填报员,434\n"], "用户.csv", {
      type: "text/csv",
    }),
  }),
  // 2022: an open year nobody's disclosure uses yet, so its catalogue may be replaced by two codes.
  "classification.import": () => ({
    mode: "commit",
    year: "2022",
    file: new File(["科目编码,科目名称\n201,一般公共服务支出\n20103,政府办公厅（室）及相关机构事务\n"], "科目.csv", {
      type: "text/csv",
    }),
  }),
  "year-overview.export": () => ({ year: "2020" }),
  "publication.publish": (w) => ({
    id: w.publication.approved.id,
    expectedVersion: String(w.publication.approved.version),
    note: "",
  }),
  "publication.open-revision": (w) => ({
    id: w.publication.published.id,
    expectedVersion: String(w.publication.published.version),
    note: "更正公务接待费上年数",
  }),
  "portal.file": (w) => ({
    year: String(w.publication.published.fiscalYear),
    code: "434",
    revision: "1",
    file: w.publication.published.fileName,
  }),
  "export.start-year": (w) => ({ fiscalYear: String(w.publication.published.fiscalYear), formats: "json" }),
  "export.download-year": (w) => ({ job: w.publication.exportJobId }),
  "portal.performance-file": (w) => ({
    year: String(w.performance!.publishedYear),
    code: "434",
    file: "self-evaluation.csv",
  }),
  "performance.open-round": (w) => ({
    fiscalYear: String(w.performance!.openYear),
    kind: "self_evaluation",
    periodEndMonth: "7",
    dueDate: `${w.performance!.openYear}-08-15`,
  }),
  // Unchanged content: the clerk's save and the admin's both succeed at the version read.
  "performance.save": (w) => ({
    id: w.performance!.draft.id,
    expectedVersion: 1,
    content: w.performance!.draft.content,
  }),
  "performance.submit": (w) => ({
    id: w.performance!.submittable.id,
    expectedVersion: w.performance!.submittable.version,
  }),
  "performance.start-review": (w) => ({
    id: w.performance!.submitted.id,
    expectedVersion: w.performance!.submitted.version,
  }),
  "performance.return": (w) => ({
    id: w.performance!.returnable.id,
    expectedVersion: w.performance!.returnable.version,
    reasonCode: "other",
    comment: "请补充执行数依据。",
    anchorPath: "projects[0]",
  }),
  "performance.approve": (w) => ({
    id: w.performance!.approvable.id,
    expectedVersion: w.performance!.approvable.version,
  }),
  "performance.publish": (w) => ({
    id: w.performance!.publishable.id,
    expectedVersion: w.performance!.publishable.version,
  }),
};

const registryFramework = {
  id: "registry-example",
  name: "示例指标体系",
  source: "",
  levels: [
    { level1: "产出指标", level2: ["数量指标", "质量指标"] },
    { level1: "效益指标", level2: ["社会效益指标"] },
  ],
};

type Person = "anonymous" | "otherClerk" | "otherApprover" | "clerk" | "approver" | "admin";
const outOfScope: Person[] = ["anonymous", "otherClerk", "otherApprover"];
const inScope: Person[] = ["clerk", "approver", "admin"];

const roleOf: Record<Exclude<Person, "anonymous">, Actor["role"]> = {
  otherClerk: "clerk",
  otherApprover: "approver",
  clerk: "clerk",
  approver: "approver",
  admin: "admin",
};

function expectedAllowed(op: AnyOperation, person: Person, actor: Pick<Actor, "role"> | null): boolean {
  if (op.access.kind === "public") return true;
  if (!actor) return false;
  if (op.access.kind === "scoped" && outOfScope.includes(person)) return false;
  return op.access.roles.includes(actor.role);
}

// Importing the files registers their operations, exactly as the server does; done at the top so
// the table below has one test per operation and person.
const modules = new Map<string, Record<string, unknown>>();
for (const f of [...serverActionFiles, ...routeFiles])
  modules.set(f.file, (await import(pathToFileURL(f.file).href)) as Record<string, unknown>);

let t: TestDb;
let world: OperationWorld;
// The world with every operation's starting point, the performance cycle's included: more than the default minute.
beforeAll(async () => {
  t = await createTestDb();
  world = await buildOperationWorld(t.db, { performance: true });
}, 180_000);
afterAll(async () => {
  await t?.close();
});

describe("every entry point is a registered operation", () => {
  it("finds the entry points it is meant to check", () => {
    expect(serverActionFiles.map((f) => rel(f.file))).toContain(path.join("admin", "actions.ts"));
    expect(routeFiles.map((f) => rel(f.file))).toContain(path.join("api", "health", "route.ts"));
  });

  it('has no inline "use server" closures (they would bypass the wrapper)', () => {
    const inline = files.filter(
      (f) =>
        !startsWithUseServer(f.source) &&
        /["']use server["']/.test(f.source.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, "")),
    );
    expect(inline.map((f) => rel(f.file))).toEqual([]);
  });

  it('exports only serverAction() results from "use server" files', () => {
    const unbound: string[] = [];
    for (const f of serverActionFiles)
      for (const [name, value] of Object.entries(modules.get(f.file) ?? {})) {
        const op = boundOperation(value);
        if (!op || "external" in op || !registeredOperations().includes(op)) unbound.push(`${rel(f.file)}: ${name}`);
      }
    expect(unbound).toEqual([]);
  });

  it("exports only routeHandler() results (or a declared external handler) as HTTP methods", () => {
    const unbound: string[] = [];
    for (const f of routeFiles)
      for (const [name, value] of Object.entries(modules.get(f.file) ?? {})) {
        if (!HTTP_METHODS.has(name)) continue;
        const op = boundOperation(value);
        if (!op || (!("external" in op) && !registeredOperations().includes(op)))
          unbound.push(`${rel(f.file)}: ${name}`);
      }
    expect(unbound).toEqual([]);
  });

  it("declares each operation as what it is bound as: an action, or a route at its file's path and method", () => {
    const problems: string[] = [];
    for (const f of serverActionFiles)
      for (const [name, value] of Object.entries(modules.get(f.file) ?? {})) {
        const op = boundOperation(value);
        if (op && !("external" in op) && op.kind !== "action")
          problems.push(`${rel(f.file)}: ${name} runs ${op.name}, declared kind "${op.kind}"`);
      }
    for (const f of routeFiles)
      for (const [name, value] of Object.entries(modules.get(f.file) ?? {})) {
        const op = boundOperation(value);
        if (!HTTP_METHODS.has(name) || !op || "external" in op) continue;
        const at = `/${path.dirname(rel(f.file)).split(path.sep).join("/")}`;
        if (op.kind !== "route" || op.route?.method !== name || op.route.path !== at)
          problems.push(
            `${rel(f.file)}: ${name} runs ${op.name}, declared ${op.kind} ${op.route?.method ?? ""} ${op.route?.path ?? ""}`,
          );
      }
    expect(problems).toEqual([]);
  });

  it("declares access, a policy, an input schema and an example for every operation; actions say how they audit", () => {
    const problems: string[] = [];
    for (const op of registeredOperations()) {
      if (typeof op.policy !== "function") problems.push(`${op.name}: no policy`);
      if (typeof op.input?.safeParse !== "function") problems.push(`${op.name}: no input schema`);
      if (!op.access) problems.push(`${op.name}: no access declaration`);
      if (op.kind === "action" && !op.audit)
        problems.push(`${op.name}: an action must declare audit ({ kind: "byQuery" } when its query audits)`);
      if (!examples[op.name]) problems.push(`${op.name}: add an example input to app/_server/registry.test.ts`);
    }
    expect(problems).toEqual([]);
  });
});

describe("who may call each operation", () => {
  const persons: Person[] = [...outOfScope, ...inScope];
  const actorOf = (person: Person): Actor | null => (person === "anonymous" ? null : world.actors[person]);
  // Refusals first, then the calls that succeed (they may change the world).
  const cases = registeredOperations().flatMap((op) =>
    persons.map((person) => ({
      op,
      person,
      allowed: expectedAllowed(op, person, person === "anonymous" ? null : { role: roleOf[person] }),
    })),
  );
  cases.sort((a, b) => Number(a.allowed) - Number(b.allowed));

  it.each(cases.map((c) => [c.op.name, c.person, c.allowed ? "allowed" : "refused", c] as const))(
    "%s as %s: %s",
    async (_name, person, _verdict, c) => {
      const actor = actorOf(person);
      const outcome = await executeOperation(
        c.op,
        { db: t.db, actor, ip: "127.0.0.1" },
        examples[c.op.name]?.(world, person),
      );
      if (c.allowed) {
        expect(outcome.ok ? "ok" : `${outcome.code}: ${outcome.formError}`).toBe("ok");
      } else {
        expect(outcome.ok ? "ok" : outcome.code).toBe(actor ? "forbidden" : "unauthenticated");
      }
    },
  );
});
