import type { ClassificationCatalogue } from "../domain/classification";
import type { IndicatorFramework } from "../domain/frameworks";
import type { Disclosure } from "../domain/model";
import { ruleCatalogue } from "./catalogue";
import type { Finding, RuleContext, Severity } from "./finding";
import { comparePaths, isWithin } from "../domain/paths";

export type CheckOptions = {
  /** The admin's policy: a severity per rule id, or "off". Unknown ids are ignored. */
  severities?: Readonly<Record<string, Severity | "off">>;
  /** Frameworks the admin added, besides the built-in ones. */
  frameworks?: ReadonlyArray<IndicatorFramework>;
  /** The disclosure's fiscal year's classification catalogue; without one, codes are not looked up. */
  classification?: ClassificationCatalogue | null;
};

/**
 * Every rule of the catalogue over one disclosure. Pure and deterministic: the same disclosure
 * and options give the same findings in the same order (section, then path, then catalogue
 * order), so the form, the importer, the CLI and the approval guard all agree.
 */
export function checkDisclosure(disclosure: Disclosure, opts: CheckOptions = {}): Finding[] {
  const ctx: RuleContext = { disclosure, frameworks: opts.frameworks ?? [], classification: opts.classification };
  const found: Array<Finding & { order: number }> = [];
  ruleCatalogue.forEach((rule, order) => {
    const severity = opts.severities?.[rule.id] ?? rule.severity;
    if (severity === "off") return;
    for (const issue of rule.check(ctx)) found.push({ rule: rule.id, severity, ...issue, order });
  });
  return orderFindings(found.map(({ order: _order, ...f }) => f));
}

const catalogueOrder = new Map(ruleCatalogue.map((rule, order) => [rule.id, order]));
const orderOf = (f: Finding) => catalogueOrder.get(f.rule) ?? ruleCatalogue.length;

/** Section, then path, then catalogue order, then message: the one order every list of findings has. */
export function orderFindings(findings: ReadonlyArray<Finding>): Finding[] {
  // comparePaths orders by section first (its cached sort key starts with the section's index),
  // so the section needs no parsing of its own on each comparison.
  return [...findings].sort(
    (a, b) =>
      comparePaths(a.path, b.path) ||
      orderOf(a) - orderOf(b) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

/**
 * checkDisclosure's findings together with findings made outside the engine (the importer's,
 * which compare a document's sentences with its tables), the admin's policy applied to those too.
 */
export function withOtherFindings(
  checked: ReadonlyArray<Finding>,
  other: ReadonlyArray<Finding>,
  opts: CheckOptions = {},
): Finding[] {
  const governed = other.flatMap((f) => {
    const severity = opts.severities?.[f.rule] ?? f.severity;
    return severity === "off" ? [] : [{ ...f, severity }];
  });
  return orderFindings([...checked, ...governed]);
}

export type FindingSummary = Record<Severity, number> & { total: number };

export function summariseFindings(findings: ReadonlyArray<Finding>): FindingSummary {
  const summary = { error: 0, warning: 0, info: 0, total: findings.length };
  for (const f of findings) summary[f.severity]++;
  return summary;
}

/** The findings a form field shows: those at the path or inside it. */
export function findingsAt(findings: ReadonlyArray<Finding>, pathPrefix: string): Finding[] {
  return findings.filter((f) => isWithin(f.path, pathPrefix));
}

/** Errors block submission and approval (lib/domain/spec/rules.md). */
export function hasBlockingFindings(findings: ReadonlyArray<Finding>): boolean {
  return findings.some((f) => f.severity === "error");
}
