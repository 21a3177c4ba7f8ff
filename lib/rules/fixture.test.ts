import { describe, expect, test } from "vitest";
import { checkDisclosure, summariseFindings } from "./engine";
import { ruleAndPath } from "./__fixtures__/edit";
import { sanhe2020 } from "../domain/__fixtures__/sanhe-2020";

/**
 * The real 2020 disclosure: its figures all add up (lib/domain/spec/rules.md), its indicator tables do not all
 * read right. Each expected finding below was checked against the printed table by hand.
 */
const findings = checkDisclosure(sanhe2020());

const FIGURE_RULES = /^(budget|operating-expenses|three-public|procurement|assets|plausibility)\./;

const INDICATOR_FINDINGS = [
  // 市志编纂业务费, 参与编书人员满意度（%）: `=10` — ten what? The name says %, the value has no unit…
  "indicator.target-readable @ performance.projects[0].indicators[6].target",
  // …and a satisfaction target must be a percentage floor of at least 80.
  "indicator.satisfaction-target @ performance.projects[0].indicators[6].target",
  // 政务公开, 政府信息公开平台故障率 `<=5.00次`: a 率 counted in 次.
  "indicator.unit-fits-metric @ performance.projects[1].indicators[2].target",
  // 政务公开, 政务公开培训人员合格率 filed under 满意度指标: a pass rate is quality, not satisfaction.
  "indicator.satisfaction-level @ performance.projects[1].indicators[8].level1",
  // 市长热线, 完成时间 `=12.00月份`: the same row as 创城办's two and 禁毒's.
  "indicator.copied-across-projects @ performance.projects[2].indicators[4].name",
  // 市长热线, 内部影响 / 外部影响 `=0.00健全`: a number glued to a quality, neither reads.
  "indicator.target-readable @ performance.projects[2].indicators[8].target",
  "indicator.target-readable @ performance.projects[2].indicators[9].target",
  // 市长热线, 服务对象满意度 `>90.00%`: the same 满意度 row, same 90 %, as 金融贡献奖励资金's.
  "indicator.copied-across-projects @ performance.projects[2].indicators[10].name",
  // 金融信用办, 培训考评合格率 `>=80.00%` and 开展时间 `=1.00年`: copied into 企业家培训经费 as they stand.
  "indicator.copied-across-projects @ performance.projects[3].indicators[5].name",
  "indicator.copied-across-projects @ performance.projects[3].indicators[7].name",
  // 金融信用办, 单次培训 `<=3.00万` under 数量指标: money belongs under 成本指标.
  "indicator.unit-fits-metric @ performance.projects[3].indicators[8].level2",
  // 金融信用办, 群众满意度 `=90.00%`: exactly 90% is not a target, a floor (>=) is.
  "indicator.satisfaction-target @ performance.projects[3].indicators[12].target",
  // 企业家培训经费: the two rows copied from 金融信用办.
  "indicator.copied-across-projects @ performance.projects[5].indicators[3].name",
  "indicator.copied-across-projects @ performance.projects[5].indicators[4].name",
  // 金融贡献奖励, 服务对象满意度 `=90%`: 市长热线's 满意度 row again…
  "indicator.copied-across-projects @ performance.projects[6].indicators[5].name",
  // …and exactly 90% is not a floor.
  "indicator.satisfaction-target @ performance.projects[6].indicators[5].target",
  // 安全生产, 社会稳定水平 `明显提升`: how much is 明显? Nobody can say at the year's end.
  "indicator.vague-target @ performance.projects[7].indicators[3].target",
  // 创城办, two 时效 rows both named 完成时间 `=12月份`: copied from 市长热线's and 禁毒's…
  "indicator.copied-across-projects @ performance.projects[8].indicators[6].name",
  // …and the scoring table cannot tell them apart.
  "indicator.duplicate-row @ performance.projects[8].indicators[7].name",
  "indicator.copied-across-projects @ performance.projects[8].indicators[7].name",
  // 禁毒, 印制禁毒宣传品数量 `>=200人/次`: leaflets are not counted in persons.
  "indicator.unit-fits-metric @ performance.projects[10].indicators[1].target",
  // 禁毒, 完成时间 `<=12月份`: the fourth copy of the row.
  "indicator.copied-across-projects @ performance.projects[10].indicators[6].name",
  // 禁毒, 涉毒人数 `=0次`: a number of people counted in 次.
  "indicator.unit-fits-metric @ performance.projects[10].indicators[8].target",
  // 外事办, 办理行为投诉率 (百分比, 反向指标) `<5次`: a percentage counted in 次.
  "indicator.unit-fits-metric @ performance.projects[11].indicators[5].target",
  // 农交会, 农产品对外形象 `明显提升`: the same vague phrase.
  "indicator.vague-target @ performance.projects[12].indicators[6].target",
];

/** The 绩效目标表 of the printed text give no project's amount: each of the 13 is asked for one. */
const AMOUNT_FINDINGS = Array.from(
  { length: 13 },
  (_, p) => `performance.project-amount @ performance.projects[${p}].amount`,
);

