import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { indicator as indicatorSchema } from "../domain/model";
import { parseDelimitedText, readIndicatorRows } from "./indicator-table";

const BASIS = "为贯彻落实《国务院办公厅关于印发<全国地方志事业发展规划纲要（2015—2020年）>的通知》（国办发[2015]64号）";
const GOAL =
  "为贯彻落实《国务院办公厅关于印发<全国地方志事业发展规划纲要（2015-2020年）>的通知》（国办发[2015]64号）文件精神，通过编纂《三河年鉴》（2020年卷）工作。";

/** Project 1 of the fixture (市志编纂业务费) as Excel puts it on the clipboard: merged 一级 cells come out blank. */
const PROJECT_1 = [
  ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"],
  ["产出指标", "数量指标", "培训修志队伍", "培训次数", "=2.00次", BASIS],
  ["", "质量指标", "内容、编校、设计、印刷差错率", "差错率", "<0.10%", BASIS],
  ["", "时效指标", "县志书编纂任务完成率", "县志书编纂任务完成情况", "=100.00%", BASIS],
  ["", "成本指标", "年鉴印刷单册成本", "印刷单册所产生的成本", "<=100.00元/本", BASIS],
  ["效果指标", "社会效益指标", "发挥存史、资政、教化、育人作用", "三河大事记载率", ">=95.00%", BASIS],
  ["", "可持续影响指标", "年鉴编修产生效果", "三河大记载宣传效果", "全面宣传三河形象", BASIS],
  [
    "满意度指标",
    "服务对象满意度指标",
    "参与编书人员满意度（%）",
    "调查中满意和较满意的人数占调查总人数的比率",
    "=10",
    BASIS,
  ],
  ["", "服务对象满意度指标", "受益群体满意度（%）", "各单位对年鉴的满意度", ">=90.00%", BASIS],
];

const tsv = (rows: string[][]) => `${rows.map((r) => r.join("\t")).join("\r\n")}\r\n`;

function expectProject1(indicators: ReturnType<typeof readIndicatorRows>["indicators"]): void {
  expect(indicators).toHaveLength(8);
  for (const i of indicators) expect(indicatorSchema.parse(i)).toEqual(i);
  expect(indicators.map((i) => i.level1)).toEqual([
    "产出指标",
    "产出指标",
    "产出指标",
    "产出指标",
    "效果指标",
    "效果指标",
    "满意度指标",
    "满意度指标",
  ]);
  expect(indicators[0]).toEqual({
    level1: "产出指标",
    level2: "数量指标",
    name: "培训修志队伍",
    description: "培训次数",
    target: { raw: "=2.00次", kind: "quantitative", operator: "=", value: "2.00", unit: "次" },
    basis: BASIS,
  });
  expect(indicators[3].target).toEqual({
    raw: "<=100.00元/本",
    kind: "quantitative",
    operator: "<=",
    value: "100.00",
    unit: "元/本",
  });
  expect(indicators[5].target).toEqual({ raw: "全面宣传三河形象", kind: "qualitative", text: "全面宣传三河形象" });
  expect(indicators[6].target).toEqual({ raw: "=10", kind: "quantitative", operator: "=", value: "10", unit: "" });
}

