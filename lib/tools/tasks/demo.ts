/**
 * `npm run demo`: the whole app on the embedded database with the demo data, from a fresh clone
 * after `npm ci`. Builds when the build is missing or older than the sources, migrates, seeds
 * (first run) or refreshes the demo passwords (later runs), prints the accounts, then serves on
 * PORT (default 3000). Demo mode only: a production start never has demo users.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { inArray } from "drizzle-orm";
import { createDb, optionsFromEnv } from "../../../db/client";
import { migrateDb } from "../../../db/migrate";
import { users } from "../../../db/schema/users";
import { demoAccountNames, seedDemo } from "../../../db/seed/demo";
import { hashPassword } from "../../auth/password";

const root = path.resolve(import.meta.dirname, "../../..");
const port = process.env.PORT ?? "3000";
const dataDir = path.join(root, ".data");
const sourceRoots = [
  "app",
  "components",
  "lib",
  "db",
  "public",
  "next.config.js",
  "package-lock.json",
  "postcss.config.mjs",
];

function newestMtime(entry: string): number {
  const full = path.join(root, entry);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(full).reduce((max, child) => Math.max(max, newestMtime(path.join(entry, child))), stat.mtimeMs);
}

function buildIfNeeded(): void {
  const buildId = path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  const stale = !existsSync(buildId) || sourceRoots.some((e) => newestMtime(e) > statSync(buildId).mtimeMs);
  if (!stale) return;
  console.log("正在构建应用（首次运行需要几分钟）…");
  const result = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    cwd: root,
    stdio: "inherit",
    env: process.env,
  });
  if (result.status !== 0) {
    console.error("构建失败，请查看上面的输出。");
    process.exit(result.status ?? 1);
  }
}

/** A secret kept beside the demo data, so sessions survive a restart of the demo. */
function demoSecret(): string {
  const file = path.join(dataDir, "demo-auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

async function prepareDatabase(): Promise<Array<{ username: string; password: string; role: string; note: string }>> {
  const handle = createDb(optionsFromEnv());
  try {
    await migrateDb(handle.db);
    const existing = await handle.db
      .select({ username: users.username })
      .from(users)
      .where(inArray(users.username, [...demoAccountNames]));
    if (existing.length === 0) return (await seedDemo(handle.db)).accounts;
    // Already seeded: passwords are never stored in clear, so give the demo users fresh ones.
    const password = process.env.DEMO_PASSWORD ?? randomBytes(9).toString("base64url");
    await handle.db
      .update(users)
      .set({ passwordHash: await hashPassword(password) })
      .where(inArray(users.username, [...demoAccountNames]));
    const rows = await handle.db
      .select({ username: users.username, role: users.role })
      .from(users)
      .where(inArray(users.username, [...demoAccountNames]));
    return rows.map((r) => ({ username: r.username, password, role: r.role, note: "" }));
  } finally {
    await handle.close();
  }
}

async function main(): Promise<void> {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  process.env.PGLITE_DIR ??= path.join(dataDir, "demo");
  process.env.AUTH_SECRET ??= demoSecret();
  process.env.NEXTAUTH_SECRET ??= process.env.AUTH_SECRET;
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;

  // `npm test` builds once, and seeds one database beside the build that each of its two
  // Playwright servers starts from a copy of (test-all.ts, playwright.config.ts).
  const seedOnly = process.argv.includes("--seed-only");
  if (!seedOnly) buildIfNeeded();
  if (process.argv.includes("--build-only")) return;
  const accounts = await prepareDatabase();
  if (seedOnly) return;

  console.log("\n演示账号（仅在演示模式下显示）：");
  for (const a of accounts)
    console.log(`  ${a.username.padEnd(10)} ${a.password.padEnd(16)} ${a.role}${a.note ? `  ${a.note}` : ""}`);
  console.log(`\n打开 http://localhost:${port}  （Ctrl+C 停止）\n`);

  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", port], {
    cwd: root,
    stdio: "inherit",
    env: process.env,
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error("演示启动失败：", error instanceof Error ? error.message : error);
  process.exit(1);
});
