import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syntheticDisclosure } from "../seed/synthetic";
import { demoDepartments } from "../seed/demo-departments";
import { createTestDb, type TestDb } from "../test-db";
import { buildTestOrg, type TestOrg } from "../test-org";
import { disclosureIn, type Cast } from "../test-workflow";
import { loadDisclosure } from "./disclosures";
import { publishedDisclosure, publishedDisclosuresOfYear } from "./previous-year";
import { loadCheckOptions } from "./settings";
import { transitionDisclosure } from "./workflow";
import { checkDisclosure } from "@/lib/rules/engine";
import { sanhe2020 } from "@/lib/domain/__fixtures__/sanhe-2020";

let t: TestDb;
let w: TestOrg;
let cast: Cast;

beforeAll(async () => {
  t = await createTestDb();
  w = await buildTestOrg(t.db);
  cast = { clerk: w.actors.clerk, approver: w.actors.approver, admin: w.actors.admin };
});
afterAll(async () => {
  await t?.close();
});

/** The demo's table as a department would file it unchanged year after year. */
const sameTable = (year: number) => syntheticDisclosure(sanhe2020(), demoDepartments[0], year, "2021");

describe("last year's published disclosure in the checks", () => {
  it("is what was published; a year not published gives nothing", async () => {
    const published = await disclosureIn(t.db, cast, w.departments.office, "published", 2050, sameTable(2050));
    await disclosureIn(t.db, cast, w.departments.office, "approved", 2052, sameTable(2052));
    const code = (await loadDisclosure(t.db, cast.admin, published.id)).department.code;

    expect((await publishedDisclosure(t.db, code, 2050))?.fiscalYear).toBe(2050);
    expect(await publishedDisclosure(t.db, code, 2052)).toBeNull();
    expect([...(await publishedDisclosuresOfYear(t.db, 2050)).keys()]).toEqual([code]);

    expect((await loadCheckOptions(t.db, 2051, code)).previous?.fiscalYear).toBe(2050);
    expect((await loadCheckOptions(t.db, 2051)).previous).toBeNull();
    expect((await loadCheckOptions(t.db, 2053, code)).previous).toBeNull();
  });

  it("holds the submit gate: a table the same as last year's published one must be explained", async () => {
    const { id, version } = await disclosureIn(t.db, cast, w.departments.office, "draft", 2051, sameTable(2051));
    const content = await loadDisclosure(t.db, cast.clerk, id);
    const options = await loadCheckOptions(t.db, 2051, content.department.code);
    const same = checkDisclosure(content, options).filter((f) => f.rule === "indicator.same-as-last-year");
    expect(same.map((f) => f.message)).toEqual([
      "项目“预算绩效管理专项经费”的 6 个指标中有 6 个（100%）与 2050 年名称、指标值都相同",
      "项目“财政信息化建设经费”的 6 个指标中有 6 个（100%）与 2050 年名称、指标值都相同",
    ]);
    // Without last year the same content is clean: these two are all the gate has to say.
    expect(checkDisclosure(content).filter((f) => f.severity !== "info")).toEqual([]);
    await expect(transitionDisclosure(t.db, cast.clerk, id, "submit", { expectedVersion: version })).rejects.toThrow(
      /还有 2 个提示未说明/,
    );
  });
});
