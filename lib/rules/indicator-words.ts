import { level1Role } from "../domain/frameworks";
import type { Disclosure, Indicator, ProjectFund, Target } from "../domain/model";

/**
 * What an indicator row says about itself, read from its own words. The indicator rules share
 * these readings so that “is this a 率?” or “is this a reverse indicator?” has one answer.
 */

export type IndicatorRow = { project: ProjectFund; p: number; indicator: Indicator; i: number };

export function indicatorRows(d: Disclosure): IndicatorRow[] {
  const rows: IndicatorRow[] = [];
  d.performance.projects.forEach((project, p) =>
    project.indicators.forEach((indicator, i) => rows.push({ project, p, indicator, i })),
  );
  return rows;
}

export const projectPath = (p: number) => `performance.projects[${p}]`;
export const indicatorPath = (p: number, i: number, field?: keyof Indicator) =>
  `${projectPath(p)}.indicators[${i}]${field ? `.${field}` : ""}`;

export function projectLabel(project: Pick<ProjectFund, "name">, p: number): string {
  return project.name.trim() ? `项目“${project.name.trim()}”` : `第 ${p + 1} 个项目`;
}

/** 项目“市志编纂业务费”第 7 行“参与编书人员满意度（%）”: the row as the printed table shows it. */
export function rowLabel({
  project,
  p,
  indicator,
  i,
}: {
  project: Pick<ProjectFund, "name">;
  p: number;
  indicator: Pick<Indicator, "name">;
  i: number;
}): string {
  const name = indicator.name.trim();
  return `${projectLabel(project, p)}第 ${i + 1} 行${name ? `“${name}”` : ""}`;
}

export function wording(ind: Indicator): string {
  return `${ind.name} ${ind.description}`;
}

/** Same text for comparison: spacing and full/half-width brackets are not a difference. */
export function normaliseText(text: string): string {
  return text
    .replace(/[\s\u3000]/g, "")
    .replace(/（/g, "(")
    .replace(/）/g, ")")
    .replace(/％/g, "%")
    .toLowerCase();
}

/**
 * Names repeat across rows, projects, departments and years (a year's lint reads 24,000 rows):
 * each is normalised once. Bounded, so a long-running server does not keep every name it saw.
 */
function memoised(compute: (text: string) => string): (text: string) => string {
  const cache = new Map<string, string>();
  return (text) => {
    let key = cache.get(text);
    if (key === undefined) {
      if (cache.size >= 50_000) cache.clear();
      cache.set(text, (key = compute(text)));
    }
    return key;
  };
}

/** The metric's name for comparing rows across projects and years: `服务对象满意度（%）` is `服务对象满意度`. */
export const metricKey = memoised((name) => normaliseText(name).replace(/\([^()]{1,4}\)$/, ""));

/** A project across years: `2020年市志编纂业务费` is `市志编纂业务费` of 2021. */
export const projectKey = memoised((name) => normaliseText(name).replace(/(?:19|20)\d{2}年度?/g, ""));

/** `90.00` is `90`, `0.10` is `0.1`: the number as text, without reading it as a decimal. */
const canonicalNumber = memoised(canonicalNumberOf);

function canonicalNumberOf(value: string): string {
  const negative = value.startsWith("-");
  const [whole, fraction = ""] = (negative ? value.slice(1) : value).split(".");
  const int = whole.replace(/^0+(?=\d)/, "");
  const frac = fraction.replace(/0+$/, "");
  const text = frac ? `${int}.${frac}` : int;
  return negative && text !== "0" ? `-${text}` : text;
}

/**
 * What a target says, for comparing: `=90.00%` and `>90%` both say 90 %. The operator is left out
 * on purpose: a row copied and then given another operator is still the same row.
 */
export function targetValueKey(t: Target): string {
  if (t.kind === "quantitative") return `${canonicalNumber(t.value)}${normalisedOnce(t.unit)}`;
  return normalisedOnce(t.kind === "qualitative" ? t.text : t.raw);
}

const normalisedOnce = memoised((text) => normaliseText(text));

/** 率 / 百分比 / (%) want a percentage; 频率, 效率, 功率 are not ratios of a whole. */
const RATIO_WORDS = /率|百分比|比例|比重|占比|%|％/;
const NOT_RATIO_WORDS = /频率|效率|功率/g;
export function saysRatio(ind: Indicator): boolean {
  return RATIO_WORDS.test(wording(ind).replace(NOT_RATIO_WORDS, ""));
}

/**
 * Smaller is better (lib/domain/spec/rules.md: 反向指标, 投诉率, 差错率, 故障, 事故, 涉毒 …). The handling of such
 * events (投诉处理率, 故障修复率, 事故下降率) is a positive indicator, so those words cancel it.
 */
const REVERSE_WORDS =
  /反向|投诉|差错|错误|故障|事故|涉毒|吸毒|违法|违规|违纪|失误|空置|闲置|发案|返工|超支|伤亡|死亡|不合格|不合规/;
const HANDLING_WORDS = /处理|办结|解决|修复|维修|排除|调处|回复|答复|查处|整改|处置|响应|恢复|下降|降低|减少|压减|纠正/;
export function isReverse(ind: Indicator): boolean {
  if (ind.direction === "negative") return true;
  if (ind.direction === "positive") return false;
  const words = wording(ind);
  if (/反向/.test(words)) return true;
  return REVERSE_WORDS.test(words) && !HANDLING_WORDS.test(words);
}

export function isSatisfactionLevel(ind: Indicator): boolean {
  return level1Role(ind.level1) === "satisfaction";
}

/** A satisfaction measure proper: its name says 满意, or it sits under 满意度 and its description does. */
export function isSatisfactionMetric(ind: Indicator): boolean {
  return /满意/.test(ind.name) || (isSatisfactionLevel(ind) && /满意/.test(ind.description));
}

/** 经济成本 wants money; 社会成本 and 生态环境成本 (2021 framework) are measured otherwise. */
export function isMoneyCost(ind: Indicator): boolean {
  const costly = ind.level2.includes("成本") || level1Role(ind.level1) === "cost";
  return costly && !/社会|生态|环境/.test(ind.level2);
}

/** Units that count people: 人, 人次, 人/次, 人天. */
export function countsPeople(unit: string): boolean {
  return unit.includes("人");
}

const PEOPLE_WORDS = /人|员|者|群众|职工|干部|学生|市民|居民|农民|村民|游客|患者|师|户|家庭|对象/;
export function mentionsPeople(ind: Indicator): boolean {
  return PEOPLE_WORDS.test(wording(ind));
}

export function saysHeadcount(ind: Indicator): boolean {
  return /人数|人次/.test(wording(ind));
}
