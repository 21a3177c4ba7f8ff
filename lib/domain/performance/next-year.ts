import type { Target } from "../model";
import { disclosureKeys, type KeyedContent } from "./keys";
import type { SelfEvaluation } from "./shapes";

/**
 * Next spring's targets are set against what was achieved (lib/domain/spec/performance.md, "Next
 * year's targets"): beside each row carried into the new draft, last year's target and last year's
 * actual from its 自评, matched by row key (keys.ts: a project keeps its keys across years).
 */

export type LastYearResult = {
  /** The target last year's published row had (as copied into its 自评). */
  lastTarget: Target;
  /** The 实际完成值 as reported; null where the row did not apply or nothing was reported. */
  lastActual: string | null;
};

/** Last year's results by row key: what the draft shows and what `RuleContext.lastYearResults` holds. */
export type LastYearResults = ReadonlyMap<string, LastYearResult>;

export function lastYearResults(evaluation: SelfEvaluation): Map<string, LastYearResult> {
  const results = new Map<string, LastYearResult>();
  for (const project of evaluation.projects)
    for (const row of project.indicators)
      results.set(row.indicatorKey, {
        lastTarget: row.target,
        lastActual: row.applicable && row.actual.trim() !== "" ? row.actual.trim() : null,
      });
  return results;
}

/** For each row of the draft, in its place (`[p][i]`), last year's result where the row was carried; null otherwise. */
export function lastYearBeside(draft: KeyedContent, results: LastYearResults): Array<Array<LastYearResult | null>> {
  const keys = disclosureKeys(draft);
  return keys.indicators.map((rows) => rows.map((key) => results.get(key) ?? null));
}
