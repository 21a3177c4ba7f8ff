import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { readProcStat } from "../proc-stat";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { createDb } from "../../../../db/client";
import { migrateDb } from "../../../../db/migrate";
import { createDepartments, createGroup } from "../../../../db/queries/departments";
import { createDisclosure, loadEditableDisclosure } from "../../../../db/queries/disclosures";
import { saveFiscalYear } from "../../../../db/queries/settings";
import { startSession } from "../../../../db/queries/sessions";
import { loadActor } from "../../../../db/queries/users";
import { userDepartments, users } from "../../../../db/schema/users";
import type { EditableDisclosure } from "../../../domain/editable";
import { buildExists, sendJsonRoute, sessionCookie, startServer } from "../../ops/next-server";
import type { BenchCase, BenchResult } from "../bench";

/**
 * 200 clerks autosaving every 2 seconds against one production server (`next start`) on
 * PostgreSQL, over loopback: p95 under 200 ms with zero errors. Each clerk has their own draft
 * and saves the editor's way: the whole content, the version it last saw, its base. Then, idle,
 * one autosave against the raw database update it comes down to (the changed section row and the
 * version bump, in one transaction), for the ratio of the app's cost to the database's.
 *
 * Needs a PostgreSQL at LOAD_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres),
 * where it creates and drops a database of its own, and a production build (NEXT_DIST_DIR or
 * .next). The first LOAD_WARMUP_SECONDS (10) of load on the cold server are reported apart, not
 * in the target. LOAD_CLERKS and LOAD_SECONDS scale it down for a quick look; LOAD_TRACE=FILE
 * writes each save's start and duration; LOAD_SERVER_NODE_ARGS
 * is handed to the server alone (a CPU profile, say).
 */

const SERVER_URL = process.env.LOAD_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const CLERKS = Number(process.env.LOAD_CLERKS ?? 200);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 40);
const WARMUP_SECONDS = Number(process.env.LOAD_WARMUP_SECONDS ?? 10);
const INTERVAL_MS = 2000;
const TARGET_MS = 200;
const IDLE_RUNS = 100;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
function result(name: string, times: number[], met: (p95: number) => boolean): BenchResult {
  const sorted = [...times].sort((a, b) => a - b);
  const p95Ms = percentile(sorted, 0.95);
  return {
    suite: "load",
    name,
    runs: sorted.length,
    medianMs: percentile(sorted, 0.5),
    p95Ms,
    targetMs: TARGET_MS,
    met: met(p95Ms),
  };
}

