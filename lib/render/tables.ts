import type { Disclosure, Indicator, ProcurementItem, ProjectFund } from "../domain/model";
import { formatAmount, sumAmounts } from "../domain/money";
import { gridMessages } from "../i18n/zh-CN/grid";
import { fitColumns, fitColumnsTogether, TABLE_LINE_CHARS } from "./column-fit";
import type { Cell, Row, Table } from "./outline";

/** The tables of a disclosure, laid out as the 2020 三河 fixture prints them. */

const amountCell = (amount: string | null | undefined): Cell => ({ text: formatAmount(amount), align: "right" });
const textCell = (text: string, extra: Partial<Cell> = {}): Cell => ({ text, ...extra });
const headerRow = (texts: ReadonlyArray<string>): Row => ({ header: true, cells: texts.map((t) => textCell(t)) });

export function orgUnitsTable(d: Disclosure): Table {
  return fitColumns(orgUnitsGrid(d), TABLE_LINE_CHARS.portrait);
}

function orgUnitsGrid(d: Disclosure): Table {
  return {
    id: "org-units",
    columns: [
      { weight: 4 },
      { weight: 2, align: "center" },
      { weight: 2, align: "center" },
      { weight: 2, align: "center" },
    ],
    rows: [
      headerRow(["单位名称", "单位性质", "单位规格", "经费保障形式"]),
      ...d.orgUnits.map((u, i) => ({
        path: `orgUnits[${i}]`,
        cells: [textCell(u.name), textCell(u.nature), textCell(u.level), textCell(u.fundingForm)],
      })),
    ],
  };
}

/** Lengths of runs of consecutive equal keys: [a, a, b] → [2, 0, 1] (0 = covered by the run above). */
export function runLengths<T>(
  items: ReadonlyArray<T>,
  key: (item: T) => string,
  within?: ReadonlyArray<number>,
): number[] {
  const spans = items.map(() => 0);
  let start = 0;
  for (let i = 1; i <= items.length; i += 1) {
    // A run may not cross the boundary of an enclosing run (二级 stays inside its 一级).
    const boundary = within !== undefined && i < items.length && within[i] > 0;
    if (i === items.length || boundary || key(items[i]) !== key(items[start])) {
      spans[start] = i - start;
      start = i;
    }
  }
  return spans;
}

/**
 * Every project's 绩效目标表, their columns sized together to what they hold. `scored`: the
 * 评（扣）分标准 column after 指标值确定依据, as 财预〔2021〕101号's tables have it (showsScoringStandard).
 */
export function indicatorTables(projects: ReadonlyArray<ProjectFund>, scored = false): Table[] {
  return fitColumnsTogether(
    projects.map((project, index) => indicatorTable(project, index, scored)),
    TABLE_LINE_CHARS.portrait,
  );
}

/** One 绩效目标表: the goal, then 一级/二级 merged over consecutive equal rows (fixed widths; see indicatorTables). */
export function indicatorTable(project: ProjectFund, index: number, scored = false): Table {
  const level1Spans = runLengths(project.indicators, (i) => i.level1);
  const level2Spans = runLengths(project.indicators, (i) => `${i.level1}\u0000${i.level2}`, level1Spans);
  const merged = (text: string, span: number): Cell[] =>
    span === 0 ? [] : [textCell(text, span > 1 ? { rowSpan: span, align: "center" } : { align: "center" })];
  const indicatorRow = (i: Indicator, r: number): Row => ({
    path: `performance.projects[${index}].indicators[${r}]`,
    cells: [
      ...merged(i.level1, level1Spans[r]),
      ...merged(i.level2, level2Spans[r]),
      textCell(i.name),
      textCell(i.description),
      textCell(i.target.raw, { align: "center" }),
      textCell(i.basis),
      ...(scored ? [textCell(i.scoringStandard ?? "")] : []),
    ],
  });
  const headers = ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"];
  const columns: Table["columns"] = [
    { weight: 2.3 },
    { weight: 2.5 },
    { weight: 3.1 },
    { weight: 3.1 },
    { weight: 2.6 },
    { weight: 3.4 },
  ];
  if (scored) {
    headers.push(gridMessages.columns.scoringStandard);
    columns.push({ weight: 3.4 });
  }
  // The goal and the amount span every column after their label.
  const rest = columns.length - 1;
  const amountRow: Row[] =
    project.amount == null
      ? []
      : [
          {
            cells: [
              textCell("资金金额（万元）", { bold: true, align: "center" }),
              { ...amountCell(project.amount), colSpan: rest, align: "left" },
            ],
          },
        ];
  return {
    id: `indicators-${index + 1}`,
    columns,
    rows: [
      ...amountRow,
      { cells: [textCell("绩效目标", { bold: true, align: "center" }), textCell(project.goal, { colSpan: rest })] },
      headerRow(headers),
      ...project.indicators.map(indicatorRow),
    ],
  };
}

export const PROCUREMENT_COLUMNS = 14;

/** 当年部门预算安排资金 合计: the four sources of this year's budget added up. */
function fundingTotal(item: Pick<ProcurementItem, "funding">): string {
  const f = item.funding;
  return sumAmounts([f.generalPublicBudget, f.governmentFund, f.fiscalSpecialAccount, f.other]).toFixed(2);
}

/**
 * The funding split prints a zero source as an empty cell, as the fixture does: the reader looks
 * for where the money comes from, and a column of 0.00 hides it.
 */
const fundingCell = (amount: string | null): Cell =>
  amountCell(amount !== null && sumAmounts([amount]).isZero() ? null : amount);

