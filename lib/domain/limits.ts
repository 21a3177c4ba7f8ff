import { z } from "zod";
import { inputMessages } from "../i18n/zh-CN/input";

/**
 * How large a disclosure may be: how many repeating rows it holds, and how large each figure in it
 * is. The model's zod schema (model.ts) and the editable one (editable.ts) apply both; so does
 * every writer that checks a figure or a size on its own (the grid, a draft made from a sheet).
 * Pure.
 */

/**
 * The most repeating rows one disclosure may hold, checked wherever a disclosure is parsed (the
 * canonical schema in model.ts and the editable one in editable.ts use the lists below),
 * so an autosave, an import or an API call over them is refused with the message at the table
 * that is over, and nothing larger reaches the database or the exporters.
 *
 * Why these numbers: a large department has a few hundred projects of about ten indicators each;
 * 5,000 indicators is 500 such projects. Past that, one autosave of the whole content (two copies
 * when it merges) nears the request body limit (lib/security/request-limits.ts), and each save,
 * rule check and Word export of it takes seconds (README, "Production edges"). The database
 * itself takes more: rows are written in slices (db/queries/bulk.ts). Raise a limit freely; never
 * lower one below what published disclosures already hold, or they stop parsing.
 */
export const disclosureLimits = {
  /** 项目 (project funds with their 绩效目标表) */
  projects: 1_000,
  /** 绩效指标 rows, all projects together */
  indicators: 5_000,
  /** 政府采购 lines */
  procurementItems: 2_000,
  /**
   * Rows of one budget table (lib/domain/budget-tables.ts): the whole 功能分类 catalogue has some
   * 1,500 项, the 经济分类 some 150 款; a department uses a few dozen, its 项目支出表 as many rows
   * as it has projects.
   */
  tableRows: 2_000,
} as const;

type WithIndicators = { indicators: readonly unknown[] };

/** What is over the limits in a disclosure's projects: a message per limit passed. */
export function projectLimitProblems(projects: readonly WithIndicators[]): string[] {
  const max = disclosureLimits;
  const problems: string[] = [];
  if (projects.length > max.projects) problems.push(inputMessages.rows.projects(projects.length, max.projects));
  const indicators = projects.reduce((sum, p) => sum + p.indicators.length, 0);
  if (indicators > max.indicators) problems.push(inputMessages.rows.indicators(indicators, max.indicators));
  return problems;
}

export function procurementLimitProblems(items: readonly unknown[]): string[] {
  const max = disclosureLimits.procurementItems;
  return items.length > max ? [inputMessages.rows.procurementItems(items.length, max)] : [];
}

/** The first limit a whole disclosure passes, for a refusal outside a schema (a draft made from a sheet); null within them all. */
export function rowLimitProblem(d: {
  performance: { projects: readonly WithIndicators[] };
  procurement: { items: readonly unknown[] };
}): string | null {
  return [...projectLimitProblems(d.performance.projects), ...procurementLimitProblems(d.procurement.items)][0] ?? null;
}

/** One budget table's stored rows: at most `tableRows`. */
export function tableRowList<R extends z.ZodType>(row: R) {
  return z.array(row).superRefine((rows, ctx) => {
    const max = disclosureLimits.tableRows;
    if (rows.length > max) ctx.addIssue({ code: "custom", message: inputMessages.rows.tableRows(rows.length, max) });
  });
}

/** A disclosure's projects: at most `projects` of them with at most `indicators` rows in all. */
export function projectList<P extends z.ZodType<WithIndicators>>(project: P) {
  return z.array(project).superRefine((projects, ctx) => {
    for (const message of projectLimitProblems(projects as readonly WithIndicators[]))
      ctx.addIssue({ code: "custom", message });
  });
}

/** A disclosure's 政府采购 lines: at most `procurementItems`. */
export function procurementList<I extends z.ZodType>(item: I) {
  return z.array(item).superRefine((items, ctx) => {
    for (const message of procurementLimitProblems(items)) ctx.addIssue({ code: "custom", message });
  });
}

/**
 * How large a figure may be (issue 13): the significant digits a spreadsheet keeps. The clerks
 * check figures in Excel and WPS (lib/export/xlsx.ts writes numbers as numbers), which keep 15: a
 * figure with more would change when opened there, and a 1e308 weight or a 301-digit area is not
 * a figure at all. Each kind below gets a maximum that fits, set as tight as the domain allows.
 */
export const SPREADSHEET_DIGITS = 15;
/** 万元 with two decimals: 13 integer digits (up to 9999999999999.99 万元, beyond any budget) keep all 15. */
export const MAX_AMOUNT_INTEGER_DIGITS = SPREADSHEET_DIGITS - 2;
/** A measured quantity that is not money (m² of buildings): at most 15 digits in all. */
export const MAX_DECIMAL_DIGITS = SPREADSHEET_DIGITS;
/** 权重: a share of a project's score, whose weights add up to 100 (lib/domain/spec/domain.md). */
export const MAX_WEIGHT = 100;
/** Counts (vehicles, pieces of equipment, items bought): under a billion, beyond any department's. */
export const MAX_COUNT = 999_999_999;

const m = inputMessages.figures;

/** "-2765.39" → 4: the digits before the point, leading zeros included (a padded figure is not a clean one). */
const integerDigits = (text: string) => text.replace(/^[-+]/, "").split(".")[0].length;
const allDigits = (text: string) => text.replace(/[^0-9]/g, "").length;

/** Null when the amount text fits; else the message. For text already in amount form ("2765.39"). */
export function amountDigitsProblem(text: string): string | null {
  return integerDigits(text) <= MAX_AMOUNT_INTEGER_DIGITS ? null : m.amountTooLong(MAX_AMOUNT_INTEGER_DIGITS);
}

/** Null when the decimal text ("1234.56") fits; else the message. */
export function decimalDigitsProblem(text: string): string | null {
  return allDigits(text) <= MAX_DECIMAL_DIGITS ? null : m.decimalTooLong(MAX_DECIMAL_DIGITS);
}

/** Null for a weight from 0 to 100; else the message (NaN and infinities included). */
export function weightProblem(weight: number): string | null {
  return Number.isFinite(weight) && weight >= 0 && weight <= MAX_WEIGHT ? null : m.weightRange(MAX_WEIGHT);
}

export const weightMessage = m.weightRange(MAX_WEIGHT);
export const countMessage = m.countTooLarge(MAX_COUNT);
