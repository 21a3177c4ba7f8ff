import { z } from "zod";
import { limitsMessages } from "../i18n/zh-CN/limits";

/**
 * The most repeating rows one disclosure may hold, checked wherever a disclosure is parsed (the
 * canonical schema in model.ts and the editable one in db/disclosure-shape.ts use the lists below),
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
} as const;

type WithIndicators = { indicators: readonly unknown[] };

/** What is over the limits in a disclosure's projects: a message per limit passed. */
export function projectLimitProblems(projects: readonly WithIndicators[]): string[] {
  const max = disclosureLimits;
  const problems: string[] = [];
  if (projects.length > max.projects) problems.push(limitsMessages.projects(projects.length, max.projects));
  const indicators = projects.reduce((sum, p) => sum + p.indicators.length, 0);
  if (indicators > max.indicators) problems.push(limitsMessages.indicators(indicators, max.indicators));
  return problems;
}

export function procurementLimitProblems(items: readonly unknown[]): string[] {
  const max = disclosureLimits.procurementItems;
  return items.length > max ? [limitsMessages.procurementItems(items.length, max)] : [];
}

/** The first limit a whole disclosure passes, for a refusal outside a schema (a draft made from a sheet); null within them all. */
export function rowLimitProblem(d: { performance: { projects: readonly WithIndicators[] }; procurement: { items: readonly unknown[] } }): string | null {
  return [...projectLimitProblems(d.performance.projects), ...procurementLimitProblems(d.procurement.items)][0] ?? null;
}

/** A disclosure's projects: at most `projects` of them with at most `indicators` rows in all. */
export function projectList<P extends z.ZodType<WithIndicators>>(project: P) {
  return z.array(project).superRefine((projects, ctx) => {
    for (const message of projectLimitProblems(projects as readonly WithIndicators[])) ctx.addIssue({ code: "custom", message });
  });
}

/** A disclosure's 政府采购 lines: at most `procurementItems`. */
export function procurementList<I extends z.ZodType>(item: I) {
  return z.array(item).superRefine((items, ctx) => {
    for (const message of procurementLimitProblems(items)) ctx.addIssue({ code: "custom", message });
  });
}
