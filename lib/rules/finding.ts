import { z } from "zod";
import type { Disclosure } from "../domain/model";
import type { IndicatorFramework } from "../domain/frameworks";

export const severities = ["error", "warning", "info"] as const;
export const severity = z.enum(severities);
export type Severity = z.infer<typeof severity>;

/** What a check found, where (a JSON path into the canonical disclosure) and what to do about it. */
export const finding = z.object({
  rule: z.string().min(1),
  severity,
  path: z.string(),
  message: z.string().min(1),
  hint: z.string().optional(),
});
export type Finding = z.infer<typeof finding>;

/**
 * The admin's policy: a severity per rule id, or "off". Stored in the database as JSON, so it is
 * parsed, not trusted; ids of rules that no longer exist are ignored by the engine.
 */
export const severityPolicy = z.record(z.string(), z.enum([...severities, "off"]));
export type SeverityPolicy = z.infer<typeof severityPolicy>;

/** A rule reports what and where; rule id and severity are the catalogue's business. */
export type Issue = { path: string; message: string; hint?: string };

export type RuleContext = {
  disclosure: Disclosure;
  /** The admin's frameworks in addition to the built-in ones. */
  frameworks: ReadonlyArray<IndicatorFramework>;
};

export type RuleCheck = (ctx: RuleContext) => Issue[];
