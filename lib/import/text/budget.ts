import { money, normaliseNumber, toAmount } from "../../domain/money";
import type { Budget, OperatingExpenses } from "../../domain/model";
import { clauseBetween, findAmount, findChange, priorFromChange, type FoundChange } from "./figures";
import type { StatedFigures } from "./narrative-figures";
import type { Problems } from "./problems";
import type { Paragraph } from "./source";

/**
 * 二、部门预算安排的总体情况 and 三、机关运行经费安排情况: every figure is inside a sentence, and
 * last year's figures are given only as changes.
 */

const CHANGE_MARKER = /(?:较|比|与)\s*(?:\d{4}\s*年|上年|上一年)/;

const INCOME: ReadonlyArray<[keyof Budget["income"], RegExp]> = [
  ["total", /年(?:度)?(?:部门)?预算收入|收入(?:合计|总计|总额)|总收入/],
  ["generalPublicBudget", /一般公共预算(?:拨款)?收入/],
  ["governmentFund", /(?:政府性)?基金预算(?:拨款)?收入/],
  ["fiscalSpecialAccount", /财政专户(?:核拨|管理资金)?收入/],
  ["other", /其他(?:来源)?收入/],
];

const EXPENDITURE: ReadonlyArray<[Exclude<keyof Budget["expenditure"], "projectHighlights">, RegExp]> = [
  ["total", /年(?:度)?(?:部门)?支出预算|支出(?:合计|总计|总额)|总支出/],
  ["basic", /基本支出/],
  ["personnel", /人员经费/],
  ["publicOperating", /(?:日常)?公用经费/],
  ["project", /项目支出/],
  ["other", /其他支出/],
];

export function readBudget(
  paras: ReadonlyArray<Paragraph>,
  problems: Problems,
  headingLine: number,
  stated: StatedFigures,
): Budget {
  // "3、比上年增减变化情况" names the change without stating one; only a sentence with a figure counts.
  const isChange = (p: Paragraph) => CHANGE_MARKER.test(p.text) && /万元/.test(p.text);
  const current = paras.filter((p) => !isChange(p));
  const changes = paras.filter(isChange);

  const income = {
    total: null,
    generalPublicBudget: null,
    governmentFund: null,
    fiscalSpecialAccount: null,
    other: null,
  } as Budget["income"];
  for (const [field, label] of INCOME) {
    const found = findAmount(current, label, problems, `budget.income.${field}`);
    if (found) income[field] = found.amount;
    else problems.add(headingLine, `未找到${incomeName(field)}`, `budget.income.${field}`);
  }

  const expenditure = {
    total: null,
    basic: null,
    personnel: null,
    publicOperating: null,
    project: null,
    other: null,
    projectHighlights: "",
  } as Budget["expenditure"];
  let totalLine: number | null = null;
  for (const [field, label] of EXPENDITURE) {
    const found = findAmount(current, label, problems, `budget.expenditure.${field}`);
    if (found) expenditure[field] = found.amount;
    else if (field !== "other")
      problems.add(headingLine, `未找到${expenditureName(field)}`, `budget.expenditure.${field}`);
    if (found && field === "total") totalLine = found.para.no;
    if (found && field === "project") expenditure.projectHighlights = highlightsAfter(found.para.text, found.end);
  }

  const statedTotal = { total: expenditure.total, line: totalLine };
  return { income, expenditure, ...readChanges(changes, expenditure, statedTotal, problems, headingLine, stated) };
}

function highlightsAfter(text: string, from: number): string {
  const rest = text.slice(from);
  const match = /^[，,]?\s*(?:主要(?:为|是|包括|用于))?([^；;。]*)/.exec(rest);
  return match ? match[1].trim() : "";
}

