import { showsScoringStandard } from "../domain/frameworks";
import type { Disclosure, ThreePublicYear } from "../domain/model";
import { gridMessages } from "../i18n/zh-CN/grid";
import { portalMessages } from "../i18n/zh-CN/portal";
import { budgetTableGrids, type GridColumn, type NameOf } from "../render/budget-tables";
import { sumAmounts } from "../domain/money";
import { change } from "../render/narrative";
import { chineseDate } from "../render/tables";

/**
 * The disclosure's figures as flat tables, one per spreadsheet sheet, with each value still in its
 * exact form (amounts as two-decimal strings). The Excel writer turns them into typed cells; the
 * read-back test compares against these same tables, text to text.
 */

export type ColumnKind = "text" | "amount" | "count" | "decimal";

export interface SheetColumn {
  header: string;
  kind: ColumnKind;
  /** Width in characters of a CJK-aware spreadsheet (one Chinese character ≈ 2). */
  width: number;
}

export type SheetValue = string | number | null;

export interface SheetTable {
  name: string;
  columns: SheetColumn[];
  rows: SheetValue[][];
  /** Per row, the indent of its name (a 款 1, a 项 2): the budget tables' levels. */
  indent?: { column: number; rows: number[] };
  /** Rows printed bold: a 合计. */
  bold?: number[];
}

const col = (header: string, kind: ColumnKind, width: number): SheetColumn => ({ header, kind, width });
const delta = (current: string | null, prior: string | null) => change(current, prior)?.toFixed(2) ?? null;

function overview(d: Disclosure): SheetTable {
  return {
    name: "概况",
    columns: [col("项目", "text", 16), col("内容", "text", 60)],
    rows: [
      ["部门编码", d.department.code],
      ["部门名称", d.department.name],
      ["预算年度", String(d.fiscalYear)],
      ["标题", d.title],
      ["绩效指标体系", d.performance.framework],
      ["资产截止日期", chineseDate(d.assets.asOf)],
    ],
  };
}

/**
 * 上年 where last year is known: the figure this disclosure states for last year (its 上年 columns)
 * first, else what the department published for last year (`previous`, its latest revision), else
 * nothing: a blank cell, never a guessed zero.
 */
const priorOf = (own: string | null | undefined, published: string | null | undefined): string | null =>
  own ?? published ?? null;

function budget(d: Disclosure, previous?: Disclosure | null): SheetTable {
  const { income: i, expenditure: e, priorYear: p } = d.budget;
  const last = previous?.budget;
  const line = (label: string, current: string | null, prior: string | null): SheetValue[] => [
    label,
    current,
    prior,
    delta(current, prior),
  ];
  return {
    name: "收支总表",
    columns: [
      col("项目", "text", 26),
      col("本年预算（万元）", "amount", 18),
      col("上年预算（万元）", "amount", 18),
      col("增减（万元）", "amount", 14),
    ],
    rows: [
      line("收入合计", i.total, priorOf(null, last?.income.total)),
      line("  一般公共预算收入", i.generalPublicBudget, priorOf(null, last?.income.generalPublicBudget)),
      line("  基金预算收入", i.governmentFund, priorOf(null, last?.income.governmentFund)),
      line("  财政专户核拨收入", i.fiscalSpecialAccount, priorOf(null, last?.income.fiscalSpecialAccount)),
      line("  其他来源收入", i.other, priorOf(null, last?.income.other)),
      line("支出合计", e.total, priorOf(p.total, last?.expenditure.total)),
      line("  基本支出", e.basic, priorOf(p.basic, last?.expenditure.basic)),
      line("    人员经费", e.personnel, priorOf(null, last?.expenditure.personnel)),
      line("    日常公用经费", e.publicOperating, priorOf(null, last?.expenditure.publicOperating)),
      line("  项目支出", e.project, priorOf(p.project, last?.expenditure.project)),
      line("  其他支出", e.other, priorOf(null, last?.expenditure.other)),
      line("机关运行经费", d.operatingExpenses.amount, priorOf(null, previous?.operatingExpenses.amount)),
    ],
  };
}

const vehicles = (y: ThreePublicYear) =>
  y.vehiclePurchase == null && y.vehicleOperation == null
    ? null
    : sumAmounts([y.vehiclePurchase, y.vehicleOperation]).toFixed(2);

