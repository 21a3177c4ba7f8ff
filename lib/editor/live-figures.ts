import type Decimal from "decimal.js";
import type { Budget, Procurement, ProcurementItem, ThreePublicYear, Assets } from "../domain/model";
import { money, parseAmount, sumAmounts, toAmount } from "../domain/money";

/**
 * The arithmetic the clerk sees while typing: each total beside the sum of its parts, and each
 * figure's change against last year. Exact decimals (decimal.js) on the two-decimal strings the
 * model stores; a part still being typed ("1,06", "abc") is read as the clerk would read it, or
 * left out when it is not a number yet.
 */

/** A form value as an amount: the stored string, or what a typed text means, or null. */
export function readAmount(value: unknown): string | null {
  if (typeof value !== "string" || value.trim() === "") return null;
  return parseAmount(value);
}

export type SumCheck = {
  /** The sum of the parts that are filled; null when none is. */
  sum: string | null;
  /** The total as typed (read as an amount), or null. */
  total: string | null;
  /** Both known and equal / different; null when either is unknown. */
  matches: boolean | null;
  /** total − sum, when both are known. */
  difference: string | null;
  /** How many parts are not filled (counted as 0 in the sum). */
  missingParts: number;
};

export function sumCheck(total: unknown, parts: ReadonlyArray<unknown>): SumCheck {
  const read = parts.map(readAmount);
  const known = read.filter((p): p is string => p !== null);
  const sum = known.length === 0 ? null : toAmount(sumAmounts(known));
  const t = readAmount(total);
  const both = sum !== null && t !== null;
  return {
    sum,
    total: t,
    matches: both ? money(t).eq(sum) : null,
    difference: both ? toAmount(money(t).minus(sum)) : null,
    missingParts: read.length - known.length,
  };
}

export type Change = {
  current: string | null;
  prior: string | null;
  delta: string | null;
  direction: "up" | "down" | "same" | null;
};

export function changeOf(current: unknown, prior: unknown): Change {
  const c = readAmount(current);
  const p = readAmount(prior);
  if (c === null || p === null) return { current: c, prior: p, delta: null, direction: null };
  const d: Decimal = money(c).minus(p);
  return {
    current: c,
    prior: p,
    delta: toAmount(d.abs()),
    direction: d.isZero() ? "same" : d.isNegative() ? "down" : "up",
  };
}

/** Section 二: income = its four sources; expenditure = basic + project + other; basic = personnel + public operating. */
export function budgetFigures(b: Budget) {
  const { income: i, expenditure: e, priorYear: p } = b;
  return {
    income: sumCheck(i.total, [i.generalPublicBudget, i.governmentFund, i.fiscalSpecialAccount, i.other]),
    expenditure: sumCheck(e.total, [e.basic, e.project, e.other]),
    basic: sumCheck(e.basic, [e.personnel, e.publicOperating]),
    priorYear: sumCheck(p.total, [p.basic, p.project]),
    balance: changeOf(i.total, e.total),
    changes: {
      total: changeOf(e.total, p.total),
      basic: changeOf(e.basic, p.basic),
      project: changeOf(e.project, p.project),
    },
  };
}

export function threePublicYearCheck(y: ThreePublicYear): SumCheck {
  return sumCheck(y.total, [y.outbound, y.vehiclePurchase, y.vehicleOperation, y.reception]);
}

/** 公务用车购置及运维费: purchase and operation, stated as one figure in the sentence. */
export function vehiclesOf(y: ThreePublicYear): string | null {
  const parts = [readAmount(y.vehiclePurchase), readAmount(y.vehicleOperation)];
  return parts.every((p) => p === null) ? null : toAmount(sumAmounts(parts));
}

/** The figure a line's amount should be: quantity × unit price, exactly (3 × 17.98 = 53.94). */
export function lineProduct(item: Pick<ProcurementItem, "quantity" | "unitPrice">): string | null {
  const price = readAmount(item.unitPrice);
  if (item.quantity == null || price === null) return null;
  return toAmount(money(price).times(item.quantity));
}

export function procurementFigures(p: Procurement) {
  return {
    total: sumCheck(
      p.total,
      p.items.map((i) => i.amount),
    ),
    lines: p.items.map((i) => ({
      product: lineProduct(i),
      funding: sumCheck(i.amount, [
        i.funding.generalPublicBudget,
        i.funding.governmentFund,
        i.funding.fiscalSpecialAccount,
        i.funding.other,
      ]),
    })),
  };
}

/** 固定资产总额 = 房屋 + 车辆 + 20万元以上设备 + 其他 (办公用房 is part of 房屋, not added again). */
export function assetsTotalCheck(a: Assets): SumCheck {
  return sumCheck(a.fixedAssetsTotal, [a.buildings.value, a.vehicles.value, a.equipmentOver200k.value, a.other.value]);
}
