import { describe, expect, test } from "vitest";
import { checkDisclosure } from "./engine";
import { only } from "./__fixtures__/edit";
import { sanhe2020 } from "../domain/__fixtures__/sanhe-2020";

const punctuationOf = (text: string) => {
  const d = sanhe2020();
  d.otherMatters = text;
  return only(checkDisclosure(d), "text.punctuation")
    .filter((f) => f.path === "otherMatters")
    .map((f) => f.message);
};

describe("punctuation", () => {
  test.each([
    ["我部门无其他需要说明的事项。。", "重复标点“。。”"],
    ["我部门无其他需要说明的事项，，无", "重复标点“，，”"],
    ["我部门无其他；。", "标点连用“；。”"],
    ["建立健全制度体系,不断完善工作机制", "中文里用了半角“,”"],
    ["主要为计算机设备;打印设备", "中文里用了半角“;”"],
    ["公务用车运维费（其中：购置费30万元)", "括号（）不成对"],
    ["按照“谁花钱、谁负责“的原则", "引号“”不成对"],
  ])("“%s”: %s", (text, slip) => {
    expect(punctuationOf(text)).toEqual([`其他需要说明的事项：${slip}`]);
  });

  test.each([
    "我部门无其他需要说明的事项。",
    "参加9.26农交会，签约率90%及以上。",
    "国办发[2015]64号、三办字【2019】19号",
    "《国务院办公厅关于印发<全国地方志事业发展规划纲要（2015-2020年）>的通知》",
    "人员经费1,062.44万元",
  ])("“%s” is fine", (text) => {
    expect(punctuationOf(text)).toEqual([]);
  });

  test("many slips in one field are one finding that names the first three", () => {
    expect(punctuationOf("甲。。乙，，丙、、丁；；")).toEqual([
      "其他需要说明的事项：重复标点“。。”；重复标点“，，”；重复标点“、、” 等 4 处",
    ]);
  });

  test("is information, never blocking", () => {
    const d = sanhe2020();
    d.otherMatters = "无。。";
    expect(only(checkDisclosure(d), "text.punctuation")[0].severity).toBe("info");
  });
});

describe("required sections", () => {
  test("each empty required part is an error at its field", () => {
    const d = sanhe2020();
    d.responsibilities = ["  "];
    d.orgUnits = [];
    d.operatingExpenses.purposes = "";
    d.performance.overallGoal = "";
    d.glossary = [];
    d.performance.projects[2].goal = "";
    const found = only(checkDisclosure(d), "text.required-section");
    expect(found.map((f) => [f.severity, f.path, f.message])).toEqual([
      ["error", "responsibilities", "请填写部门职责"],
      ["error", "orgUnits", "请填写机构设置（至少一个单位）"],
      ["error", "operatingExpenses.purposes", "请说明机关运行经费的主要用途"],
      ["error", "performance.overallGoal", "请填写部门整体绩效目标"],
      ["error", "performance.projects[2].goal", "请填写项目“市长热线办公室业务费”的绩效目标"],
      ["error", "glossary", "请填写名词解释"],
    ]);
  });

  test("“没有” is an answer: 我部门无其他需要说明的事项 satisfies 其他需要说明的事项", () => {
    expect(only(checkDisclosure(sanhe2020()), "text.required-section")).toEqual([]);
  });
});
