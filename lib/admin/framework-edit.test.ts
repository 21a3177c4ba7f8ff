import { describe, expect, it } from "vitest";
import { describeChanges, formOf, frameworkEditForm, levelsOf } from "./framework-edit";

const before = {
  id: "x",
  name: "体系",
  source: "",
  levels: [
    { level1: "产出指标", level2: ["数量指标", "质量指标"] },
    { level1: "效益指标", level2: ["社会效益指标"] },
  ],
};
const open = () => formOf(before, "fp");

describe("describeChanges: the audit row's words", () => {
  it("says nothing for an untouched form, and the form's levels are the stored ones", () => {
    expect(describeChanges(before, open())).toEqual([]);
    expect(levelsOf(open())).toEqual(before.levels);
  });

  it("tells a level-2 reorder within its level-1 from a rename", () => {
    const form = open();
    form.levels[0].level2.reverse();
    expect(describeChanges(before, form)).toEqual(["调整了顺序"]);
  });

  it("counts a second input claiming the same original as an addition (a hostile or confused client)", () => {
    const form = open();
    form.levels.push({
      original: "产出指标",
      name: "产出指标二",
      level2: [{ original: "数量指标", name: "数量指标" }],
    });
    expect(describeChanges(before, form)).toEqual(["新增一级指标“产出指标二”"]);
    form.levels[0].level2.push({ original: "数量指标", name: "数量指标乙" });
    expect(describeChanges(before, form)).toEqual(["“产出指标”下新增二级指标“数量指标乙”", "新增一级指标“产出指标二”"]);
  });

  it("names a removed level-1 and an original that never existed as new", () => {
    const form = open();
    form.levels.splice(1, 1);
    form.levels[0].level2[1] = { original: "不存在的", name: "时效指标" };
    expect(describeChanges(before, form)).toEqual([
      "“产出指标”下新增二级指标“时效指标”",
      "“产出指标”下删除二级指标“质量指标”",
      "删除一级指标“效益指标”",
    ]);
  });
});

describe("frameworkEditForm", () => {
  it("trims names before comparing, so ' 产出指标' duplicates '产出指标'", () => {
    const form = open();
    form.levels[1].name = " 产出指标 ";
    const parsed = frameworkEditForm.safeParse(form);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["levels.1.name", "一级指标“产出指标”重复，请改用不同的名称。"],
    ]);
  });

  it("allows the same level-2 name under two level-1s", () => {
    const form = open();
    form.levels[1].level2[0].name = "数量指标";
    expect(frameworkEditForm.safeParse(form).success).toBe(true);
  });
});
