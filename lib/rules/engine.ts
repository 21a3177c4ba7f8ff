import type { ClassificationCatalogue } from "../domain/classification";
import type { IndicatorFramework } from "../domain/frameworks";
import type { Disclosure } from "../domain/model";
import type { LastYearResults } from "../domain/performance/next-year";
import { ruleCatalogue } from "./catalogue";
import type { Finding, RuleContext, Severity } from "./finding";
import { compareOrdered, isWithin, orderedPath } from "../domain/paths";

export type CheckOptions = {
  /** The admin's policy: a severity per rule id, or "off". Unknown ids are ignored. */
  severities?: Readonly<Record<string, Severity | "off">>;
  /** Frameworks the admin added, besides the built-in ones. */
  frameworks?: ReadonlyArray<IndicatorFramework>;
  /** The disclosure's fiscal year's classification catalogue; without one, codes are not looked up. */
  classification?: ClassificationCatalogue | null;
  /** The department's published disclosure of the year before; without one, nothing is compared with last year. */
  previous?: Disclosure | null;
  /** The department's 自评 of the year before, by row key (`lastYearResults`); without it, targets are not compared with last year's actuals. */
  lastYearResults?: LastYearResults | null;
  /** The lowest 满意度 target accepted, in percent (80 unless the finance bureau sets another). */
  satisfactionFloor?: number;
};

/**
 * Every rule of the catalogue over one disclosure. Pure and deterministic: the same disclosure
 * and options give the same findings in the same order (section, then path, then catalogue
 * order), so the form, the importer, the CLI and the approval guard all agree.
 */
export function checkDisclosure(disclosure: Disclosure, opts: CheckOptions = {}): Finding[] {
  const ctx: RuleContext = {
    disclosure,
    frameworks: opts.frameworks ?? [],
    classification: opts.classification,
    previous: opts.previous,
    lastYearResults: opts.lastYearResults,
    satisfactionFloor: opts.satisfactionFloor,
  };
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

/**
 * Section, then path, then catalogue order, then message: the one order every list of findings has.
 * Each finding's place is looked up once, not at every comparison (a year's lint sorts some 20,000
 * findings); the path's order key starts with its section.
 */
export function orderFindings(findings: ReadonlyArray<Finding>): Finding[] {
  return findings
    .map((f) => ({ f, at: orderedPath(f.path), order: orderOf(f) }))
    .sort(
      (a, b) =>
        compareOrdered(a.at, b.at) ||
        a.order - b.order ||
        (a.f.message < b.f.message ? -1 : a.f.message > b.f.message ? 1 : 0),
    )
    .map(({ f }) => f);
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
