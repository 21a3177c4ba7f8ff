import { normaliseNumber, toHalfWidth } from "../domain/money";
import type { Indicator, Target } from "../domain/model";
import { parseOperator, parseTarget } from "../domain/targets";
import { gridMessages } from "../i18n/zh-CN/grid";

export { parseDelimitedText } from "./delimited-text";

/**
 * 绩效目标表 in the layouts other than the disclosure's own text: spreadsheets, Word tables, the
 * provinces' budget systems, a block pasted into the web grid. Rows of cells in, the canonical
 * indicators out, with a zh-CN problem for what cannot be read (never an exception).
 */

export const indicatorColumnKeys = [
  "level1",
  "level2",
  "name",
  "description",
  "target",
  "operator",
  "unit",
  "weight",
  "direction",
  "basis",
  "scoringStandard",
] as const;
export type IndicatorColumn = (typeof indicatorColumnKeys)[number];

export const indicatorColumnLabels: Record<IndicatorColumn, string> = {
  level1: "一级指标",
  level2: "二级指标",
  name: "三级指标",
  description: "绩效指标描述",
  target: "指标值",
  operator: "指标性质",
  unit: "度量单位",
  weight: "权重",
  direction: "指标方向性",
  basis: "指标值确定依据",
  scoringStandard: gridMessages.columns.scoringStandard,
};

const REQUIRED: ReadonlyArray<IndicatorColumn> = ["level1", "level2", "name", "target"];

export type TableProblem = { row: number; column?: IndicatorColumn; message: string };

export type IndicatorTable = {
  indicators: Indicator[];
  problems: TableProblem[];
  /** Where each column was found, 0-based. */
  columns: Partial<Record<IndicatorColumn, number>>;
};

export type ReadIndicatorOptions = {
  /** Column positions for a block without a header row (the grid's paste). */
  columns?: Partial<Record<IndicatorColumn, number>>;
};

function normaliseHeader(cell: string): string {
  return toHalfWidth(cell)
    .replace(/[（]/g, "(")
    .replace(/[）]/g, ")")
    .replace(/[\s*＊:：]/g, "");
}

/**
 * A 评（扣）分标准 heading as tables spell it (评(扣)分标准, 评分标准, 扣分标准, 评分规则, 计分方法…),
 * full-width brackets and spaces allowed: the one reading for both importers (text/project-tables.ts).
 */
export const SCORING_STANDARD_HEADER = /^(评[(（]?扣?[)）]?分|扣分|计分)(标准|规则|办法|方法)/;

/** Which column a header cell names; order matters: 指标值确定依据 is not 指标值. */
function headerColumn(cell: string): IndicatorColumn | null {
  const h = normaliseHeader(cell);
  if (h === "") return null;
  if (h.includes("依据")) return "basis";
  if (SCORING_STANDARD_HEADER.test(h)) return "scoringStandard";
  if (h.startsWith("一级指标")) return "level1";
  if (h.startsWith("二级指标")) return "level2";
  if (h.startsWith("三级指标") || h === "指标名称" || h === "绩效指标名称") return "name";
  if (/^(绩效)?指标(描述|解释|说明|内容)/.test(h)) return "description";
  if (/^(指标性质|运算符号?|比较符号?|符号)$/.test(h)) return "operator";
  if (/^(度量|计量)?单位$/.test(h)) return "unit";
  if (/^(权\(?分?\)?重|分值)/.test(h)) return "weight";
  if (/^(指标)?方向性?$/.test(h)) return "direction";
  if (/指标值|目标值/.test(h)) return "target";
  return null;
}

function headerColumns(row: ReadonlyArray<string>): Partial<Record<IndicatorColumn, number>> {
  const found: Partial<Record<IndicatorColumn, number>> = {};
  row.forEach((cell, index) => {
    const key = headerColumn(cell);
    if (key && found[key] === undefined) found[key] = index;
  });
  return found;
}

const HEADER_SEARCH_ROWS = 30;
const MIN_HEADER_MATCHES = 3;

