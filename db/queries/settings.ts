import { asc, desc, eq, sql } from "drizzle-orm";
import { findFramework, indicatorFramework, type IndicatorFramework } from "@/lib/domain/frameworks";
import type { CheckOptions } from "@/lib/rules/engine";
import type { Db } from "../client";
import { UserError, NotFoundError } from "@/lib/errors";
import { fiscalYears, indicatorFrameworks, returnReasons, rulePolicies, type ruleSeverity } from "../schema/settings";
import { appendAudit } from "./audit";
import { loadClassificationCatalogue } from "./classification";
import { publishedDisclosure } from "./previous-year";
import { SATISFACTION_FLOOR } from "@/lib/rules/indicator-targets";
import { recordMessages as records } from "@/lib/i18n/zh-CN/records";
import { adminMessages } from "@/lib/i18n/zh-CN/admin";

// Fiscal years, indicator frameworks, rule policies and return reasons: the same for every
// department, so readable by every signed-in user; writes are admin actions (caller checks).

export type FiscalYear = typeof fiscalYears.$inferSelect;
/** A year as opened or changed: the 满意度 floor may be left out (80 when opened, kept when changed). */
export type FiscalYearInput = typeof fiscalYears.$inferInsert;

export async function listFiscalYears(db: Db): Promise<FiscalYear[]> {
  return db.select().from(fiscalYears).orderBy(desc(fiscalYears.year));
}

export async function getFiscalYear(db: Db, year: number): Promise<FiscalYear> {
  const [row] = await db.select().from(fiscalYears).where(eq(fiscalYears.year, year));
  if (!row) throw new NotFoundError(records.things.fiscalYear(year));
  return row;
}

/** Why a year takes no new draft: it was never set up, or it is closed. */
export type DraftYearRefusal = "unknown" | "closed";

/**
 * The one check before any draft of a year is started — a clerk starting their department's (the
 * workbench), the admin's drafts for every department (year-drafts.ts): the year exists and is
 * open. Answers the year with its framework, or why not, which each caller says in its own words.
 */
export async function draftYear(
  db: Db,
  fiscalYear: number,
): Promise<{ ok: true; year: FiscalYear; framework: IndicatorFramework } | { ok: false; refusal: DraftYearRefusal }> {
  const [year] = await db.select().from(fiscalYears).where(eq(fiscalYears.year, fiscalYear));
  if (!year) return { ok: false, refusal: "unknown" };
  if (year.status !== "open") return { ok: false, refusal: "closed" };
  const framework = findFramework(year.frameworkId, await customFrameworks(db));
  // The year's row names a framework the table has (a foreign key): a missing one is a broken database, not input.
  if (!framework) throw new Error(`fiscal year ${fiscalYear} names unknown framework ${year.frameworkId}`);
  return { ok: true, year, framework };
}

/** Creates or changes a year (its framework, deadline, open/closed, and the 满意度 floor when given). */
export async function saveFiscalYear(
  db: Db,
  actorId: string | null,
  year: FiscalYearInput,
  ip?: string | null,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(fiscalYears)
      .values(year)
      .onConflictDoUpdate({
        target: fiscalYears.year,
        set: {
          frameworkId: year.frameworkId,
          submissionDeadline: year.submissionDeadline,
          status: year.status,
          satisfactionFloor: year.satisfactionFloor,
        },
      });
    await appendAudit(tx, {
      actorId,
      ip,
      action: "fiscal-year.save",
      entityType: "fiscal_year",
      entityId: String(year.year),
      detail: { ...year },
    });
  });
}

export async function listFrameworks(db: Db): Promise<(IndicatorFramework & { builtIn: boolean })[]> {
  return db
    .select({
      id: indicatorFrameworks.id,
      name: indicatorFrameworks.name,
      source: indicatorFrameworks.source,
      levels: indicatorFrameworks.levels,
      builtIn: indicatorFrameworks.builtIn,
    })
    .from(indicatorFrameworks)
    .orderBy(asc(indicatorFrameworks.id));
}

/** The admin adds a framework for a new year; built-ins are kept in step with lib/domain/frameworks.ts. */
export async function createFramework(
  db: Db,
  actorId: string,
  input: IndicatorFramework,
  ip?: string | null,
): Promise<void> {
  const framework = indicatorFramework.parse(input);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(indicatorFrameworks)
      .values(framework)
      .onConflictDoNothing()
      .returning({ id: indicatorFrameworks.id });
    if (!row) throw new UserError(records.settings.frameworkExists(framework.id));
    await appendAudit(tx, {
      actorId,
      ip,
      action: "framework.create",
      entityType: "indicator_framework",
      entityId: framework.id,
      detail: framework,
    });
  });
}

export type RuleSeverity = (typeof ruleSeverity.enumValues)[number];

/** The admin's severity overrides, rule id → severity ("off" disables a rule): `checkDisclosure`'s `severities`. */
export async function ruleSeverities(db: Db): Promise<Record<string, RuleSeverity>> {
  const rows = await db.select().from(rulePolicies);
  return Object.fromEntries(rows.map((r) => [r.ruleId, r.severity]));
}

