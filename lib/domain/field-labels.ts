import { gridMessages } from "../i18n/zh-CN/grid";
import { budgetTables, type ColumnDefinition, inputColumns, inputLines, numberedTitle } from "./budget-tables";

/**
 * The zh-CN name of every field of the canonical model (model.ts), keyed by its path pattern
 * (`[]` for any row), in the words the disclosure itself prints. Review comments, the diff, merge
 * conflicts and findings all name fields through this one table; a test walks the zod schema so a
 * field added to the model without a label fails.
 */

const splitLabels = (prefix: string): Record<string, string> => ({
  [`${prefix}.generalPublicBudget`]: "一般公共预算",
  [`${prefix}.governmentFund`]: "政府性基金预算",
  [`${prefix}.fiscalSpecialAccount`]: "财政专户核拨",
  [`${prefix}.other`]: "其他来源",
});

const threePublicYearLabels = (prefix: string, total: string): Record<string, string> => ({
  [`${prefix}.total`]: total,
  [`${prefix}.outbound`]: "因公出国（境）费",
  [`${prefix}.vehiclePurchase`]: "公务用车购置费",
  [`${prefix}.vehicleOperation`]: "公务用车运行维护费",
  [`${prefix}.reception`]: "公务接待费",
});

/** The budget tables' labels, from their one definition (budget-tables.ts). */
function tableLabels(): Record<string, string> {
  const out: Record<string, string> = { tables: "预算公开表" };
  const columnLabel = (c: ColumnDefinition) => (c.group && c.group !== c.label ? `${c.group}${c.label}` : c.label);
  for (const def of budgetTables) {
    const at = `tables.${def.id}`;
    out[at] = numberedTitle(def);
    out[`${at}.rows`] = "行";
    out[`${at}.emptyNote`] = "空表说明";
    out[`${at}.rows[].code`] =
      def.rows?.kind === "unit" ? "单位代码" : def.rows?.kind === "project" ? "功能分类科目编码" : "科目编码";
    out[`${at}.rows[].name`] =
      def.rows?.kind === "unit" ? "单位名称" : def.rows?.kind === "project" ? "项目名称" : "科目名称";
    out[`${at}.rows[].amounts`] = "金额";
    for (const c of inputColumns(def.rows?.columns ?? [])) out[`${at}.rows[].amounts.${c.key}`] = columnLabel(c);
    if (!def.lines) continue;
    out[`${at}.lines`] = def.lines.heading;
    for (const l of inputLines(def.lines.lines)) {
      out[`${at}.lines.${l.key}`] = l.label;
      for (const c of inputColumns(def.lines.columns)) out[`${at}.lines.${l.key}.${c.key}`] = columnLabel(c);
    }
  }
  return out;
}

const INDICATOR = "performance.projects[].indicators[]";
const TARGET = `${INDICATOR}.target`;
const ITEM = "procurement.items[]";

