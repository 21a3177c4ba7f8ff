import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRows, type Db } from "@/db/client";
import { verifyAuditChain } from "@/db/queries/audit";
import { verifySnapshot } from "@/db/queries/publishing";
import { replyToComment } from "@/db/queries/review";
import { findUserByUsername, loadActor } from "@/db/queries/users";
import { publishedFiles, publishedSnapshots } from "@/db/schema/publishing";
import { reviewComments } from "@/db/schema/review";
import { seedDemo } from "@/db/seed/demo";
import { createTestDb, type TestDb } from "@/db/test-db";
import { opsMessages } from "@/lib/i18n/zh-CN/ops";
import { BackupError } from "./backup";
import { restoreBackupFile, writeBackupFile } from "./backup-file";
import { readCatalog } from "./catalog";

/**
 * A backup brings everything back: the demo (a published disclosure with its files, drafts in
 * every state, review comments with replies, the audit chain) backed up, restored into a new
 * database, and every table compared row for row as the database prints it. Runs on PGlite, and
 * on PostgreSQL with DATABASE_URL.
 */

let source: TestDb;
let target: TestDb;
let dir: string;
let file: string;

/** Every row of every table, as text the database prints, sorted: equal means equal. */
async function everything(db: Db): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of (await readCatalog(db)).tables) {
    const rows = await executeRows<{ row: string }>(
      db,
      sql.raw(`SELECT to_jsonb(t)::text AS row FROM "${table.name}" t ORDER BY 1`),
    );
    out[table.name] = rows.map((r) => r.row);
  }
  return out;
}

async function fileDigests(db: Db): Promise<string[]> {
  const rows = await db.select({ name: publishedFiles.fileName, bytes: publishedFiles.bytes }).from(publishedFiles);
  return rows.map((r) => `${r.name} ${r.bytes.length} ${createHash("sha256").update(r.bytes).digest("hex")}`).sort();
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "bdw-backup-"));
  file = path.join(dir, "backup.jsonl.gz");
  source = await createTestDb();
  await seedDemo(source.db);
  // A reply (a row pointing at a row of its own table): the demo's returned disclosure's clerk answers.
  const [comment] = await source.db.select({ id: reviewComments.id }).from(reviewComments);
  const clerk = await loadActor(source.db, (await findUserByUsername(source.db, "clerk2"))!.id);
  await replyToComment(source.db, clerk!, comment.id, { body: "已按意见修改。" });
  target = await createTestDb();
}, 240_000);

afterAll(async () => {
  await source?.close();
  await target?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("brings back every disclosure, comment, published file and audit row exactly", async () => {
    const before = await everything(source.db);
    // The demo is what the test relies on: a publication with files, comments with replies.
    expect(before.published_files.length).toBeGreaterThan(0);
    expect(before.review_comments.some((r) => JSON.parse(r).parent_id !== null)).toBe(true);
    expect(before.disclosures.length).toBeGreaterThan(3);

    const written = await writeBackupFile(source.db, source.driver, file);
    const restored = await restoreBackupFile(target.db, file);
    expect(restored).toEqual(written);

    expect(await everything(target.db)).toEqual(before);
    expect(await fileDigests(target.db)).toEqual(await fileDigests(source.db));
    for (const snapshot of await target.db.select({ id: publishedSnapshots.id }).from(publishedSnapshots))
      expect(await verifySnapshot(target.db, snapshot.id)).toBe(true);
    expect((await verifyAuditChain(target.db)).ok).toBe(true);
    expect((await target.db.select().from(reviewComments)).length).toBe(before.review_comments.length);
  }, 240_000);

  it("continues the sequences after the restored rows (the next audit row gets a new id)", async () => {
    const [{ next, max }] = await executeRows<{ next: string; max: string }>(
      target.db,
      sql`SELECT nextval(pg_get_serial_sequence('audit_log', 'id'))::text AS next, (SELECT max(id) FROM audit_log)::text AS max`,
    );
    expect(BigInt(next)).toBeGreaterThan(BigInt(max));
  });

  it("refuses to restore over a database that is in use, and changes nothing", async () => {
    const before = await everything(target.db);
    await expect(restoreBackupFile(target.db, file)).rejects.toThrow(/目标数据库不是空的/);
    expect(await everything(target.db)).toEqual(before);
  });

  it("refuses a truncated or altered file before writing anything, with a clear message", async () => {
    const plain = path.join(dir, "plain.jsonl");
    const fresh = await createTestDb();
    try {
      await writeBackupFile(source.db, source.driver, plain);
      const lines = readFileSync(plain, "utf8").trimEnd().split("\n");
      const truncated = path.join(dir, "truncated.jsonl");
      writeFileSync(truncated, `${lines.slice(0, Math.floor(lines.length / 2)).join("\n")}\n`);
      await expect(restoreBackupFile(fresh.db, truncated)).rejects.toThrow(
        new BackupError(opsMessages.restore.truncated),
      );
      const altered = path.join(dir, "altered.jsonl");
      writeFileSync(
        altered,
        `${lines.map((l) => l.replace("三河市人民政府办公室", "三河市人民政府办公厅")).join("\n")}\n`,
      );
      await expect(restoreBackupFile(fresh.db, altered)).rejects.toThrow(new BackupError(opsMessages.restore.corrupt));
      const [{ n }] = await executeRows<{ n: number }>(fresh.db, sql`SELECT count(*)::int AS n FROM users`);
      expect(n).toBe(0);
    } finally {
      await fresh.close();
    }
  }, 120_000);

  it("is one command each on the command line (PGlite folder), with one clear line on failure", async () => {
    const root = path.resolve(import.meta.dirname, "../../..");
    const cli = (env: Record<string, string>, ...args: string[]) =>
      new Promise<{ code: number; stderr: string }>((resolve) => {
        const child = execFile(
          path.join(root, "node_modules/.bin/tsx"),
          ["lib/tools/cli/main.ts", ...args],
          { cwd: root, env: { ...process.env, DATABASE_URL: "", ...env } },
          (error, _out, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }),
        );
        child.stdin?.end();
      });
    const folder = { PGLITE_DIR: path.join(dir, "cli-data") };
    const restored = await cli(folder, "restore", file);
    expect(restored).toEqual({
      code: 0,
      stderr: `${opsMessages.restore.done((await readCatalog(target.db)).tables.length, Number(/(\d+) 行/.exec(restored.stderr)?.[1]))}\n`,
    });
    const again = path.join(dir, "again.jsonl");
    expect((await cli(folder, "backup", "--out", again)).code).toBe(0);
    expect(readFileSync(again, "utf8").split("\n").length).toBe(
      readFileSync(path.join(dir, "plain.jsonl"), "utf8").split("\n").length,
    );
    expect(await cli(folder, "backup", "--out", again)).toEqual({
      code: 2,
      stderr: `${opsMessages.backup.exists(again)}\n`,
    });
    expect(await cli(folder, "restore", again)).toEqual({
      code: 2,
      stderr: expect.stringMatching(
        /^restore：目标数据库不是空的（已有\d+ 个用户、\d+ 份信息公开、\d+ 条审计记录）；[^\n]+\n$/,
      ),
    });
  }, 180_000);
});
