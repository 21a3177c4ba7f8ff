import { describe, expect, test } from "vitest";
import type { Disclosure } from "../domain/model";
import { importDisclosureText } from "../import/text/import-disclosure";
import { sections } from "../domain/model";
import { catalogueInfo, ruleCatalogue } from "./catalogue";
import { checkDisclosure, type CheckOptions } from "./engine";
import { row, setTarget } from "./__fixtures__/edit";
import { sanhe2020, sanhe2020Text } from "../domain/__fixtures__/sanhe-2020";
import { classification2020, sanhe2020WithTables } from "../domain/__fixtures__/sanhe-2020-tables";

/**
 * One case per catalogue rule: a single change to the real fixture, the path the rule must
 * point at, and the words its message must say. A rule added to the catalogue without a case
 * here fails the first test. An import-only rule's change is to the fixture's text, and it fires
 * in the importer (its full cases: lib/import/text/narrative-figures.test.ts).
 */
type FiringCase = ({ change: (d: Disclosure) => void } | { changeText: (text: string) => string }) & {
  path: string;
  message: string | RegExp;
  /** The disclosure changed, when not the fixture itself: the budget tables' rules need the demo's tables. */
  base?: () => Disclosure;
  /** What the check is given besides the disclosure, before and after the change (last year's disclosure). */
  options?: () => CheckOptions;
};

const tablesOf = (d: Disclosure) => {
  if (!d.tables) throw new Error("the case's base has no tables");
  return d.tables;
};
const withTables = { base: sanhe2020WithTables };

/**
 * The fixture as if published the year before, except that 企业上市奖励资金 then had other
 * targets: this year's fixture is then the same as last year in every project but that one.
 */
const lastYear = (): CheckOptions => {
  const previous = sanhe2020();
  previous.fiscalYear = 2019;
  previous.performance.projects[4].indicators.forEach((_, i) => setTarget(previous, 4, i, ">=1次"));
  return { previous };
};

const fixtureText = sanhe2020Text();

