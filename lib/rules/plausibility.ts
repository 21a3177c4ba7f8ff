import { money, sumAmounts, toAmount } from "../domain/money";
import type { Issue, RuleContext } from "./finding";
import { showAmount } from "./figures";

/**
 * Figures that may each be right but cannot all be: a part larger than its whole. Warnings, as
 * the clerk may have a reason the reviewer should read (lib/domain/spec/rules.md, Plausibility).
 */

function exceeds(
  path: string,
  partLabel: string,
  part: string | null,
  wholeLabel: string,
  whole: string | null,
  hint?: string,
): Issue[] {
  if (part == null || whole == null || money(part).lte(whole)) return [];
  return [{ path, message: `${partLabel} ${showAmount(part)} > ${wholeLabel} ${showAmount(whole)}`, hint }];
}

export function threePublicWithinExpenditure({ disclosure: d }: RuleContext): Issue[] {
  return exceeds(
    "threePublic.current.total",
    "“三公”经费合计",
    d.threePublic.current.total,
    "支出合计",
    d.budget.expenditure.total,
  );
}

export function procurementWithinExpenditure({ disclosure: d }: RuleContext): Issue[] {
  return exceeds("procurement.total", "政府采购预算总额", d.procurement.total, "支出合计", d.budget.expenditure.total);
}

export function operatingWithinBasic({ disclosure: d }: RuleContext): Issue[] {
  return exceeds(
    "operatingExpenses.amount",
    "机关运行经费",
    d.operatingExpenses.amount,
    "基本支出",
    d.budget.expenditure.basic,
    "机关运行经费是基本支出中保障机构运行的部分",
  );
}

/** Only the project funds that state an amount are added: the rest may be unknown, not zero. */
export function projectFundsWithinProject({ disclosure: d }: RuleContext): Issue[] {
  const stated = d.performance.projects.filter((p) => p.amount != null);
  const project = d.budget.expenditure.project;
  if (stated.length === 0 || project == null) return [];
  const sum = sumAmounts(stated.map((p) => p.amount));
  if (sum.lte(project)) return [];
  const named =
    stated.length <= 4 ? stated.map((p) => `${p.name} ${showAmount(p.amount)}`).join(" + ") : `${stated.length} 个项目`;
  return [
    {
      path: "performance.projects",
      message: `项目资金合计 ${toAmount(sum)}（${named}）> 项目支出 ${showAmount(project)}`,
      hint: `超出 ${toAmount(sum.minus(project))} 万元`,
    },
  ];
}
