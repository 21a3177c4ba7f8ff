import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema/audit";
import { createTestDb, type TestDb } from "@/db/test-db";
import { currentSessionVersion } from "@/db/queries/security";
import { createUser, loadActor } from "@/db/queries/users";
import { signInErrorMessage } from "@/app/signin/schema";
import { AccountLockedError, checkCredentials } from "@/app/_server/credentials";
import { executeOperation } from "@/app/_server/operation";
import { setUserDisabledOperation } from "@/app/admin/operations";
import { resetPasswordOperation } from "@/app/admin/users/operations";
import type { Actor } from "@/lib/auth/actor";
import { passwordProblems } from "@/lib/auth/password-rules";
import { changePasswordOperation } from "./operations";

/**
 * Identity on the real database, through the same functions sign-in and the actions use: lockout,
 * sign-out everywhere (session_version), the forced and the voluntary password change, and the
 * audit rows each leaves.
 */
let t: TestDb;
let admin: Actor;
const initial = "Initial-Pass-2020";
beforeAll(async () => {
  t = await createTestDb();
  const a = await createUser(t.db, null, {
    username: "root-admin",
    displayName: "管理员",
    role: "admin",
    password: initial,
    mustChangePassword: false,
  });
  admin = (await loadActor(t.db, a.id))!;
});
afterAll(async () => {
  await t?.close();
});

async function newUser(username: string, mustChangePassword = false) {
  const user = await createUser(t.db, null, {
    username,
    displayName: username,
    role: "approver",
    password: initial,
    mustChangePassword,
  });
  return user.id;
}
const auditOf = (action: string) => t.db.select().from(auditLog).where(eq(auditLog.action, action));
const run = <I, O>(op: Parameters<typeof executeOperation<I, O>>[0], actor: Actor, input: unknown) =>
  executeOperation(op, { db: t.db, actor, ip: "10.8.0.1" }, input);

describe("sign-in lockout through the credentials check", () => {
  it("answers the fifth wrong password with the lock, then refuses even the right one, in Chinese", async () => {
    await newUser("locked-user");
    for (let i = 0; i < 4; i++)
      expect(
        await checkCredentials(t.db, { username: "locked-user", password: `wrong-${i}` }, `10.20.0.${i}`),
      ).toBeNull();
    const fifth = await checkCredentials(t.db, { username: "locked-user", password: "wrong-5" }, "10.20.0.9").then(
      () => null,
      (e: unknown) => e,
    );
    expect(fifth).toBeInstanceOf(AccountLockedError);
    await expect(
      checkCredentials(t.db, { username: "locked-user", password: initial }, "10.20.1.1"),
    ).rejects.toBeInstanceOf(AccountLockedError);
    const message = signInErrorMessage((fifth as Error).message)!;
    expect(message).toMatch(/^由于连续多次登录失败，登录已被临时锁定，请于 \d{4}年\d+月\d+日 \d\d:\d\d 之后再试。/);
    // Each failure and the refusal are evidence, without the password.
    const failed = (await auditOf("user.login-failed")).filter((r) => r.entityId === "locked-user");
    expect(failed).toHaveLength(5);
    expect(failed.at(-1)!.detail).toMatchObject({ knownUser: true, scope: "account" });
    expect(JSON.stringify(failed)).not.toContain("wrong-");
    expect((await auditOf("user.login-locked")).map((r) => r.ip)).toContain("10.20.1.1");
  });

  it("locks an address that guesses five usernames, for any username from there", async () => {
    await newUser("bystander");
    for (const name of ["g1", "g2", "g3", "g4"])
      expect(await checkCredentials(t.db, { username: name, password: "x" }, "10.30.0.1")).toBeNull();
    await expect(checkCredentials(t.db, { username: "g5", password: "x" }, "10.30.0.1")).rejects.toBeInstanceOf(
      AccountLockedError,
    );
    await expect(
      checkCredentials(t.db, { username: "bystander", password: initial }, "10.30.0.1"),
    ).rejects.toBeInstanceOf(AccountLockedError);
    // The same account from another address is fine.
    expect(await checkCredentials(t.db, { username: "bystander", password: initial }, "10.30.0.2")).toMatchObject({
      name: "bystander",
      sessionVersion: 1,
    });
  });
});

