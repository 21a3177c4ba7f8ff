import type { Finding } from "./finding";

/**
 * What stands between a draft and 提交 (lib/domain/spec/rules.md, lib/domain/spec/workflow.md):
 * every error fixed, every warning that is kept explained in writing. One function for the
 * editor's list beside the button, the review screen's findings and the server's refusal
 * (db/queries/workflow.ts), so they never disagree.
 */
export type WarningExplanation = { ruleId: string; path: string; explanation: string };

/** A kept warning is known by its rule and its path: the key of its explanation. */
export const explanationKey = (ruleId: string, path: string) => `${ruleId}\u0000${path}`;

/** The written explanations by key; a blank one explains nothing. */
export function explanationIndex(explanations: ReadonlyArray<WarningExplanation>): Map<string, string> {
  return new Map(
    explanations
      .filter((e) => e.explanation.trim() !== "")
      .map((e) => [explanationKey(e.ruleId, e.path), e.explanation]),
  );
}

export function explanationOf(
  index: ReadonlyMap<string, string>,
  f: Pick<Finding, "rule" | "path">,
): string | undefined {
  return index.get(explanationKey(f.rule, f.path));
}

export type SubmitBlockers = { errors: Finding[]; unexplained: Finding[] };

export function submitBlockers(
  findings: ReadonlyArray<Finding>,
  explanations: ReadonlyArray<WarningExplanation>,
): SubmitBlockers {
  const index = explanationIndex(explanations);
  return {
    errors: findings.filter((f) => f.severity === "error"),
    unexplained: findings.filter((f) => f.severity === "warning" && explanationOf(index, f) === undefined),
  };
}

export function isBlocked(b: SubmitBlockers): boolean {
  return b.errors.length > 0 || b.unexplained.length > 0;
}
