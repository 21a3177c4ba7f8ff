import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtInFrameworks, findFramework, isValidPair } from "@/lib/domain/frameworks";
import { parseTarget } from "@/lib/domain/targets";
import { carryForward } from "@/lib/domain/carry-forward";
import { commonIndicators } from "../seed/indicator-library";
import { syncReferenceData } from "../seed/reference";
import { createTestDb, type TestDb } from "../test-db";
import { buildTestOrg, type TestOrg } from "../test-org";
import { createDisclosure } from "./disclosures";
import { listLibrary, saveLibraryEntry, searchLibrary, setLibraryEntryActive } from "./library";
import { sanhe2020 } from "@/lib/domain/__fixtures__/sanhe-2020";

let t: TestDb;
let w: TestOrg;
let draft2021: string;

beforeAll(async () => {
  t = await createTestDb();
  w = await buildTestOrg(t.db);
  const fixture = sanhe2020();
  await createDisclosure(t.db, w.actors.clerk, {
    departmentId: w.departments.office,
    fiscalYear: 2020,
    content: fixture,
  });
  draft2021 = (
    await createDisclosure(t.db, w.actors.clerk, {
      departmentId: w.departments.office,
      fiscalYear: 2021,
      content: carryForward(fixture, 2021, findFramework("2021")!),
    })
  ).id;
});
afterAll(async () => {
  await t?.close();
});

describe("the seeded common library", () => {
  it("holds about forty entries, each a valid pair of its framework with a readable 指标值", async () => {
    expect(commonIndicators.length).toBeGreaterThanOrEqual(40);
    for (const e of commonIndicators) {
      const framework = findFramework(e.frameworkId)!;
      expect(isValidPair(framework, e.level1, e.level2), `${e.frameworkId} ${e.level1}/${e.level2}`).toBe(true);
      expect(parseTarget(e.targetRaw).kind, e.targetRaw).not.toBe("unparsed");
    }
    // Every 一级 heading of both built-in frameworks has something to offer.
    for (const f of builtInFrameworks) {
      for (const level of f.levels)
        expect(
          commonIndicators.some((e) => e.frameworkId === f.id && e.level1 === level.level1),
          `${f.id} ${level.level1}`,
        ).toBe(true);
    }
    expect((await listLibrary(t.db, "2021")).length).toBe(
      commonIndicators.filter((e) => e.frameworkId === "2021").length,
    );
  });

  it("a later sync adds nothing twice and does not bring back a retired entry", async () => {
    const first = commonIndicators[0];
    await setLibraryEntryActive(t.db, w.actors.admin.id, first.id, false);
    await syncReferenceData(t.db);
    const rows = await listLibrary(t.db, first.frameworkId);
    expect(rows.filter((r) => r.id === first.id)).toEqual([expect.objectContaining({ active: false })]);
    expect(rows.length).toBe(commonIndicators.filter((e) => e.frameworkId === first.frameworkId).length);
    await setLibraryEntryActive(t.db, w.actors.admin.id, first.id, true);
  });
});

