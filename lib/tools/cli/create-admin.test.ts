import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../../../db/client";
import { findUserByUsername } from "../../../db/queries/users";
import { verifyPassword } from "../../auth/password";

const root = path.resolve(import.meta.dirname, "../../..");
const tsx = path.join(root, "node_modules/.bin/tsx");
const dataDir = mkdtempSync(path.join(tmpdir(), "bdw-create-admin-"));

type Run = { code: number; stdout: string; stderr: string };

/** The command as an operator runs it on a production installation's embedded database. */
function createAdmin(args: string[], password?: string): Promise<Run> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PGLITE_DIR: dataDir,
    DATABASE_URL: "",
    CREATE_ADMIN_PASSWORD: password,
  };
  if (password === undefined) delete env.CREATE_ADMIN_PASSWORD;
  return new Promise((resolve) => {
    execFile(tsx, ["lib/tools/cli/main.ts", "create-admin", ...args], { cwd: root, env }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("cli create-admin", () => {
  it("creates the first admin with a generated password shown once, to be changed at first sign-in", async () => {
    const run = await createAdmin(["chief", "--name", "张主任"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const password = /初始密码（只显示这一次）：(\S+)/.exec(run.stdout)?.[1];
    expect(password).toBeTruthy();

    const handle = createDb({ pgliteDir: dataDir });
    try {
      const user = await findUserByUsername(handle.db, "chief");
      expect(user).toMatchObject({ role: "admin", displayName: "张主任", mustChangePassword: true, disabled: false });
      expect(await verifyPassword(password!, user!.passwordHash)).toBe(true);
    } finally {
      await handle.close();
    }
  });

  it("refuses a taken username and a password from the environment that breaks the rules, in one line", async () => {
    const taken = await createAdmin(["chief"]);
    expect(taken.code).toBe(2);
    expect(taken.stderr.trim()).toBe("无法创建管理员：用户名“chief”已被使用。");

    const weak = await createAdmin(["deputy"], "short");
    expect(weak.code).toBe(2);
    expect(weak.stderr.trim().split("\n")).toHaveLength(1);
    expect(weak.stderr).toContain("CREATE_ADMIN_PASSWORD 不符合密码规则：密码至少需要 12 个字符");
    expect(weak.stdout).toBe("");
  });

  it("takes the password from CREATE_ADMIN_PASSWORD and does not print it", async () => {
    const run = await createAdmin(["deputy"], "Budget-Office-2026!");
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain("Budget-Office-2026!");
    const handle = createDb({ pgliteDir: dataDir });
    try {
      const user = await findUserByUsername(handle.db, "deputy");
      expect(await verifyPassword("Budget-Office-2026!", user!.passwordHash)).toBe(true);
    } finally {
      await handle.close();
    }
  });
});
