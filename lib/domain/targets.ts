import type Decimal from "decimal.js";
import { Money, toHalfWidth } from "./money";
import type { Target, TargetOperator } from "./model";

/**
 * 指标值: `[operator][number][unit]` or a qualitative phrase (lib/domain/spec/domain.md, "The grammar of 指标值").
 * The raw text always travels with the parsed form, so the finance bureau sees what was written.
 */

/** Symbol spellings seen in WPS/Word/IME output, reduced to ASCII before reading. */
const SYMBOL_FORMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/[≥≧⩾]/g, ">="],
  [/[≤≦⩽]/g, "<="],
  [/＞/g, ">"],
  [/＜/g, "<"],
  [/＝/g, "="],
  [/％/g, "%"],
  [/／/g, "/"],
  [/（/g, "("],
  [/）/g, ")"],
  [/[\u3000\u00a0\u2009\u202f\t\r\n]/g, " "],
];

function normaliseForms(text: string): string {
  return SYMBOL_FORMS.reduce((acc, [pattern, ascii]) => acc.replace(pattern, ascii), toHalfWidth(text));
}

/** Longest spelling first: 大于等于 must win over 大于. */
const OPERATOR_SPELLINGS: ReadonlyArray<readonly [string, TargetOperator]> = (
  [
    [">==", ">="],
    ["<==", "<="],
    [">=", ">="],
    ["=>", ">="],
    ["<=", "<="],
    ["=<", "<="],
    ["==", "="],
    [">", ">"],
    ["<", "<"],
    ["=", "="],
    ["大于或等于", ">="],
    ["大于等于", ">="],
    ["不低于", ">="],
    ["不少于", ">="],
    ["不小于", ">="],
    ["至少", ">="],
    ["最少", ">="],
    ["达到", ">="],
    ["小于或等于", "<="],
    ["小于等于", "<="],
    ["不高于", "<="],
    ["不超过", "<="],
    ["不多于", "<="],
    ["不大于", "<="],
    ["至多", "<="],
    ["最多", "<="],
    ["大于", ">"],
    ["高于", ">"],
    ["超过", ">"],
    ["多于", ">"],
    ["小于", "<"],
    ["低于", "<"],
    ["少于", "<"],
    ["等于", "="],
  ] as const
)
  .slice()
  .sort((a, b) => b[0].length - a[0].length);

/** `95%以上`, `95%及以上`, `5次以下`, `5天以内`: 以上/以下 include the number itself in Chinese usage. */
const TRAILING_OPERATOR = /\s*(?:\(含\))?\s*(?:及|或)?(以上|以下|以内|之内)\s*(?:\(含\))?$/;

/** Grouping by comma or space only in proper groups of three, so `1,00` is not silently 100. */
const NUMBER = /^([-+])?\s*(\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)/;

function leadingOperator(text: string): { operator: TargetOperator; length: number } | null {
  const compact = text.replace(/^([<>=])\s+=/, "$1=");
  for (const [spelling, operator] of OPERATOR_SPELLINGS) {
    if (compact.startsWith(spelling)) return { operator, length: spelling.length + (text.length - compact.length) };
  }
  return null;
}

/**
 * The operator alone, as a 指标性质 column states it: `≥`, `大于等于`, `以上`. Returns null for
 * words that are not an operator (`定性`, `正向`), so the caller can decide what they mean.
 */
export function parseOperator(text: string): TargetOperator | null {
  const t = normaliseForms(text).trim();
  if (t === "") return null;
  const lead = leadingOperator(t);
  if (lead && t.slice(lead.length).trim() === "") return lead.operator;
  const trail = t.match(TRAILING_OPERATOR);
  if (trail && trail.index === 0) return trail[1] === "以上" ? ">=" : "<=";
  return null;
}

const unparsed = (raw: string): Target => ({ raw, kind: "unparsed" });

export function parseTarget(raw: string): Target {
  const text = normaliseForms(raw).trim();
  if (text === "") return unparsed(raw);

  const lead = leadingOperator(text);
  let rest = lead ? text.slice(lead.length).trim() : text;
  let operator: TargetOperator | null = lead ? lead.operator : null;

  if (!/\d/.test(text)) {
    // A phrase such as 明显提升 is a target; a bare operator or `≥%` is not.
    return /\p{L}/u.test(rest) ? { raw, kind: "qualitative", text: raw.trim() } : unparsed(raw);
  }

  const trail = rest.match(TRAILING_OPERATOR);
  if (trail && trail.index !== undefined) {
    const trailing: TargetOperator = trail[1] === "以上" ? ">=" : "<=";
    // `≥95%以上` says the same twice and is fine; `<95%以上` contradicts itself.
    if (operator !== null && operator !== trailing) return unparsed(raw);
    operator = trailing;
    rest = rest.slice(0, trail.index).trim();
  }

  const number = rest.match(NUMBER);
  if (!number) return unparsed(raw);
  const unit = rest.slice(number[0].length).replace(/\s+/g, "");
  if (unit !== "" && !isUnitText(unit)) return unparsed(raw);

  return { raw, kind: "quantitative", operator: operator ?? "=", value: numberText(number[1], number[2]), unit };
}

function numberText(sign: string | undefined, digits: string): string {
  const plain = digits.replace(/[, ]/g, "");
  const withZero = plain.startsWith(".") ? `0${plain}` : plain;
  return sign === "-" ? `-${withZero}` : withZero;
}

