import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { disclosure as disclosureSchema } from "../../domain/model";
import { syntheticDisclosure } from "./import-check";
import { sanhe2020 } from "../../domain/__fixtures__/sanhe-2020";

const root = path.resolve(import.meta.dirname, "../../..");
const golden = sanhe2020();

describe("the import/check bench", () => {
  it("builds a valid disclosure of 200 projects × 15 indicators from the fixture's projects", () => {
    const large = syntheticDisclosure(golden);
    expect(large.performance.projects).toHaveLength(200);
    expect(large.performance.projects.every((p) => p.indicators.length === 15)).toBe(true);
    expect(new Set(large.performance.projects.map((p) => p.name)).size).toBe(200);
    expect(disclosureSchema.safeParse(large).success).toBe(true);
  });

  it("runs and reports every case with its target", () => {
    const out = execFileSync(path.join(root, "node_modules/.bin/tsx"), ["lib/bench/run.ts", "import-check", "--runs", "3", "--json"], { cwd: root, encoding: "utf8" });
    const report = JSON.parse(out) as { machine: string; results: Array<{ name: string; runs: number; medianMs: number; targetMs: number }> };
    expect(report.machine).toContain(process.version);
    expect(report.results.map((r) => r.targetMs)).toEqual([50, 50, 50, 100]);
    for (const r of report.results) {
      expect(r.runs).toBe(3);
      expect(r.medianMs).toBeGreaterThan(0);
    }
  });
});
