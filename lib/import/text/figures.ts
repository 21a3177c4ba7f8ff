import { money, normaliseNumber, toAmount } from "../../domain/money";
import type { Problems } from "./problems";
import type { Paragraph } from "./source";

/**
 * Figures stated inside sentences: "一般公共预算收入2765.39万元", "基本支出减少201.83万元，主要为…".
 * A number may carry the clerk's typing: "1,0６2.4４", "2765.39 万元".
 */

const NUMBER = "([-+]?[0-9０-９][0-9０-９,.．\\s]*?)";
const UNIT = "\\s*(万元|元)";
const LINK = "\\s*(?:为|是|共计|合计|共|计)?\\s*(?:安排)?\\s*";

export type FoundAmount = { amount: string | null; start: number; end: number; para: Paragraph };
export type FoundChange = FoundAmount & { sign: 1 | -1 };

/** Reads "1,0６2.4４" and converts 元 to 万元; reports the number it could not read. */
export function readAmount(
  raw: string,
  unit: string,
  line: number,
  problems: Problems,
  path: string,
  reportUnit = true,
): string | null {
  const number = normaliseNumber(raw);
  if (number === null) {
    problems.add(line, `无法读取金额“${raw.trim()}${unit}”`, path);
    return null;
  }
  const value = unit === "元" ? money(number).dividedBy(10000) : money(number);
  if (unit === "元" && reportUnit)
    problems.add(line, `金额“${raw.trim()}元”以元为单位，已换算为 ${toAmount(value)} 万元`, path);
  if (value.decimalPlaces() > 2) problems.add(line, `金额“${raw.trim()}${unit}”超过两位小数，已四舍五入`, path);
  return toAmount(value);
}

/** The first "label … N万元" in the paragraphs, the label and the number with nothing but a link word between. */
export function findAmount(
  paras: ReadonlyArray<Paragraph>,
  label: RegExp,
  problems: Problems,
  path: string,
): FoundAmount | null {
  const pattern = new RegExp(`(?:${label.source})${LINK}${NUMBER}${UNIT}`);
  for (const para of paras) {
    const match = pattern.exec(para.text);
    if (!match) continue;
    return {
      amount: readAmount(match[1], match[2], para.no, problems, path),
      start: match.index,
      end: match.index + match[0].length,
      para,
    };
  }
  return null;
}

/** "label增加N万元" / "label减少N万元" / "label持平": a signed change against last year. */
export function findChange(
  text: string,
  label: RegExp,
  para: Paragraph,
  problems: Problems,
  path: string,
  from = 0,
): FoundChange | null {
  const pattern = new RegExp(
    `(?:${label.source})\\s*(?:比上年|较上年)?\\s*(?:(增加|增长|上升|减少|下降|降低)${NUMBER}${UNIT}|持平)`,
    "g",
  );
  pattern.lastIndex = from;
  const match = pattern.exec(text);
  if (!match) return null;
  const sign = match[1] && /减少|下降|降低/.test(match[1]) ? -1 : 1;
  const amount = match[1] ? readAmount(match[2], match[3], para.no, problems, path) : "0.00";
  return { amount, sign, start: match.index, end: match.index + match[0].length, para };
}

/** Last year's figure from this year's and the stated change: priorYear = current − change. */
export function priorFromChange(current: string | null, change: FoundChange | null): string | null {
  if (current === null || change === null || change.amount === null) return null;
  return toAmount(money(current).minus(money(change.amount).times(change.sign)));
}

/**
 * The words between one stated figure and the next, which is where a disclosure gives its
 * reason ("，主要为减少人员经费及办公经费；"). Clause separators around it are structure and go;
 * the sentence's own full stop stays, so a doubled "。。" reaches the checks as written.
 */
export function clauseBetween(text: string, start: number, end: number): string {
  return text
    .slice(start, end)
    .replace(/^[\s，,：:；;、]+/, "")
    .replace(/[\s，,；;、。]+$/, "");
}

/** A parenthesis right after a figure ("（其中：公务用车购置费…)") belongs to that figure. */
export function skipParenthesis(text: string, from: number): number {
  const match = /^\s*[（(][^（()）]*[)）]/.exec(text.slice(from));
  return match ? from + match[0].length : from;
}