function readChanges(
  paras: ReadonlyArray<Paragraph>,
  expenditure: Budget["expenditure"],
  statedTotal: { total: string | null; line: number | null },
  problems: Problems,
  headingLine: number,
  stated: StatedFigures,
): Pick<Budget, "priorYear" | "changeReasons"> {
  const priorYear: Budget["priorYear"] = { total: null, basic: null, project: null };
  const changeReasons: Budget["changeReasons"] = { basic: "", project: "" };
  const para = paras[0];
  if (!para) {
    problems.add(headingLine, "未找到与上年相比的增减变化情况", "budget.priorYear");
    return { priorYear, changeReasons };
  }
  const text = para.text;
  // "2020年预算收支安排2765.39万元，较2019年…": the year's total again, before its change.
  const arranged = /(?:收支|预算)?安排\s*([0-9０-９][0-9０-９,.．\s]*?)\s*万元/.exec(
    text.slice(0, text.search(CHANGE_MARKER)),
  );
  const arrangedAmount = arranged ? normaliseNumber(arranged[1]) : null;
  if (arrangedAmount !== null && statedTotal.total !== null && statedTotal.line !== null) {
    stated.twice(
      "budget.expenditure.total",
      "第二部分",
      { label: "收支安排", amount: toAmount(money(arrangedAmount)), where: "“比上年增减变化情况”中", line: para.no },
      { label: "支出预算", amount: statedTotal.total, where: "“支出说明”中", line: statedTotal.line },
    );
  }
  const total = findChange(
    text,
    new RegExp(`${CHANGE_MARKER.source}[^，,；;。]*?(?:预算)?`),
    para,
    problems,
    "budget.priorYear.total",
  );
  const basic = findChange(text, /基本支出/, para, problems, "budget.priorYear.basic");
  const project = findChange(text, /项目支出/, para, problems, "budget.priorYear.project");
  priorYear.total = priorFromChange(expenditure.total, total);
  priorYear.basic = priorFromChange(expenditure.basic, basic);
  priorYear.project = priorFromChange(expenditure.project, project);
  if (!total) problems.add(para.no, "未找到支出总额比上年的增减额", "budget.priorYear.total");
  if (!basic) problems.add(para.no, "未找到基本支出比上年的增减额", "budget.priorYear.basic");
  if (!project) problems.add(para.no, "未找到项目支出比上年的增减额", "budget.priorYear.project");

  const clauses = [basic, project].filter((c): c is FoundChange => c !== null).sort((a, b) => a.start - b.start);
  const reasonOf = (change: FoundChange | null) => {
    if (!change) return "";
    const next = clauses.find((c) => c.start > change.start);
    return clauseBetween(text, change.end, next ? next.start : text.length);
  };
  changeReasons.basic = reasonOf(basic);
  changeReasons.project = reasonOf(project);

  if (total?.amount && basic?.amount && project?.amount) {
    const parts = [
      { label: "基本支出", amount: signed(basic) },
      { label: "项目支出", amount: signed(project) },
    ];
    stated.changeSum(
      "budget.priorYear.total",
      "第二部分",
      { label: "收支安排", amount: signed(total), where: "“比上年增减变化情况”中", line: para.no },
      parts,
    );
  }
  return { priorYear, changeReasons };
}

const signed = (c: FoundChange): string => toAmount(money(c.amount ?? 0).times(c.sign));

/** 三、机关运行经费: "机关运行经费共计安排99.99万元，主要用于…". */
export function readOperatingExpenses(
  paras: ReadonlyArray<Paragraph>,
  problems: Problems,
  headingLine: number,
): OperatingExpenses {
  const found = findAmount(paras, /机关运行经费[^0-9０-９，,。；]{0,12}?/, problems, "operatingExpenses.amount");
  if (!found) {
    problems.add(headingLine, "未找到机关运行经费金额", "operatingExpenses.amount");
    return { amount: null, purposes: paras.map((p) => p.text).join("\n") };
  }
  const rest = [clauseBetween(found.para.text, found.end, found.para.text.length)];
  for (const p of paras) if (p.no > found.para.no) rest.push(p.text);
  return { amount: found.amount, purposes: rest.filter((r) => r !== "").join("\n") };
}

function incomeName(field: keyof Budget["income"]): string {
  return {
    total: "预算收入总额",
    generalPublicBudget: "一般公共预算收入",
    governmentFund: "政府性基金预算收入",
    fiscalSpecialAccount: "财政专户核拨收入",
    other: "其他来源收入",
  }[field];
}

function expenditureName(field: string): string {
  return (
    {
      total: "支出预算总额",
      basic: "基本支出",
      personnel: "人员经费",
      publicOperating: "日常公用经费",
      project: "项目支出",
      other: "其他支出",
    } as Record<string, string>
  )[field];
}