async function reachable(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function onServer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

type Clerk = { id: string; disclosureId: string; cookie: string; version: number; content: EditableDisclosure };

/** Departments, one clerk each (no password: they come in with a session cookie), one 2020 draft each. */
async function seed(url: string, secret: string): Promise<Clerk[]> {
  const handle = createDb({ databaseUrl: url });
  try {
    await migrateDb(handle.db);
    const desk = await createGroup(handle.db, null, "一科");
    await saveFiscalYear(handle.db, null, {
      year: 2020,
      frameworkId: "2020",
      submissionDeadline: null,
      status: "open",
    });
    const codes = Array.from({ length: CLERKS }, (_, i) => `L${String(i + 1).padStart(3, "0")}`);
    const depts = await createDepartments(
      handle.db,
      null,
      codes.map((code) => ({ code, name: `负载测试部门${code}`, groupId: desk.id })),
    );
    const rows = await handle.db
      .insert(users)
      .values(
        depts.map((d) => ({
          username: `load-${d.code}`,
          displayName: `填报员${d.code}`,
          passwordHash: "!",
          role: "clerk" as const,
        })),
      )
      .returning({ id: users.id, username: users.username });
    await handle.db.insert(userDepartments).values(rows.map((u, i) => ({ userId: u.id, departmentId: depts[i].id })));
    const clerks: Clerk[] = [];
    for (const [i, u] of rows.entries()) {
      const actor = (await loadActor(handle.db, u.id))!;
      const created = await createDisclosure(handle.db, actor, { departmentId: depts[i].id, fiscalYear: 2020 });
      const { content } = await loadEditableDisclosure(handle.db, actor, created.id);
      clerks.push({
        id: u.id,
        disclosureId: created.id,
        cookie: await sessionCookie(secret, {
          id: u.id,
          name: u.username,
          role: "clerk",
          sessionId: await startSession(handle.db, u.id, null),
        }),
        version: created.version,
        content,
      });
    }
    return clerks;
  } finally {
    await handle.close();
  }
}

/** A suite that measures for itself (run.ts prints its results as they are): concurrent load does not fit measure(). */
type MeasuredSuite = { name: string; setup(): Promise<BenchCase[] | { skip: string } | { measured: BenchResult[] }> };

const suite: MeasuredSuite = {
  name: "load",
  async setup() {
    const down = await reachable(SERVER_URL);
    if (down)
      return {
        skip: `没有可用的 PostgreSQL（${new URL(SERVER_URL).host}：${down}）；设置 LOAD_DATABASE_URL 或启动本机 PostgreSQL 后再运行`,
      };
    const distDir = process.env.NEXT_DIST_DIR || ".next";
    if (!buildExists(distDir))
      return { skip: `没有生产构建（${distDir}）：先运行 npm run build，或用 NEXT_DIST_DIR 指定构建目录` };

    const name = `bdw_load_${randomBytes(5).toString("hex")}`;
    const url = new URL(SERVER_URL);
    url.pathname = `/${name}`;
    const secret = randomBytes(32).toString("base64url");
    await onServer(`CREATE DATABASE ${name}`);
    let server: Awaited<ReturnType<typeof startServer>> | null = null;
    try {
      console.error(`负载：准备 ${CLERKS} 名填报员和各自的草稿…`);
      const clerks = await seed(url.toString(), secret);
      // LOAD_SERVER_NODE_ARGS reaches only the server, e.g. "--cpu-prof --cpu-prof-dir=.data/prof" to see where a save's time goes.
      const nodeArgs = process.env.LOAD_SERVER_NODE_ARGS?.split(/\s+/).filter(Boolean);
      // Configured as README's production section says: compression is the reverse proxy's job.
      server = await startServer({
        distDir,
        nodeArgs,
        env: { DATABASE_URL: url.toString(), AUTH_SECRET: secret, NEXTAUTH_SECRET: secret, NEXT_COMPRESS: "0" },
      });
      let errors = 0;
      const firstErrors: string[] = [];
      const autosave = async (clerk: Clerk, n: number): Promise<number> => {
        const content = { ...clerk.content, otherMatters: `第 ${n} 次自动保存：${clerk.id.slice(0, 8)}` };
        const start = performance.now();
        const answer = await sendJsonRoute(
          server!.url,
          "PUT",
          `/api/disclosures/${clerk.disclosureId}/content`,
          clerk.cookie,
          { expectedVersion: clerk.version, content, base: clerk.content },
        );
        const ms = performance.now() - start;
        const data = answer.body as { kind?: string; version?: number } | null;
        if (answer.status !== 200 || data?.kind !== "saved") {
          errors++;
          if (firstErrors.length < 3) firstErrors.push(`${answer.status} ${answer.text.slice(0, 200)}`);
        } else {
          clerk.version = data.version!;
          clerk.content = content;
        }
        return ms;
      };

      console.error("负载：预热…");
      for (const clerk of clerks.slice(0, 20)) await autosave(clerk, 0);
      errors = 0;

      // The first seconds of a cold server are measured apart (JIT, the pool's connections being
      // opened and their backends' caches filled): the target is about a server that has been up.
      console.error(
        `负载：${CLERKS} 名填报员每 ${INTERVAL_MS / 1000} 秒自动保存一次，先预热 ${WARMUP_SECONDS} 秒（单列），再计时 ${SECONDS} 秒…`,
      );
      const times: number[] = [];
      const warmup: number[] = [];
      const trace: Array<[number, number]> = [];
      const traceStart = performance.now();
      const measureFrom = traceStart + WARMUP_SECONDS * 1000;
      const end = measureFrom + SECONDS * 1000;
      let cpuAtMeasure = Number.NaN;
      const cpuTimer = setTimeout(() => (cpuAtMeasure = processCpuMs(server!.child.pid)), WARMUP_SECONDS * 1000);
      await Promise.all(
        clerks.map(async (clerk, i) => {
          // Spread over the interval, as real clerks do not type in step.
          await new Promise((r) => setTimeout(r, (i / clerks.length) * INTERVAL_MS));
          for (let n = 1; performance.now() < end; n++) {
            const started = performance.now();
            const ms = await autosave(clerk, n);
            (started < measureFrom ? warmup : times).push(ms);
            trace.push([Math.round(started - traceStart), Math.round(ms)]);
            await new Promise((r) => setTimeout(r, Math.max(0, INTERVAL_MS - (performance.now() - started))));
          }
        }),
      );
      clearTimeout(cpuTimer);
      const cpuUnderLoad = (processCpuMs(server.child.pid) - cpuAtMeasure) / times.length;
      if (process.env.LOAD_TRACE)
        writeFileSync(process.env.LOAD_TRACE, trace.map(([at, ms]) => `${at}\t${ms}`).join("\n"));
      const warm = [...warmup].sort((a, b) => a - b);
      console.error(
        `负载：预热 ${WARMUP_SECONDS} 秒内（刚启动的服务器）${warm.length} 次，中位数 ${percentile(warm, 0.5).toFixed(1)} ms，p95 ${percentile(warm, 0.95).toFixed(1)} ms；` +
          `计时期间每次自动保存占服务器进程 CPU ${Number.isNaN(cpuUnderLoad) ? "（无法读取）" : `${cpuUnderLoad.toFixed(1)} ms`}`,
      );
      const underLoad = result(
        `自动保存：${CLERKS} 人每 2 秒一次（错误 ${errors} 次）`,
        times,
        (p95) => p95 <= TARGET_MS && errors === 0,
      );

      // Idle: one autosave at a time, against the raw update it performs.
      const idle: number[] = [];
      const clerk = clerks[0];
      const cpuBefore = processCpuMs(server.child.pid);
      for (let n = 0; n < IDLE_RUNS; n++) idle.push(await autosave(clerk, 10_000 + n));
      const cpuPerSave = (processCpuMs(server.child.pid) - cpuBefore) / IDLE_RUNS;
      const raw = await rawUpdateTimes(url.toString(), clerk.disclosureId);
      const idleResult = result("单次自动保存（空闲，完整请求）", idle, (p95) => p95 <= TARGET_MS);
      const rawResult = result("其中的数据库更新（原始 SQL，同一事务）", raw, () => true);
      console.error(
        `负载：共 ${times.length} 次自动保存，错误 ${errors} 次${firstErrors.length ? `（${firstErrors.join("；")}）` : ""}；` +
          `自动保存与原始更新的耗时比（中位数）${(idleResult.medianMs / rawResult.medianMs).toFixed(1)} 倍；` +
          `空闲时每次自动保存占服务器进程 CPU ${Number.isNaN(cpuPerSave) ? "（无法读取）" : `${cpuPerSave.toFixed(1)} ms`}`,
      );
      return { measured: [underLoad, idleResult, rawResult] };
    } finally {
      await server?.stop();
      await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  },
};

/** User plus system CPU time a process has used (all its threads), in 10 ms ticks; NaN without /proc. */
const processCpuMs = (pid: number | undefined) => readProcStat(pid)?.cpuMs ?? Number.NaN;

/** What an autosave of one text field comes down to in SQL: that section row and the version, in one transaction. */
async function rawUpdateTimes(url: string, disclosureId: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ section_id: string }>(
      "SELECT section_id FROM disclosure_sections WHERE disclosure_id = $1 AND content ? 'otherMatters'",
      [disclosureId],
    );
    const section = rows[0]?.section_id ?? "header";
    const times: number[] = [];
    for (let n = 0; n < IDLE_RUNS + 10; n++) {
      const start = performance.now();
      await client.query("BEGIN");
      await client.query(
        "UPDATE disclosure_sections SET content = jsonb_set(content, '{otherMatters}', to_jsonb($3::text)), updated_at = now() WHERE disclosure_id = $1 AND section_id = $2",
        [disclosureId, section, `原始更新 ${n}`],
      );
      await client.query(
        "UPDATE disclosures SET version = version + 1, updated_at = now() WHERE id = $1 RETURNING version",
        [disclosureId],
      );
      await client.query("COMMIT");
      if (n >= 10) times.push(performance.now() - start);
    }
    return times;
  } finally {
    await client.end();
  }
}

export default suite;
