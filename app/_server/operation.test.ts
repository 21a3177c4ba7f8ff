import { eq, is } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { NotFoundError } from "@/db/errors";
import { auditLog } from "@/db/schema/audit";
import { departmentGroups } from "@/db/schema/organisation";
import { createTestDb, type TestDb } from "@/db/test-db";
import type { Actor } from "@/lib/auth/actor";
import { zhCN } from "@/lib/i18n/zh-CN";
import { UserError } from "./errors";
import { auditedByQuery, executeOperation, fieldErrorsOf, statusOf, type Operation } from "./operation";

/** The wrapper's own contract, on throwaway operations that are not registered. */

const admin: Actor = { id: "00000000-0000-4000-8000-000000000001", username: "a", displayName: "a", role: "admin", departmentIds: [], groupDepartmentIds: [], mustChangePassword: false };

function op<I>(overrides: Partial<Operation<I, unknown>> & Pick<Operation<I, unknown>, "input" | "run">): Operation<I, unknown> {
  return { name: "test.op", kind: "action", access: { kind: "global", roles: ["admin"] }, policy: () => true, audit: () => null, ...overrides };
}

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

describe("executeOperation", () => {
  it("turns the anonymous away before reading their input", async () => {
    const parse = vi.fn((v: unknown) => v);
    const outcome = await executeOperation(op({ input: z.any().transform(parse), run: async () => "ran" }), { db: t.db, actor: null, ip: null }, { x: 1 });
    expect(outcome).toMatchObject({ ok: false, code: "unauthenticated", formError: zhCN.errors.unauthenticated });
    expect(parse).not.toHaveBeenCalled();
  });

  it("wraps a run in a transaction unless its query audits in its own", async () => {
    const inTransaction = async ({ db }: { db: TestDb["db"] }) => is(db, PgTransaction);
    expect(await executeOperation(op({ input: z.object({}), run: inTransaction }), { db: t.db, actor: admin, ip: null }, {})).toEqual({ ok: true, data: true });
    expect(await executeOperation(op({ input: z.object({}), run: inTransaction, audit: auditedByQuery }), { db: t.db, actor: admin, ip: null }, {})).toEqual({ ok: true, data: false });
  });

  it("reports invalid input per field, in the schema's own (Chinese) words", async () => {
    const input = z.object({ name: z.string().min(1, "请填写名称"), rows: z.array(z.object({ amount: z.string().regex(/^\d+\.\d{2}$/, "金额须为两位小数") })) });
    const outcome = await executeOperation(op({ input, run: async () => "ran" }), { db: t.db, actor: admin, ip: null }, { name: "", rows: [{ amount: "1" }] });
    expect(outcome).toMatchObject({ ok: false, code: "invalid-input", fieldErrors: { name: ["请填写名称"], "rows.0.amount": ["金额须为两位小数"] } });
  });

  it("refuses when the policy says no, and when the role is not among those declared", async () => {
    const refused = await executeOperation(op({ input: z.object({}), policy: () => false, run: async () => "ran" }), { db: t.db, actor: admin, ip: null }, {});
    expect(refused).toMatchObject({ ok: false, code: "forbidden", formError: zhCN.errors.forbidden });
    const clerk: Actor = { ...admin, role: "clerk" };
    const wrongRole = await executeOperation(op({ input: z.object({}), run: async () => "ran" }), { db: t.db, actor: clerk, ip: null }, {});
    expect(wrongRole).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("shows a user-facing error's message and code; the database layer's known errors too", async () => {
    const userError = await executeOperation(
      op({ input: z.object({}), run: async () => { throw new UserError("该年度已关闭，不能再修改。", { year: ["已关闭"] }, "invalid-state"); } }),
      { db: t.db, actor: admin, ip: null },
      {},
    );
    expect(userError).toEqual({ ok: false, code: "invalid-state", formError: "该年度已关闭，不能再修改。", fieldErrors: { year: ["已关闭"] } });
    const notFound = await executeOperation(op({ input: z.object({}), run: async () => { throw new NotFoundError(); } }), { db: t.db, actor: admin, ip: null }, {});
    expect(notFound).toMatchObject({ ok: false, code: "not-found", formError: "该信息公开不存在，或您无权查看。" });
    expect(statusOf("not-found")).toBe(404);
  });

  it("never lets an internal error's detail reach the caller", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const outcome = await executeOperation(
      op({ input: z.object({}), run: async () => { throw new Error("password authentication failed for user postgres at 10.0.0.5"); } }),
      { db: t.db, actor: admin, ip: null },
      {},
    );
    expect(outcome).toEqual({ ok: false, code: "error", formError: zhCN.errors.generic, fieldErrors: {} });
    expect(JSON.stringify(outcome)).not.toContain("postgres");
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it("writes the audit row in the change's transaction: both or neither", async () => {
    const createDesk = (name: string, failAfterWrite: boolean) =>
      op({
        name: "test.create-desk",
        input: z.object({ name: z.string() }),
        run: async ({ db }, input: { name: string }) => {
          const [row] = await db.insert(departmentGroups).values({ name: input.name }).returning({ id: departmentGroups.id });
          if (failAfterWrite) throw new UserError("故意失败");
          return row;
        },
        audit: (input, output) => ({ entityType: "department_group", entityId: (output as { id: string }).id, detail: { name: input.name } }),
      });
    const ok = await executeOperation(createDesk("三科", false), { db: t.db, actor: admin, ip: "10.1.2.3" }, { name: "三科" });
    expect(ok.ok).toBe(true);
    const id = ok.ok ? (ok.data as { id: string }).id : "";
    const [row] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(row).toMatchObject({ action: "test.create-desk", actorId: admin.id, ip: "10.1.2.3", detail: { name: "三科" } });

    const rolledBack = await executeOperation(createDesk("五科", true), { db: t.db, actor: admin, ip: null }, { name: "五科" });
    expect(rolledBack.ok).toBe(false);
    const desks = await t.db.select({ name: departmentGroups.name }).from(departmentGroups);
    expect(desks.map((d) => d.name)).not.toContain("五科");
  });
});

describe("fieldErrorsOf", () => {
  it("keeps fields named like Object's own members as plain fields (the fuzzer found constructor)", () => {
    const schema = z.object({ constructor: z.string(), toString: z.string(), name: z.string() });
    const parsed = schema.safeParse({ constructor: 1, toString: 2, name: 4 });
    expect(parsed.success).toBe(false);
    const { fieldErrors } = fieldErrorsOf(parsed.error!);
    expect(Object.keys(fieldErrors).sort()).toEqual(["constructor", "name", "toString"]);
    for (const key of Object.keys(fieldErrors)) expect(Object.getOwnPropertyDescriptor(fieldErrors, key)?.value).toHaveLength(1);
    expect(Object.getPrototypeOf(fieldErrors)).toBe(Object.prototype);
  });
});
