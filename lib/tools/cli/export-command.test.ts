import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../../db/client";
import { migrateDb } from "../../../db/migrate";
import { publishSnapshot } from "../../../db/queries/publishing";
import { buildTestOrg } from "../../../db/test-org";
import { disclosureIn } from "../../../db/test-workflow";
import { renderBundle } from "../../export/bundle";
import { importDisclosure, importDisclosureText } from "../../import/text/import-disclosure";
import type { CliIo } from "./command";
import { exportCommand, parseFormats } from "./export-command";
import { docxToDisclosureText } from "../../export/docx-read";
import { SANHE_2020_TEXT_PATH } from "../../domain/__fixtures__/sanhe-2020";

/**
 * The export command on real files and a real (PGlite folder) database: one disclosure to a
 * folder of formats, a published year to one zip, and a wrong format as one zh-CN line.
 */

const fixturePath = SANHE_2020_TEXT_PATH;
let dir: string;
const saved = process.env.PGLITE_DIR;

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir };
  return { io: value, out, err };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "bdw-export-"));
  // A published year in a PGlite folder the command opens as the app would.
  const handle = createDb({ pgliteDir: path.join(dir, "db") });
  await migrateDb(handle.db);
  const world = await buildTestOrg(handle.db);
  const cast = { clerk: world.actors.clerk, approver: world.actors.approver, admin: world.actors.admin };
  const approved = await disclosureIn(handle.db, cast, world.departments.office, "approved", 2021);
  await publishSnapshot(handle.db, cast.admin, approved.id, {
    expectedVersion: approved.version,
    files: (d) => renderBundle(d, { formats: ["json", "docx"], revision: 1 }),
  });
  await handle.close();
  process.env.PGLITE_DIR = path.join(dir, "db");
});
afterAll(() => {
  if (saved === undefined) delete process.env.PGLITE_DIR;
  else process.env.PGLITE_DIR = saved;
});

describe("export", () => {
  it("writes the formats asked for, and the Word file imports back to the same disclosure", async () => {
    const run = io();
    expect(
      await exportCommand.run([fixturePath, "--format", "docx,json", "--format", "csv", "--out", "one"], run.io),
    ).toBe(0);
    expect(readdirSync(path.join(dir, "one")).sort()).toEqual([
      "434-2020-indicators.csv",
      "434-2020-procurement.csv",
      "434-2020.docx",
      "434-2020.json",
    ]);
    const original = importDisclosure(readFileSync(fixturePath), "fixture").disclosure;
    const back = importDisclosureText(await docxToDisclosureText(readFileSync(path.join(dir, "one", "434-2020.docx"))));
    expect(back.problems).toEqual([]);
    expect(back.disclosure).toEqual(original);
    expect(JSON.parse(readFileSync(path.join(dir, "one", "434-2020.json"), "utf8"))).toEqual(original);
  });

  it("zips a published year from the database, stored files as stored", async () => {
    const run = io();
    expect(
      await exportCommand.run(["--year", "2021", "--format", "json,docx,csv", "--out", "year/2021.zip"], run.io),
    ).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(path.join(dir, "year/2021.zip")));
    const names = Object.keys(zip.files).sort();
    expect(names).toContain("manifest.csv");
    expect(names.filter((n) => n.endsWith(".docx"))).toEqual(["2021/434-三河市人民政府办公室/434-2021-r1.docx"]);
    // csv: the indicators, the procurement and (the disclosure has them) the budget tables.
    expect(names.filter((n) => n.endsWith(".csv") && n !== "manifest.csv")).toHaveLength(3);
    const manifest = await zip.file("manifest.csv")!.async("string");
    expect(manifest).toContain("公开文件");
    expect(manifest).toContain("重新生成");
    expect(run.err.join("\n")).toContain("完成：1 个部门");
  });

  it("says in one line what is wrong with the arguments", async () => {
    expect(() => parseFormats(["docx,odt"])).toThrow("export：未知格式 odt");
    expect(parseFormats(undefined)).toEqual(["pdf", "docx", "xlsx", "json", "csv", "datapackage"]);
    await expect(exportCommand.run([fixturePath], io().io)).rejects.toThrow("缺少 --out");
    await expect(exportCommand.run(["--year", "1900", "--out", "x.zip"], io().io)).rejects.toThrow("年度“1900”无效");
    await expect(exportCommand.run(["--year", "2019", "--out", "x.zip", "--format", "json"], io().io)).rejects.toThrow(
      "2019年度没有已公开的信息公开",
    );
  });
});
