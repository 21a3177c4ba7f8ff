import type { ThreePublicYear } from "../domain/model";
import { sumAmounts, toAmount } from "../domain/money";
import type { Issue, RuleContext } from "./finding";
import { present, requiredIssue, sumIssue } from "./figures";

/** Sections 三 and 四: 机关运行经费 and the “三公” budget with its year-on-year changes. */

export function operatingExpensesRequired({ disclosure: d }: RuleContext): Issue[] {
  return present([requiredIssue("operatingExpenses.amount", "机关运行经费", d.operatingExpenses.amount)]);
}

export function threePublicRequired({ disclosure: d }: RuleContext): Issue[] {
  return present([
    requiredIssue("threePublic.current.total", "本年“三公”经费合计", d.threePublic.current.total),
    requiredIssue("threePublic.priorYear.total", "上年“三公”经费合计", d.threePublic.priorYear.total),
  ]);
}

function yearSum(path: string, yearLabel: string, y: ThreePublicYear): Issue | null {
  return sumIssue(path, `${yearLabel}“三公”经费合计`, y.total, [
    { label: "因公出国（境）费", value: y.outbound },
    { label: "公务用车购置费", value: y.vehiclePurchase },
    { label: "公务用车运维费", value: y.vehicleOperation },
    { label: "公务接待费", value: y.reception },
  ]);
}

export function threePublicSum({ disclosure: d }: RuleContext): Issue[] {
  return present([
    yearSum("threePublic.current.total", "本年", d.threePublic.current),
    yearSum("threePublic.priorYear.total", "上年", d.threePublic.priorYear),
  ]);
}

/**
 * The section's title promises 增减变化原因: each item that changed needs its reason. Vehicle
 * purchase and operation share one reason, as the disclosure explains them together.
 */
export function threePublicChangeReason({ disclosure: d }: RuleContext): Issue[] {
  const { current: c, priorYear: p, changeReasons: r } = d.threePublic;
  const items = [
    { key: "outbound", label: "因公出国（境）费", current: [c.outbound], prior: [p.outbound], reason: r.outbound },
    {
      key: "vehicles",
      label: "公务用车购置及运维费",
      current: [c.vehiclePurchase, c.vehicleOperation],
      prior: [p.vehiclePurchase, p.vehicleOperation],
      reason: r.vehicles,
    },
    { key: "reception", label: "公务接待费", current: [c.reception], prior: [p.reception], reason: r.reception },
  ] as const;
  const issues: Issue[] = [];
  for (const item of items) {
    if (item.reason.trim() !== "") continue;
    if ([...item.current, ...item.prior].every((v) => v == null)) continue;
    const now = sumAmounts(item.current);
    const before = sumAmounts(item.prior);
    const change = now.minus(before);
    if (change.isZero()) continue;
    issues.push({
      path: `threePublic.changeReasons.${item.key}`,
      message: `${item.label}较上年${change.isNegative() ? "减少" : "增加"} ${toAmount(change.abs())}（${toAmount(now)} − ${toAmount(before)}），请说明增减原因`,
    });
  }
  return issues;
}