function procurementFigures(label: string, items: ReadonlyArray<ProcurementItem>, total: string | null): Row {
  const sum = (pick: (i: ProcurementItem) => string | null) => sumAmounts(items.map(pick)).toFixed(2);
  return {
    cells: [
      textCell(label, { align: "center" }),
      amountCell(sum((i) => i.projectBudget)),
      ...Array.from({ length: 5 }, () => textCell("")),
      amountCell(total ?? sum((i) => i.amount)),
      amountCell(sumAmounts(items.map(fundingTotal)).toFixed(2)),
      fundingCell(sum((i) => i.funding.generalPublicBudget)),
      fundingCell(sum((i) => i.funding.governmentFund)),
      fundingCell(sum((i) => i.funding.fiscalSpecialAccount)),
      fundingCell(sum((i) => i.funding.other)),
      fundingCell(items.some((i) => i.otherChannels != null) ? sum((i) => i.otherChannels ?? null) : null),
    ],
  };
}

/** 部门政府采购预算: two header rows under a grouped heading, a total, a subtotal, the items. */
export function procurementTable(d: Disclosure): Table {
  const { items, total } = d.procurement;
  const down = (text: string, rowSpan: number, colSpan = 1): Cell => ({ text, rowSpan, colSpan, align: "center" });
  return fitColumns(procurementGrid(d, items, total, down), TABLE_LINE_CHARS.landscape);
}

function procurementGrid(
  d: Disclosure,
  items: Disclosure["procurement"]["items"],
  total: string | null,
  down: (text: string, rowSpan: number, colSpan?: number) => Cell,
): Table {
  return {
    id: "procurement",
    dense: true,
    columns: [
      { weight: 2.8 },
      { weight: 1.6, align: "right" },
      { weight: 2.4 },
      { weight: 2.8 },
      { weight: 1.2, align: "center" },
      { weight: 1.2, align: "right" },
      { weight: 1.4, align: "right" },
      { weight: 1.6, align: "right" },
      { weight: 1.6, align: "right" },
      { weight: 1.8, align: "right" },
      { weight: 1.6, align: "right" },
      { weight: 1.6, align: "right" },
      { weight: 1.6, align: "right" },
      { weight: 1.6, align: "right" },
    ],
    rows: [
      {
        frameless: true,
        cells: [
          textCell(`${d.department.code}-${d.department.name}`, { colSpan: 7 }),
          textCell("单位：万元", { colSpan: 7, align: "right" }),
        ],
      },
      {
        header: true,
        cells: [
          down("政府采购项目来源", 1, 2),
          down("采购物品名称", 3),
          down("政府采购目录序号", 3),
          down("数量单位", 3),
          down("数量", 3),
          down("单价", 3),
          down("政府采购金额", 1, 7),
        ],
      },
      {
        header: true,
        cells: [
          down("项目名称", 2),
          down("预算资金", 2),
          down("总计", 2),
          down("当年部门预算安排资金", 1, 5),
          down("其他渠道资金", 2),
        ],
      },
      {
        header: true,
        cells: ["合计", "一般公共预算拨款", "基金预算拨款", "财政专户核拨", "其他来源收入"].map((t) => down(t, 1)),
      },
      procurementFigures("合　计", items, total),
      procurementFigures("小计", items, total),
      ...items.map(
        (i, n): Row => ({
          path: `procurement.items[${n}]`,
          cells: [
            textCell(i.project),
            amountCell(i.projectBudget),
            textCell(i.item),
            textCell(i.catalogCode),
            textCell(i.unit, { align: "center" }),
            textCell(i.quantity == null ? "" : String(i.quantity), { align: "right" }),
            amountCell(i.unitPrice),
            amountCell(i.amount),
            amountCell(fundingTotal(i)),
            fundingCell(i.funding.generalPublicBudget),
            fundingCell(i.funding.governmentFund),
            fundingCell(i.funding.fiscalSpecialAccount),
            fundingCell(i.funding.other),
            fundingCell(i.otherChannels ?? null),
          ],
        }),
      ),
    ],
  };
}

/** `2019-12-31` → `2019年12月31日` */
export function chineseDate(iso: string | null): string {
  if (iso == null) return "";
  const [y, m, day] = iso.split("-").map(Number);
  return `${y}年${m}月${day}日`;
}

/** 部门固定资产占用情况表 */
export function assetsTable(d: Disclosure): Table {
  const a = d.assets;
  const line = (label: string, quantity: string, value: string | null): Row => ({
    cells: [textCell(label), textCell(quantity, { align: "right" }), amountCell(value)],
  });
  const count = (n: number | null) => (n == null ? "" : String(n));
  return {
    id: "assets",
    columns: [{ weight: 5 }, { weight: 2, align: "right" }, { weight: 3, align: "right" }],
    rows: [
      {
        frameless: true,
        cells: [
          textCell(`编制部门：${d.department.name}`),
          textCell(`截止时间：${chineseDate(a.asOf)}`, { colSpan: 2, align: "right" }),
        ],
      },
      headerRow(["项   目", "数量", "价值（金额单位：万元）"]),
      { cells: [textCell("资产总额"), textCell("——", { align: "center" }), amountCell(a.fixedAssetsTotal)] },
      line("1、房屋（平方米）", a.buildings.area ?? "", a.buildings.value),
      line("    其中：办公用房（平方米）", a.officeBuildings.area ?? "", a.officeBuildings.value),
      line("2、车辆（台、辆）", count(a.vehicles.count), a.vehicles.value),
      line("3、单价在20万元以上的设备", count(a.equipmentOver200k.count), a.equipmentOver200k.value),
      line("4、其他固定资产", "", a.other.value),
    ],
  };
}