describe("signing out everywhere", () => {
  it("raises the session version on an admin's reset and on disabling, so older sessions stop matching", async () => {
    const id = await newUser("versioned");
    const signedIn = await checkCredentials(t.db, { username: "versioned", password: initial }, null);
    expect(signedIn?.sessionVersion).toBe(1);
    expect((await run(resetPasswordOperation, admin, { userId: id })).ok).toBe(true);
    expect(await currentSessionVersion(t.db, id)).toBe(2);
    expect((await run(setUserDisabledOperation, admin, { userId: id, disabled: true })).ok).toBe(true);
    expect(await currentSessionVersion(t.db, id)).toBe(3);
    expect(await currentSessionVersion(t.db, "00000000-0000-4000-8000-00000000dead")).toBeNull();
  });

  it("gives a reset user a generated password that meets the rules and must be changed", async () => {
    const id = await newUser("reset-me");
    const outcome = await run(resetPasswordOperation, admin, { userId: id });
    if (!outcome.ok) throw new Error(outcome.formError ?? "");
    const { password } = outcome.data as { password: string };
    expect(passwordProblems(password, "reset-me")).toEqual([]);
    expect(await checkCredentials(t.db, { username: "reset-me", password }, null)).toMatchObject({
      mustChangePassword: true,
      sessionVersion: 2,
    });
  });
});

describe("changing one's own password", () => {
  it("refuses everything else until an initial password is changed, then clears the flag and ends every session", async () => {
    const id = await newUser("first-login", true);
    const actor = (await loadActor(t.db, id))!;
    expect(actor.mustChangePassword).toBe(true);
    const other = await run(setUserDisabledOperation, actor, { userId: id, disabled: true });
    expect(other).toMatchObject({ ok: false, code: "forbidden", formError: "请先修改初始密码，然后再进行其他操作。" });

    const wrong = await run(changePasswordOperation, actor, {
      currentPassword: "nope",
      newPassword: "Brand-New-Pass-77",
      confirmPassword: "Brand-New-Pass-77",
    });
    expect(wrong).toMatchObject({ ok: false, fieldErrors: { currentPassword: ["当前密码不正确。"] } });
    const weak = await run(changePasswordOperation, actor, {
      currentPassword: initial,
      newPassword: "first-login-pw",
      confirmPassword: "first-login-pw",
    });
    expect(weak).toMatchObject({
      ok: false,
      fieldErrors: { newPassword: ["密码须至少包含大写字母、小写字母、数字、符号中的三类。", "密码不能包含用户名。"] },
    });
    const same = await run(changePasswordOperation, actor, {
      currentPassword: initial,
      newPassword: initial,
      confirmPassword: initial,
    });
    expect(same).toMatchObject({ ok: false, fieldErrors: { newPassword: ["新密码不能与当前密码相同。"] } });
    const mismatch = await run(changePasswordOperation, actor, {
      currentPassword: initial,
      newPassword: "Brand-New-Pass-77",
      confirmPassword: "Brand-New-Pass-78",
    });
    expect(mismatch).toMatchObject({ ok: false, fieldErrors: { confirmPassword: ["两次输入的新密码不一致。"] } });

    expect(
      await run(changePasswordOperation, actor, {
        currentPassword: initial,
        newPassword: "Brand-New-Pass-77",
        confirmPassword: "Brand-New-Pass-77",
      }),
    ).toEqual({ ok: true, data: { changed: true } });
    expect((await loadActor(t.db, id))!.mustChangePassword).toBe(false);
    expect(await currentSessionVersion(t.db, id)).toBe(2);
    expect(await checkCredentials(t.db, { username: "first-login", password: initial }, null)).toBeNull();
    expect(
      await checkCredentials(t.db, { username: "first-login", password: "Brand-New-Pass-77" }, null),
    ).toMatchObject({ sessionVersion: 2, mustChangePassword: false });
    const rows = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "user.password-change")));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain("Brand-New");
  });
});

describe("permission refusals", () => {
  it("are written to the audit log with who, where and which operation", async () => {
    const id = await newUser("nosy");
    const nosy = (await loadActor(t.db, id))!;
    const outcome = await run(setUserDisabledOperation, nosy, { userId: admin.id, disabled: true });
    expect(outcome).toMatchObject({ ok: false, code: "forbidden" });
    const refused = (await auditOf("authz.refused")).filter((r) => r.actorId === id);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({
      ip: "10.8.0.1",
      entityType: "operation",
      entityId: setUserDisabledOperation.name,
      detail: { role: "approver" },
    });
  });
});