describe("readIndicatorRows", () => {
  it("reads project 1 of the fixture pasted from a spreadsheet, with its title and goal above the header", () => {
    const text = `1、市志编纂业务费绩效目标表\r\n\r\n绩效目标\t${GOAL}\r\n${tsv(PROJECT_1)}`;
    const table = readIndicatorRows(parseDelimitedText(text));
    expect(table.problems).toEqual([]);
    expect(table.columns).toEqual({ level1: 0, level2: 1, name: 2, description: 3, target: 4, basis: 5 });
    expectProject1(table.indicators);
  });

  it("finds the columns by name in any order", () => {
    const order = [4, 2, 5, 0, 3, 1];
    const shuffled = PROJECT_1.map((row) => order.map((i) => row[i]));
    const table = readIndicatorRows(shuffled);
    expect(table.columns).toEqual({ target: 0, name: 1, basis: 2, level1: 3, description: 4, level2: 5 });
    expectProject1(table.indicators);
  });

  it("accepts the other names of the columns", () => {
    const rows = [
      ["一级指标 *", "二级指标", "三级指标", "指标解释", "指标值（目标值）", "依据"],
      ["产出指标", "数量指标", "培训", "次数", "≥ 3 次", "往年历史数据"],
    ];
    const table = readIndicatorRows(rows);
    expect(table.problems).toEqual([]);
    expect(table.indicators[0]).toMatchObject({
      description: "次数",
      basis: "往年历史数据",
      target: { operator: ">=", value: "3", unit: "次" },
    });
  });

  it("reads 指标性质 + 指标值 + 度量单位 in separate columns with 权重 and 指标方向性", () => {
    const rows = [
      ["项目名称", "市长热线办公室业务费"],
      ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重", "指标方向性", "指标值确定依据"],
      ["产出指标", "数量指标", "热线受理", "≥", "10000", "次", "20", "正向", "往年历史数据"],
      ["", "质量指标", "办结率", "大于等于", "95", "%", "20", "正向", "计划标准"],
      ["", "时效指标", "办理时限", "≤", "5", "天", "10", "反向", "计划标准"],
      ["", "成本指标", "单次成本", "＜＝", "3.00", "万元", "10", "反向", "预算"],
      ["效果指标", "社会效益指标", "群众知晓度", "定性", "明显提升", "", "20", "正向", "计划标准"],
      ["满意度指标", "服务对象满意度指标", "群众满意度", "正向", "90%", "%", "10%", "", "问卷"],
      ["", "", "投诉率", "反向", "5", "%", "", "反向", "往年历史数据"],
    ];
    const table = readIndicatorRows(rows);
    expect(table.problems).toEqual([]);
    const [hotline, rate, time, cost, known, satisfied, complaints] = table.indicators;
    expect(hotline.target).toEqual({
      raw: "≥10000次",
      kind: "quantitative",
      operator: ">=",
      value: "10000",
      unit: "次",
    });
    expect(rate.target).toEqual({ raw: "大于等于95%", kind: "quantitative", operator: ">=", value: "95", unit: "%" });
    expect(time.target).toMatchObject({ operator: "<=", value: "5", unit: "天" });
    expect(cost.target).toEqual({
      raw: "＜＝3.00万元",
      kind: "quantitative",
      operator: "<=",
      value: "3.00",
      unit: "万元",
    });
    expect(known.target).toEqual({ raw: "明显提升", kind: "qualitative", text: "明显提升" });
    expect(satisfied.target).toEqual({ raw: "正向90%", kind: "quantitative", operator: ">=", value: "90", unit: "%" });
    expect(complaints).toMatchObject({
      level1: "满意度指标",
      level2: "服务对象满意度指标",
      direction: "negative",
      weight: null,
    });
    expect(complaints.target).toMatchObject({ operator: "<=", value: "5", unit: "%" });
    expect(table.indicators.map((i) => i.weight)).toEqual([20, 20, 10, 10, 20, 10, null]);
    expect(table.indicators.map((i) => i.direction)).toEqual([
      "positive",
      "positive",
      "negative",
      "negative",
      "positive",
      "positive",
      "negative",
    ]);
    for (const i of table.indicators) expect(indicatorSchema.parse(i)).toEqual(i);
  });

  it("reads a 101号 table's 权(分)重 and 评(扣)分标准, under any of its names; a blank one stays absent", () => {
    const rows = [
      [
        "一级指标",
        "二级指标",
        "三级指标",
        "指标性质",
        "指标值",
        "度量单位",
        "权(分)重",
        "评(扣)分标准",
        "指标值设定依据及数据来源",
      ],
      ["产出指标", "数量指标", "热线受理", "≥", "10000", "次", "30", "每少 500 次扣 1 分", "往年历史数据"],
      ["成本指标", "经济成本指标", "单次成本", "≤", "3.00", "万元", "20", "", "预算"],
    ];
    const table = readIndicatorRows(rows);
    expect(table.problems).toEqual([]);
    const [hotline, cost] = table.indicators;
    expect(hotline).toMatchObject({ weight: 30, scoringStandard: "每少 500 次扣 1 分", basis: "往年历史数据" });
    expect(cost.weight).toBe(20);
    expect("scoringStandard" in cost).toBe(false);
    for (const i of table.indicators) expect(indicatorSchema.parse(i)).toEqual(i);

    for (const heading of ["评（扣）分标准", "评分标准", "扣分标准", "评 分 标 准"]) {
      const [only] = readIndicatorRows([
        ["一级指标", "二级指标", "三级指标", "指标值", heading, "指标值确定依据"],
        ["产出指标", "数量指标", "培训", ">=3次", "每少 1 次扣 2 分", "计划标准"],
      ]).indicators;
      expect(only, heading).toMatchObject({ scoringStandard: "每少 1 次扣 2 分", basis: "计划标准" });
    }
  });

  it("reports an operator column that contradicts the value or cannot be read", () => {
    const rows = [
      ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "计量单位"],
      ["产出指标", "数量指标", "培训", "≥", "≤5", "次"],
      ["产出指标", "数量指标", "会议", "约", "5", "次"],
      ["产出指标", "数量指标", "简报", "≥", "5次以上", ""],
    ];
    const table = readIndicatorRows(rows);
    expect(table.indicators.map((i) => i.target.kind)).toEqual(["unparsed", "unparsed", "quantitative"]);
    expect(table.indicators[0].target.raw).toBe("≥≤5次");
    expect(table.problems).toEqual([
      { row: 2, column: "target", message: "第 2 行：指标性质“≥”与指标值“≤5”不一致" },
      { row: 3, column: "operator", message: "第 3 行：无法识别指标性质“约”" },
    ]);
  });

  it("continues blank 一级/二级 cells from the row above and skips blank, total and repeated header rows", () => {
    const rows = [
      ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "权重", "指标值确定依据"],
      ["产出指标", "数量指标", "培训", "培训次数", ">=2次", "30", "计划"],
      ["", "", "会议", "会议次数", ">=4次", "30", "计划"],
      ["", "", "", "", "", "", ""],
      [],
      ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "权重", "指标值确定依据"],
      ["", "质量指标", "合格率", "合格率", ">=95%", "20", "计划"],
      ["效益指标", "", "影响", "社会影响", "明显提升", "10", "计划"],
      ["合计", "", "", "", "", "90", ""],
    ];
    const table = readIndicatorRows(rows);
    expect(table.indicators.map((i) => [i.level1, i.level2, i.name])).toEqual([
      ["产出指标", "数量指标", "培训"],
      ["产出指标", "数量指标", "会议"],
      ["产出指标", "质量指标", "合格率"],
      ["效益指标", "", "影响"],
    ]);
    expect(table.problems).toEqual([{ row: 8, column: "level2", message: "第 8 行：缺少二级指标" }]);
  });

  it("gives a clear problem for a missing column or a missing header, never a crash", () => {
    const noTarget = readIndicatorRows([
      ["一级指标", "二级指标", "三级指标", "绩效指标描述", "依据"],
      ["产出指标", "数量指标", "培训", "次数", "计划"],
    ]);
    expect(noTarget.indicators).toEqual([]);
    expect(noTarget.problems).toEqual([{ row: 1, column: "target", message: "第 1 行：缺少“指标值”列" }]);

    const titled = readIndicatorRows([
      ["某项目绩效目标表"],
      [],
      ["二级指标", "三级指标", "指标值"],
      ["数量指标", "培训", "2次"],
    ]);
    expect(titled.problems).toEqual([{ row: 3, column: "level1", message: "第 3 行：缺少“一级指标”列" }]);

    const noHeader = readIndicatorRows([[], ["产出指标", "数量指标", "培训", "次数", "=2次"]]);
    expect(noHeader.indicators).toEqual([]);
    expect(noHeader.problems[0]).toMatchObject({ row: 2 });
    expect(noHeader.problems[0].message).toContain("未找到表头");
    expect(readIndicatorRows([])).toMatchObject({ indicators: [], columns: {} });
  });

  it("reads a headless block with positional columns, as the grid pastes it", () => {
    const block = PROJECT_1.slice(1).map((row) => [row[2], row[4], row[0], row[1]]);
    const table = readIndicatorRows(block, { columns: { name: 0, target: 1, level1: 2, level2: 3 } });
    expect(table.problems).toEqual([]);
    expect(table.indicators).toHaveLength(8);
    expect(table.indicators[2]).toMatchObject({
      level1: "产出指标",
      level2: "时效指标",
      description: "",
      basis: "",
      target: { value: "100.00", unit: "%" },
    });
  });

  it("reports a weight or direction it cannot read", () => {
    const table = readIndicatorRows([
      ["一级指标", "二级指标", "三级指标", "指标值", "权重", "指标方向"],
      ["产出指标", "数量指标", "培训", "2次", "二十", "向上"],
      ["产出指标", "数量指标", "会议", "4次", "１２.5", "逆向"],
    ]);
    expect(table.indicators.map((i) => [i.weight, i.direction])).toEqual([
      [null, null],
      [12.5, "negative"],
    ]);
    expect(table.problems.map((p) => p.message)).toEqual([
      "第 2 行：权重“二十”不是数字",
      "第 2 行：指标方向性应为“正向”或“反向”，而不是“向上”",
    ]);
  });

  it("never throws on random cell grids and returns only valid indicators", () => {
    const word = fc.constantFrom(
      "一级指标",
      "二级指标",
      "三级指标",
      "指标值",
      "指标性质",
      "度量单位",
      "权重",
      "指标方向性",
      "依据",
      "产出指标",
      "≥",
      "正向",
      "定性",
      "95",
      "%",
      "",
      " ",
      "合计",
    );
    const cellText = fc.oneof(word, fc.string({ maxLength: 8 }));
    const grid = fc.array(fc.array(cellText, { maxLength: 10 }), { maxLength: 12 });
    const columns = fc.option(
      fc.dictionary(
        fc.constantFrom("level1", "level2", "name", "target", "operator", "unit", "weight", "direction"),
        fc.integer({ min: 0, max: 12 }),
      ),
      { nil: undefined },
    );
    fc.assert(
      fc.property(grid, columns, (rows, cols) => {
        const table = readIndicatorRows(rows, { columns: cols });
        for (const i of table.indicators) expect(indicatorSchema.safeParse(i).success).toBe(true);
        for (const p of table.problems) expect(p.message).toMatch(/^第 \d+ 行：/);
      }),
      { numRuns: 1500 },
    );
  });
});
