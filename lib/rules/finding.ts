import { z } from "zod";
import type { Disclosure } from "../domain/model";
import type { ClassificationCatalogue } from "../domain/classification";
import type { IndicatorFramework } from "../domain/frameworks";
import type { LastYearResults } from "../domain/performance/next-year";

export const severities = ["error", "warning", "info"] as const;
export const severity = z.enum(severities);
export type Severity = z.infer<typeof severity>;

/**
 * A correction a finding offers for one click: the value to put at the finding's own path, and the
 * button's words ("填入表中数"). Only where the right value is known (a text figure that must be
 * its table's cell, a code's name in the year's catalogue); a finding without one is for a person.
 */
export const fix = z.object({ label: z.string().min(1), value: z.string().nullable() });
export type Fix = z.infer<typeof fix>;

/** What a check found, where (a JSON path into the canonical disclosure) and what to do about it. */
export const finding = z.object({
  rule: z.string().min(1),
  severity,
  path: z.string(),
  message: z.string().min(1),
  hint: z.string().optional(),
  fix: fix.optional(),
});
export type Finding = z.infer<typeof finding>;

/**
 * The admin's policy: a severity per rule id, or "off". Stored in the database as JSON, so it is
 * parsed, not trusted; ids of rules that no longer exist are ignored by the engine.
 */
export const severityPolicy = z.record(z.string(), z.enum([...severities, "off"]));
export type SeverityPolicy = z.infer<typeof severityPolicy>;

/** A rule reports what and where; rule id and severity are the catalogue's business. */
export type Issue = { path: string; message: string; hint?: string; fix?: Fix };

export type RuleContext = {
  disclosure: Disclosure;
  /** The admin's frameworks in addition to the built-in ones. */
  frameworks: ReadonlyArray<IndicatorFramework>;
  /** The fiscal year's classification catalogue, when the caller has one: codes are checked against it. */
  classification?: ClassificationCatalogue | null;
  /**
   * The department's disclosure of the year before, as published, when the caller has one: targets
   * are compared with it (lib/rules/indicator-history.ts). Without it those rules find nothing.
   */
  previous?: Disclosure | null;
  /**
   * The department's 自评 of the year before, by row key (lib/domain/performance/next-year.ts,
   * `lastYearResults`), when the caller has one: targets are also compared with last year's actuals.
   */
  lastYearResults?: LastYearResults | null;
  /** The lowest 满意度 target the finance bureau accepts, in percent; SATISFACTION_FLOOR unless set. */
  satisfactionFloor?: number;
};

export type RuleCheck = (ctx: RuleContext) => Issue[];
