import type { Indicator } from "../domain/model";
import type { Issue, RuleContext } from "./finding";
import { indicatorPath, indicatorRows, isMoneyCost, rowLabel, saysRatio } from "./indicator-words";
import { vaguePhraseIn } from "./vague-words";

/**
 * Targets that can be judged at the year's end (财预〔2015〕88号: 细化量化): a row that counts or
 * measures wants a number, and a text target must name a state someone can check.
 */

type NumberWanted = { what: string; example: string };

/** What kind of number a row's own words ask for, or null when a text target is fine there. */
function numberWanted(ind: Indicator): NumberWanted | null {
  if (saysRatio(ind)) return { what: "比率", example: ">=95%" };
  if (ind.level2.includes("数量")) return { what: "数量指标", example: ">=4次" };
  if (isMoneyCost(ind)) return { what: "成本指标", example: "<=5万元" };
  return null;
}

/** Text where the row measures something: `明显提升` for a 知晓率, `较多` for a 数量指标. */
export function numberExpected({ disclosure: d }: RuleContext): Issue[] {
  const issues: Issue[] = [];
  for (const row of indicatorRows(d)) {
    const t = row.indicator.target;
    if (t.kind !== "qualitative") continue;
    const wanted = numberWanted(row.indicator);
    if (!wanted) continue;
    issues.push({
      path: indicatorPath(row.p, row.i, "target"),
      message: `${rowLabel(row)}是${wanted.what}，指标值却是文字“${t.text}”：请写成“运算符 + 数字 + 单位”，如 ${wanted.example}`,
      hint: "写明要达到的数字，年底才能按完成值打分",
    });
  }
  return issues;
}

/**
 * A text target that says only which way things should go (`进一步提高`) or that they went well
 * (`效果明显`): nobody can tell at the year's end whether it was met. Rows that want a number are
 * numberExpected's, so a row is told one thing.
 */
export function vagueTarget({ disclosure: d }: RuleContext): Issue[] {
  const issues: Issue[] = [];
  for (const row of indicatorRows(d)) {
    const t = row.indicator.target;
    if (t.kind !== "qualitative" || numberWanted(row.indicator)) continue;
    const phrase = vaguePhraseIn(t.text);
    if (!phrase) continue;
    issues.push({
      path: indicatorPath(row.p, row.i, "target"),
      message: `${rowLabel(row)}：指标值“${t.text}”没有说到什么程度（“${phrase}”），年底无法判断是否完成`,
      hint: "能量化的写成数字（如 知晓率 >=90%、较上年增长 >=5%）；不能量化的写成可核验的状态（如 已建立、已印发、按时完成）",
    });
  }
  return issues;
}
