import type { SectionId } from "../domain/model";
import { assetsOfficesWithinBuildings, assetsRequired, assetsTotal } from "./assets";
import {
  budgetBalance,
  budgetBasicSum,
  budgetChangeReason,
  budgetExpenditureSum,
  budgetIncomeSum,
  budgetPriorYearSum,
  budgetRequired,
} from "./budget";
import type { RuleCheck, Severity } from "./finding";
import {
  basisEmpty,
  duplicateRow,
  frameworkPair,
  indicatorCount,
  outputAndOutcome,
  satisfactionLevel,
  scoringStandardEmpty,
  satisfactionMissing,
  weightSum,
} from "./indicator-structure";
import { percentRange, reverseOperator, satisfactionTarget, targetReadable } from "./indicator-targets";
import { copiedAcrossProjects } from "./indicator-copies";
import { easierThanLastYear, sameAsLastYear } from "./indicator-history";
import { unitFitsMetric } from "./indicator-units";
import { numberExpected, vagueTarget } from "./indicator-wording";
import {
  operatingWithinBasic,
  procurementWithinExpenditure,
  projectFundsWithinProject,
  threePublicWithinExpenditure,
} from "./plausibility";
import { projectAmount } from "./project-funds";
import { procurementLineAmount, procurementLineFunding, procurementRequired, procurementTotal } from "./procurement";
import {
  tableCodeName,
  tableCodes,
  tableCodeUnknown,
  tableEmptyNote,
  tableMiscoding,
  tableNegative,
  tableProjectAmounts,
  tableRowsAgree,
  tableTextFigures,
  tableTotals,
  tableUnitScale,
} from "./tables";
import { punctuation, requiredSections } from "./text";
import {
  operatingExpensesRequired,
  threePublicChangeReason,
  threePublicRequired,
  threePublicSum,
} from "./three-public";

/**
 * Every check the finance bureau makes, with a stable id. Ids are stored in review comments,
 * waivers and the admin's severity policy: rename one and those records lose their rule.
 * The default severity is policy an admin can override per rule (engine.ts, `severities`).
 * `section` groups the rule for the admin's list; null means it reads every section.
 */
export type RuleDefinition = {
  id: string;
  severity: Severity;
  section: SectionId | null;
  title: string;
  check: RuleCheck;
  /**
   * The rule compares what a document states twice, which the canonical disclosure holds once:
   * only the importer can check it (lib/import/text/narrative-figures.ts), and `check` finds nothing.
   */
  importOnly?: true;
};

const rule = (
  id: string,
  severity: Severity,
  section: SectionId | null,
  title: string,
  check: RuleCheck,
): RuleDefinition => ({
  id,
  severity,
  section,
  title,
  check,
});

const importOnly = (id: string, severity: Severity, section: SectionId | null, title: string): RuleDefinition => ({
  ...rule(id, severity, section, title, () => []),
  importOnly: true,
});

