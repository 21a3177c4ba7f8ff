import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { sanhe2020Tables, sanhe2020WithTables } from "../../domain/__fixtures__/sanhe-2020-tables";
import { SANHE_2020_TEXT_PATH } from "../../domain/__fixtures__/sanhe-2020";
import { disclosure } from "../../domain/model";

const root = path.resolve(import.meta.dirname, "../../..");
const tsx = path.join(root, "node_modules/.bin/tsx");
const TABLES = path.join(root, "e2e/fixtures/sanhe-2020-tables.xlsx");

type Run = { code: number; stdout: string; stderr: string };
function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      tsx,
      ["lib/tools/cli/main.ts", ...args],
      { cwd: root, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CLI_DEBUG: "" } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "h15-cli-"));
});

describe("cli with --tables", () => {
  it("imports the fixture and the shipped tables into one canonical JSON with `tables`, without a problem", async () => {
    const run = await cli("import", SANHE_2020_TEXT_PATH, "--tables", TABLES, "--json");
    expect(run.code).toBe(0);
    const d = disclosure.parse(JSON.parse(run.stdout));
    expect(d.tables).toEqual(sanhe2020Tables());
    expect(d.performance.projects.every((p) => p.amount !== null)).toBe(true);
    // stderr says only what was filled in from the tables: no 第N行 problem, no conversion.
    for (const line of run.stderr.trim().split("\n"))
      expect(line).toMatch(/^文字中未写项目「.+」的金额，已按预算公开表填入 \d+\.\d\d。$/);
  }, 60_000);

  it("checks fixture and tables with no table finding and no error of the budget's figures", async () => {
    const run = await cli("check", SANHE_2020_TEXT_PATH, "--tables", TABLES, "--json");
    const findings = JSON.parse(run.stdout) as Array<{ rule: string; severity: string; path: string }>;
    expect(findings.filter((f) => f.rule.startsWith("tables."))).toEqual([]);
    expect(findings.filter((f) => f.severity === "error").every((f) => f.rule === "indicator.target-readable")).toBe(
      true,
    );
  }, 60_000);

  it("reports a changed cell at its path under tables", async () => {
    const d = sanhe2020WithTables();
    d.tables!.generalBudgetBasic.rows[0].amounts.personnel = "250.01";
    d.tables!.expenditure.rows[0].code = "2010398";
    const json = path.join(dir, "changed.json");
    writeFileSync(json, JSON.stringify(d));
    const run = await cli("check", json, "--json");
    expect(run.code).toBe(1);
    const findings = JSON.parse(run.stdout) as Array<{ rule: string; path: string }>;
    expect(findings).toContainEqual(
      expect.objectContaining({ rule: "tables.totals", path: "tables.generalBudgetBasic" }),
    );
    expect(findings).toContainEqual(
      expect.objectContaining({ rule: "tables.code-unknown", path: "tables.expenditure.rows[0].code" }),
    );
  }, 60_000);

  it("refuses a tables file that is not a workbook, in one line", async () => {
    const bad = path.join(dir, "bad.xlsx");
    writeFileSync(bad, "not a workbook");
    const run = await cli("import", SANHE_2020_TEXT_PATH, "--tables", bad);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  }, 60_000);
});
