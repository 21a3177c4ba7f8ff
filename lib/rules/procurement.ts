import { money, toAmount } from "../domain/money";
import type { Issue, RuleContext } from "./finding";
import { present, requiredIssue, showAmount, sumIssue } from "./figures";

/** Section 六 (政府采购预算情况): each line, its funding, and the table's total. */

const item = (i: number) => `procurement.items[${i}]`;

function lineName(i: number, name: string): string {
  return `第 ${i + 1} 行${name.trim() ? `“${name.trim()}”` : ""}`;
}

export function procurementRequired({ disclosure: d }: RuleContext): Issue[] {
  const { total, items } = d.procurement;
  return present([
    requiredIssue("procurement.total", "政府采购预算总额", total),
    ...items.map((line, i) => requiredIssue(`${item(i)}.amount`, `${lineName(i, line.item)}的采购金额`, line.amount)),
  ]);
}

/**
 * amount = quantity × unit price, exactly (3 × 17.98 = 53.94). A line without quantity or price
 * (services are often bought that way) has nothing to multiply and is left alone.
 */
export function procurementLineAmount({ disclosure: d }: RuleContext): Issue[] {
  const issues: Issue[] = [];
  d.procurement.items.forEach((line, i) => {
    if (line.amount == null || line.quantity == null || line.unitPrice == null) return;
    const product = money(line.unitPrice).times(line.quantity);
    if (product.eq(line.amount)) return;
    const roundedPrice =
      line.quantity > 0 && money(line.amount).div(line.quantity).toDecimalPlaces(2).eq(line.unitPrice);
    issues.push({
      path: `${item(i)}.amount`,
      message: `${lineName(i, line.item)}：采购金额 ${showAmount(line.amount)} ≠ 数量 ${line.quantity} × 单价 ${showAmount(line.unitPrice)} = ${toAmount(product)}`,
      hint: roundedPrice
        ? "单价像是四舍五入后的数：请核对金额，或按实际单价调整数量与金额"
        : `差额 ${toAmount(money(line.amount).minus(product).abs())} 万元`,
    });
  });
  return issues;
}

/** 当年部门预算安排资金 split by source must account for the whole line. */
export function procurementLineFunding({ disclosure: d }: RuleContext): Issue[] {
  return present(
    d.procurement.items.map((line, i) =>
      sumIssue(`${item(i)}.funding`, `${lineName(i, line.item)}：采购金额`, line.amount, [
        { label: "一般公共预算", value: line.funding.generalPublicBudget },
        { label: "政府性基金", value: line.funding.governmentFund },
        { label: "财政专户核拨", value: line.funding.fiscalSpecialAccount },
        { label: "其他来源", value: line.funding.other },
      ]),
    ),
  );
}

/** Beyond this many lines a message listing every addend is no longer readable. */
const LISTED_LINES = 6;

export function procurementTotal({ disclosure: d }: RuleContext): Issue[] {
  const { total, items } = d.procurement;
  if (items.length === 0) {
    // No lines: a stated total above zero has nothing behind it.
    if (total == null || money(total).isZero()) return [];
    return [
      {
        path: "procurement.total",
        message: `政府采购预算总额 ${showAmount(total)}，但采购明细表没有任何一行`,
        hint: "请填写采购明细，或把总额改为 0.00",
      },
    ];
  }
  const terms = items.map((line, i) => ({ label: line.item.trim() || `第 ${i + 1} 行`, value: line.amount }));
  const collapsed = items.length > LISTED_LINES ? `${items.length} 行采购金额之和` : undefined;
  return present([sumIssue("procurement.total", "政府采购预算总额", total, terms, collapsed)]);
}