/** Frameworks the admin added (the built-ins come from lib/domain/frameworks.ts): `checkDisclosure`'s `frameworks`. */
export async function customFrameworks(db: Db): Promise<IndicatorFramework[]> {
  return (await listFrameworks(db)).filter((f) => !f.builtIn).map(({ builtIn: _builtIn, ...f }) => f);
}

/**
 * What the rule engine needs besides the disclosure — the admin's severities and added frameworks,
 * the year's classification catalogue, and the department's published disclosure of the year
 * before (its targets are compared with it) — for every check on the server: the editor's, the
 * review screen's, the dashboard's and the submit guard's on the locked row. One read after the
 * other: `db` may be that transaction (one connection).
 */
export async function loadCheckOptions(
  db: Db,
  fiscalYear?: number,
  departmentCode?: string,
): Promise<Required<CheckOptions>> {
  // The classification catalogue is per fiscal year: with the disclosure's year the server looks its
  // codes up as the editor does in the browser (the submit gate must agree with what the clerk saw).
  const severities = await ruleSeverities(db);
  const frameworks = await customFrameworks(db);
  const classification = fiscalYear === undefined ? null : await loadClassificationCatalogue(db, fiscalYear);
  const previous =
    fiscalYear === undefined || departmentCode === undefined
      ? null
      : await publishedDisclosure(db, departmentCode, fiscalYear - 1);
  // The 满意度 floor is the year's (预算年度, 80 % unless the admin set another); without a year, the default.
  const satisfactionFloor =
    fiscalYear === undefined
      ? SATISFACTION_FLOOR
      : ((
          await db
            .select({ floor: fiscalYears.satisfactionFloor })
            .from(fiscalYears)
            .where(eq(fiscalYears.year, fiscalYear))
        )[0]?.floor ?? SATISFACTION_FLOOR);
  // Last year's 自评 results (lastYearResults of lib/domain/performance/next-year.ts) are loaded by
  // the performance cycle's queries once they are stored (issue 17); until then nothing to compare.
  const lastYearResults = null;
  return { severities, frameworks, classification, previous, lastYearResults, satisfactionFloor };
}

/** null severity: back to the catalogue's default. */
export async function setRulePolicy(
  db: Db,
  actorId: string,
  ruleId: string,
  severity: RuleSeverity | null,
  ip?: string | null,
): Promise<void> {
  await db.transaction(async (tx) => {
    if (severity === null) await tx.delete(rulePolicies).where(eq(rulePolicies.ruleId, ruleId));
    else
      await tx
        .insert(rulePolicies)
        .values({ ruleId, severity, updatedBy: actorId })
        .onConflictDoUpdate({
          target: rulePolicies.ruleId,
          set: { severity, updatedBy: actorId, updatedAt: sql`now()` },
        });
    await appendAudit(tx, {
      actorId,
      ip,
      action: "rule-policy.set",
      entityType: "rule",
      entityId: ruleId,
      detail: { severity },
    });
  });
}

export async function listReturnReasons(db: Db, opts: { activeOnly?: boolean } = {}) {
  return db
    .select()
    .from(returnReasons)
    .where(opts.activeOnly ? eq(returnReasons.active, true) : undefined)
    .orderBy(asc(returnReasons.position), asc(returnReasons.code));
}

/** A new year; refuses one that exists, so "open a new year" never rewrites an old one. */
export async function createFiscalYear(
  db: Db,
  actorId: string,
  year: FiscalYearInput,
  ip?: string | null,
): Promise<void> {
  await db.transaction(async (tx) => {
    await assertFramework(tx, year.frameworkId);
    const [row] = await tx.insert(fiscalYears).values(year).onConflictDoNothing().returning({ year: fiscalYears.year });
    if (!row) throw new UserError(adminMessages.years.yearExists(year.year));
    await appendAudit(tx, {
      actorId,
      ip,
      action: "fiscal-year.create",
      entityType: "fiscal_year",
      entityId: String(year.year),
      detail: { ...year },
    });
  });
}

/** Changes an existing year's framework, deadline, status or 满意度 floor; the audit row keeps what it was. */
export async function updateFiscalYear(
  db: Db,
  actorId: string,
  year: FiscalYearInput,
  ip?: string | null,
): Promise<void> {
  await db.transaction(async (tx) => {
    await assertFramework(tx, year.frameworkId);
    const [before] = await tx.select().from(fiscalYears).where(eq(fiscalYears.year, year.year)).for("update");
    if (!before) throw new NotFoundError(records.things.fiscalYear(year.year));
    await tx
      .update(fiscalYears)
      .set({
        frameworkId: year.frameworkId,
        submissionDeadline: year.submissionDeadline,
        status: year.status,
        satisfactionFloor: year.satisfactionFloor,
      })
      .where(eq(fiscalYears.year, year.year));
    await appendAudit(tx, {
      actorId,
      ip,
      action: "fiscal-year.update",
      entityType: "fiscal_year",
      entityId: String(year.year),
      detail: { before, after: { ...year } },
    });
  });
}

async function assertFramework(db: Db, frameworkId: string): Promise<void> {
  const [row] = await db
    .select({ id: indicatorFrameworks.id })
    .from(indicatorFrameworks)
    .where(eq(indicatorFrameworks.id, frameworkId));
  if (!row) throw new UserError(adminMessages.years.unknownFramework);
}
