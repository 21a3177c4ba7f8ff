import { inputMessages } from "../i18n/zh-CN/input";

/**
 * How large a figure of a disclosure may be (issue 13). The clerks check figures in Excel and WPS
 * (lib/export/xlsx.ts writes numbers as numbers), which keep 15 significant digits: a figure with
 * more would change when opened there, and a 1e308 weight or a 301-digit area is not a figure at
 * all. Each kind gets a maximum that fits, set as tight as the domain allows. The model's zod
 * schema (model.ts) applies them; so does every writer that checks a figure on its own (the grid).
 * Pure.
 */

/** Significant digits a spreadsheet keeps. */
export const SPREADSHEET_DIGITS = 15;
/** 万元 with two decimals: 13 integer digits (up to 9999999999999.99 万元, beyond any budget) keep all 15. */
export const MAX_AMOUNT_INTEGER_DIGITS = SPREADSHEET_DIGITS - 2;
/** A measured quantity that is not money (m² of buildings): at most 15 digits in all. */
export const MAX_DECIMAL_DIGITS = SPREADSHEET_DIGITS;
/** 权重: a share of a project's score, whose weights add up to 100 (lib/domain/spec/domain.md). */
export const MAX_WEIGHT = 100;
/** Counts (vehicles, pieces of equipment, items bought): under a billion, beyond any department's. */
export const MAX_COUNT = 999_999_999;

const m = inputMessages.figures;

/** "-2765.39" → 4: the digits before the point, leading zeros included (a padded figure is not a clean one). */
const integerDigits = (text: string) => text.replace(/^[-+]/, "").split(".")[0].length;
const allDigits = (text: string) => text.replace(/[^0-9]/g, "").length;

/** Null when the amount text fits; else the message. For text already in amount form ("2765.39"). */
export function amountDigitsProblem(text: string): string | null {
  return integerDigits(text) <= MAX_AMOUNT_INTEGER_DIGITS ? null : m.amountTooLong(MAX_AMOUNT_INTEGER_DIGITS);
}

/** Null when the decimal text ("1234.56") fits; else the message. */
export function decimalDigitsProblem(text: string): string | null {
  return allDigits(text) <= MAX_DECIMAL_DIGITS ? null : m.decimalTooLong(MAX_DECIMAL_DIGITS);
}

/** Null for a weight from 0 to 100; else the message (NaN and infinities included). */
export function weightProblem(weight: number): string | null {
  return Number.isFinite(weight) && weight >= 0 && weight <= MAX_WEIGHT ? null : m.weightRange(MAX_WEIGHT);
}

export const weightMessage = m.weightRange(MAX_WEIGHT);
export const countMessage = m.countTooLarge(MAX_COUNT);