const firing: Record<string, FiringCase> = {
  "budget.required": {
    change: (d) => void (d.budget.expenditure.project = null),
    path: "budget.expenditure.project",
    message: "请填写项目支出",
  },
  "budget.income-sum": {
    change: (d) => void (d.budget.income.governmentFund = "1.00"),
    path: "budget.income.total",
    message: "收入合计 2765.39 ≠ 一般公共预算 2765.39 + 政府性基金 1.00 + 财政专户核拨 0.00 + 其他来源 0.00 = 2766.39",
  },
  "budget.expenditure-sum": {
    change: (d) => void (d.budget.expenditure.project = "1602.97"),
    path: "budget.expenditure.total",
    message: "支出合计 2765.39 ≠ 基本支出 1162.43 + 项目支出 1602.97 + 其他支出 0.00 = 2765.40",
  },
  "budget.basic-sum": {
    change: (d) => void (d.budget.expenditure.personnel = "1062.45"),
    path: "budget.expenditure.basic",
    message: "基本支出 1162.43 ≠ 人员经费 1062.45 + 日常公用经费 99.99 = 1162.44",
  },
  "budget.balance": {
    change: (d) => Object.assign(d.budget.income, { total: "2765.40", generalPublicBudget: "2765.40" }),
    path: "budget.expenditure.total",
    message: "收支不平衡：收入合计 2765.40 ≠ 支出合计 2765.39",
  },
  "budget.prior-year-sum": {
    change: (d) => void (d.budget.priorYear.basic = "1364.27"),
    path: "budget.priorYear.total",
    message: "上年支出合计 2671.20 ≠ 上年基本支出 1364.27 + 上年项目支出 1306.94 = 2671.21",
  },
  "budget.change-reason": {
    change: (d) => void (d.budget.changeReasons.basic = ""),
    path: "budget.changeReasons.basic",
    message: "基本支出较上年减少 201.83（1162.43 − 1364.26），请说明增减原因",
  },
  "operating-expenses.required": {
    change: (d) => void (d.operatingExpenses.amount = null),
    path: "operatingExpenses.amount",
    message: "请填写机关运行经费",
  },
  "three-public.required": {
    change: (d) => void (d.threePublic.priorYear.total = null),
    path: "threePublic.priorYear.total",
    message: "请填写上年“三公”经费合计",
  },
  "three-public.sum": {
    change: (d) => void (d.threePublic.current.reception = "168.96"),
    path: "threePublic.current.total",
    message:
      "本年“三公”经费合计 252.89 ≠ 因公出国（境）费 0.00 + 公务用车购置费 53.94 + 公务用车运维费 30.00 + 公务接待费 168.96 = 252.90",
  },
  "three-public.change-reason": {
    change: (d) => void (d.threePublic.changeReasons.vehicles = " "),
    path: "threePublic.changeReasons.vehicles",
    message: "公务用车购置及运维费较上年增加 50.94（83.94 − 33.00），请说明增减原因",
  },
  "procurement.required": {
    change: (d) => void (d.procurement.items[1].amount = null),
    path: "procurement.items[1].amount",
    message: "请填写第 2 行“台式计算机”的采购金额",
  },
  "procurement.line-amount": {
    change: (d) => void (d.procurement.items[0].unitPrice = "17.99"),
    path: "procurement.items[0].amount",
    message: "第 1 行“轿车”：采购金额 53.94 ≠ 数量 3 × 单价 17.99 = 53.97",
  },
  "procurement.line-funding": {
    change: (d) => void (d.procurement.items[2].funding.generalPublicBudget = "18.00"),
    path: "procurement.items[2].funding",
    message: /^第 3 行“激光打印机”：采购金额 18\.96 ≠ 一般公共预算 18\.00 \+ 政府性基金 (0\.00|未填) \+ .* = 18\.00$/,
  },
  "procurement.total": {
    change: (d) => void (d.procurement.total = "100.00"),
    path: "procurement.total",
    message: "政府采购预算总额 100.00 ≠ 轿车 53.94 + 台式计算机 26.10 + 激光打印机 18.96 = 99.00",
  },
  "assets.required": {
    change: (d) => void (d.assets.fixedAssetsTotal = null),
    path: "assets.fixedAssetsTotal",
    message: "请填写上年末固定资产总额",
  },
  "assets.total": {
    change: (d) => void (d.assets.vehicles.value = "224.85"),
    path: "assets.fixedAssetsTotal",
    message:
      "固定资产总额 1153.01 ≠ 房屋 431.38 + 车辆 224.85 + 单价20万元以上设备 未填 + 其他固定资产 496.79 = 1153.02",
  },
  "assets.offices-within-buildings": {
    change: (d) => void (d.assets.officeBuildings.value = "431.39"),
    path: "assets.officeBuildings.value",
    message: "办公用房价值 431.39 > 房屋价值 431.38",
  },
  "plausibility.three-public-within-expenditure": {
    change: (d) => Object.assign(d.threePublic.current, { reception: "3000.00", total: "3083.94" }),
    path: "threePublic.current.total",
    message: "“三公”经费合计 3083.94 > 支出合计 2765.39",
  },
  "plausibility.procurement-within-expenditure": {
    change: (d) => void (d.procurement.total = "2800.00"),
    path: "procurement.total",
    message: "政府采购预算总额 2800.00 > 支出合计 2765.39",
  },
  "plausibility.operating-within-basic": {
    change: (d) => void (d.operatingExpenses.amount = "1200.00"),
    path: "operatingExpenses.amount",
    message: "机关运行经费 1200.00 > 基本支出 1162.43",
  },
  "plausibility.project-funds-within-project": {
    change: (d) => {
      d.performance.projects[0].amount = "1000.00";
      d.performance.projects[1].amount = "700.00";
    },
    path: "performance.projects",
    message: "项目资金合计 1700.00（市志编纂业务费 1000.00 + 政务公开专项经费 700.00）> 项目支出 1602.96",
  },
  "plausibility.narrative-figure": {
    changeText: (text) => text.replace("公务用车购置及运维费83.94万元", "公务用车购置及运维费83.95万元"),
    path: "threePublic.current",
    message: "第四部分文字中公务用车购置及运维费 83.95 万元 ≠ 购置费 53.94 + 运维费 30.00 = 83.94 万元",
  },
  "indicator.framework-pair": {
    change: (d) => void (row(d, 0, 0).level2 = "经济效益指标"),
    path: "performance.projects[0].indicators[0].level2",
    message:
      "项目“市志编纂业务费”第 1 行“培训修志队伍”：二级指标“经济效益指标”不属于一级指标“产出指标”（2020年绩效指标体系）",
  },
  "indicator.output-and-outcome": {
    change: (d) =>
      void (d.performance.projects[4].indicators = d.performance.projects[4].indicators.filter(
        (i) => i.level1 !== "效果指标",
      )),
    path: "performance.projects[4].indicators",
    message: "项目“企业上市奖励资金”缺少效果（效益）指标",
  },
  "indicator.satisfaction-missing": {
    change: (d) =>
      void (d.performance.projects[4].indicators = d.performance.projects[4].indicators.filter(
        (i) => i.level1 !== "满意度指标",
      )),
    path: "performance.projects[4].indicators",
    message: "项目“企业上市奖励资金”没有满意度指标",
  },
  "indicator.satisfaction-level": {
    change: (d) => Object.assign(row(d, 0, 1), { level1: "满意度指标", level2: "服务对象满意度指标" }),
    path: "performance.projects[0].indicators[1].level1",
    message: "项目“市志编纂业务费”第 2 行“内容、编校、设计、印刷差错率”列在“满意度指标”下，但它衡量的不是满意度",
  },
  "indicator.target-readable": {
    change: (d) => setTarget(d, 0, 0, "=2.00次很好"),
    path: "performance.projects[0].indicators[0].target",
    message: "项目“市志编纂业务费”第 1 行“培训修志队伍”：指标值 “=2.00次很好” 无法读取",
  },
  "indicator.percent-range": {
    change: (d) => setTarget(d, 0, 4, ">=105%"),
    path: "performance.projects[0].indicators[4].target",
    message: "项目“市志编纂业务费”第 5 行“发挥存史、资政、教化、育人作用”：百分比指标值 “>=105%” 超出 0–100%",
  },
  "indicator.number-expected": {
    change: (d) => setTarget(d, 0, 4, "明显提升"),
    path: "performance.projects[0].indicators[4].target",
    message:
      "项目“市志编纂业务费”第 5 行“发挥存史、资政、教化、育人作用”是比率，指标值却是文字“明显提升”：请写成“运算符 + 数字 + 单位”，如 >=95%",
  },
  "indicator.vague-target": {
    change: (d) => setTarget(d, 0, 5, "效果明显"),
    path: "performance.projects[0].indicators[5].target",
    message:
      "项目“市志编纂业务费”第 6 行“年鉴编修产生效果”：指标值“效果明显”没有说到什么程度（“效果明显”），年底无法判断是否完成",
  },
  "indicator.unit-fits-metric": {
    change: (d) => setTarget(d, 0, 3, "<=100.00本"),
    path: "performance.projects[0].indicators[3].target",
    message: "项目“市志编纂业务费”第 4 行“年鉴印刷单册成本”：成本指标的指标值 “<=100.00本” 以“本”计，不是金额",
  },
  "indicator.satisfaction-target": {
    change: (d) => setTarget(d, 0, 7, ">=70%"),
    path: "performance.projects[0].indicators[7].target",
    message: "项目“市志编纂业务费”第 8 行“受益群体满意度（%）”：满意度目标 “>=70%” 低于 80%",
  },
  "indicator.reverse-operator": {
    change: (d) => setTarget(d, 0, 1, ">=0.10%"),
    path: "performance.projects[0].indicators[1].target",
    message:
      "项目“市志编纂业务费”第 2 行“内容、编校、设计、印刷差错率”是反向指标（越小越好），指标值 “>=0.10%” 用了“>=”",
  },
  "indicator.basis-empty": {
    change: (d) => void (row(d, 0, 0).basis = " "),
    path: "performance.projects[0].indicators[0].basis",
    message: "项目“市志编纂业务费”第 1 行“培训修志队伍”：指标值确定依据为空",
  },
  "indicator.scoring-standard-empty": {
    // Under the 2021 framework every row asks for one; the first row is the one that lacks it.
    change: (d) => {
      d.performance.framework = "2021";
      for (const project of d.performance.projects)
        for (const ind of project.indicators) ind.scoringStandard = "完成率每低于目标 10%扣 1 分";
      row(d, 0, 0).scoringStandard = " ";
    },
    path: "performance.projects[0].indicators[0].scoringStandard",
    message: "项目“市志编纂业务费”第 1 行“培训修志队伍”：评（扣）分标准为空",
  },
  "indicator.duplicate-row": {
    change: (d) => void (row(d, 12, 1).name = "参加企业数量"),
    path: "performance.projects[12].indicators[1].name",
    message: "项目“第二十四届中国（廊坊）农交会”第 2 行“参加企业数量”与第 1 行三级指标同名",
  },
  "indicator.weight-sum": {
    change: (d) => d.performance.projects[4].indicators.forEach((ind, k) => (ind.weight = [20, 20, 20, 20, 10.5][k])),
    path: "performance.projects[4].indicators",
    message: "项目“企业上市奖励资金”的指标权重合计 90.5，应为 100（或留 10 分给预算执行率时为 90）",
  },
  "indicator.count": {
    change: (d) => void d.performance.projects[4].indicators.splice(2),
    path: "performance.projects[4].indicators",
    message: "项目“企业上市奖励资金”有 2 个绩效指标，少于 3 个",
  },
  "indicator.copied-across-projects": {
    change: (d) => void (row(d, 1, 0).name = "培训修志队伍"),
    path: "performance.projects[1].indicators[0].name",
    message: "项目“政务公开专项经费”第 1 行“培训修志队伍”（=2.00次）与项目“市志编纂业务费”的指标同名同值",
  },
  "indicator.same-as-last-year": {
    options: lastYear,
    change: (d) => d.performance.projects[4].indicators.forEach((_, i) => setTarget(d, 4, i, ">=1次")),
    path: "performance.projects[4].indicators",
    message: "项目“企业上市奖励资金”的 5 个指标中有 5 个（100%）与 2019 年名称、指标值都相同",
  },
  "indicator.easier-than-last-year": {
    options: lastYear,
    change: (d) => setTarget(d, 0, 4, ">=90.00%"),
    path: "performance.projects[0].indicators[4].target",
    message:
      "项目“市志编纂业务费”第 5 行“发挥存史、资政、教化、育人作用”：指标值“>=90.00%”比 2019 年的“>=95.00%”低，目标放松了",
  },
  "performance.project-amount": {
    ...withTables,
    change: (d) => void (d.performance.projects[0].amount = "0.00"),
    path: "performance.projects[0].amount",
    message: "项目“市志编纂业务费”的金额为 0.00 万元",
  },
  "tables.text-figure": {
    ...withTables,
    change: (d) => void (d.budget.expenditure.basic = "1162.44"),
    path: "budget.expenditure.basic",
    message: "基本支出 1162.44 与表3 部门支出总表 合计行「基本支出小计」 1162.43 不一致",
  },
  "tables.project-amount": {
    ...withTables,
    change: (d) => void (d.performance.projects[0].amount = null),
    path: "performance.projects[0].amount",
    message: "请填写项目「市志编纂业务费」的金额：表10 项目支出表中为 120.00",
  },
  "tables.totals": {
    ...withTables,
    change: (d) => void (tablesOf(d).generalBudgetBasic.rows[0].amounts.personnel = "250.01"),
    path: "tables.generalBudgetBasic",
    message: "表6 一般公共预算基本支出表 合计 1162.44 ≠ 表5 一般公共预算支出表 基本支出合计 1162.43",
  },
  "tables.rows-agree": {
    ...withTables,
    change: (d) => void (tablesOf(d).expenditure.rows[11].amounts.project = "925.01"),
    path: "tables.expenditure.rows[11].amounts.project",
    message: "科目 2150805：表3 部门支出总表「项目支出」925.01 ≠ 表10 项目支出表「合计」925.00",
  },
  "tables.codes": {
    ...withTables,
    change: (d) => void (tablesOf(d).expenditure.rows[0].code = "20103"),
    path: "tables.expenditure.rows[0].code",
    message: /^科目 20103 是 2010302 的上级科目/,
  },
  "tables.code-unknown": {
    ...withTables,
    change: (d) => void (tablesOf(d).expenditure.rows[0].code = "2010398"),
    path: "tables.expenditure.rows[0].code",
    message: "2020年功能分类科目中没有 2010398",
  },
  "tables.code-name": {
    ...withTables,
    change: (d) => void (tablesOf(d).incomeExpenditure.rows[2].name = "医疗卫生与计划生育支出"),
    path: "tables.incomeExpenditure.rows[2].name",
    message: "科目 210 在2020年的名称是「卫生健康支出」，表中为「医疗卫生与计划生育支出」",
  },
  "tables.negative": {
    ...withTables,
    change: (d) => void (tablesOf(d).threePublic.lines!.outbound.current = "-1.00"),
    path: "tables.threePublic.lines.outbound.current",
    message: "表7 一般公共预算“三公”经费支出表「因公出国（境）费」为负数 -1.00",
  },
  "tables.unit-scale": {
    ...withTables,
    change: (d) => {
      for (const row of tablesOf(d).project.rows)
        row.amounts.generalPublicBudget = `${row.amounts.generalPublicBudget?.replace(".", "")}00.00`;
    },
    path: "tables.project",
    message: /^表10 项目支出表的金额约为文字所述的 5797 倍，可能按元填写$/,
  },
  "tables.miscoding": {
    ...withTables,
    change: (d) => void (tablesOf(d).generalBudgetBasic.rows[8].code = "30199"),
    path: "tables.expenditure.rows[12].code",
    message: "基本支出列了功能分类 2210201，表6 一般公共预算基本支出表却没有对应的经济分类 30113",
  },
  "tables.empty-note": {
    ...withTables,
    change: (d) => void (tablesOf(d).governmentFund.emptyNote = ""),
    path: "tables.governmentFund.emptyNote",
    message: "表8 政府性基金预算支出表为空表，请写明空表说明",
  },
  "text.punctuation": {
    change: (d) => void (d.otherMatters = "我部门无其他需要说明的事项，。"),
    path: "otherMatters",
    message: "其他需要说明的事项：标点连用“，。”",
  },
  "text.required-section": {
    change: (d) => void (d.otherMatters = ""),
    path: "otherMatters",
    message: /^请填写其他需要说明的事项/,
  },
};

