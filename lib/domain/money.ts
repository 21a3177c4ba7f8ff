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

/** Two-decimal text Decimal would print as it is (no leading zero, not "-0.00"): no need to parse it. */
const PLAIN_AMOUNT_TEXT = /^(?!-0\.00$)-?(0|[1-9]\d*)\.\d{2}$/;

/** zh-CN display: `2,765.39`. */
export function formatAmount(amount: string | Decimal | null | undefined): string {
  if (amount == null) return "";
  // A grid shows hundreds of amounts on each render: stored ones are already two-decimal text.
  const fixed = typeof amount === "string" && PLAIN_AMOUNT_TEXT.test(amount) ? amount : new Money(amount).toFixed(2);
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

/**
 * An amount as a whole number of 分 of 万元 (hundredths: "2765.39" is 276539), for code that adds
 * amounts by the thousand: the budget tables (computeTable) and their rules, run on every
 * keystroke in the editor and on every disclosure of a year's dashboard. Integer addition is
 * exact and does not allocate, where each Decimal operation parses and allocates (the ten tables
 * of 200 departments: some 100 ms in Decimal, 15 ms in 分). At run time a safe integer (a number) while the value is
 * one, a bigint beyond 2^53 (only a sum of figures near the model's 13-digit limit gets there),
 * so no sum is ever rounded. Opaque to the type checker: a Cents is not a number of 万元, so it
 * cannot be handed to money(), toAmount() or formatAmount() (Decimal takes numbers and bigints),
 * nor added with `+`; it is made and combined only by the functions below, and shown with
 * centsToAmount.
 */
declare const centsBrand: unique symbol;
export type Cents = { readonly [centsBrand]: "分" };

type Integer = number | bigint;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const raw = (c: Cents) => c as unknown as Integer;
/** A safe integer stays a number, so that two equal Cents are always `===` (centsEqual). */
const wrap = (value: Integer): Cents =>
  (typeof value === "bigint" && value <= MAX_SAFE && value >= -MAX_SAFE ? Number(value) : value) as unknown as Cents;

export const ZERO_CENTS: Cents = wrap(0);

/**
 * The 分 of canonical amount text (model.ts: `-?digits.dd`) with at most 13 integer digits, so
 * that they are a safe integer; null for any other text. Digit by digit, with no regular
 * expression or substring: this runs for every figure of every table on every check.
 */
function canonicalCents(text: string): number | null {
  const length = text.length;
  const point = length - 3;
  const start = text.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  if (point <= start || point - start > 13 || text.charCodeAt(point) !== 46 /* . */) return null;
  let value = 0;
  for (let i = start; i < length; i++) {
    if (i === point) continue;
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return null;
    value = value * 10 + digit;
  }
  // "-0.00" is zero, not a negative zero.
  return start === 1 && value !== 0 ? -value : value;
}

const DECIMAL_AMOUNT_TEXT = /^(-?)(\d+)(?:\.(\d{0,2}))?$/;

/**
 * An amount's 分, read from its decimal text digit for digit (absent counts as zero). Text with a
 * third decimal place that is not zero, or that is not a number, throws: rounding it here would
 * make a check's sum disagree with the figures it names.
 */
export function toCents(amount: string | null | undefined): Cents {
  if (amount == null) return ZERO_CENTS;
  const canonical = canonicalCents(amount);
  if (canonical !== null) return canonical as unknown as Cents;
  const parts = DECIMAL_AMOUNT_TEXT.exec(amount);
  if (parts) return wrap(BigInt(`${parts[1]}${parts[2]}${(parts[3] ?? "").padEnd(2, "0")}`));
  const scaled = new Money(amount).times(100);
  if (!scaled.isInteger()) throw new RangeError(`${amount} is not an amount of whole 分`);
  return wrap(BigInt(scaled.toFixed(0)));
}

export function addCents(a: Cents, b: Cents): Cents {
  const x = raw(a);
  const y = raw(b);
  if (typeof x === "number" && typeof y === "number") {
    const sum = x + y;
    if (Number.isSafeInteger(sum)) return sum as unknown as Cents;
  }
  return wrap(BigInt(x) + BigInt(y));
}

export function subtractCents(a: Cents, b: Cents): Cents {
  const x = raw(a);
  const y = raw(b);
  if (typeof x === "number" && typeof y === "number") {
    const difference = x - y;
    if (Number.isSafeInteger(difference)) return (difference || 0) as unknown as Cents;
  }
  return wrap(BigInt(x) - BigInt(y));
}

/** Some 分 times a whole number (how many times larger a figure is than another). */
export function multiplyCents(a: Cents, factor: number): Cents {
  if (!Number.isSafeInteger(factor)) throw new RangeError(`${factor} is not a whole number`);
  const x = raw(a);
  if (typeof x === "number") {
    const product = x * factor;
    if (Number.isSafeInteger(product)) return (product || 0) as unknown as Cents;
  }
  return wrap(BigInt(x) * BigInt(factor));
}

export function centsEqual(a: Cents, b: Cents): boolean {
  return raw(a) === raw(b);
}

/** Negative, zero or positive as a is less than, equal to or greater than b. */
export function compareCents(a: Cents, b: Cents): number {
  const x = raw(a);
  const y = raw(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** -1, 0 or 1: the sign of an amount. */
export function centsSign(a: Cents): number {
  return compareCents(a, ZERO_CENTS);
}

export function absCents(a: Cents): Cents {
  return centsSign(a) < 0 ? subtractCents(ZERO_CENTS, a) : a;
}

/** The two-decimal amount text: 276539 分 → "2765.39", -11 分 → "-0.11". */
export function centsToAmount(value: Cents): string {
  const negative = centsSign(value) < 0;
  const digits = raw(negative ? subtractCents(ZERO_CENTS, value) : value)
    .toString()
    .padStart(3, "0");
  return `${negative ? "-" : ""}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
