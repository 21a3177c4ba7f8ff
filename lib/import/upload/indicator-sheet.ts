import { parseAmount, toHalfWidth } from "../../domain/money";
import type { ProjectFund } from "../../domain/model";
import { readIndicatorRows } from "../indicator-table";

/**
 * 绩效目标表 kept in a spreadsheet, as the departments keep them: one sheet per project (titled
 * “××项目绩效目标表”, or with a 项目名称 row above the header), or one sheet of every project with a
 * 项目名称 column (as this app's own Excel export writes). Each table is read by readIndicatorRows,
 * so a sheet and a block pasted into the grid are understood alike; row numbers stay the sheet's.
 */

export type SheetGrid = { name: string; rows: string[][] };
export type SheetProblem = { sheet: string | null; message: string };
export type SheetSummary = { name: string; projects: number; indicators: number };
export type IndicatorSheets = {
  projects: ProjectFund[];
  problems: SheetProblem[];
  sheets: SheetSummary[];
  skipped: string[];
};

const HEADER_SEARCH_ROWS = 30;
const norm = (cell: string | undefined) => toHalfWidth(cell ?? "").replace(/[\s*＊:：（）()]/g, "");
const isProjectHeader = (cell: string) => /^(项目名称|项目|项目资金名称|资金名称|项目资金)$/.test(norm(cell));
const isIndicatorHeader = (cell: string) => /^(一级指标|二级指标|三级指标|指标值|指标名称)/.test(norm(cell));

/** Where the project-name column is: in the row that also names the indicator columns. */
function projectColumn(rows: ReadonlyArray<ReadonlyArray<string>>): { headerRow: number; column: number } | null {
  for (let r = 0; r < Math.min(rows.length, HEADER_SEARCH_ROWS); r++) {
    const row = rows[r];
    if (row.filter(isIndicatorHeader).length < 2) continue;
    const column = row.findIndex(isProjectHeader);
    return column >= 0 ? { headerRow: r, column } : null;
  }
  return null;
}

/** Name, amount and goal written above the header of a one-project sheet. */
function describeProject(
  rows: ReadonlyArray<ReadonlyArray<string>>,
  fallbackName: string,
): Omit<ProjectFund, "indicators"> {
  let name = "";
  let amount: string | null = null;
  let goal = "";
  for (const row of rows.slice(0, HEADER_SEARCH_ROWS)) {
    if (row.filter(isIndicatorHeader).length >= 2) break;
    const cells = row.map((c) => (c ?? "").trim()).filter((c) => c !== "");
    const valueAfter = (i: number) => cells[i + 1] ?? "";
    cells.forEach((cell, i) => {
      const key = norm(cell);
      if (isProjectHeader(cell) && !name) name = valueAfter(i);
      else if (/^(项目)?(资金|金额|预算)(金额|总额)?(万元)?$/.test(key) && amount === null)
        amount = parseAmount(valueAfter(i).replace(/万元$/, ""));
      else if (/^(年度)?(绩效)?目标$/.test(key) && !goal) goal = valueAfter(i);
      else if (!name && /绩效目标表$/.test(key) && cells.length === 1)
        name = cell
          .replace(/\s*(项目)?(支出)?绩效目标(申报)?表$/, "")
          .replace(/^[（(].*?[)）]/, "")
          .trim();
    });
  }
  return { name: name || fallbackName, amount, goal };
}

export function readIndicatorSheets(grids: ReadonlyArray<SheetGrid>, defaultName: string): IndicatorSheets {
  const out: IndicatorSheets = { projects: [], problems: [], sheets: [], skipped: [] };
  const sheetLabel = grids.length > 1 ? (g: SheetGrid) => g.name : () => null;
  for (const grid of grids) {
    // A sheet without the indicator columns (概况, 政府采购 …) is not a problem, just not ours.
    if (!hasHeader(grid.rows)) {
      out.skipped.push(grid.name);
      continue;
    }
    const found = projectColumn(grid.rows);
    const projects = found
      ? splitByProject(grid.rows, found)
      : [{ ...describeProject(grid.rows, fallbackName(grid.name, defaultName, out.projects.length)), rows: grid.rows }];
    let indicators = 0;
    for (const { rows, ...project } of projects) {
      const table = readIndicatorRows(rows);
      out.projects.push({ ...project, indicators: table.indicators });
      indicators += table.indicators.length;
      for (const p of table.problems) out.problems.push({ sheet: sheetLabel(grid), message: p.message });
    }
    out.sheets.push({ name: grid.name, projects: projects.length, indicators });
  }
  // Header problems (a missing column) come once per sheet, not once per project.
  out.problems = dedupe(out.problems);
  return out;
}

function hasHeader(rows: ReadonlyArray<ReadonlyArray<string>>): boolean {
  return rows.slice(0, HEADER_SEARCH_ROWS).some((row) => row.filter(isIndicatorHeader).length >= 2);
}

/** Excel's default sheet names say nothing about the project; the file's name may. */
function fallbackName(sheetName: string, defaultName: string, index: number): string {
  if (/^(sheet|工作表)\s*\d*$/i.test(sheetName.trim()) || sheetName.trim() === "")
    return index === 0 ? defaultName : `${defaultName}（${index + 1}）`;
  return sheetName.trim();
}

/**
 * One project per name in the project column, in order of first appearance; a blank cell (a
 * merged range in Excel) continues the project above. Rows of other projects are blanked rather
 * than removed, so each project's problems still name the sheet's own row numbers.
 */
function splitByProject(
  rows: ReadonlyArray<ReadonlyArray<string>>,
  at: { headerRow: number; column: number },
): Array<Omit<ProjectFund, "indicators"> & { rows: string[][] }> {
  // A second header row (一级/二级/三级 under a merged 绩效指标 cell) belongs to every project.
  const lastHeader = at.headerRow + (hasHeader([rows[at.headerRow + 1] ?? []]) ? 1 : 0);
  const owner: Array<string | null> = rows.map(() => null);
  let current = "";
  for (let r = lastHeader + 1; r < rows.length; r++) {
    const name = (rows[r][at.column] ?? "").trim();
    if (name !== "" && !isProjectHeader(name)) current = name;
    owner[r] = current;
  }
  const names = [...new Set(owner.filter((n): n is string => n !== null && n !== ""))];
  return names.map((name) => ({
    name,
    amount: null,
    goal: "",
    rows: rows.map((row, r) =>
      r <= lastHeader || owner[r] === name || (owner[r] === "" && name === names[0]) ? [...row] : [],
    ),
  }));
}

function dedupe(problems: SheetProblem[]): SheetProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.sheet}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