export function printTarget(t: Target): string {
  switch (t.kind) {
    case "quantitative":
      return `${t.operator}${t.value}${t.unit}`;
    case "qualitative":
      return t.text;
    case "unparsed":
      return t.raw;
  }
}

/** How the grid and generated text show an operator to a reader. */
export function operatorSymbol(operator: TargetOperator): string {
  return { "=": "=", ">=": "≥", "<=": "≤", ">": ">", "<": "<" }[operator];
}

export function targetNumber(t: Target): Decimal | null {
  return t.kind === "quantitative" ? new Money(t.value) : null;
}

/** A target in percent of something, the one kind that must lie in 0–100 (lib/domain/spec/rules.md). */
export function isPercent(t: Target): boolean {
  return t.kind === "quantitative" && t.unit === "%";
}

// ---- units ----------------------------------------------------------------------------------

export type UnitKind = "percent" | "money" | "time" | "count" | "score" | "other";

const PERCENT_UNITS = new Set(["%", "‰", "百分点", "个百分点"]);
const TIME_UNITS = new Set([
  "天",
  "日",
  "月",
  "个月",
  "月份",
  "年",
  "年度",
  "小时",
  "个小时",
  "周",
  "星期",
  "个星期",
  "工作日",
  "个工作日",
  "分钟",
  "秒",
  "季度",
  "个季度",
  "学时",
  "课时",
  "小时/年",
  "天/年",
]);
const COUNT_UNITS = new Set([
  "次",
  "个",
  "人",
  "人次",
  "笔",
  "份",
  "起",
  "家",
  "件",
  "项",
  "场",
  "期",
  "篇",
  "本",
  "册",
  "台",
  "套",
  "辆",
  "户",
  "所",
  "处",
  "条",
  "部",
  "名",
  "批",
  "类",
  "座",
  "间",
  "张",
  "页",
  "宗",
  "单",
  "只",
  "头",
  "株",
  "棵",
  "艘",
  "架",
  "块",
  "栋",
  "幢",
  "村",
  "把",
  "组",
  "支",
  "队",
  "例",
  "副",
  "封",
  "幅",
  "首",
  "户次",
  "车次",
  "架次",
  "批次",
  "班次",
  "场次",
  "频次",
  "篇次",
  "期次",
  "人天",
  "人日",
  "个村",
  "个人",
]);
/** Other measures a clerk legitimately writes; accepted as units, classified "other". */
const OTHER_UNITS = new Set([
  "平方米",
  "平方公里",
  "立方米",
  "公里",
  "千米",
  "米",
  "公顷",
  "亩",
  "吨",
  "千克",
  "公斤",
  "克",
  "升",
  "千瓦",
  "千瓦时",
  "度",
  "倍",
  "级",
  "星",
  "个点",
  "位",
  "名次",
]);
const MULTIPLIER = /^(?:十万|百万|千万|万|亿|千|百)/;
/** Single characters that follow a number in prose but are no measure word: `=0好` is not a unit. */
const NOT_A_UNIT = new Set([..."无好高低优良差是否达完全内外上下左右前后多少余约及或和与等中的了健合明逐提有"]);

function isUnitToken(token: string): boolean {
  if (token === "") return false;
  if (token === "元" || /^(?:十万|百万|千万|万|亿|千)元$/.test(token) || token === "万" || token === "亿") return true;
  if (PERCENT_UNITS.has(token) || TIME_UNITS.has(token) || COUNT_UNITS.has(token) || OTHER_UNITS.has(token))
    return true;
  const base = token.replace(MULTIPLIER, "");
  if (base !== token && base !== "" && isUnitToken(base)) return true;
  if (/^\p{Script=Han}$/u.test(token)) return !NOT_A_UNIT.has(token);
  return /^(?:[A-Za-z]{1,6}[23²³]?|℃|°C?|㎡|㎞|m²|m³)$/.test(token);
}

/** `人/次`, `元/本`, `元/人·天`, `次/年`: each part a unit of its own. */
function isUnitText(unit: string): boolean {
  return unit.split(/[/·]/).every(isUnitToken);
}

function headOf(unit: string): string {
  return unit.split("/")[0];
}

const unitKinds = new Map<string, UnitKind>();

/**
 * What a unit measures, for the rules that ask whether a unit fits its metric. Remembered per
 * spelling: a year's check asks it for every indicator of every department, of a few dozen units.
 */
export function unitKind(unit: string): UnitKind {
  let kind = unitKinds.get(unit);
  if (kind === undefined) {
    kind = readUnitKind(unit);
    if (unitKinds.size >= 10_000) unitKinds.clear();
    unitKinds.set(unit, kind);
  }
  return kind;
}

function readUnitKind(unit: string): UnitKind {
  const u = normaliseForms(unit).replace(/\s+/g, "");
  if (PERCENT_UNITS.has(u)) return "percent";
  const head = headOf(u);
  if (/^(?:十万|百万|千万|万|亿|千)?元$/.test(head) || head === "万" || head === "亿") return "money";
  if (TIME_UNITS.has(u) || TIME_UNITS.has(head)) return "time";
  if (head === "分") return "score";
  const base = head.replace(MULTIPLIER, "");
  if (COUNT_UNITS.has(head) || (base !== "" && COUNT_UNITS.has(base))) return "count";
  return "other";
}
