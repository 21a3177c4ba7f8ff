import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sanhe2020 } from "@/lib/domain/__fixtures__/sanhe-2020";
import type { Disclosure } from "@/lib/domain/model";
import { parseTarget } from "@/lib/domain/targets";
import { outlierOf, outlierRows, spreadKey } from "@/lib/rules/target-spread";
import { createTestDb, type TestDb } from "../test-db";
import { demoDepartments } from "../seed/demo-departments";
import { syntheticDisclosure } from "../seed/synthetic";
import { createDepartment } from "./departments";
import { createDisclosure } from "./disclosures";
import { saveFiscalYear } from "./settings";
import { yearTargetSpread } from "./target-spread";
import { createUser, loadActor } from "./users";

/**
 * The spread beside a 指标值 cell (issue 16, "Comparison"), read from the database as the editor's
 * and the review screen's pages read it: six departments' drafts of one year, the library's
 * 服务对象满意度 set at 90–95 % by five and at 60 % by one.
 */

let t: TestDb;
const YEAR = 2081;
const SATISFACTION = spreadKey("服务对象满意度", "%");
const codes = ["s01", "s02", "s03", "s04", "s05", "s06"];
/** How many 服务对象满意度 rows one department's synthetic disclosure has. */
const perDepartment = withSatisfactionCount();

/** The demo's synthetic disclosure of a department, with its 服务对象满意度 rows set to `raw`. */
function withSatisfaction(code: string, raw: string, year = YEAR): Disclosure {
  const d = syntheticDisclosure(sanhe2020(), { ...demoDepartments[0], code, name: `部门${code}` }, year, "2021");
  for (const p of d.performance.projects)
    for (const i of p.indicators) if (i.name === "服务对象满意度") i.target = parseTarget(raw);
  return d;
}

function withSatisfactionCount(): number {
  return withSatisfaction("s00", ">=90%").performance.projects.flatMap((p) =>
    p.indicators.filter((i) => i.name === "服务对象满意度"),
  ).length;
}

beforeAll(async () => {
  t = await createTestDb();
  for (const year of [YEAR - 2, YEAR - 1, YEAR])
    await saveFiscalYear(t.db, null, { year, frameworkId: "2021", submissionDeadline: null, status: "open" });
  const ids: string[] = [];
  for (const code of codes) ids.push((await createDepartment(t.db, null, { code, name: `部门${code}` })).id);
  const user = await createUser(t.db, null, {
    username: "spread-clerk",
    displayName: "spread-clerk",
    role: "clerk",
    password: "test-password",
    mustChangePassword: false,
    departmentIds: ids,
  });
  const clerk = (await loadActor(t.db, user.id))!;
  const targets = [">=90%", ">=91%", ">=92%", ">=95%", "≥ 93 %", ">=60%"];
  for (const [k, code] of codes.entries())
    await createDisclosure(t.db, clerk, {
      departmentId: ids[k],
      fiscalYear: YEAR,
      content: withSatisfaction(code, targets[k]),
    });
  // The years before: s02 at 70 % and s03 at 80 % two years back; s04 at 85 % and s01 at 50 % last year.
  for (const [code, year, raw] of [
    ["s02", YEAR - 2, ">=70%"],
    ["s03", YEAR - 2, ">=80%"],
    ["s04", YEAR - 1, ">=85%"],
    ["s01", YEAR - 1, ">=50%"],
  ] as const)
    await createDisclosure(t.db, clerk, {
      departmentId: ids[codes.indexOf(code)],
      fiscalYear: year,
      content: withSatisfaction(code, raw, year),
    });
}, 60_000);
afterAll(async () => {
  await t?.close();
});

describe("the year's spread of a common indicator", () => {
  it("gives min, median and max over the other departments, with how many wrote it, and marks an outlier", async () => {
    const spread = await yearTargetSpread(t.db, YEAR, "s01");
    const line = spread[SATISFACTION];
    // s01's own 90 is what is compared, not part of the spread; s02–s06 remain, ≥ 93 % read as 93.
    expect(line).toMatchObject({ name: "服务对象满意度", unit: "%", fiscalYear: YEAR, departments: 5 });
    expect([line.min, line.median, line.max]).toEqual(["60", "92", "95"]);
    // Tukey's fences over 60, 91, 92, 93, 95: 60 lies below them, s01's 90 does not.
    expect(outlierOf(line, "60")).toBe("low");
    expect(outlierOf(line, "90")).toBeNull();
    // Each department writes it in each of its projects: counted once per department, every value kept.
    expect(line.count).toBeGreaterThan(line.departments);
    // The years before, together, s01's own 50 % among them: its history is compared with, not left out.
    expect(line.earlier).toMatchObject({
      from: YEAR - 2,
      to: YEAR - 1,
      min: "50",
      max: "85",
      count: 4 * perDepartment,
    });
  });

  it("asked for an earlier year, compares with that year and the ones before it, never a later one", async () => {
    const line = (await yearTargetSpread(t.db, YEAR - 1, "s02"))[SATISFACTION];
    expect([line.min, line.max, line.departments]).toEqual(["50", "85", 2]);
    expect(line.earlier).toMatchObject({ from: YEAR - 2, to: YEAR - 2, min: "70", max: "80" });
  });

  it("asked by another department, leaves that one out instead; that one's 60 % rows are the review's 参考 hints", async () => {
    const spread = await yearTargetSpread(t.db, YEAR, "s06");
    const line = spread[SATISFACTION];
    expect([line.min, line.median, line.max, line.departments]).toEqual(["90", "92", "95", 5]);
    const own = withSatisfaction("s06", ">=60%");
    const hints = outlierRows(own, spread);
    const satisfactionRows = own.performance.projects.flatMap((p, pi) =>
      p.indicators.flatMap((i, ii) =>
        i.name === "服务对象满意度" ? [`performance.projects[${pi}].indicators[${ii}]`] : [],
      ),
    );
    expect(hints.filter((h) => h.line === line).map((h) => [h.path, h.outlier])).toEqual(
      satisfactionRows.map((path) => [path, "low"]),
    );
    expect(outlierRows(withSatisfaction("s06", ">=92%"), spread).filter((h) => h.line === line)).toEqual([]);
  });

  it("holds only the library's metrics with a number, and nothing for a year without disclosures", async () => {
    const spread = await yearTargetSpread(t.db, YEAR, "s01");
    // 开展专项工作次数 is each department's own, not the library's.
    expect(Object.values(spread).map((l) => l.name)).not.toContain("开展专项工作次数");
    expect(await yearTargetSpread(t.db, YEAR + 1, "s01")).toEqual({});
  });
});
