import { normaliseNumber } from "../../domain/money";
import type { Procurement, ProcurementItem } from "../../domain/model";
import { findAmount, readAmount } from "./figures";
import type { StatedFigures } from "./narrative-figures";
import type { Problems } from "./problems";
import { cellTexts, squash, type Item, type Paragraph, type Row } from "./source";

/**
 * 六、政府采购预算情况: the total in a sentence and the table "部门政府采购预算", whose first row is
 * "434-三河市人民政府办公室 | 单位：万元", then three header rows, 合计/小计 rows and the items.
 * The columns are the province's fixed layout; header cells are spread over merged rows, so
 * they are recognised, not used to place the columns.
 */

export type ProcurementResult = {
  procurement: Procurement;
  department: { code: string; name: string; line: number } | null;
};

const HEADER_WORDS =
  /政府采购项目来源|采购物品名称|政府采购目录序号|项目名称|预算资金|当年部门预算安排资金|其他渠道资金|一般公共预算拨款|基金预算拨款|财政专户核拨|其他来源收入|^数量|^单价$|政府采购金额|^总计$|^合计$/;
const TOTAL_ROW = /^(合计|小计|总计)$/;
const DEPARTMENT = /^(\d{1,12})\s*[-－—–]\s*(.+)$/;
// project, projectBudget, item, catalogCode, unit, quantity, unitPrice, amount, budget subtotal, four sources, other channels
const STANDARD_WIDTH = 14;

export function readProcurement(
  items: ReadonlyArray<Item>,
  problems: Problems,
  headingLine: number,
  statedFigures: StatedFigures,
): ProcurementResult {
  const paras = items.filter((i): i is Paragraph => i.kind === "para");
  const tableRows = items.filter((i): i is Row => i.kind === "row");
  const stated = findAmount(paras, /政府采购预算/, problems, "procurement.total");
  let department: ProcurementResult["department"] = null;
  let inYuan = false;
  let tableTotal: string | null = null;
  let totalRow: { label: string; line: number } | null = null;
  const lines: Array<{ row: Row; item: ProcurementItem }> = [];

  for (const row of tableRows) {
    const cells = cellTexts(row);
    const words = cells.map(squash);
    if (words.every((w) => w === "")) continue;
    const dept = DEPARTMENT.exec(cells[0] ?? "");
    const unitCell = words.find((w) => /^单位[：:]/.test(w));
    if (dept || unitCell) {
      if (dept) department = { code: dept[1], name: dept[2].trim(), line: row.no };
      if (unitCell && /^单位[：:]元$/.test(unitCell)) {
        inYuan = true;
        problems.add(row.no, "政府采购表以元为单位，金额已换算为万元", "procurement");
      }
      continue;
    }
    if (words.some((w) => HEADER_WORDS.test(w)) && !TOTAL_ROW.test(words[0])) continue;
    const unit = inYuan ? "元" : "万元";
    if (TOTAL_ROW.test(words[0])) {
      if (words[0] !== "小计" && tableTotal === null) {
        tableTotal = amountCell(cells[7], unit, row, problems, "procurement.total");
        totalRow = { label: words[0], line: row.no };
      }
      continue;
    }
    const path = `procurement.items[${lines.length}]`;
    lines.push({ row, item: readItem(cells, unit, row, path, problems) });
  }

  const total = tableTotal ?? stated?.amount ?? null;
  // The table is what the total is read from; the sentence must say the same.
  if (stated?.amount && tableTotal && totalRow) {
    statedFigures.twice(
      "procurement.total",
      "第六部分",
      { label: "政府采购预算", amount: stated.amount, where: "文字中", line: stated.para.no },
      { label: "采购金额", amount: tableTotal, where: `采购表“${totalRow.label}”行`, line: totalRow.line },
    );
  }
  if (total === null && lines.length > 0) problems.add(headingLine, "未找到政府采购预算合计", "procurement.total");
  if (!stated && tableRows.length === 0) problems.add(headingLine, "未找到政府采购预算", "procurement");
  return { procurement: { total, items: lines.map((l) => l.item) }, department };
}

function readItem(cells: string[], unit: string, row: Row, path: string, problems: Problems): ProcurementItem {
  if (cells.length < STANDARD_WIDTH - 1 || cells.length > STANDARD_WIDTH) {
    problems.add(
      row.no,
      `政府采购表的这一行有 ${cells.length} 个单元格，应为 ${STANDARD_WIDTH} 个；按列的顺序读取`,
      path,
    );
  }
  const at = (i: number) => cells[i] ?? "";
  const money = (i: number, field: string) => amountCell(at(i), unit, row, problems, `${path}.${field}`);
  // Blank source cells in a row whose amount is stated mean "none from this source".
  const source = (i: number, field: string) => money(i, `funding.${field}`) ?? (at(7) ? "0.00" : null);
  return {
    project: at(0),
    projectBudget: money(1, "projectBudget"),
    item: at(2),
    catalogCode: at(3),
    unit: at(4),
    quantity: readQuantity(at(5), row.no, `${path}.quantity`, problems),
    unitPrice: money(6, "unitPrice"),
    amount: money(7, "amount"),
    funding: {
      generalPublicBudget: source(9, "generalPublicBudget"),
      governmentFund: source(10, "governmentFund"),
      fiscalSpecialAccount: source(11, "fiscalSpecialAccount"),
      other: source(12, "other"),
    },
    otherChannels: source(13, "otherChannels"),
  };
}

function amountCell(text: string | undefined, unit: string, row: Row, problems: Problems, path: string): string | null {
  if (!text || text === "——" || text === "-") return null;
  // The table's unit was reported once; not again for every cell.
  return readAmount(text, unit, row.no, problems, path, false);
}

function readQuantity(text: string, line: number, path: string, problems: Problems): number | null {
  if (text === "") return null;
  const number = normaliseNumber(text);
  if (number === null || !/^\d+(\.0*)?$/.test(number)) {
    problems.add(line, `无法读取数量“${text}”（应为整数）`, path);
    return null;
  }
  return Number.parseInt(number, 10);
}