describe("the untouched 2020 fixture", () => {
  test("passes every sum, balance, required figure and plausibility check", () => {
    expect(findings.filter((f) => FIGURE_RULES.test(f.rule)).map(ruleAndPath)).toEqual([]);
  });

  test("raises exactly the indicator findings a careful reviewer raises", () => {
    expect(findings.filter((f) => f.rule.startsWith("indicator.")).map(ruleAndPath)).toEqual(INDICATOR_FINDINGS);
  });

  test("does not call its reverse indicators wrong: 差错率 <0.10%, 投诉率 <5.00%, 空置率 <=0%, 涉毒 =0, 事故 <=1起", () => {
    expect(findings.filter((f) => f.rule === "indicator.reverse-operator")).toEqual([]);
  });

  // Rows written as a reviewer wants them, and rows a careless rule would trip on.
  test.each([
    [0, 0, "培训修志队伍 =2.00次"],
    [0, 1, "差错率 <0.10%: a small share, not 10 % written as a fraction"],
    [0, 3, "年鉴印刷单册成本 <=100.00元/本"],
    [0, 5, "年鉴编修产生效果 全面宣传三河形象: text, but not one of the vague phrases"],
    [0, 7, "受益群体满意度（%） >=90.00%: same 90 % as elsewhere, but its own name"],
    [1, 3, "故障后恢复时间 <=5.00天"],
    [2, 6, "办理行为投诉率 <5.00% (反向指标)"],
    [3, 6, "年度审计情况 合法合规: a state one can check"],
    [4, 4, "服务对象满意度 =100%: the ceiling, and no other project's 100 %"],
    [10, 5, "禁毒工作空置率 <=0%"],
    [10, 9, "内部 健全"],
    [12, 3, "展会事故数 <=1起"],
  ])("no finding on project %i row %i: %s", (p, i) => {
    expect(findings.filter((f) => f.path.startsWith(`performance.projects[${p}].indicators[${i}].`))).toEqual([]);
  });

  test("offers a one-click fix where the right value is known", () => {
    const fixAt = (path: string) => findings.filter((f) => f.path === path && f.fix).map((f) => f.fix);
    // `=0.00健全`: the number is the empty column; the quality is what the row means.
    expect(fixAt("performance.projects[2].indicators[8].target")).toEqual([{ label: "改为定性“健全”", value: "健全" }]);
    // `=90%`: a floor was meant.
    expect(fixAt("performance.projects[6].indicators[5].target")).toEqual([{ label: "改为 >=90%", value: ">=90%" }]);
    // `=10`: only the department knows what it meant.
    expect(fixAt("performance.projects[0].indicators[6].target")).toEqual([]);
  });

  test("names the other projects a copied row stands in", () => {
    const at = (path: string) =>
      findings.find((f) => f.path === path && f.rule === "indicator.copied-across-projects")?.message;
    expect(at("performance.projects[6].indicators[5].name")).toBe(
      "项目“金融贡献奖励资金”第 6 行“服务对象满意度”（=90%）与项目“市长热线办公室业务费”的指标同名同值",
    );
    expect(at("performance.projects[8].indicators[6].name")).toBe(
      "项目“创城办两项重点工作综合业务费”第 7 行“完成时间”（=12月份）与项目“市长热线办公室业务费”、项目“禁毒工作经费”的指标同名同值",
    );
  });

  test("has its punctuation slips noted, as information", () => {
    expect(
      findings.filter((f) => f.rule === "text.punctuation").map((f) => `${f.severity} ${f.path}: ${f.message}`),
    ).toEqual([
      // The safeguards were typed with half-width commas: “路怪和制度体系,不断完善”.
      "info performance.safeguards[0].text: 工作保障措施 1“加强组织领导”：中文里用了半角“,”",
      // …and “谁牵总、谁主责“的原则” opens a quote twice.
      "info performance.safeguards[1].text: 工作保障措施 2“狠抓任务落实”：中文里用了半角“,”；引号“”不成对",
      "info performance.safeguards[2].text: 工作保障措施 3“强化预算执行”：中文里用了半角“,”",
      "info performance.safeguards[3].text: 工作保障措施 4“健全评价机制”：中文里用了半角“,”",
      "info performance.safeguards[4].text: 工作保障措施 5“用好行政绩效”：中文里用了半角“,”",
    ]);
  });

  test("has no empty required section", () => {
    expect(findings.filter((f) => f.rule === "text.required-section")).toEqual([]);
  });

  test("its only errors are the unreadable targets", () => {
    expect(findings.filter((f) => f.severity === "error").map(ruleAndPath)).toEqual([
      "indicator.target-readable @ performance.projects[0].indicators[6].target",
      "indicator.target-readable @ performance.projects[2].indicators[8].target",
      "indicator.target-readable @ performance.projects[2].indicators[9].target",
    ]);
  });

  test("messages quote what the department wrote", () => {
    const at = (path: string, rule: string) => findings.find((f) => f.path === path && f.rule === rule)?.message;
    expect(at("performance.projects[2].indicators[8].target", "indicator.target-readable")).toBe(
      "项目“市长热线办公室业务费”第 9 行“内部影响”：指标值 “=0.00健全” 无法读取",
    );
    expect(at("performance.projects[11].indicators[5].target", "indicator.unit-fits-metric")).toBe(
      "项目“外事办业务费”第 6 行“办理行为投诉率”：指标说的是比率（率 / 百分比 / %），指标值 “<5次” 却以“次”计",
    );
    expect(at("performance.projects[3].indicators[12].target", "indicator.satisfaction-target")).toBe(
      "项目“金融信用办业务经费”第 13 行“群众满意度”：满意度目标 “=90.00%” 用了“=”，满意度应写下限（>= 或 >）",
    );
  });

  test("asks every project for its amount, the one thing the printed tables leave out", () => {
    expect(findings.filter((f) => f.rule.startsWith("performance.")).map(ruleAndPath)).toEqual(AMOUNT_FINDINGS);
  });

  test("summary", () => {
    const s = summariseFindings(findings);
    expect(s.error).toBe(3);
    expect(s.warning).toBe(INDICATOR_FINDINGS.length - 3 + AMOUNT_FINDINGS.length);
    expect(s.info).toBe(5);
    expect(s.total).toBe(s.error + s.warning + s.info);
  });
});