describe("searching the library", () => {
  it("finds common entries of the table's framework by any word, and none of another framework's", async () => {
    const result = await searchLibrary(t.db, w.actors.clerk, {
      departmentId: w.departments.office,
      frameworkId: "2021",
      q: "满意度",
    });
    expect(result.common.length).toBeGreaterThan(0);
    expect(
      result.common.every(
        (e) =>
          e.frameworkId === "2021" && `${e.name}${e.description}${e.level1}${e.level2}${e.basis}`.includes("满意度"),
      ),
    ).toBe(true);
    const both = await searchLibrary(t.db, w.actors.clerk, {
      departmentId: w.departments.office,
      frameworkId: "2021",
      q: "培训 合格",
    });
    expect(both.common.map((e) => e.name)).toEqual(["培训合格率"]);
  });

  it("offers the department's own rows of earlier years, once each, with year and project", async () => {
    const result = await searchLibrary(t.db, w.actors.clerk, {
      departmentId: w.departments.office,
      frameworkId: "2021",
      q: "",
      beforeYear: 2021,
    });
    expect(result.own.length).toBeGreaterThan(50);
    expect(result.own.every((e) => e.fiscalYear === 2020 && e.source === "own")).toBe(true);
    expect(result.own[0]).toMatchObject({
      project: "市志编纂业务费",
      name: "培训修志队伍",
      target: "=2.00次",
      frameworkId: "2020",
    });
    const keys = result.own.map((e) => [e.level1, e.level2, e.name, e.description, e.target, e.basis].join("|"));
    expect(new Set(keys).size).toBe(keys.length);
    const hotline = await searchLibrary(t.db, w.actors.clerk, {
      departmentId: w.departments.office,
      frameworkId: "2021",
      q: "市长热线",
      beforeYear: 2021,
    });
    expect(hotline.own.length).toBeGreaterThan(0);
    expect(
      hotline.own.every(
        (e) => e.project === "市长热线办公室业务费" || `${e.name}${e.description}`.includes("市长热线"),
      ),
    ).toBe(true);
  });

  it("without a year, the draft's own rows come too; pattern characters are text", async () => {
    const all = await searchLibrary(t.db, w.actors.clerk, {
      departmentId: w.departments.office,
      frameworkId: "2021",
      q: "",
    });
    expect(all.own.some((e) => e.fiscalYear === 2021)).toBe(true);
    const percent = await searchLibrary(t.db, w.actors.clerk, {
      departmentId: w.departments.office,
      frameworkId: "2021",
      q: "%",
    });
    expect(percent.common.every((e) => `${e.name}${e.description}${e.basis}`.includes("%"))).toBe(true);
    expect(draft2021).toBeTruthy();
  });

  it("never shows another department's rows: the other clerk gets none of 434's", async () => {
    const result = await searchLibrary(t.db, w.actors.clerk2, {
      departmentId: w.departments.office,
      frameworkId: "2021",
      q: "",
    });
    expect(result.own).toEqual([]);
    expect(result.common.length).toBeGreaterThan(0);
  });
});

describe("the admin's edits", () => {
  it("adds an entry last under its heading, changes it, and retires it out of the search", async () => {
    const { id } = await saveLibraryEntry(
      t.db,
      w.actors.admin.id,
      {
        frameworkId: "2021",
        level1: "产出指标",
        level2: "数量指标",
        name: "政务信息报送条数",
        description: "全年报送政务信息的条数",
        target: "≥120条",
        basis: "年度工作计划",
        scoringStandard: "每少报 10 条扣 1 分",
      },
      [],
    );
    let found = await searchLibrary(t.db, w.actors.clerk, {
      departmentId: w.departments.office,
      frameworkId: "2021",
      q: "政务信息",
    });
    expect(found.common).toEqual([
      expect.objectContaining({ id, target: "≥120条", scoringStandard: "每少报 10 条扣 1 分" }),
    ]);
    await saveLibraryEntry(
      t.db,
      w.actors.admin.id,
      {
        id,
        frameworkId: "2021",
        level1: "产出指标",
        level2: "数量指标",
        name: "政务信息报送条数",
        description: "",
        target: ">=150条",
        basis: "",
      },
      [],
    );
    found = await searchLibrary(t.db, w.actors.clerk, {
      departmentId: w.departments.office,
      frameworkId: "2021",
      q: "政务信息",
    });
    expect(found.common[0].target).toBe(">=150条");
    await setLibraryEntryActive(t.db, w.actors.admin.id, id, false);
    found = await searchLibrary(t.db, w.actors.clerk, {
      departmentId: w.departments.office,
      frameworkId: "2021",
      q: "政务信息",
    });
    expect(found.common).toEqual([]);
  });

  it("refuses headings outside the framework, an unreadable 指标值 and an unknown id, in Chinese", async () => {
    const entry = {
      frameworkId: "2021",
      level1: "效果指标",
      level2: "社会效益指标",
      name: "知晓率",
      description: "",
      target: ">=90%",
      basis: "",
    };
    await expect(saveLibraryEntry(t.db, w.actors.admin.id, entry, [])).rejects.toThrow(
      "一级、二级指标须取自所选指标体系",
    );
    await expect(
      saveLibraryEntry(t.db, w.actors.admin.id, { ...entry, level1: "效益指标", target: "<95%以上" }, []),
    ).rejects.toThrow("指标值无法识别");
    await expect(saveLibraryEntry(t.db, w.actors.admin.id, { ...entry, frameworkId: "1999" }, [])).rejects.toThrow(
      "未知的指标体系",
    );
    await expect(
      setLibraryEntryActive(t.db, w.actors.admin.id, "00000000-0000-4000-8000-000000000000", false),
    ).rejects.toThrow("该指标不存在");
  });
});