export const FIELD_LABELS: Readonly<Record<string, string>> = {
  schemaVersion: "格式版本",
  department: "部门",
  "department.code": "部门编码",
  "department.name": "部门名称",
  fiscalYear: "预算年度",
  title: "标题",
  preamble: "前言",

  responsibilities: "部门职责",
  orgUnits: "机构设置",
  "orgUnits[].name": "单位名称",
  "orgUnits[].nature": "单位性质",
  "orgUnits[].level": "单位规格",
  "orgUnits[].fundingForm": "经费保障形式",

  budget: "部门预算",
  "budget.income": "收入预算",
  "budget.income.total": "收入合计",
  ...splitLabels("budget.income"),
  "budget.expenditure": "支出预算",
  "budget.expenditure.total": "支出合计",
  "budget.expenditure.basic": "基本支出",
  "budget.expenditure.personnel": "人员经费",
  "budget.expenditure.publicOperating": "日常公用经费",
  "budget.expenditure.project": "项目支出",
  "budget.expenditure.other": "其他支出",
  "budget.expenditure.projectHighlights": "主要项目",
  "budget.priorYear": "上年预算",
  "budget.priorYear.total": "上年预算合计",
  "budget.priorYear.basic": "上年基本支出",
  "budget.priorYear.project": "上年项目支出",
  "budget.changeReasons": "增减变化原因",
  "budget.changeReasons.basic": "基本支出增减原因",
  "budget.changeReasons.project": "项目支出增减原因",

  operatingExpenses: "机关运行经费",
  "operatingExpenses.amount": "机关运行经费",
  "operatingExpenses.purposes": "主要用途",

  threePublic: "“三公”经费",
  "threePublic.current": "本年预算",
  ...threePublicYearLabels("threePublic.current", "“三公”经费合计"),
  "threePublic.priorYear": "上年预算",
  ...threePublicYearLabels("threePublic.priorYear", "上年“三公”经费合计"),
  "threePublic.changeReasons": "增减变化原因",
  "threePublic.changeReasons.outbound": "因公出国（境）费增减原因",
  "threePublic.changeReasons.vehicles": "公务用车购置及运维费增减原因",
  "threePublic.changeReasons.reception": "公务接待费增减原因",

  performance: "预算绩效信息",
  "performance.overallGoal": "总体绩效目标",
  "performance.subGoals": "分项绩效目标",
  "performance.subGoals[].title": "标题",
  "performance.subGoals[].goal": "绩效目标",
  "performance.subGoals[].indicators": "绩效指标",
  "performance.safeguards": "工作保障措施",
  "performance.safeguards[].title": "标题",
  "performance.safeguards[].text": "内容",
  "performance.framework": "指标体系",
  "performance.projects": "项目绩效目标表",
  "performance.projects[].name": "项目名称",
  "performance.projects[].amount": "项目金额",
  "performance.projects[].goal": "项目绩效目标",
  "performance.projects[].indicators": "绩效指标表",
  [`${INDICATOR}.level1`]: "一级指标",
  [`${INDICATOR}.level2`]: "二级指标",
  [`${INDICATOR}.name`]: "三级指标",
  [`${INDICATOR}.description`]: "绩效指标描述",
  [TARGET]: "指标值",
  [`${TARGET}.raw`]: "原文",
  [`${TARGET}.kind`]: "类型",
  [`${TARGET}.operator`]: "指标性质",
  [`${TARGET}.value`]: "数值",
  [`${TARGET}.unit`]: "度量单位",
  [`${TARGET}.text`]: "文字表述",
  [`${INDICATOR}.basis`]: "指标值确定依据",
  [`${INDICATOR}.weight`]: "权重",
  [`${INDICATOR}.direction`]: "指标方向",
  [`${INDICATOR}.scoringStandard`]: gridMessages.columns.scoringStandard,

  procurement: "政府采购预算",
  "procurement.total": "政府采购预算合计",
  "procurement.items": "采购明细",
  [`${ITEM}.project`]: "项目名称",
  [`${ITEM}.projectBudget`]: "项目预算",
  [`${ITEM}.item`]: "采购品目",
  [`${ITEM}.catalogCode`]: "采购目录序号",
  [`${ITEM}.unit`]: "计量单位",
  [`${ITEM}.quantity`]: "数量",
  [`${ITEM}.unitPrice`]: "单价",
  [`${ITEM}.amount`]: "采购金额",
  [`${ITEM}.funding`]: "资金来源",
  ...splitLabels(`${ITEM}.funding`),
  [`${ITEM}.otherChannels`]: "其他渠道资金",

  assets: "国有资产",
  "assets.asOf": "统计截止日期",
  "assets.fixedAssetsTotal": "固定资产总额",
  "assets.plannedPurchase": "拟购置资产",
  "assets.plannedPurchaseNote": "拟购置资产说明",
  "assets.buildings": "房屋",
  "assets.buildings.area": "房屋面积（平方米）",
  "assets.buildings.value": "房屋价值",
  "assets.officeBuildings": "其中：办公用房",
  "assets.officeBuildings.area": "办公用房面积（平方米）",
  "assets.officeBuildings.value": "办公用房价值",
  "assets.vehicles": "车辆",
  "assets.vehicles.count": "车辆数",
  "assets.vehicles.value": "车辆价值",
  "assets.equipmentOver200k": "单位价值20万元以上设备",
  "assets.equipmentOver200k.count": "设备台数",
  "assets.equipmentOver200k.value": "设备价值",
  "assets.other": "其他资产",
  "assets.other.value": "其他资产价值",

  glossary: "名词解释",
  "glossary[].term": "名词",
  "glossary[].definition": "释义",

  otherMatters: "其他需要说明的事项",

  ...tableLabels(),
};

/** How a row of each repeating table is named, and which of its fields (if any) names it. */
export const ROW_LABELS: Readonly<Record<string, { label: (n: number) => string; nameField?: string }>> = {
  responsibilities: { label: (n) => `职责第 ${n} 条` },
  orgUnits: { label: (n) => `单位第 ${n} 行`, nameField: "name" },
  "performance.subGoals": { label: (n) => `分项绩效目标 ${n}`, nameField: "title" },
  "performance.safeguards": { label: (n) => `保障措施 ${n}`, nameField: "title" },
  "performance.projects": { label: (n) => `项目 ${n}`, nameField: "name" },
  "performance.projects[].indicators": { label: (n) => `指标第 ${n} 行` },
  "procurement.items": { label: (n) => `采购明细第 ${n} 行`, nameField: "item" },
  glossary: { label: (n) => `名词第 ${n} 条`, nameField: "term" },
  ...Object.fromEntries(
    budgetTables.map((def) => [`tables.${def.id}.rows`, { label: (n: number) => `第 ${n} 行`, nameField: "name" }]),
  ),
};

/** Row ids are the editable form's, not the model's: named so a stray one still reads as Chinese. */
export const ROW_ID_LABEL = "行标识";
