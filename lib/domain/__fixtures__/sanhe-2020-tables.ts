import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Amounts, BudgetTables, TableRow } from "../budget-tables";
import { emptyTables } from "../budget-tables";
import { type ClassificationCatalogue, classificationCatalogue, parseClassificationTsv } from "../classification";
import { disclosure, type Disclosure } from "../model";
import { money, sumAmounts, toAmount } from "../money";
import { sanhe2020 } from "./sanhe-2020";

/**
 * ILLUSTRATIVE RECONSTRUCTION — not published data. The 2020 budget tables of 三河市人民政府办公室
 * (department 434), made up so that every figure of the published text (the fixture,
 * ./sanhe-2020.ts) agrees with them: 收入 2765.39, all 一般公共预算; 基本支出 1162.43 = 人员经费
 * 1062.44 + 公用经费 99.99; 项目支出 1602.96 over the 13 projects of its 绩效目标表; 上年 2671.20 =
 * 1364.26 + 1306.94; "三公" 252.89 (0 + 53.94 + 30.00 + 168.95; 上年 253.00); 机关运行经费 99.99.
 * How the totals divide among 科目 and projects is invented (only 政务公开专项经费's 19.30 is the
 * text's own, from its indicator). e2e/fixtures/sanhe-2020-tables.xlsx is written from this file by
 * lib/tools/tasks/sanhe-tables-xlsx.ts.
 */

type FunctionalLine = {
  code: string;
  name: string;
  personnel?: string;
  publicOperating?: string;
  priorBasic?: string;
  priorProject?: string;
};

/** 支出功能分类 项 with their 基本支出 and last year's figures; projects add their own below. */
const functional: FunctionalLine[] = [
  { code: "2010301", name: "行政运行", personnel: "740.00", publicOperating: "99.99", priorBasic: "1057.26" },
  { code: "2010302", name: "一般行政管理事务", priorProject: "200.00" },
  { code: "2010303", name: "机关服务", priorProject: "100.00" },
  { code: "2010399", name: "其他政府办公厅（室）及相关机构事务支出", priorProject: "100.00" },
  { code: "2010699", name: "其他财政事务支出", priorProject: "40.00" },
  { code: "2019999", name: "其他一般公共服务支出", priorProject: "166.94" },
  { code: "2080501", name: "行政单位离退休", personnel: "44.46", priorBasic: "40.00" },
  { code: "2080505", name: "机关事业单位基本养老保险缴费支出", personnel: "98.40", priorBasic: "95.00" },
  { code: "2080506", name: "机关事业单位职业年金缴费支出", personnel: "39.36", priorBasic: "38.00" },
  { code: "2101101", name: "行政单位医疗", personnel: "54.12", priorBasic: "52.00" },
  { code: "2101103", name: "公务员医疗补助", personnel: "12.30", priorBasic: "12.00" },
  { code: "2150805", name: "中小企业发展专项", priorProject: "700.00" },
  { code: "2210201", name: "住房公积金", personnel: "73.80", priorBasic: "70.00" },
];

/** The 13 projects of the 绩效目标表, in its order, with their 功能分类 项 and amount (all 一般公共预算). */
export const sanheProjects: ReadonlyArray<{ name: string; code: string; amount: string }> = [
  { name: "市志编纂业务费", code: "2010302", amount: "120.00" },
  { name: "政务公开专项经费", code: "2010302", amount: "19.30" },
  { name: "市长热线办公室业务费", code: "2010302", amount: "60.00" },
  { name: "金融信用办业务经费", code: "2010699", amount: "45.00" },
  { name: "企业上市奖励资金", code: "2150805", amount: "300.00" },
  { name: "企业家培训经费（企业上市培训经费）", code: "2150805", amount: "25.00" },
  { name: "金融贡献奖励资金", code: "2150805", amount: "600.00" },
  { name: "安全生产经费", code: "2019999", amount: "40.00" },
  { name: "创城办两项重点工作综合业务费", code: "2019999", amount: "80.00" },
  { name: "后期管理专项经费", code: "2010303", amount: "90.00" },
  { name: "禁毒工作经费", code: "2019999", amount: "20.00" },
  { name: "外事办业务费", code: "2010399", amount: "30.00" },
  { name: "第二十四届中国（廊坊）农交会", code: "2019999", amount: "173.66" },
];

/** 一般公共预算基本支出 by 经济分类 款: 人员经费 1062.44, 公用经费 99.99. */
const economic: ReadonlyArray<{ code: string; name: string; personnel?: string; publicOperating?: string }> = [
  { code: "30101", name: "基本工资", personnel: "250.00" },
  { code: "30102", name: "津贴补贴", personnel: "300.00" },
  { code: "30103", name: "奖金", personnel: "40.00" },
  { code: "30107", name: "绩效工资", personnel: "150.00" },
  { code: "30108", name: "机关事业单位基本养老保险缴费", personnel: "98.40" },
  { code: "30109", name: "职业年金缴费", personnel: "39.36" },
  { code: "30110", name: "职工基本医疗保险缴费", personnel: "54.12" },
  { code: "30111", name: "公务员医疗补助缴费", personnel: "12.30" },
  { code: "30113", name: "住房公积金", personnel: "73.80" },
  { code: "30201", name: "办公费", publicOperating: "30.00" },
  { code: "30205", name: "水费", publicOperating: "3.00" },
  { code: "30206", name: "电费", publicOperating: "8.00" },
  { code: "30211", name: "差旅费", publicOperating: "15.00" },
  { code: "30213", name: "维修（护）费", publicOperating: "12.00" },
  { code: "30228", name: "工会经费", publicOperating: "10.00" },
  { code: "30229", name: "福利费", publicOperating: "6.99" },
  { code: "30239", name: "其他交通费用", publicOperating: "15.00" },
  { code: "30302", name: "退休费", personnel: "44.46" },
];

