import { eq, is } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from "vitest";
import { z } from "zod";
import { NotFoundError, UserError } from "@/lib/errors";
import { auditLog } from "@/db/schema/audit";
import { departmentGroups } from "@/db/schema/organisation";
import { createTestDb, type TestDb } from "@/db/test-db";
import type { Actor } from "@/lib/auth/actor";
import { zhCN } from "@/lib/i18n/zh-CN";
import {
  defineOperation,
  forgetOperation,
  executeOperation,
  fieldErrorsOf,
  registeredOperations,
  statusOf,
  type AuthedContext,
  type Operation,
} from "./operation";

/** The wrapper's own contract, on throwaway operations that are not registered. */

const admin: Actor = {
  id: "00000000-0000-4000-8000-000000000001",
  username: "a",
  displayName: "a",
  role: "admin",
  departmentIds: [],
  groupDepartmentIds: [],
  mustChangePassword: false,
};

function op<I, F = undefined>(
  overrides: Partial<Operation<I, unknown, F>> & Pick<Operation<I, unknown, F>, "input" | "run">,
): Operation<I, unknown, F> {
  return {
    name: "test.op",
    kind: "action",
    access: { kind: "global", roles: ["admin"] },
    policy: () => true,
    audit: { kind: "byQuery" },
    ...overrides,
  };
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
    const outcome = await executeOperation(
      op({ input: z.any().transform(parse), run: async () => "ran" }),
      { db: t.db, actor: null, ip: null },
      { x: 1 },
    );
    expect(outcome).toMatchObject({ ok: false, code: "unauthenticated", formError: zhCN.errors.unauthenticated });
    expect(parse).not.toHaveBeenCalled();
  });

  it("opens a transaction for an audit row it writes, none when the query audits in its own or for a read", async () => {
    const inTransaction = async ({ db }: { db: TestDb["db"] }) => is(db, PgTransaction);
    const row = { kind: "row", entry: () => ({ entityType: "test", entityId: "x" }) } as const;
    expect(
      await executeOperation(
        op({ input: z.object({}), run: inTransaction, audit: row }),
        { db: t.db, actor: admin, ip: null },
        {},
      ),
    ).toEqual({ ok: true, data: true });
    expect(
      await executeOperation(
        op({ input: z.object({}), run: inTransaction, audit: { kind: "byQuery" } }),
        { db: t.db, actor: admin, ip: null },
        {},
      ),
    ).toEqual({ ok: true, data: false });
    expect(
      await executeOperation(
        op({ input: z.object({}), run: inTransaction, audit: undefined }),
        { db: t.db, actor: admin, ip: null },
        {},
      ),
    ).toEqual({ ok: true, data: false });
  });

  it("declares every registered operation's audit as a value the wrapper reads, not a function it compares", async () => {
    for (const file of [
      "../admin/operations",
      "../review/operations",
      "../review/[id]/operations",
      "../admin/users/operations",
      "../account/operations",
    ])
      await import(file);
    const declared = registeredOperations().map((o) => o.audit?.kind ?? "read");
    expect(declared.length).toBeGreaterThan(10);
    for (const kind of declared) expect(["byQuery", "row", "read"]).toContain(kind);
    // The steps and the admin's changes audit in their queries' own transactions: no transaction around them.
    for (const name of [
      "disclosure.approve",
      "disclosure.return",
      "review.resolve",
      "user.create",
      "user.set-disabled",
      "account.change-password",
    ])
      expect(registeredOperations().find((o) => o.name === name)?.audit).toEqual({ kind: "byQuery" });
  });

  it("hands run the facts its policy judged by, read once", async () => {
    const reads = vi.fn(async (id: string) => ({ id, departmentId: "d-1" }));
    const judged = op({
      input: z.object({ id: z.string() }),
      policy: async (_ctx, input) => ({ facts: await reads(input.id) }),
      run: async (_ctx, _input, facts) => facts,
    });
    expect(await executeOperation(judged, { db: t.db, actor: admin, ip: null }, { id: "r-1" })).toEqual({
      ok: true,
      data: { id: "r-1", departmentId: "d-1" },
    });
    expect(reads).toHaveBeenCalledTimes(1);
    const plain = op({ input: z.object({}), run: async (_ctx, _input, facts) => facts ?? "none" });
    expect(await executeOperation(plain, { db: t.db, actor: admin, ip: null }, {})).toEqual({ ok: true, data: "none" });
  });

  it("gives a non-public operation a context whose actor is never null, a public one the anonymous too", async () => {
    // Defined for this test only: out of the registry again after it, whatever it finds.
    onTestFinished(() => {
      forgetOperation("test.authed-context");
      forgetOperation("test.public-context");
    });
    const authed = defineOperation({
      name: "test.authed-context",
      kind: "action",
      access: { kind: "global", roles: ["admin"] },
      input: z.object({}),
      policy: ({ actor }) => actor.role === "admin",
      // Typed AuthedContext: actor.id needs no `!`.
      run: async (ctx: AuthedContext) => ctx.actor.id,
      audit: { kind: "byQuery" },
    });
    expect(await executeOperation(authed, { db: t.db, actor: admin, ip: null }, {})).toEqual({
      ok: true,
      data: admin.id,
    });
    expect(await executeOperation(authed, { db: t.db, actor: null, ip: null }, {})).toMatchObject({
      ok: false,
      code: "unauthenticated",
    });
    const open = defineOperation({
      name: "test.public-context",
      kind: "route",
      access: { kind: "public" },
      input: z.object({}),
      policy: () => true,
      run: async ({ actor }) => actor?.id ?? "anonymous",
    });
    expect(await executeOperation(open, { db: t.db, actor: null, ip: null }, {})).toEqual({
      ok: true,
      data: "anonymous",
    });
  });

  it("reports invalid input per field, in the schema's own (Chinese) words", async () => {
    const input = z.object({
      name: z.string().min(1, "请填写名称"),
      rows: z.array(z.object({ amount: z.string().regex(/^\d+\.\d{2}$/, "金额须为两位小数") })),
    });
    const outcome = await executeOperation(
      op({ input, run: async () => "ran" }),
      { db: t.db, actor: admin, ip: null },
      { name: "", rows: [{ amount: "1" }] },
    );
    expect(outcome).toMatchObject({
      ok: false,
      code: "invalid-input",
      fieldErrors: { name: ["请填写名称"], "rows.0.amount": ["金额须为两位小数"] },
    });
  });

  it("refuses when the policy says no, and when the role is not among those declared", async () => {
    const refused = await executeOperation(
      op({ input: z.object({}), policy: () => false, run: async () => "ran" }),
      { db: t.db, actor: admin, ip: null },
      {},
    );
    expect(refused).toMatchObject({ ok: false, code: "forbidden", formError: zhCN.errors.forbidden });
    const clerk: Actor = { ...admin, role: "clerk" };
    const wrongRole = await executeOperation(
      op({ input: z.object({}), run: async () => "ran" }),
      { db: t.db, actor: clerk, ip: null },
      {},
    );
    expect(wrongRole).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("shows a user-facing error's message and code; the database layer's known errors too", async () => {
    const userError = await executeOperation(
      op({
        input: z.object({}),
        run: async () => {
          throw new UserError("该年度已关闭，不能再修改。", { year: ["已关闭"] }, "invalid-state");
        },
      }),
      { db: t.db, actor: admin, ip: null },
      {},
    );
    expect(userError).toEqual({
      ok: false,
      code: "invalid-state",
      formError: "该年度已关闭，不能再修改。",
      fieldErrors: { year: ["已关闭"] },
    });
    const notFound = await executeOperation(
      op({
        input: z.object({}),
        run: async () => {
          throw new NotFoundError();
        },
      }),
      { db: t.db, actor: admin, ip: null },
      {},
    );
    expect(notFound).toMatchObject({ ok: false, code: "not-found", formError: "该信息公开不存在，或您无权查看。" });
    expect(statusOf("not-found")).toBe(404);
  });

  it("never lets an internal error's detail reach the caller", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const outcome = await executeOperation(
      op({
        input: z.object({}),
        run: async () => {
          throw new Error("password authentication failed for user postgres at 10.0.0.5");
        },
      }),
      { db: t.db, actor: admin, ip: null },
      {},
    );
    expect(outcome).toEqual({ ok: false, code: "error", formError: zhCN.errors.generic, fieldErrors: {} });
    expect(JSON.stringify(outcome)).not.toContain("postgres");
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it("writes the audit row in the change's transaction: both or neither", async () => {
    const createDesk = (failAfterWrite: boolean) =>
      op({
        name: "test.create-desk",
        input: z.object({ name: z.string() }),
        run: async ({ db }, input: { name: string }) => {
          const [row] = await db
            .insert(departmentGroups)
            .values({ name: input.name })
            .returning({ id: departmentGroups.id });
          if (failAfterWrite) throw new UserError("故意失败");
          return row;
        },
        audit: {
          kind: "row",
          entry: (input, output) => ({
            entityType: "department_group",
            entityId: (output as { id: string }).id,
            detail: { name: input.name },
          }),
        },
      });
    const ok = await executeOperation(createDesk(false), { db: t.db, actor: admin, ip: "10.1.2.3" }, { name: "三科" });
    expect(ok.ok).toBe(true);
    const id = ok.ok ? (ok.data as { id: string }).id : "";
    const [row] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(row).toMatchObject({
      action: "test.create-desk",
      actorId: admin.id,
      ip: "10.1.2.3",
      detail: { name: "三科" },
    });

    const rolledBack = await executeOperation(createDesk(true), { db: t.db, actor: admin, ip: null }, { name: "五科" });
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
    for (const key of Object.keys(fieldErrors))
      expect(Object.getOwnPropertyDescriptor(fieldErrors, key)?.value).toHaveLength(1);
    expect(Object.getPrototypeOf(fieldErrors)).toBe(Object.prototype);
  });
});
