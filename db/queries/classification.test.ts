import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { readFileSync } from "node:fs";
import { parseClassificationTsv } from "@/lib/domain/classification";
import { shippedCatalogue, shippedClassification } from "../seed/classification";
import { syncReferenceData } from "../seed/reference";
import { classificationCodes } from "../schema/classification";
import { createTestDb, type TestDb } from "../test-db";
import { loadClassificationCatalogue } from "./classification";

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
});
