import type { Disclosure } from "../domain/model";
import type { Issue, RuleContext } from "./finding";

/** The prose: punctuation a reader trips over, and sections left empty. */

type TextField = { path: string; label: string; text: string };

/** Every narrative field, with the label a reviewer would use for it. */
function narrative(d: Disclosure): TextField[] {
  const fields: TextField[] = [
    { path: "title", label: "标题", text: d.title },
    { path: "preamble", label: "前言", text: d.preamble },
    ...d.responsibilities.map((text, i) => ({ path: `responsibilities[${i}]`, label: `部门职责第 ${i + 1} 条`, text })),
    { path: "budget.expenditure.projectHighlights", label: "主要项目", text: d.budget.expenditure.projectHighlights },
    { path: "budget.changeReasons.basic", label: "基本支出增减原因", text: d.budget.changeReasons.basic },
    { path: "budget.changeReasons.project", label: "项目支出增减原因", text: d.budget.changeReasons.project },
    { path: "operatingExpenses.purposes", label: "机关运行经费用途", text: d.operatingExpenses.purposes },
    {
      path: "threePublic.changeReasons.outbound",
      label: "因公出国（境）费增减原因",
      text: d.threePublic.changeReasons.outbound,
    },
    {
      path: "threePublic.changeReasons.vehicles",
      label: "公务用车购置及运维费增减原因",
      text: d.threePublic.changeReasons.vehicles,
    },
    {
      path: "threePublic.changeReasons.reception",
      label: "公务接待费增减原因",
      text: d.threePublic.changeReasons.reception,
    },
    { path: "performance.overallGoal", label: "总体绩效目标", text: d.performance.overallGoal },
  ];
  d.performance.subGoals.forEach((g, i) => {
    fields.push({
      path: `performance.subGoals[${i}].goal`,
      label: `分项绩效目标 ${i + 1}“${g.title}”的绩效目标`,
      text: g.goal,
    });
    fields.push({
      path: `performance.subGoals[${i}].indicators`,
      label: `分项绩效目标 ${i + 1}“${g.title}”的绩效指标`,
      text: g.indicators,
    });
  });
  d.performance.safeguards.forEach((s, i) =>
    fields.push({
      path: `performance.safeguards[${i}].text`,
      label: `工作保障措施 ${i + 1}“${s.title}”`,
      text: s.text,
    }),
  );
  d.performance.projects.forEach((p, i) =>
    fields.push({ path: `performance.projects[${i}].goal`, label: `项目“${p.name}”的绩效目标`, text: p.goal }),
  );
  fields.push({ path: "assets.plannedPurchaseNote", label: "拟购置固定资产说明", text: d.assets.plannedPurchaseNote });
  d.glossary.forEach((g, i) =>
    fields.push({ path: `glossary[${i}].definition`, label: `名词解释“${g.term}”`, text: g.definition }),
  );
  fields.push({ path: "otherMatters", label: "其他需要说明的事项", text: d.otherMatters });
  return fields;
}

const HAN = "\\u4e00-\\u9fff";
const PUNCTUATION_SLIPS: ReadonlyArray<readonly [RegExp, (m: string) => string | null]> = [
  // “？！” is emphasis, not a slip; any other run of two marks is.
  [
    /[。，、；：！？]{2,}/g,
    (m) =>
      /^[！？]+$/.test(m) && new Set(m).size > 1 ? null : new Set(m).size === 1 ? `重复标点“${m}”` : `标点连用“${m}”`,
  ],
  [new RegExp(`[${HAN}“”（）][,;](?=[${HAN}“（])`, "g"), (m) => `中文里用了半角“${m.slice(-1)}”`],
];

/** Opening and closing marks that must pair up: one missing shows as a mixed （…) or “…“. */
const PAIRS: ReadonlyArray<readonly [string, string, string]> = [
  ["（", "）", "括号"],
  ["“", "”", "引号"],
  ["《", "》", "书名号"],
  ["【", "】", "方头括号"],
];

/** How often a mark occurs: indexOf, not a character-by-character walk (every narrative field, eight marks, on every check). */
function countOf(text: string, ch: string): number {
  let n = 0;
  for (let at = text.indexOf(ch); at >= 0; at = text.indexOf(ch, at + 1)) n++;
  return n;
}

function slipsIn(text: string): string[] {
  const slips = new Set<string>();
  for (const [pattern, describeSlip] of PUNCTUATION_SLIPS) {
    for (const m of text.match(pattern) ?? []) {
      const slip = describeSlip(m);
      if (slip) slips.add(slip);
    }
  }
  for (const [open, close, name] of PAIRS) {
    if (countOf(text, open) !== countOf(text, close)) slips.add(`${name}${open}${close}不成对`);
  }
  return [...slips];
}

export function punctuation({ disclosure: d }: RuleContext): Issue[] {
  const issues: Issue[] = [];
  for (const field of narrative(d)) {
    if (field.text === "") continue;
    const slips = slipsIn(field.text);
    if (slips.length === 0) continue;
    issues.push({
      path: field.path,
      message: `${field.label}：${slips.slice(0, 3).join("；")}${slips.length > 3 ? ` 等 ${slips.length} 处` : ""}`,
      hint: "中文行文用全角标点，且不重复",
    });
  }
  return issues;
}

/** What a disclosure cannot be published without (《地方预决算公开操作规程》 lists the contents). */
export function requiredSections({ disclosure: d }: RuleContext): Issue[] {
  const blank = (s: string) => s.trim() === "";
  const checks: ReadonlyArray<readonly [boolean, string, string]> = [
    [blank(d.title), "title", "请填写标题"],
    [d.responsibilities.every(blank), "responsibilities", "请填写部门职责"],
    [d.orgUnits.length === 0, "orgUnits", "请填写机构设置（至少一个单位）"],
    [blank(d.operatingExpenses.purposes), "operatingExpenses.purposes", "请说明机关运行经费的主要用途"],
    [blank(d.performance.overallGoal), "performance.overallGoal", "请填写部门整体绩效目标"],
    [d.glossary.length === 0, "glossary", "请填写名词解释"],
    [blank(d.otherMatters), "otherMatters", "请填写其他需要说明的事项（没有的写“我部门无其他需要说明的事项。”）"],
  ];
  const issues: Issue[] = checks.filter(([missing]) => missing).map(([, path, message]) => ({ path, message }));
  d.performance.projects.forEach((p, i) => {
    if (blank(p.name))
      issues.push({ path: `performance.projects[${i}].name`, message: `请填写第 ${i + 1} 个项目的名称` });
    if (blank(p.goal))
      issues.push({
        path: `performance.projects[${i}].goal`,
        message: `请填写${p.name.trim() ? `项目“${p.name.trim()}”` : `第 ${i + 1} 个项目`}的绩效目标`,
      });
  });
  return issues;
}
