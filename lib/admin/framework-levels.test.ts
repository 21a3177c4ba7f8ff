import { describe, expect, it } from "vitest";
import { builtInFrameworks } from "../domain/frameworks";
import { parseLevels, printLevels } from "./framework-levels";

describe("framework levels as text", () => {
  it("reads one 一级 per line with its 二级, in either width of punctuation", () => {
    expect(parseLevels("产出指标：数量指标、质量指标\n\n效益指标:经济效益指标, 社会效益指标；社会效益指标\n")).toEqual({
      levels: [
        { level1: "产出指标", level2: ["数量指标", "质量指标"] },
        { level1: "效益指标", level2: ["经济效益指标", "社会效益指标"] },
      ],
      problems: [],
    });
  });

  it("names the line of every problem", () => {
    expect(parseLevels("产出指标\n满意度指标：\n产出指标：数量指标\n产出指标：质量指标").problems).toEqual([
      "第 1 行“产出指标”应写成“一级指标：二级指标、二级指标”。",
      "第 2 行“满意度指标：”应写成“一级指标：二级指标、二级指标”。",
      "第 4 行：一级指标“产出指标”重复。",
    ]);
    expect(parseLevels("  \n").problems).toEqual(["请至少填写一个一级指标及其二级指标。"]);
  });

  it("round-trips the built-in frameworks", () => {
    for (const framework of builtInFrameworks)
      expect(parseLevels(printLevels(framework.levels)).levels).toEqual(framework.levels);
  });
});
