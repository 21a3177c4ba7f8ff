import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BenchSuite } from "../bench";

/**
 * One-field autosave round trip on the embedded database (PGlite in a folder on disk, as the demo
 * server runs it): the editor's save operation (policy, zod parse of the whole content, optimistic
 * lock, diff, write, audit) on a disclosure of 100 projects × 15 indicators = 1,500 rows, each run
 * changing one field the way a clerk's pause in typing does. Target from issue 4: p95 < 100 ms.
 */

const PROJECTS = 100;
const INDICATORS = 15;

const suite: BenchSuite = {
  name: "autosave",
  async setup() {
    // Loaded here so `npm run bench import-check` does not pay for the database.
    const [
      { createDb },
      { migrateDb },
      { buildOperationWorld },
      { loadEditableDisclosure },
      { saveDisclosureContent },
      { executeOperation },
      { saveContentOperation },
      { sanhe2020 },
      { syntheticDisclosure },
    ] = await Promise.all([
      import("../../../../db/client"),
      import("../../../../db/migrate"),
      import("../../../../app/_server/testing/operation-world"),
      import("../../../../db/queries/disclosures"),
      import("../../../../db/queries/disclosure-save"),
      import("../../../../app/_server/operation"),
      import("../../../../app/disclosures/[id]/edit/operations"),
      import("../../../domain/__fixtures__/sanhe-2020"),
      import("./import-check"),
    ]);
    const dir = mkdtempSync(path.join(os.tmpdir(), "bdw-bench-autosave-"));
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
    const { db } = createDb({ pgliteDir: dir });
    await migrateDb(db);
    const world = await buildOperationWorld(db);
    const clerk = world.actors.clerk;
    const id = world.draftId;

    const { meta, content: blank } = await loadEditableDisclosure(db, clerk, id);
    const large = syntheticDisclosure(sanhe2020(), PROJECTS, INDICATORS);
    const seeded = await saveDisclosureContent(
      db,
      clerk,
      id,
      { ...large, performance: { ...large.performance, framework: blank.performance.framework } },
      { expectedVersion: meta.version },
    );
    let version = seeded.version;
    let content = seeded.content;
    const rows = content.performance.projects.reduce((n, p) => n + p.indicators.length, 0);
    if (content.performance.projects.length !== PROJECTS || rows !== PROJECTS * INDICATORS)
      throw new Error(`基准数据不符：${content.performance.projects.length} 个项目 / ${rows} 条指标`);

    let n = 0;
    const oneField = async () => {
      n += 1;
      content = { ...content, otherMatters: `自动保存基准第 ${n} 次。` };
      const outcome = await executeOperation(
        saveContentOperation,
        { db, actor: clerk, ip: "127.0.0.1" },
        { id, expectedVersion: version, content },
      );
      if (!outcome.ok || outcome.data.kind !== "saved")
        throw new Error(`自动保存未成功：${JSON.stringify(outcome).slice(0, 200)}`);
      version = outcome.data.version;
    };
    const oneCell = async () => {
      n += 1;
      const projects = [...content.performance.projects];
      const p = projects[n % PROJECTS];
      const indicators = [...p.indicators];
      indicators[n % INDICATORS] = { ...indicators[n % INDICATORS], description: `第 ${n} 次修改的描述` };
      projects[n % PROJECTS] = { ...p, indicators };
      content = { ...content, performance: { ...content.performance, projects } };
      const outcome = await executeOperation(
        saveContentOperation,
        { db, actor: clerk, ip: "127.0.0.1" },
        { id, expectedVersion: version, content },
      );
      if (!outcome.ok || outcome.data.kind !== "saved")
        throw new Error(`自动保存未成功：${JSON.stringify(outcome).slice(0, 200)}`);
      version = outcome.data.version;
    };
    return [
      {
        name: `自动保存一个文字字段（${PROJECTS} 个项目 / ${rows} 条指标，PGlite）`,
        targetMs: 100,
        runs: 100,
        fn: oneField,
      },
      {
        name: `自动保存一个指标单元格（${PROJECTS} 个项目 / ${rows} 条指标，PGlite）`,
        targetMs: 100,
        runs: 100,
        fn: oneCell,
      },
    ];
  },
};

export default suite;
