import { money, toAmount } from "../domain/money";
import type { Issue, RuleContext } from "./finding";
import { present, requiredIssue, showAmount, sumIssue } from "./figures";

/** Section 二 (部门预算安排的总体情况): the sums the finance bureau adds up first. */

export function budgetRequired({ disclosure: d }: RuleContext): Issue[] {
  const { income, expenditure, priorYear } = d.budget;
  return present([
    requiredIssue("budget.income.total", "收入合计", income.total),
    requiredIssue("budget.expenditure.total", "支出合计", expenditure.total),
    requiredIssue("budget.expenditure.basic", "基本支出", expenditure.basic),
    requiredIssue("budget.expenditure.personnel", "人员经费", expenditure.personnel),
    requiredIssue("budget.expenditure.publicOperating", "日常公用经费", expenditure.publicOperating),
    requiredIssue("budget.expenditure.project", "项目支出", expenditure.project),
    requiredIssue("budget.priorYear.total", "上年预算支出合计", priorYear.total),
    requiredIssue("budget.priorYear.basic", "上年基本支出", priorYear.basic),
    requiredIssue("budget.priorYear.project", "上年项目支出", priorYear.project),
  ]);
}

export function budgetIncomeSum({ disclosure: d }: RuleContext): Issue[] {
  const i = d.budget.income;
  return present([
    sumIssue("budget.income.total", "收入合计", i.total, [
      { label: "一般公共预算", value: i.generalPublicBudget },
      { label: "政府性基金", value: i.governmentFund },
      { label: "财政专户核拨", value: i.fiscalSpecialAccount },
      { label: "其他来源", value: i.other },
    ]),
  ]);
}

export function budgetExpenditureSum({ disclosure: d }: RuleContext): Issue[] {
  const e = d.budget.expenditure;
  return present([
    sumIssue("budget.expenditure.total", "支出合计", e.total, [
      { label: "基本支出", value: e.basic },
      { label: "项目支出", value: e.project },
      { label: "其他支出", value: e.other },
    ]),
  ]);
}

export function budgetBasicSum({ disclosure: d }: RuleContext): Issue[] {
  const e = d.budget.expenditure;
  return present([
    sumIssue("budget.expenditure.basic", "基本支出", e.basic, [
      { label: "人员经费", value: e.personnel },
      { label: "日常公用经费", value: e.publicOperating },
    ]),
  ]);
}

/** 收支平衡: a department budget spends exactly what it receives. */
export function budgetBalance({ disclosure: d }: RuleContext): Issue[] {
  const income = d.budget.income.total;
  const spending = d.budget.expenditure.total;
  if (income == null || spending == null || money(income).eq(spending)) return [];
  return [
    {
      path: "budget.expenditure.total",
      message: `收支不平衡：收入合计 ${showAmount(income)} ≠ 支出合计 ${showAmount(spending)}`,
      hint: `差额 ${toAmount(money(income).minus(spending).abs())} 万元；部门预算收入与支出应相等`,
    },
  ];
}

export function budgetPriorYearSum({ disclosure: d }: RuleContext): Issue[] {
  const p = d.budget.priorYear;
  return present([
    sumIssue("budget.priorYear.total", "上年支出合计", p.total, [
      { label: "上年基本支出", value: p.basic },
      { label: "上年项目支出", value: p.project },
    ]),
  ]);
}

/** 比上年增减变化情况: a change the reader cannot explain is what the public asks about. */
export function budgetChangeReason({ disclosure: d }: RuleContext): Issue[] {
  const { expenditure, priorYear, changeReasons } = d.budget;
  const lines = [
    {
      key: "basic",
      label: "基本支出",
      current: expenditure.basic,
      prior: priorYear.basic,
      reason: changeReasons.basic,
    },
    {
      key: "project",
      label: "项目支出",
      current: expenditure.project,
      prior: priorYear.project,
      reason: changeReasons.project,
    },
  ] as const;
  const issues: Issue[] = [];
  for (const line of lines) {
    if (line.current == null || line.prior == null || line.reason.trim() !== "") continue;
    const change = money(line.current).minus(line.prior);
    if (change.isZero()) continue;
    issues.push({
      path: `budget.changeReasons.${line.key}`,
      message: `${line.label}较上年${change.isNegative() ? "减少" : "增加"} ${toAmount(change.abs())}（${showAmount(line.current)} − ${showAmount(line.prior)}），请说明增减原因`,
      hint: "如“主要为减少人员经费及办公经费”",
    });
  }
  return issues;
}
