import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditActions, auditHash, searchAudit, type AuditRow } from "@/db/queries/audit";
import { createTestDb, type TestDb } from "@/db/test-db";
import { auditMessages } from "@/lib/i18n/zh-CN/audit";
import {
  auditActionLabel,
  currentSpelling,
  formerSpellings,
  hasAuditLabel,
  nonOperationAuditActions,
  spellingsOf,
} from "@/lib/security/audit-actions";
import { actorLabel, exportCells } from "@/lib/security/audit-log-view";
import { describeAudit, describeAuditEntity } from "@/lib/security/audit-sentence";
import { workflowSteps } from "@/lib/workflow/transitions";
import { checkCredentials } from "./credentials";
import { executeOperation, registeredOperations } from "./operation";
import { buildOperationWorld, type OperationWorld } from "./testing/operation-world";
import { exportAuditOperation } from "@/app/admin/audit/export/operation";
import { setUserDisabledOperation } from "@/app/admin/operations";

/**
 * The audit catalogue (lib/i18n/zh-CN/audit.ts, lib/security/audit-actions.ts) names every action
 * the code can write: each operation's name (an operation that audits itself writes it, and a
 * refusal names it), each workflow step's `disclosure.<step>`, and the declared codes the queries
 * and the sign-in write. Then every row a real world of data writes is read back as people see it:
 * a label, an entity and a sentence, and no code anywhere.
 */

const root = path.resolve(import.meta.dirname, "../..");
const appDir = path.join(root, "app");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name.startsWith(".") || entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const entryPoint = (file: string) =>
  path.basename(file) === "route.ts" ||
  /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/.test(readFileSync(file, "utf8"));
// Importing the entry points registers their operations, as the server does.
for (const file of sourceFiles(appDir).filter(entryPoint)) await import(pathToFileURL(file).href);

const operationNames = registeredOperations().map((op) => op.name);
const stepCodes = workflowSteps.map((step) => `disclosure.${step}`);

/** Every `action: "…"` the source writes (a literal, or either side of a conditional). */
function writtenActions(): Array<{ file: string; action: string }> {
  const found: Array<{ file: string; action: string }> = [];
  for (const file of ["app", "db", "lib"].flatMap((folder) => sourceFiles(path.join(root, folder)))) {
    const source = readFileSync(file, "utf8");
    for (const match of source.matchAll(/\baction:\s*([^,}\n]+)/g))
      for (const literal of match[1].matchAll(/"([a-z][a-z0-9-]*\.[a-zA-Z0-9.-]+)"/g))
        found.push({ file: path.relative(root, file), action: literal[1] });
  }
  return found;
}

/** What must never reach a reader: a dotted code, a snake_case key, a `key: value` dump, JSON. */
const RAW = /[a-z][a-zA-Z]*[._][a-z]|\b[a-zA-Z]+: |[{}[\]]/;

describe("the audit catalogue", () => {
  it("finds what it is meant to check", () => {
    expect(operationNames).toContain("disclosure.save-content");
    expect(operationNames.length).toBeGreaterThan(40);
    expect(writtenActions().map((w) => w.action)).toEqual(
      expect.arrayContaining(["user.login-failed", "disclosure.save", "authz.refused"]),
    );
  });

  it("labels every operation's name: an operation that audits itself writes it, and a refusal names it", () => {
    expect(operationNames.filter((name) => !hasAuditLabel(name))).toEqual([]);
  });

  it("labels every workflow step's row and every declared code", () => {
    expect([...stepCodes, ...nonOperationAuditActions].filter((code) => !hasAuditLabel(code))).toEqual([]);
  });

  it("knows every code the source writes, in its current spelling only", () => {
    const known = new Set<string>([...operationNames, ...stepCodes, ...nonOperationAuditActions]);
    expect(writtenActions().filter((w) => !known.has(w.action))).toEqual([]);
    expect(writtenActions().filter((w) => Object.hasOwn(formerSpellings, w.action))).toEqual([]);
  });

  it("reads a former spelling as its current code, and filters on both", () => {
    for (const [old, current] of Object.entries(formerSpellings)) {
      expect(hasAuditLabel(current)).toBe(true);
      expect(auditActionLabel(old)).toBe(auditActionLabel(current));
      expect(currentSpelling(old)).toBe(current);
      expect(spellingsOf(current)).toEqual(expect.arrayContaining([current, old]));
    }
  });

  it("has no label nobody can write: each is an operation, a step, a declared code or a former spelling's target", () => {
    const known = new Set<string>([...operationNames, ...stepCodes, ...nonOperationAuditActions]);
    expect(Object.keys(auditMessages.actions).filter((code) => !known.has(code))).toEqual([]);
  });

  it("says a code no version wrote in words, never raw", () => {
    expect(auditActionLabel("made.up")).toBe(auditMessages.unknownAction);
    expect(describeAudit({ action: "made.up", detail: { secret: "x" } })).toBe("");
  });
});