function threePublic(d: Disclosure, previous?: Disclosure | null): SheetTable {
  const { current: c, priorYear: own, changeReasons: r } = d.threePublic;
  const last = previous?.threePublic.current;
  const p = {
    total: priorOf(own.total, last?.total),
    outbound: priorOf(own.outbound, last?.outbound),
    vehiclePurchase: priorOf(own.vehiclePurchase, last?.vehiclePurchase),
    vehicleOperation: priorOf(own.vehicleOperation, last?.vehicleOperation),
    reception: priorOf(own.reception, last?.reception),
  };
  const line = (label: string, current: string | null, prior: string | null, reason = ""): SheetValue[] => [
    label,
    current,
    prior,
    delta(current, prior),
    reason,
  ];
  return {
    name: "三公经费",
    columns: [
      col("项目", "text", 26),
      col(`${d.fiscalYear}年预算（万元）`, "amount", 18),
      col(`${d.fiscalYear - 1}年预算（万元）`, "amount", 18),
      col("增减（万元）", "amount", 14),
      col("增减原因", "text", 60),
    ],
    rows: [
      line("合计", c.total, p.total),
      line("因公出国（境）费", c.outbound, p.outbound, r.outbound),
      line("公务用车购置及运维费", vehicles(c), vehicles(p), r.vehicles),
      line("  公务用车购置费", c.vehiclePurchase, p.vehiclePurchase),
      line("  公务用车运维费", c.vehicleOperation, p.vehicleOperation),
      line("公务接待费", c.reception, p.reception, r.reception),
    ],
  };
}

export const INDICATOR_COLUMNS: ReadonlyArray<SheetColumn> = [
  col("序号", "count", 6),
  col("项目名称", "text", 24),
  col("一级指标", "text", 12),
  col("二级指标", "text", 16),
  col("三级指标", "text", 26),
  col("绩效指标描述", "text", 30),
  col("指标值", "text", 14),
  col("指标值确定依据", "text", 40),
  col("权重", "decimal", 8),
  col("指标方向", "text", 10),
];

/** 评（扣）分标准, after 指标值确定依据 where the disclosure's tables carry it (showsScoringStandard). */
const SCORING_STANDARD_COLUMN = col(gridMessages.columns.scoringStandard, "text", 40);
const BASIS_AT = INDICATOR_COLUMNS.findIndex((c) => c.header === "指标值确定依据");

function indicators(d: Disclosure): SheetTable {
  const scored = showsScoringStandard(d.performance);
  const rows = d.performance.projects.flatMap((p, index) =>
    p.indicators.map((i): SheetValue[] => [
      index + 1,
      p.name,
      i.level1,
      i.level2,
      i.name,
      i.description,
      i.target.raw,
      i.basis,
      ...(scored ? [i.scoringStandard ?? ""] : []),
      i.weight ?? null,
      i.direction == null ? "" : i.direction === "positive" ? "正向" : "反向",
    ]),
  );
  const columns = scored
    ? [...INDICATOR_COLUMNS.slice(0, BASIS_AT + 1), SCORING_STANDARD_COLUMN, ...INDICATOR_COLUMNS.slice(BASIS_AT + 1)]
    : [...INDICATOR_COLUMNS];
  return { name: "绩效目标表", columns, rows };
}

export const PROCUREMENT_COLUMNS: ReadonlyArray<SheetColumn> = [
  col("项目名称", "text", 24),
  col("预算资金", "amount", 12),
  col("采购物品名称", "text", 20),
  col("政府采购目录序号", "text", 18),
  col("计量单位", "text", 10),
  col("数量", "count", 8),
  col("单价", "amount", 10),
  col("政府采购金额", "amount", 14),
  col("一般公共预算拨款", "amount", 16),
  col("基金预算拨款", "amount", 14),
  col("财政专户核拨", "amount", 14),
  col("其他来源收入", "amount", 14),
  col("其他渠道资金", "amount", 14),
];

function procurement(d: Disclosure): SheetTable {
  return {
    name: "政府采购",
    columns: [...PROCUREMENT_COLUMNS],
    rows: d.procurement.items.map((i) => [
      i.project,
      i.projectBudget,
      i.item,
      i.catalogCode,
      i.unit,
      i.quantity,
      i.unitPrice,
      i.amount,
      i.funding.generalPublicBudget,
      i.funding.governmentFund,
      i.funding.fiscalSpecialAccount,
      i.funding.other,
      i.otherChannels ?? null,
    ]),
  };
}

