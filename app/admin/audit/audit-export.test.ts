import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countAudit, searchAudit } from "@/db/queries/audit";
import { createTestDb, type TestDb } from "@/db/test-db";
import { checkCredentials } from "@/app/_server/credentials";
import { executeOperation } from "@/app/_server/operation";
import { buildOperationWorld, type OperationWorld } from "@/app/_server/testing/operation-world";
import { parseCsv, readSpreadsheetText } from "@/lib/export/csv";
import { hasQuotePrefix } from "@/lib/export/xlsx-text";
import { auditCsv, auditXlsx, parseAuditFilter } from "@/lib/security/audit-log-view";
import { exportAuditOperation } from "./export/operation";

/** The admin's audit view and export on the real database: filters, both formats, inert cells, admins only. */
let t: TestDb;
let world: OperationWorld;
beforeAll(async () => {
  t = await createTestDb();
  world = await buildOperationWorld(t.db);
  // A failed sign-in whose "username" is a spreadsheet formula, and a successful one.
  await checkCredentials(t.db, { username: '=HYPERLINK("http://evil","x")', password: "x" }, "10.66.0.1");
  await checkCredentials(t.db, { username: world.usernames.clerk, password: world.password }, "10.66.0.2");
}, 180_000);
afterAll(async () => {
  await t?.close();
});

const exportAs = (
  actor: OperationWorld["actors"][keyof OperationWorld["actors"]] | null,
  input: Record<string, string>,
) => executeOperation(exportAuditOperation, { db: t.db, actor, ip: "10.66.0.9" }, input);

describe("the audit view's filters", () => {
  it("filter by action, by actor's username, by address and by Beijing calendar day", async () => {
    const failed = await searchAudit(t.db, { action: "user.login-failed" }, { limit: 50 });
    expect(failed.map((r) => r.ip)).toEqual(["10.66.0.1"]);
    const byClerk = await searchAudit(
      t.db,
      { actor: world.usernames.clerk.toUpperCase(), action: "user.login" },
      { limit: 50 },
    );
    expect(byClerk).toHaveLength(1);
    expect(byClerk[0]).toMatchObject({ actorUsername: world.usernames.clerk, ip: "10.66.0.2" });
    expect(await countAudit(t.db, { action: "user." })).toBeGreaterThanOrEqual(8);
    expect(await countAudit(t.db, { ip: "10.66.0.2" })).toBe(1);
    // Days are Beijing calendar days.
    const today = new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" });
    expect(await countAudit(t.db, { from: today, to: today, ip: "10.66.0.1" })).toBe(1);
    expect(await countAudit(t.db, { to: "2000-01-01" })).toBe(0);
  });

  it("reads the filter from the URL and reports a bad date at its field", () => {
    expect(parseAuditFilter({ from: "2021-01-01", to: "昨天", actor: "  admin ", ip: "" })).toEqual({
      filter: { from: "2021-01-01", actor: "admin" },
      errors: { to: "日期格式应为 YYYY-MM-DD。" },
    });
  });
});

describe("the export", () => {
  it("gives admins a CSV Excel opens in Chinese, with formula-looking cells made inert", async () => {
    const outcome = await exportAs(world.actors.admin, { format: "csv", action: "user.login-failed" });
    if (!outcome.ok) throw new Error(outcome.formError ?? "");
    const response = outcome.data as Response;
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain(
      "filename*=UTF-8''%E5%AE%A1%E8%AE%A1%E6%97%A5%E5%BF%97",
    );
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.startsWith("\uFEFF序号,时间,操作人")).toBe(true);
    expect(text).toContain("登录失败（user.login-failed）");
    expect(text).toContain("10.66.0.1");
    // A cell that starts like a formula (ASCII or full-width) is written as a formula whose result is
    // the text: shown as typed, without an apostrophe, and never run.
    const hostileRow = {
      id: 1,
      at: new Date(),
      actorId: null,
      actorName: null,
      actorUsername: null,
      ip: "=1+1",
      action: "a",
      entityType: "t",
      entityId: "e",
      detail: {},
      hash: "＠h",
    };
    const fields = parseCsv(auditCsv([hostileRow]))[1];
    expect(fields[3]).toBe('="=1+1"');
    expect(fields.map(readSpreadsheetText)).toContain("＠h");
  });

  it("keeps a formula-like cell of the .xlsx text when edited, its value exactly the text", async () => {
    const hostileRow = {
      id: 1,
      at: new Date(),
      actorId: null,
      actorName: null,
      actorUsername: null,
      ip: "=1+1",
      action: "a",
      entityType: "t",
      entityId: "e",
      detail: {},
      hash: "h",
    };
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await auditXlsx([hostileRow], "审计日志")) as unknown as ExcelJS.Buffer);
    const row = book.worksheets[0].getRow(3);
    expect([row.getCell(4).value, hasQuotePrefix(row.getCell(4))]).toEqual(["=1+1", true]);
    expect([row.getCell(1).value, hasQuotePrefix(row.getCell(1))]).toEqual(["1", false]);
  });

  it("gives an .xlsx whose rows are the log's, and records who exported what", async () => {
    const outcome = await exportAs(world.actors.admin, { format: "xlsx", ip: "10.66.0.2" });
    if (!outcome.ok) throw new Error(outcome.formError ?? "");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await (outcome.data as Response).arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe("审计日志");
    expect(sheet.getRow(2).getCell(1).value).toBe("序号");
    expect(sheet.rowCount).toBe(3);
    expect(String(sheet.getRow(3).getCell(5).value)).toBe("登录成功（user.login）");
    const exports = await searchAudit(t.db, { action: "audit.export" }, { limit: 10 });
    expect(exports[0]).toMatchObject({
      actorId: world.actors.admin.id,
      ip: "10.66.0.9",
      detail: { format: "xlsx", ip: "10.66.0.2" },
    });
  });

  it("is refused to everyone but admins, and the refusal is logged", async () => {
    for (const actor of [world.actors.clerk, world.actors.approver])
      expect(await exportAs(actor, { format: "csv" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await exportAs(null, { format: "csv" })).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await countAudit(t.db, { action: "authz.refused", entity: "audit.export" })).toBe(2);
    expect(await exportAs(world.actors.admin, { format: "csv", from: "2021-13-45" })).toMatchObject({
      ok: false,
      code: "invalid-input",
      formError: "日期格式应为 YYYY-MM-DD。",
    });
  });
});