describe("every row a real world writes, as people read it", () => {
  let t: TestDb;
  let world: OperationWorld;
  let rows: AuditRow[];
  beforeAll(async () => {
    t = await createTestDb();
    world = await buildOperationWorld(t.db);
    // Sign-ins that fail, succeed and are refused; an admin toggling a user; a refused and a done export.
    await checkCredentials(t.db, { username: "nobody", password: "x" }, "10.77.0.1");
    await checkCredentials(t.db, { username: world.usernames.clerk, password: "wrong" }, "10.77.0.1");
    await checkCredentials(t.db, { username: world.usernames.clerk, password: world.password }, "10.77.0.2");
    const ctx = (actor: OperationWorld["actors"][keyof OperationWorld["actors"]]) => ({
      db: t.db,
      actor,
      ip: "10.77.0.3",
    });
    await executeOperation(setUserDisabledOperation, ctx(world.actors.admin), {
      userId: world.actors.spareClerk.id,
      disabled: "true",
    });
    await executeOperation(exportAuditOperation, ctx(world.actors.clerk), { format: "csv" });
    await executeOperation(exportAuditOperation, ctx(world.actors.admin), {
      format: "csv",
      action: "user.login-failed",
    });
    rows = await searchAudit(t.db, {}, { limit: 10_000 });
  }, 300_000);
  afterAll(async () => {
    await t?.close();
  });

  it("covers the kinds of rows it is meant to", () => {
    const actions = new Set(rows.map((r) => currentSpelling(r.action)));
    for (const code of [
      "desk.create",
      "department.create",
      "user.create",
      "disclosure.create",
      "disclosure.submit",
      "comment.add",
      "disclosure.publish",
      "user.login-failed",
      "user.login",
      "authz.refused",
      "user.disable",
      "audit.export",
    ])
      expect(actions, code).toContain(code);
  });

  it("gives each a label, an entity and a sentence, with no code in any of them", () => {
    const problems: string[] = [];
    for (const row of rows) {
      const label = auditActionLabel(row.action);
      const entity = describeAuditEntity(row);
      const sentence = describeAudit(row);
      if (label === auditMessages.unknownAction) problems.push(`${row.action}: no label`);
      if (!sentence) problems.push(`${row.action}: no sentence`);
      for (const said of [label, entity, sentence])
        if (RAW.test(said.replace(/\d{4}-\d{2}-\d{2}/g, ""))) problems.push(`${row.action}: “${said}”`);
    }
    expect(problems).toEqual([]);
  });

  it("names the entity a row is about: the user, the disclosure's department and year, the refused operation", () => {
    const of = (action: string) => rows.find((r) => r.action === action)!;
    expect(describeAuditEntity(of("user.disable"))).toBe(
      `用户 ${world.usernames.spareClerk}（${world.usernames.spareClerk}）`,
    );
    expect(describeAuditEntity(of("disclosure.submit"))).toMatch(/^信息公开 三河市人民政府办公室 \d{4}年/);
    const refusal = rows.find((r) => r.action === "authz.refused" && r.entityId === "audit.export")!;
    expect(describeAuditEntity(refusal)).toBe("操作“导出审计日志”");
    expect(describeAudit(refusal)).toBe("部门填报员试图执行“导出审计日志”，没有权限，已拒绝。");
    expect(describeAudit(rows.find((r) => r.action === "user.login-failed" && r.entityId === "nobody")!)).toBe(
      "以用户名“nobody”登录失败（没有这个用户）。",
    );
  });

  it("exports the sentence and keeps the code and the stored row for auditors", () => {
    const row = rows.find((r) => r.action === "user.disable")!;
    const cells = exportCells(row);
    expect(cells[4]).toBe("停用用户（user.disable）");
    expect(cells[6]).toBe("停用了该用户，其登录全部失效。");
    expect(JSON.parse(cells[8])).toEqual({
      at: row.at.toISOString(),
      actorId: world.actors.admin.id,
      ip: "10.77.0.3",
      action: "user.disable",
      entityType: "user",
      entityId: row.entityId,
      detail: row.detail,
    });
    // The next row down is the one before: its hash and this record give this row's hash.
    const before = rows[rows.indexOf(row) + 1];
    const stored = JSON.parse(cells[8]);
    expect(auditHash(before.hash, { ...stored, at: new Date(stored.at) })).toBe(row.hash);
  });

  it("says who acted: a person, someone not signed in trying to, or the system itself", () => {
    expect(actorLabel(rows.find((r) => r.action === "user.disable")!)).toBe(
      `${world.usernames.admin}（${world.usernames.admin}）`,
    );
    expect(actorLabel(rows.find((r) => r.action === "user.login-failed")!)).toBe("（未登录）");
    expect(actorLabel(rows.find((r) => r.action === "fiscal-year.save")!)).toBe("系统");
  });

  it("offers each action once in the filter's list, under its current spelling", async () => {
    const listed = await auditActions(t.db);
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.filter((code) => code !== currentSpelling(code))).toEqual([]);
  });
});
