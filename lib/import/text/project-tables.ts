import { normaliseNumber } from "../../domain/money";
import type { Indicator, ProjectFund } from "../../domain/model";
import { parseTarget } from "../../domain/targets";
import { gridMessages } from "../../i18n/zh-CN/grid";
import { SCORING_STANDARD_HEADER } from "../indicator-table";
import type { Problems } from "./problems";
import { cellTexts, squash, type Item, type Row } from "./source";

/**
 * 第二部分 资金绩效目标: "N、<project>绩效目标表", a 绩效目标 row with the goal text, the header row
 * and one row of six cells per indicator, where a blank 一级/二级 cell repeats the row above.
 */

const PROJECT_HEADING = /^(?:\d{1,2}\s*[、.．]\s*)?(.+?)\s*绩效目标表$/;

type Column =
  | "level1"
  | "level2"
  | "name"
  | "description"
  | "target"
  | "basis"
  | "scoringStandard"
  | "weight"
  | "direction";

const COLUMN_WORDS: ReadonlyArray<[Column, RegExp, string]> = [
  ["level1", /一级指标/, "一级指标"],
  ["level2", /二级指标/, "二级指标"],
  ["name", /三级指标/, "三级指标"],
  ["description", /描述/, "绩效指标描述"],
  ["target", /^指标值$|^目标值$/, "指标值"],
  ["basis", /依据/, "指标值确定依据"],
  ["scoringStandard", SCORING_STANDARD_HEADER, gridMessages.columns.scoringStandard],
  ["weight", /权[(（]?分?[)）]?重/, "权重"],
  ["direction", /方向/, "指标方向性"],
];
const REQUIRED: ReadonlyArray<Column> = ["level1", "level2", "name", "description", "target", "basis"];

type Draft = { project: ProjectFund; headingLine: number; rows: Row[] };

export function readProjects(items: ReadonlyArray<Item>, problems: Problems): ProjectFund[] {
  const drafts: Draft[] = [];
  for (const item of items) {
    const current = drafts[drafts.length - 1];
    if (item.kind === "row") {
      if (current) current.rows.push(item);
      else problems.add(item.no, "这张表格前没有“N、项目名称绩效目标表”标题，未读取", "performance.projects");
      continue;
    }
    const heading = PROJECT_HEADING.exec(item.text.trim());
    if (heading) {
      drafts.push({
        project: { name: heading[1].trim(), amount: null, goal: "", indicators: [] },
        headingLine: item.no,
        rows: [],
      });
      continue;
    }
    const goal = /^绩效目标\s*[：:]\s*(.+)$/s.exec(item.text);
    if (current && goal && !current.project.goal) current.project.goal = goal[1].trim();
    else problems.add(item.no, `无法识别这段文字：“${item.text.slice(0, 30)}”`, "performance.projects");
  }
  drafts.forEach((draft, index) => readTable(draft, index, problems));
  return drafts.map((d) => d.project);
}

