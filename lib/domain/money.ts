import Decimal from "decimal.js";

/**
 * Money is 万元 with two fractional digits, carried as a string ("2765.39") in the canonical JSON
 * and as a Decimal while computing. Nothing on the path from input to export is a JS float.
 */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Money = Decimal;

const FULL_WIDTH_DIGITS = /[０-９．，－＋]/g;

/** Full-width digits and signs (common from Chinese input methods) to ASCII. */
export function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH_DIGITS, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/**
 * Reads a number the way a finance clerk writes it: `1,062.44`, `１０６２.４４`, ` 99 `, `1 062.44`.
 * Returns the normalised decimal text (no grouping) or null when it is not a number.
 */
export function normaliseNumber(text: string): string | null {
  const cleaned = toHalfWidth(text).replace(/[\s,\u00a0\u3000]/g, "");
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(cleaned)) return null;
  return cleaned.replace(/^\+/, "");
}

/** Parses user or document text into a two-decimal amount string, or null if unreadable. */
export function parseAmount(text: string | null | undefined): string | null {
  if (text == null) return null;
  const n = normaliseNumber(text);
  if (n === null) return null;
  return new Money(n).toFixed(2);
}

export function money(amount: string | number | Decimal): Decimal {
  return new Money(amount);
}

/** Sum of amounts; null entries count as zero (an absent figure contributes nothing). */
export function sumAmounts(amounts: ReadonlyArray<string | null | undefined>): Decimal {
  return amounts.reduce<Decimal>((acc, a) => (a == null ? acc : acc.plus(a)), new Money(0));
}

export function toAmount(value: Decimal): string {
  return value.toFixed(2);
}

export function amountsEqual(a: string | Decimal | null | undefined, b: string | Decimal | null | undefined): boolean {
  return new Money(a ?? 0).eq(b ?? 0);
}

/** zh-CN display: `2,765.39`. */
export function formatAmount(amount: string | Decimal | null | undefined): string {
  if (amount == null) return "";
  const fixed = new Money(amount).toFixed(2);
  const [int, frac] = fixed.split(".");
  const sign = int.startsWith("-") ? "-" : "";
  const digits = sign ? int.slice(1) : int;
  return `${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${frac}`;
}

/**
 * How a disclosure writes an amount inside a sentence: `99万元`, `2765.39万元`, `30万元`
 * (trailing zero decimals dropped, as the fixture does).
 */
export function formatAmountInText(amount: string | Decimal | null | undefined): string {
  if (amount == null) return "";
  return new Money(amount).toDecimalPlaces(2).toString();
}
