import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { readFileSync } from "node:fs";
import { parseClassificationTsv } from "@/lib/domain/classification";
import { shippedCatalogue, shippedClassification } from "../seed/classification";
import { syncReferenceData } from "../seed/reference";
import { classificationCodes } from "../schema/classification";
import { createTestDb, type TestDb } from "../test-db";
import { classificationCodesInUse, loadClassificationCatalogue, replaceClassification } from "./classification";
import { buildTestOrg } from "../test-org";
import { createDisclosure } from "./disclosures";
import { disclosureSections } from "../schema/disclosures";
import { sanhe2020Tables } from "@/lib/domain/__fixtures__/sanhe-2020-tables";
import { sanhe2020 } from "@/lib/domain/__fixtures__/sanhe-2020";
import { and, sql } from "drizzle-orm";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

describe("classification catalogues", () => {
  it("ship the reference's 2020 subset unchanged", () => {
    const reference = parseClassificationTsv(
      readFileSync(new URL("../seed/classification-2020.tsv", import.meta.url), "utf8"),
    );
    expect(shippedClassification(2020)).toEqual(reference);
    expect(reference.filter((e) => e.kind === "功能")).toHaveLength(40);
    expect(reference.find((e) => e.code === "210")?.name).toBe("卫生健康支出");
  });

  it("are seeded for 2020 by the reference data, idempotently", async () => {
    await syncReferenceData(t.db);
    const catalogue = await loadClassificationCatalogue(t.db, 2020);
    expect(catalogue?.sourceYear).toBe(2020);
    expect(catalogue?.nameOf("功能", "2010301")).toBe("行政运行");
    expect(catalogue?.nameOf("经济", "30113")).toBe("住房公积金");
    expect(catalogue?.nameOf("经济", "2010301")).toBeUndefined();
    expect(catalogue?.entries("经济").map((e) => e.code)[0]).toBe("301");
  });

  it("give a year without its own a copy of the nearest earlier year's, kept for that year", async () => {
    const catalogue = await loadClassificationCatalogue(t.db, 2022);
    expect(catalogue?.sourceYear).toBe(2020);
    expect(catalogue?.nameOf("功能", "2080505")).toBe("机关事业单位基本养老保险缴费支出");
    const rows = await t.db.select().from(classificationCodes).where(eq(classificationCodes.fiscalYear, 2022));
    expect(rows.length).toBe(shippedClassification(2020).length);
    expect((await loadClassificationCatalogue(t.db, 2022))?.sourceYear).toBe(2022);
    expect(await loadClassificationCatalogue(t.db, 2019)).toBeNull();
  });

  it("have a database-free copy for the CLI that follows the same rule", () => {
    expect(shippedCatalogue(2021)?.sourceYear).toBe(2020);
    expect(shippedCatalogue(2021)?.nameOf("功能", "201")).toBe("一般公共服务支出");
    expect(shippedCatalogue(2019)).toBeNull();
  });

  it("refuse a code of the wrong shape", async () => {
    await expect(
      t.db.insert(classificationCodes).values({ fiscalYear: 2020, kind: "功能", code: "2010", name: "x" }),
    ).rejects.toThrow();
    expect(() => parseClassificationTsv("功能\t20103x\t名称")).toThrow(/数字/);
  });

  it("know the codes a year's disclosures use, and replace a year's catalogue as a whole", async () => {
    const org = await buildTestOrg(t.db);
    const { id } = await createDisclosure(t.db, org.actors.clerk, {
      departmentId: org.departments.office,
      fiscalYear: 2020,
      content: sanhe2020(),
    });
    expect(await classificationCodesInUse(t.db, 2020)).toEqual([]);
    // Wherever a section comes to store the tables, its content's `tables` is what is read.
    await t.db
      .update(disclosureSections)
      .set({ content: sql`${disclosureSections.content} || ${JSON.stringify({ tables: sanhe2020Tables() })}::jsonb` })
      .where(and(eq(disclosureSections.disclosureId, id), eq(disclosureSections.sectionId, "budget")));
    const used = await classificationCodesInUse(t.db, 2020);
    expect(used).toContainEqual({ kind: "功能", code: "2150805" });
    expect(used).toContainEqual({ kind: "功能", code: "201" });
    expect(used).toContainEqual({ kind: "经济", code: "30113" });
    expect(used.some((u) => u.code === "434001")).toBe(false);
    await t.db.transaction((tx) =>
      replaceClassification(tx, 2021, [
        { kind: "功能", code: "201", name: "一般公共服务支出" },
        { kind: "功能", code: "20103", name: "政府办公厅（室）及相关机构事务" },
      ]),
    );
    const catalogue = await loadClassificationCatalogue(t.db, 2021);
    expect(catalogue?.entries("功能").map((e) => e.code)).toEqual(["201", "20103"]);
    expect(catalogue?.entries("经济")).toEqual([]);
  });
});