/**
 * The header row: the one among the first rows naming the most columns. A title or the
 * project's goal text above it names none. A second header row under it (a 绩效指标 cell
 * merged over 一级/二级/三级) adds the columns the first one lacks.
 */
function findHeader(
  rows: ReadonlyArray<ReadonlyArray<string>>,
): { index: number; last: number; columns: Partial<Record<IndicatorColumn, number>> } | null {
  let best: { index: number; columns: Partial<Record<IndicatorColumn, number>> } | null = null;
  let bestCount = MIN_HEADER_MATCHES - 1;
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const columns = headerColumns(rows[i]);
    const count = Object.keys(columns).length;
    if (count > bestCount && (columns.name !== undefined || columns.target !== undefined)) {
      best = { index: i, columns };
      bestCount = count;
    }
  }
  if (!best) return null;
  const below = rows[best.index + 1] ? headerColumns(rows[best.index + 1]) : {};
  const added = (Object.keys(below) as IndicatorColumn[]).filter((k) => best.columns[k] === undefined);
  if (added.length === 0) return { ...best, last: best.index };
  const columns = { ...best.columns };
  for (const key of added) columns[key] = below[key];
  return { index: best.index, last: best.index + 1, columns };
}

const isBlank = (row: ReadonlyArray<string>) => row.every((cell) => (cell ?? "").trim() === "");
const TOTAL_ROW = /^(合计|总计|小计)$/;

export function readIndicatorRows(
  rows: ReadonlyArray<ReadonlyArray<string>>,
  opts: ReadIndicatorOptions = {},
): IndicatorTable {
  const problems: TableProblem[] = [];
  const header = findHeader(rows);
  const columns = opts.columns ?? header?.columns;
  if (!columns) {
    const first = rows.findIndex((row) => !isBlank(row));
    problems.push({
      row: Math.max(first, 0) + 1,
      message: `第 ${Math.max(first, 0) + 1} 行：未找到表头，表格应有“一级指标”“二级指标”“三级指标”“指标值”等列`,
    });
    return { indicators: [], problems, columns: {} };
  }
  const headerRow = header ? header.index + 1 : 1;
  const missing = REQUIRED.filter((key) => columns[key] === undefined);
  for (const key of missing) {
    problems.push({
      row: headerRow,
      column: key,
      message: `第 ${headerRow} 行：缺少“${indicatorColumnLabels[key]}”列`,
    });
  }
  if (missing.length > 0) return { indicators: [], problems, columns };

  const indicators: Indicator[] = [];
  let level1 = "";
  let level2 = "";
  for (let r = header ? header.last + 1 : 0; r < rows.length; r++) {
    const row = rows[r];
    if (isBlank(row)) continue;
    const rowNumber = r + 1;
    const cell = (key: IndicatorColumn) => {
      const index = columns[key];
      return index === undefined ? "" : (row[index] ?? "").replace(/\r\n?/g, "\n").trim();
    };
    // Page breaks in Word repeat the header; totals rows add up 权重.
    if (Object.keys(headerColumns(row)).length >= MIN_HEADER_MATCHES) continue;
    const firstText = row.find((c) => (c ?? "").trim() !== "")?.trim() ?? "";
    if (TOTAL_ROW.test(firstText.replace(/\s/g, ""))) continue;

    // Merged or blank 一级/二级 cells continue the row above; line breaks from narrow Word cells are noise.
    const ownLevel1 = cell("level1").replace(/\s+/g, "");
    const ownLevel2 = cell("level2").replace(/\s+/g, "");
    if (ownLevel1 !== "" && ownLevel1 !== level1) {
      level1 = ownLevel1;
      level2 = "";
    }
    if (ownLevel2 !== "") level2 = ownLevel2;

    const name = cell("name");
    const description = cell("description");
    const basis = cell("basis");
    const valueText = cell("target");
    if (name === "" && description === "" && valueText === "" && basis === "") continue; // a 一级/二级 heading row

    if (level1 === "") problems.push({ row: rowNumber, column: "level1", message: `第 ${rowNumber} 行：缺少一级指标` });
    if (level2 === "") problems.push({ row: rowNumber, column: "level2", message: `第 ${rowNumber} 行：缺少二级指标` });
    if (name === "")
      problems.push({ row: rowNumber, column: "name", message: `第 ${rowNumber} 行：缺少三级指标（指标名称）` });

    const { target, direction: impliedDirection } = combineTarget(
      cell("operator"),
      valueText,
      cell("unit"),
      rowNumber,
      problems,
    );
    const indicator: Indicator = { level1, level2, name, description, target, basis };
    const scoringStandard = cell("scoringStandard");
    if (scoringStandard !== "") indicator.scoringStandard = scoringStandard;
    if (columns.weight !== undefined) indicator.weight = readWeight(cell("weight"), rowNumber, problems);
    const direction = columns.direction !== undefined ? readDirection(cell("direction"), rowNumber, problems) : null;
    if (columns.direction !== undefined || impliedDirection)
      indicator.direction = direction ?? impliedDirection ?? null;
    indicators.push(indicator);
  }
  return { indicators, problems, columns };
}