const CLASS_NAMES: Record<string, string> = {
  "201": "一般公共服务支出",
  "208": "社会保障和就业支出",
  "210": "卫生健康支出",
  "215": "资源勘探工业信息等支出",
  "221": "住房保障支出",
};

const z = (v: string | undefined) => v ?? "0.00";

/** The demo's ten tables, built afresh on each call (a test may change any cell). */
export function sanhe2020Tables(): BudgetTables {
  const t = emptyTables();
  const projectOf = (code: string) =>
    toAmount(sumAmounts(sanheProjects.filter((p) => p.code === code).map((p) => p.amount)));
  const rows = functional.map((f) => ({ ...f, project: projectOf(f.code) }));
  const row = (code: string, name: string, amounts: Amounts): TableRow => ({ code, name, amounts });

  t.incomeExpenditure.lines = Object.fromEntries(
    Object.keys(t.incomeExpenditure.lines ?? {}).map((k) => [
      k,
      { amount: k === "generalPublicBudget" ? "2765.39" : "0.00" },
    ]),
  );
  t.incomeExpenditure.rows = Object.entries(CLASS_NAMES).map(([code, name]) =>
    row(code, name, {
      amount: toAmount(
        sumAmounts(
          rows.filter((r) => r.code.startsWith(code)).flatMap((r) => [z(r.personnel), z(r.publicOperating), r.project]),
        ),
      ),
    }),
  );
  t.income.rows = [
    row("434001", "三河市人民政府办公室", {
      ...Object.fromEntries(
        ["governmentFund", "stateCapital", "fiscalSpecialAccount", "businessIncome", "operatingIncome"].map((k) => [
          k,
          "0.00",
        ]),
      ),
      generalPublicBudget: "2765.39",
      superiorSubsidy: "0.00",
      subordinateRemittance: "0.00",
      other: "0.00",
      carryOver: "0.00",
    }),
  ];
  t.expenditure.rows = rows.map((r) =>
    row(r.code, r.name, { personnel: z(r.personnel), publicOperating: z(r.publicOperating), project: r.project }),
  );
  t.appropriation.lines = {
    generalPublicBudget: { amount: "2765.39" },
    governmentFund: { amount: "0.00" },
    stateCapital: { amount: "0.00" },
  };
  t.appropriation.rows = rows.map((r) =>
    row(r.code, r.name, {
      generalPublicBudget: toAmount(money(z(r.personnel)).plus(z(r.publicOperating)).plus(r.project)),
      governmentFund: "0.00",
      stateCapital: "0.00",
    }),
  );
  t.generalBudget.rows = rows.map((r) =>
    row(r.code, r.name, {
      priorBasic: z(r.priorBasic),
      priorProject: z(r.priorProject),
      basic: toAmount(money(z(r.personnel)).plus(z(r.publicOperating))),
      project: r.project,
    }),
  );
  t.generalBudgetBasic.rows = economic.map((e) =>
    row(e.code, e.name, { personnel: z(e.personnel), publicOperating: z(e.publicOperating) }),
  );
  t.threePublic.lines = {
    outbound: { current: "0.00", priorYear: "0.00" },
    vehiclePurchase: { current: "53.94", priorYear: "0.00" },
    vehicleOperation: { current: "30.00", priorYear: "33.00" },
    reception: { current: "168.95", priorYear: "220.00" },
  };
  t.project.rows = sanheProjects.map((p) =>
    row(p.code, p.name, {
      generalPublicBudget: p.amount,
      governmentFund: "0.00",
      stateCapital: "0.00",
      fiscalSpecialAccount: "0.00",
      unitFunds: "0.00",
    }),
  );
  return t;
}

/**
 * The fixture with its tables, and each 绩效目标表 project's amount read from the 项目支出表 (the
 * published text leaves them out): what a draft made from text and tables holds.
 */
export function sanhe2020WithTables(): Disclosure {
  const d = sanhe2020();
  d.tables = sanhe2020Tables();
  for (const p of d.performance.projects) p.amount = sanheProjects.find((x) => x.name === p.name)?.amount ?? null;
  return disclosure.parse(d);
}

/** The shipped 2020 classification subset (db/seed/classification-2020.tsv) as the rules receive it. */
export function classification2020(): ClassificationCatalogue {
  const path = fileURLToPath(new URL("../../../db/seed/classification-2020.tsv", import.meta.url));
  return classificationCatalogue(2020, parseClassificationTsv(readFileSync(path, "utf8")));
}