export const ruleCatalogue: ReadonlyArray<RuleDefinition> = [
  rule("budget.required", "error", "budget", "收支总额、基本支出、项目支出及上年数须填写", budgetRequired),
  rule("budget.income-sum", "error", "budget", "收入合计 = 四项收入来源之和", budgetIncomeSum),
  rule("budget.expenditure-sum", "error", "budget", "支出合计 = 基本支出 + 项目支出 + 其他支出", budgetExpenditureSum),
  rule("budget.basic-sum", "error", "budget", "基本支出 = 人员经费 + 日常公用经费", budgetBasicSum),
  rule("budget.balance", "error", "budget", "收入合计 = 支出合计（收支平衡）", budgetBalance),
  rule("budget.prior-year-sum", "error", "budget", "上年支出合计 = 上年基本支出 + 上年项目支出", budgetPriorYearSum),
  rule("budget.change-reason", "error", "budget", "比上年有增减的须说明原因", budgetChangeReason),
  rule("operating-expenses.required", "error", "operatingExpenses", "机关运行经费须填写", operatingExpensesRequired),
  rule("three-public.required", "error", "threePublic", "本年和上年“三公”经费合计须填写", threePublicRequired),
  rule(
    "three-public.sum",
    "error",
    "threePublic",
    "“三公”经费合计 = 出国（境）+ 车辆购置 + 车辆运维 + 接待（本年和上年）",
    threePublicSum,
  ),
  rule(
    "three-public.change-reason",
    "error",
    "threePublic",
    "“三公”经费各项比上年有增减的须说明原因",
    threePublicChangeReason,
  ),
  rule("procurement.required", "error", "procurement", "政府采购预算总额及每行采购金额须填写", procurementRequired),
  rule("procurement.line-amount", "error", "procurement", "采购金额 = 数量 × 单价", procurementLineAmount),
  rule("procurement.line-funding", "error", "procurement", "每行资金来源之和 = 采购金额", procurementLineFunding),
  rule("procurement.total", "error", "procurement", "政府采购预算总额 = 各行采购金额之和", procurementTotal),
  rule("assets.required", "error", "assets", "上年末固定资产总额须填写", assetsRequired),
  rule("assets.total", "error", "assets", "固定资产总额 = 房屋 + 车辆 + 20万元以上设备 + 其他", assetsTotal),
  rule(
    "assets.offices-within-buildings",
    "error",
    "assets",
    "办公用房面积和价值不超过房屋",
    assetsOfficesWithinBuildings,
  ),
  rule(
    "plausibility.three-public-within-expenditure",
    "warning",
    "threePublic",
    "“三公”经费不超过支出合计",
    threePublicWithinExpenditure,
  ),
  rule(
    "plausibility.procurement-within-expenditure",
    "warning",
    "procurement",
    "政府采购预算不超过支出合计",
    procurementWithinExpenditure,
  ),
  rule(
    "plausibility.operating-within-basic",
    "warning",
    "operatingExpenses",
    "机关运行经费不超过基本支出",
    operatingWithinBasic,
  ),
  rule(
    "plausibility.project-funds-within-project",
    "warning",
    "performance",
    "写明金额的项目资金之和不超过项目支出",
    projectFundsWithinProject,
  ),
  importOnly(
    "plausibility.narrative-figure",
    "warning",
    null,
    "文字中的数字与同一文件的表格、分项、增减额一致（仅导入时检查）",
  ),
  rule("indicator.framework-pair", "error", "performance", "一级/二级指标属于本年度的指标体系", frameworkPair),
  rule(
    "indicator.output-and-outcome",
    "error",
    "performance",
    "每个项目至少有一个产出指标和一个效果（效益）指标",
    outputAndOutcome,
  ),
  rule("indicator.satisfaction-missing", "warning", "performance", "项目设有满意度指标", satisfactionMissing),
  rule(
    "indicator.satisfaction-level",
    "warning",
    "performance",
    "满意度指标下只列满意度，满意度只列在满意度指标下",
    satisfactionLevel,
  ),
  rule(
    "indicator.target-readable",
    "error",
    "performance",
    "指标值可读：运算符 + 数字 + 单位，或定性表述",
    targetReadable,
  ),
  rule("indicator.percent-range", "error", "performance", "百分比在 0–100% 之间", percentRange),
  rule(
    "indicator.number-expected",
    "warning",
    "performance",
    "比率、数量、成本指标的指标值写数字，不写文字",
    numberExpected,
  ),
  rule(
    "indicator.vague-target",
    "warning",
    "performance",
    "定性指标值写可核验的状态，不写“明显提升”“进一步提高”“达到预期”之类说不出程度的话",
    vagueTarget,
  ),
  rule(
    "indicator.unit-fits-metric",
    "warning",
    "performance",
    "计量单位与指标值和指标相符（% 不写作“百分比”、次数为整数、率用 %、成本用金额、时效用时间、人数用人）",
    unitFitsMetric,
  ),
  rule(
    "indicator.satisfaction-target",
    "warning",
    "performance",
    "满意度目标为不低于设定下限（默认 80%）的百分比（>= 或 >）",
    satisfactionTarget,
  ),
  rule("indicator.reverse-operator", "warning", "performance", "反向指标用 <=、< 或 =0", reverseOperator),
  rule("indicator.basis-empty", "warning", "performance", "指标值确定依据不为空", basisEmpty),
  rule(
    "indicator.scoring-standard-empty",
    "warning",
    "performance",
    "2021 年起的指标体系（财预〔2021〕101号）下，每个指标写明评（扣）分标准",
    scoringStandardEmpty,
  ),
  rule("indicator.duplicate-row", "warning", "performance", "同一项目中没有重复的指标", duplicateRow),
  rule("indicator.weight-sum", "warning", "performance", "写了权重的项目，权重合计为 100（或 90）", weightSum),
  rule("indicator.count", "info", "performance", "每个项目有 3–30 个指标", indicatorCount),
  rule(
    "indicator.copied-across-projects",
    "warning",
    "performance",
    "同一部门的不同项目没有同名同值的指标（不照搬）",
    copiedAcrossProjects,
  ),
  rule(
    "indicator.same-as-last-year",
    "warning",
    "performance",
    "项目的指标不过半与上年公开的相同（名称和指标值）",
    sameAsLastYear,
  ),
  rule(
    "indicator.easier-than-last-year",
    "warning",
    "performance",
    "指标值不比上年宽松（正向指标不低于上年的指标值和实际完成值，反向指标不高于）",
    easierThanLastYear,
  ),
  rule("performance.project-amount", "warning", "performance", "每个项目写明金额，且不为 0", projectAmount),
  rule(
    "tables.text-figure",
    "error",
    null,
    "二、三、四部分的数字与预算公开表中的对应数一致（收入、支出、基本支出、人员经费、公用经费、项目支出、上年数、机关运行经费、“三公”经费）",
    tableTextFigures,
  ),
  rule(
    "tables.project-amount",
    "error",
    "performance",
    "有预算公开表时，绩效目标表每个项目的金额须填写，且等于项目支出表中该项目的合计",
    tableProjectAmounts,
  ),
  rule(
    "tables.totals",
    "error",
    null,
    "收支总表收入合计 = 支出合计 = 收入总表合计 = 支出总表合计；财政拨款收支平衡；基本支出表合计 = 一般公共预算支出表基本支出；项目支出表合计 = 支出总表项目支出",
    tableTotals,
  ),
  rule(
    "tables.rows-agree",
    "error",
    null,
    "同一科目在各表中的金额一致（收支总表、支出总表、财政拨款收支总表、一般公共预算支出表、政府性基金、国有资本经营、项目支出表）",
    tableRowsAgree,
  ),
  rule("tables.codes", "error", null, "科目编码格式正确、不重复；类、款由下级科目汇总，不另填金额", tableCodes),
  rule("tables.code-unknown", "error", null, "科目编码在本年度《政府收支分类科目》中", tableCodeUnknown),
  rule("tables.code-name", "warning", null, "科目名称为本年度的名称", tableCodeName),
  rule("tables.negative", "error", null, "预算公开表中没有负数", tableNegative),
  rule("tables.unit-scale", "error", null, "表中金额以万元为单位（不是文字所述的约一万倍）", tableUnitScale),
  rule("tables.miscoding", "warning", null, "常被错列的功能分类与经济分类科目成对出现", tableMiscoding),
  rule("tables.empty-note", "warning", null, "空表写明空表说明", tableEmptyNote),
  rule("text.punctuation", "info", null, "标点不重复、不混用半角", punctuation),
  rule("text.required-section", "error", null, "必备的章节和说明不为空", requiredSections),
];

export type RuleInfo = Omit<RuleDefinition, "check">;

/** The catalogue as data, for the admin page and the database (no functions). */
export function catalogueInfo(): RuleInfo[] {
  return ruleCatalogue.map(({ id, severity, section, title, importOnly }) => ({
    id,
    severity,
    section,
    title,
    ...(importOnly ? { importOnly } : {}),
  }));
}

export function findRule(id: string): RuleDefinition | undefined {
  return ruleCatalogue.find((r) => r.id === id);
}