type Direction = NonNullable<Indicator["direction"]>;

function directionWord(text: string): Direction | null {
  const t = text.replace(/\s/g, "");
  if (/^(正向|正)(指标)?$/.test(t)) return "positive";
  if (/^(反向|逆向|负向|反|逆)(指标)?$/.test(t)) return "negative";
  return null;
}

/**
 * 指标性质 + 指标值 + 度量单位 in separate columns, as the provinces' budget systems print them.
 * raw is what the department wrote, the cells side by side; the target is read from the
 * operator word, the number and the unit. 正向/反向 in this column mean "at least"/"at most".
 */
function combineTarget(
  operatorText: string,
  valueText: string,
  unitText: string,
  rowNumber: number,
  problems: TableProblem[],
): { target: Target; direction: Direction | null } {
  const unit = unitText !== "" && !valueText.endsWith(unitText) ? unitText : "";
  const written = `${valueText}${unit}`;
  const label = operatorText.replace(/\s/g, "");
  if (label === "" || label === "定量" || label === "定性") return { target: parseTarget(written), direction: null };
  const direction = directionWord(label);
  const operator = direction === "positive" ? ">=" : direction === "negative" ? "<=" : parseOperator(operatorText);
  const raw = `${operatorText}${written}`;
  if (operator === null) {
    problems.push({
      row: rowNumber,
      column: "operator",
      message: `第 ${rowNumber} 行：无法识别指标性质“${operatorText}”`,
    });
    return { target: { raw, kind: "unparsed" }, direction: null };
  }
  const own = parseTarget(written);
  if (own.kind !== "quantitative") return { target: { ...own, raw }, direction };
  // "95" takes the column's operator; "≥95" or "95以上" states its own, which must agree.
  const statesOperator = /^[=＝]/.test(written) || parseTarget(`=${written}`).kind !== "quantitative";
  if (statesOperator && own.operator !== operator) {
    problems.push({
      row: rowNumber,
      column: "target",
      message: `第 ${rowNumber} 行：指标性质“${operatorText}”与指标值“${valueText}”不一致`,
    });
    return { target: { raw, kind: "unparsed" }, direction };
  }
  return { target: { ...own, raw, operator }, direction };
}

function readWeight(text: string, rowNumber: number, problems: TableProblem[]): number | null {
  if (text === "") return null;
  const number = normaliseNumber(text.replace(/[%％分]$/, ""));
  if (number === null || number.startsWith("-")) {
    problems.push({ row: rowNumber, column: "weight", message: `第 ${rowNumber} 行：权重“${text}”不是数字` });
    return null;
  }
  // 权重 is a score out of 100, never money: a JS number is exact enough for it.
  return Number(number);
}

function readDirection(text: string, rowNumber: number, problems: TableProblem[]): Direction | null {
  if (text === "") return null;
  const direction = directionWord(text);
  if (direction === null) {
    problems.push({
      row: rowNumber,
      column: "direction",
      message: `第 ${rowNumber} 行：指标方向性应为“正向”或“反向”，而不是“${text}”`,
    });
  }
  return direction;
}