function readTable(draft: Draft, index: number, problems: Problems): void {
  const path = `performance.projects[${index}]`;
  const { project } = draft;
  let rows = draft.rows;
  const goalAt = rows.findIndex((r) => squash(r.cells[0]?.text ?? "") === "绩效目标");
  if (goalAt >= 0) {
    const goalRow = rows[goalAt];
    let goalCells = cellTexts(goalRow).slice(1);
    // The goal text pushed into a row of its own by a stray blank line.
    const next = rows[goalAt + 1];
    if (goalCells.length === 0 && next && next.cells.length === 1) {
      goalCells = cellTexts(next);
      rows = rows.filter((r) => r !== next);
    }
    project.goal = goalCells.filter((c) => c !== "").join("\n");
  }
  if (!project.goal) problems.add(draft.headingLine, `项目“${project.name}”缺少绩效目标`, `${path}.goal`);

  const headerAt = rows.findIndex((r) => r.cells.some((c) => squash(c.text) === "一级指标"));
  const header = headerAt >= 0 ? cellTexts(rows[headerAt]).map(squash) : null;
  const columns = header
    ? columnsOf(header, rows[headerAt].no, path, problems)
    : REQUIRED.map((c, i) => [c, i] as const);
  if (!header)
    problems.add(
      draft.headingLine,
      `项目“${project.name}”的绩效目标表没有表头，按六列的标准顺序读取`,
      `${path}.indicators`,
    );
  const width = header ? header.length : REQUIRED.length;

  const body = rows.filter((_, i) => i !== goalAt && i > headerAt);
  rows.forEach((r, i) => {
    if (i !== goalAt && i < headerAt)
      problems.add(r.no, `项目“${project.name}”表头前的这一行无法识别，未读取`, `${path}.indicators`);
  });
  let previous: Indicator | null = null;
  for (const row of mergeSplitRows(body, width)) {
    if (row.cells.every((c) => c.text === "")) continue;
    const at = `${path}.indicators[${project.indicators.length}]`;
    const cells = fitToWidth(cellTexts(row), width, row.no, at, problems);
    const get = (column: Column) => {
      const position = columns.find(([c]) => c === column)?.[1];
      return position === undefined ? "" : (cells[position] ?? "");
    };
    const level1 = get("level1") || previous?.level1 || "";
    // 二级 repeats the row above only within the same 一级.
    const level2 = get("level2") || (previous?.level1 === level1 ? previous.level2 : "");
    const indicator: Indicator = {
      level1,
      level2,
      name: get("name"),
      description: get("description"),
      target: parseTarget(get("target")),
      basis: get("basis"),
    };
    const scoringStandard = get("scoringStandard");
    if (scoringStandard) indicator.scoringStandard = scoringStandard;
    if (!indicator.level1) problems.add(row.no, "一级指标为空，上方也没有可沿用的一级指标", `${at}.level1`);
    if (!indicator.level2) problems.add(row.no, "二级指标为空，上方也没有可沿用的二级指标", `${at}.level2`);
    if (columns.some(([c]) => c === "weight")) indicator.weight = readWeight(get("weight"), row.no, at, problems);
    if (columns.some(([c]) => c === "direction")) indicator.direction = readDirection(get("direction"));
    project.indicators.push(indicator);
    previous = indicator;
  }
  if (project.indicators.length === 0)
    problems.add(draft.headingLine, `项目“${project.name}”没有绩效指标`, `${path}.indicators`);
}

function columnsOf(
  header: ReadonlyArray<string>,
  line: number,
  path: string,
  problems: Problems,
): Array<readonly [Column, number]> {
  const columns: Array<readonly [Column, number]> = [];
  for (const [column, words, label] of COLUMN_WORDS) {
    const position = header.findIndex((h) => words.test(h));
    if (position >= 0) columns.push([column, position]);
    else if (REQUIRED.includes(column)) problems.add(line, `绩效目标表缺少“${label}”列`, `${path}.indicators`);
  }
  return columns;
}

/**
 * A stray blank line inside a row (the 金融信用办 table has one after its 指标值 cell) cuts it in
 * two; the pieces add up to exactly one row, which is how a reader sees it too.
 */
function mergeSplitRows(rows: ReadonlyArray<Row>, width: number): Row[] {
  const merged: Row[] = [];
  for (const row of rows) {
    const last = merged[merged.length - 1];
    if (last && last.cells.length < width && last.cells.length + row.cells.length <= width) {
      merged[merged.length - 1] = { ...last, cells: [...last.cells, ...row.cells] };
    } else {
      merged.push(row);
    }
  }
  return merged;
}

/** Extra empty cells are dropped (they come from merged cells in Word); a missing cell is reported. */
function fitToWidth(cells: string[], width: number, line: number, path: string, problems: Problems): string[] {
  const fitted = [...cells];
  for (let i = fitted.length - 1; fitted.length > width && i >= 2; i--) if (fitted[i] === "") fitted.splice(i, 1);
  if (fitted.length > width) {
    problems.add(line, `这一行有 ${cells.length} 个单元格，多于表头的 ${width} 列，多出的单元格未读取`, path);
    return fitted.slice(0, width);
  }
  if (fitted.length < width) {
    problems.add(line, `这一行只有 ${cells.length} 个单元格，少于表头的 ${width} 列，缺少的单元格按空白读取`, path);
    while (fitted.length < width) fitted.push("");
  }
  return fitted;
}

function readWeight(text: string, line: number, path: string, problems: Problems): number | null {
  if (text === "") return null;
  const number = normaliseNumber(text.replace(/%$/, ""));
  if (number === null || Number(number) < 0) {
    problems.add(line, `无法读取权重“${text}”`, `${path}.weight`);
    return null;
  }
  return Number(number);
}

function readDirection(text: string): "positive" | "negative" | null {
  if (/反向|逆向/.test(text)) return "negative";
  if (/正向/.test(text)) return "positive";
  return null;
}