function assets(d: Disclosure): SheetTable {
  const a = d.assets;
  return {
    name: "国有资产",
    columns: [col("项目", "text", 28), col("数量", "decimal", 12), col("价值（万元）", "amount", 16)],
    rows: [
      ["资产总额", null, a.fixedAssetsTotal],
      ["1、房屋（平方米）", a.buildings.area, a.buildings.value],
      ["  其中：办公用房（平方米）", a.officeBuildings.area, a.officeBuildings.value],
      ["2、车辆（台、辆）", a.vehicles.count, a.vehicles.value],
      ["3、单价在20万元以上的设备", a.equipmentOver200k.count, a.equipmentOver200k.value],
      ["4、其他固定资产", null, a.other.value],
      ["本年拟购置固定资产", null, a.plannedPurchase],
    ],
  };
}

function orgUnits(d: Disclosure): SheetTable {
  return {
    name: "机构设置",
    columns: [
      col("单位名称", "text", 30),
      col("单位性质", "text", 10),
      col("单位规格", "text", 10),
      col("经费保障形式", "text", 14),
    ],
    rows: d.orgUnits.map((u) => [u.name, u.nature, u.level, u.fundingForm]),
  };
}

const bt = portalMessages.budgetTables;

/** Excel's limits on a sheet's name: 31 characters, none of \ / ? * [ ] : */
export const sheetName = (text: string) => text.replace(/[\\/?*[\]:]/g, "_").slice(0, 31);

const columnHeader = (c: GridColumn) => (c.group && c.group !== c.label ? `${c.group}·${c.label}` : c.label);

/**
 * The standard budget tables, one sheet each, named 表N … as the definitions title them: codes as
 * text, the computed rows (合计, 类/款 subtotals) and columns as the document prints them. A table
 * of 收入 lines beside coded 支出 rows (表1, 表4) has both, each under its own heading row; a line
 * figure sits in the first amount column.
 */
export function budgetTableSheets(d: Disclosure, nameOf?: NameOf): SheetTable[] {
  if (!d.tables) return [];
  return budgetTableGrids(d.tables, nameOf).map((grid): SheetTable => {
    const rowsPart = grid.parts.find((p) => p.id === "rows");
    const figures = (rowsPart ?? grid.parts[0]).columns;
    const coded = rowsPart?.rowKind ?? null;
    const columns: SheetColumn[] = [
      ...(coded ? [col(bt.code[coded], "text", 14)] : []),
      col(coded ? bt.name[coded] : grid.parts[0].heading, "text", coded === "project" ? 36 : 30),
      ...figures.map((c) => col(columnHeader(c), "amount", 16)),
    ];
    const rows: SheetValue[][] = [];
    const indents: number[] = [];
    const bold: number[] = [];
    const both = grid.parts.length > 1;
    for (const part of grid.parts) {
      if (both) {
        bold.push(rows.length);
        indents.push(0);
        rows.push([
          ...(coded ? [""] : []),
          part.id === "lines" ? bt.income : bt.expenditure,
          ...figures.map(() => null),
        ]);
      }
      for (const r of part.rows) {
        if (r.total) bold.push(rows.length);
        indents.push(r.indent);
        const values = figures.map((_, i) => r.values[i] ?? null);
        rows.push([...(coded ? [r.code] : []), r.name, ...values]);
      }
    }
    return {
      name: sheetName(grid.title),
      columns,
      rows,
      indent: { column: coded ? 1 : 0, rows: indents },
      bold,
    };
  });
}

/**
 * Every sheet of the workbook. `previous` is what the department published for the year before
 * (db/queries/previous-year.ts): it fills the 上年 and 增减 columns the disclosure itself leaves blank.
 */
export function sheetTables(d: Disclosure, nameOf?: NameOf, previous?: Disclosure | null): SheetTable[] {
  return [
    overview(d),
    budget(d, previous),
    threePublic(d, previous),
    indicators(d),
    procurement(d),
    assets(d),
    orgUnits(d),
    ...budgetTableSheets(d, nameOf),
  ];
}
