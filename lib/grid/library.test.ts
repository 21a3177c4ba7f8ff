import { describe, expect, it } from "vitest";
import { findFramework } from "../domain/frameworks";
import { entryToIndicator, fitToFramework, libraryEntryInput, type LibraryEntry } from "./library";

const f2020 = findFramework("2020")!;
const f2021 = findFramework("2021")!;

describe("fitting a library row to the table's framework", () => {
  it("keeps a pair that belongs", () => {
    expect(fitToFramework({ level1: "产出指标", level2: "数量指标" }, f2021)).toEqual({
      level1: "产出指标",
      level2: "数量指标",
      fitted: false,
    });
  });
  it("moves 2020's 效果指标 rows under 2021's 效益指标 by their 二级 heading", () => {
    expect(fitToFramework({ level1: "效果指标", level2: "社会效益指标" }, f2021)).toEqual({
      level1: "效益指标",
      level2: "社会效益指标",
      fitted: true,
    });
    expect(fitToFramework({ level1: "效益指标", level2: "可持续影响指标" }, f2020)).toEqual({
      level1: "效果指标",
      level2: "可持续影响指标",
      fitted: true,
    });
  });
  it("reads 2020's 产出指标 › 成本指标 as 2021's 成本指标 › 经济成本指标, and back", () => {
    expect(fitToFramework({ level1: "产出指标", level2: "成本指标" }, f2021)).toEqual({
      level1: "成本指标",
      level2: "经济成本指标",
      fitted: true,
    });
    expect(fitToFramework({ level1: "成本指标", level2: "经济成本指标" }, f2020)).toEqual({
      level1: "产出指标",
      level2: "成本指标",
      fitted: true,
    });
  });
  it("leaves what it cannot place for the rules to flag", () => {
    expect(fitToFramework({ level1: "其他", level2: "别的" }, f2021)).toEqual({
      level1: "其他",
      level2: "别的",
      fitted: false,
    });
  });
  it("turns an entry into an indicator with its target read", () => {
    const entry: LibraryEntry = {
      id: "x",
      source: "own",
      frameworkId: "2020",
      level1: "效果指标",
      level2: "社会效益指标",
      name: "知晓率",
      description: "",
      target: "≥90%",
      basis: "往年历史数据",
      scoringStandard: "",
    };
    expect(entryToIndicator(entry, f2021)).toEqual({
      level1: "效益指标",
      level2: "社会效益指标",
      name: "知晓率",
      description: "",
      target: { raw: "≥90%", kind: "quantitative", operator: ">=", value: "90", unit: "%" },
      basis: "往年历史数据",
    });
    // An entry's 评（扣）分标准 comes with it; none stays absent, as the canonical form has it.
    expect(entryToIndicator({ ...entry, scoringStandard: "知晓率每低 5% 扣 1 分" }, f2021).scoringStandard).toBe(
      "知晓率每低 5% 扣 1 分",
    );
  });
});

describe("the admin's entry form", () => {
  it("requires a name and both levels, and trims", () => {
    const bad = libraryEntryInput.safeParse({
      frameworkId: "2021",
      level1: "",
      level2: "数量指标",
      name: " ",
      description: "",
      target: "",
      basis: "",
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.message)).toEqual([
      "一级、二级指标须取自所选指标体系",
      "请填写三级指标（指标名称）",
    ]);
    const good = libraryEntryInput.parse({
      frameworkId: "2021",
      level1: "产出指标",
      level2: "数量指标",
      name: " 培训次数 ",
      description: "",
      target: ">=2次",
      basis: "",
    });
    expect(good.name).toBe("培训次数");
    // A form without the 评（扣）分标准 field (a framework that does not ask for it) saves it empty.
    expect(good.scoringStandard).toBe("");
  });
});
