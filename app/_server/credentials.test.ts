import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema/audit";
import { createTestDb, type TestDb } from "@/db/test-db";
import { loadActor } from "@/db/queries/users";
import { signInErrorMessage } from "../signin/schema";
import { AccountDisabledError, checkCredentials } from "./credentials";
import { executeOperation } from "./operation";
import { setUserDisabledOperation } from "../admin/operations";
import { buildOperationWorld, type OperationWorld } from "./testing/operation-world";

let t: TestDb;
let world: OperationWorld;
beforeAll(async () => {
  t = await createTestDb();
  world = await buildOperationWorld(t.db);
});
afterAll(async () => {
  await t?.close();
});

describe("sign-in credentials", () => {
  it("accepts the right password and records the login", async () => {
    const user = await checkCredentials(
      t.db,
      { username: world.usernames.clerk, password: world.password },
      "10.0.0.7",
    );
    expect(user).toEqual({
      id: world.actors.clerk.id,
      name: world.usernames.clerk,
      role: "clerk",
      sessionVersion: 1,
      sessionId: expect.any(String),
      mustChangePassword: false,
    });
    const logins = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.login"), eq(auditLog.entityId, world.actors.clerk.id)));
    // The session it started, to match with its sign-out (user.logout).
    expect(logins.at(-1)).toMatchObject({
      actorId: world.actors.clerk.id,
      ip: "10.0.0.7",
      detail: { sessionId: user!.sessionId },
    });
  });

  it("gives one answer for a wrong password and an unknown user", async () => {
    expect(await checkCredentials(t.db, { username: world.usernames.clerk, password: "wrong" }, null)).toBeNull();
    expect(await checkCredentials(t.db, { username: "nobody", password: world.password }, null)).toBeNull();
    expect(await checkCredentials(t.db, { username: "", password: "" }, null)).toBeNull();
    expect(signInErrorMessage("CredentialsSignin")).toBe("用户名或密码不正确，请重新输入。");
  });

  it("refuses a disabled account, saying so only to someone who knows its password; the session's actor is gone at once", async () => {
    const disable = await executeOperation(
      setUserDisabledOperation,
      { db: t.db, actor: world.actors.admin, ip: null },
      { userId: world.actors.spareClerk.id, disabled: true },
    );
    expect(disable.ok).toBe(true);
    await expect(
      checkCredentials(t.db, { username: world.usernames.spareClerk, password: world.password }, null),
    ).rejects.toBeInstanceOf(AccountDisabledError);
    expect(await checkCredentials(t.db, { username: world.usernames.spareClerk, password: "wrong" }, null)).toBeNull();
    expect(signInErrorMessage(new AccountDisabledError().message)).toBe("该账号已停用，请联系系统管理员。");
    // An existing session of theirs loads no actor on its next request.
    expect(await loadActor(t.db, world.actors.spareClerk.id)).toBeNull();
  });

  it("does not let an admin disable themselves", async () => {
    const outcome = await executeOperation(
      setUserDisabledOperation,
      { db: t.db, actor: world.actors.admin, ip: null },
      { userId: world.actors.admin.id, disabled: "true" },
    );
    expect(outcome).toMatchObject({ ok: false, formError: "不能停用自己的账号。" });
  });
});
