import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { readFileSync } from "node:fs";
import { parseClassificationTsv } from "@/lib/domain/classification";
import { shippedCatalogue, shippedClassification } from "../seed/classification";
import { syncReferenceData } from "../seed/reference";
import { classificationCodes } from "../schema/classification";
import { createTestDb, type TestDb } from "../test-db";
import {
  catalogueStates,
  classificationCodesInUse,
  importClassification,
  loadClassificationCatalogue,
  replaceClassification,
} from "./classification";
import { buildTestOrg, type TestOrg } from "../test-org";
import { saveFiscalYear } from "./settings";
import { createDisclosure } from "./disclosures";
import { disclosureSections } from "../schema/disclosures";
import { sanhe2020Tables, sanhe2020WithTables } from "@/lib/domain/__fixtures__/sanhe-2020-tables";
import { classificationKinds } from "@/lib/domain/budget-tables";
import { sanhe2020 } from "@/lib/domain/__fixtures__/sanhe-2020";
import { and, sql } from "drizzle-orm";

let t: TestDb;
let org: TestOrg;
beforeAll(async () => {
  t = await createTestDb();
  org = await buildTestOrg(t.db);
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
    // Read again, it is the year's rows, and still says whose codes they are until 2022's are imported.
    expect((await loadClassificationCatalogue(t.db, 2022))?.sourceYear).toBe(2020);
    // A copy of the copy names the original.
    expect((await loadClassificationCatalogue(t.db, 2023))?.sourceYear).toBe(2020);
    const states = await catalogueStates(t.db, [2019, 2020, 2022, 2025]);
    expect(states.get(2020)).toMatchObject({ origin: "shipped", sourceYear: 2020, count: rows.length });
    expect(states.get(2022)).toMatchObject({ origin: "copied", sourceYear: 2020, count: rows.length });
    // Not copied by being looked at: 2025 would copy 2023's (itself 2020's) when first needed.
    expect(states.get(2025)).toMatchObject({ origin: "pending", sourceYear: 2020, rowsYear: 2023 });
    expect(states.get(2019)).toMatchObject({ origin: "none", sourceYear: null, count: 0 });
    expect(await t.db.$count(classificationCodes, eq(classificationCodes.fiscalYear, 2025))).toBe(0);
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

  it("import a year's catalogue only keeping every listed code its disclosures use, checked inside the transaction", async () => {
    await saveFiscalYear(t.db, null, { year: 2024, frameworkId: "2021", submissionDeadline: null, status: "open" });
    await createDisclosure(t.db, org.actors.clerk, {
      departmentId: org.departments.office,
      fiscalYear: 2024,
      content: { ...sanhe2020WithTables(), fiscalYear: 2024 },
    });
    const before = (await loadClassificationCatalogue(t.db, 2024))!;
    const all = classificationKinds.flatMap((k) => [...before.entries(k)]);
    const withoutOffice = all.filter((e) => e.code !== "2010301");
    const input = { fiscalYear: 2024, fileName: "科目.csv", entries: withoutOffice };
    // Whatever the caller checked before, the query refuses to drop 行政运行, which 434's tables use.
    await expect(importClassification(t.db, org.actors.admin.id, null, input)).rejects.toThrow(/2010301/);
    expect((await loadClassificationCatalogue(t.db, 2024))?.nameOf("功能", "2010301")).toBe("行政运行");
    expect((await catalogueStates(t.db, [2024])).get(2024)).toMatchObject({ origin: "copied", sourceYear: 2020 });
    // A code in use that the catalogue never listed is not the import's to keep.
    await t.db.transaction((tx) => replaceClassification(tx, 2024, withoutOffice));
    const done = await importClassification(t.db, org.actors.admin.id, null, input);
    expect(done).toMatchObject({ before: withoutOffice.length, added: [], removed: [], renamed: [] });
    expect((await catalogueStates(t.db, [2024])).get(2024)).toMatchObject({ origin: "imported", fileName: "科目.csv" });
    expect((await loadClassificationCatalogue(t.db, 2024))?.sourceYear).toBe(2024);
  });

  it("stay as an admin imported them when the shipped sheet is seeded again", async () => {
    const shipped = shippedClassification(2020);
    const fewer = shipped.filter((e) => e.code !== "2080599");
    expect(fewer).toHaveLength(shipped.length - 1);
    await importClassification(t.db, org.actors.admin.id, null, {
      fiscalYear: 2020,
      fileName: "2020.xlsx",
      entries: fewer,
    });
    await syncReferenceData(t.db);
    expect(await t.db.$count(classificationCodes, eq(classificationCodes.fiscalYear, 2020))).toBe(fewer.length);
  });
});
