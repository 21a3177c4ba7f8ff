import type Decimal from "decimal.js";
import { money, sumAmounts, toAmount } from "../domain/money";
import type { Issue } from "./finding";

/**
 * The shared grammar of the sum rules: a total and its addends, each with the label the
 * disclosure prints, so every message names the figures it compared.
 */
export type Term = { label: string; value: string | null };

/** Two decimals, or 未填 for an absent figure: a message never shows "null" or "NaN". */
export function showAmount(value: string | Decimal | null | undefined): string {
  return value == null ? "未填" : toAmount(money(value));
}

/**
 * total = Σ terms. Silent when the total itself is absent (the required-figure rules say so);
 * absent addends count as zero and are named 未填 so the clerk sees why the sum differs.
 */
export function sumIssue(
  path: string,
  totalLabel: string,
  total: string | null,
  terms: ReadonlyArray<Term>,
  /** For long tables: name the sum instead of listing every addend. */
  collapsedLabel?: string,
): Issue | null {
  if (total == null) return null;
  const sum = sumAmounts(terms.map((t) => t.value));
  if (sum.eq(total)) return null;
  const addends = collapsedLabel ?? terms.map((t) => `${t.label} ${showAmount(t.value)}`).join(" + ");
  const missing = terms.filter((t) => t.value == null).map((t) => t.label);
  const diff = money(total).minus(sum);
  const hints = [`差额 ${showAmount(diff.abs())} 万元（${diff.isPositive() ? "合计多" : "合计少"}）`];
  if (missing.length > 0) hints.push(`${missing.join("、")}未填，按 0 计`);
  return {
    path,
    message: `${totalLabel} ${showAmount(total)} ≠ ${addends} = ${toAmount(sum)}`,
    hint: hints.join("；"),
  };
}

/** A figure the disclosure must state; 0.00 is a statement, an empty field is not. */
export function requiredIssue(path: string, label: string, value: string | number | null): Issue | null {
  return value == null ? { path, message: `请填写${label}`, hint: "没有发生的填 0.00" } : null;
}

export function present<T>(items: ReadonlyArray<T | null>): T[] {
  return items.filter((x): x is T => x !== null);
}
