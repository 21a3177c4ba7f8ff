import { createDb, optionsFromEnv } from "../../../db/client";
import { UserError } from "@/lib/errors";
import { migrateDb } from "../../../db/migrate";
import { createUser } from "../../../db/queries/users";
import { generateCompliantPassword } from "../../auth/compliant-password";
import { passwordMessages } from "../../auth/password-rules";
import { CliError, EXIT_OK, type CliCommand } from "./command";
import { parseOptions } from "./options";

/**
 * The first administrator of a production installation, which has no demo users. The database is
 * the one the server uses (DATABASE_URL, else PGLITE_DIR). The password comes from
 * CREATE_ADMIN_PASSWORD (never a command-line argument, which `ps` shows) or is generated and
 * printed once; either way it must be changed at the first sign-in.
 */
export const createAdminCommand: CliCommand = {
  name: "create-admin",
  usage: "create-admin USERNAME [--name 姓名]",
  summary: "创建系统管理员（密码取自环境变量 CREATE_ADMIN_PASSWORD，未设置时随机生成并只显示一次）",
  async run(args, io) {
    const { values, positionals } = parseOptions("create-admin", args, { name: { type: "string" } });
    if (positionals.length !== 1)
      throw new CliError("create-admin：须给出一个用户名（用法：create-admin USERNAME [--name 姓名]）");
    const username = positionals[0].trim();
    const given = process.env.CREATE_ADMIN_PASSWORD;
    if (given !== undefined) {
      const problems = passwordMessages(given, username);
      if (problems.length > 0)
        throw new CliError(
          `CREATE_ADMIN_PASSWORD 不符合密码规则：${problems.map((p) => p.replace(/。$/, "")).join("；")}。`,
        );
    }
    const password = given ?? generateCompliantPassword(username);
    const handle = createDb(optionsFromEnv());
    try {
      await migrateDb(handle.db);
      const displayName =
        typeof values.name === "string" && values.name.trim() !== "" ? values.name.trim() : "系统管理员";
      await createUser(handle.db, null, { username, displayName, role: "admin", password, mustChangePassword: true });
    } catch (error) {
      if (error instanceof UserError) throw new CliError(`无法创建管理员：${error.message}`);
      throw error;
    } finally {
      await handle.close();
    }
    io.out(
      `已创建系统管理员 ${username}（${handle.driver === "pg" ? "PostgreSQL" : "内嵌数据库"}）。首次登录后须修改密码。`,
    );
    if (given === undefined) io.out(`初始密码（只显示这一次）：${password}`);
    return EXIT_OK;
  },
};