describe("the catalogue", () => {
  test("every rule has a case that makes it fire", () => {
    expect(ruleCatalogue.map((r) => r.id).filter((id) => !(id in firing))).toEqual([]);
    expect(Object.keys(firing).filter((id) => !ruleCatalogue.some((r) => r.id === id))).toEqual([]);
  });

  test("ids are unique, dotted kebab-case, and each rule names a known section or none", () => {
    const ids = ruleCatalogue.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*$/);
    const known = new Set<string>(sections.map((s) => s.id));
    for (const r of ruleCatalogue) if (r.section !== null) expect(known.has(r.section)).toBe(true);
  });

  test("the catalogue as data carries no functions", () => {
    const info = catalogueInfo();
    expect(JSON.parse(JSON.stringify(info))).toEqual(info);
    expect(info.find((r) => r.id === "budget.expenditure-sum")).toEqual({
      id: "budget.expenditure-sum",
      severity: "error",
      section: "budget",
      title: "支出合计 = 基本支出 + 项目支出 + 其他支出",
    });
  });
});

describe.each(ruleCatalogue.map((r) => [r.id, r] as const))("%s", (id, rule) => {
  const c = firing[id];
  const classification = classification2020();
  const at = (d: Disclosure) =>
    checkDisclosure(d, { classification, ...c.options?.() }).filter((f) => f.rule === id && f.path === c.path);
  const base = c.base ?? sanhe2020;
  const imported = (text: string) =>
    importDisclosureText(text).findings.filter((f) => f.rule === id && f.path === c.path);

  test("is silent on the untouched fixture at the case's field", () => {
    expect(at(base())).toEqual([]);
    if (rule.importOnly) expect(imported(fixtureText)).toEqual([]);
  });

  test("is import-only exactly when its case changes the text", () => {
    expect(rule.importOnly === true).toBe("changeText" in c);
  });

  test("fires at the changed field, with its default severity and a message naming the figures", () => {
    let found: ReturnType<typeof imported>;
    if ("changeText" in c) {
      const text = c.changeText(fixtureText);
      expect(text).not.toBe(fixtureText);
      found = imported(text);
    } else {
      const d = base();
      c.change(d);
      found = at(d);
    }
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe(rule.severity);
    if (typeof c.message === "string") expect(found[0].message).toBe(c.message);
    else expect(found[0].message).toMatch(c.message);
  });
});
