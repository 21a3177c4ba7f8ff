import { pathPattern, setAt } from "../domain/paths";
import { parseTarget } from "../domain/targets";

/** Paths whose stored value is a parsed 指标值, not the text a fix offers. */
const TARGET_PATTERN = "performance.projects[].indicators[].target";

/**
 * The content with a finding's fix in place (lib/rules/finding.ts: the value for the finding's own
 * path). A fix is text, as a clerk would type it; a 指标值 is read the way the grid reads a typed
 * cell, so `>=90%` is stored parsed, with its raw text.
 */
export function withFix<T>(content: T, path: string, value: string | null): T {
  const stored = value !== null && pathPattern(path) === TARGET_PATTERN ? parseTarget(value) : value;
  return setAt(content, path, stored);
}
