import { and, asc, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import type { Actor } from "@/lib/auth/actor";
import type { DashboardRecord } from "@/lib/admin/year-dashboard";
import { checkDisclosure, summariseFindings, type CheckOptions } from "@/lib/rules/engine";
import type { Db } from "../client";
import { toCanonical } from "@/lib/domain/editable";
import { ForbiddenError } from "@/lib/errors";
import { disclosures, disclosureSections, indicators, procurementItems, projectFunds } from "../schema/disclosures";
import { departmentGroups, departments } from "../schema/organisation";
import { reviewComments } from "../schema/review";
import { assembleDisclosure, type StoredContent } from "./disclosure-content";
import { publishedDisclosuresOfYear } from "./previous-year";
import { recordMessages as records } from "@/lib/i18n/zh-CN/records";

/**
 * The year at a glance (issue 7): every department with its latest revision for the year, the
 * figures the bureau adds up, open comments and what the rules find now. Admins only.
 *
 * Figures are read out of the stored sections as text and stay exact decimal strings; the rules
 * run on content loaded in five queries for the whole year rather than five per department.
 */

/** A two-decimal amount out of a section's jsonb, as text (null when absent). */
const amountAt = (content: AnyPgColumn, path: string) => sql<string | null>`(${content} #>> ${`{${path}}`})`;

export async function yearDashboard(
  db: Db,
  actor: Actor,
  fiscalYear: number,
  checkOptions: CheckOptions,
): Promise<DashboardRecord[]> {
  if (actor.role !== "admin") throw new ForbiddenError(records.actions.viewYearOverview);
  const latest = db
    .selectDistinctOn([disclosures.departmentId], {
      departmentId: disclosures.departmentId,
      id: disclosures.id,
      state: disclosures.state,
      revision: disclosures.revision,
      frameworkId: disclosures.frameworkId,
      createdAt: disclosures.createdAt,
      updatedAt: disclosures.updatedAt,
      submittedAt: disclosures.submittedAt,
      approvedAt: disclosures.approvedAt,
      publishedAt: disclosures.publishedAt,
    })
    .from(disclosures)
    .where(eq(disclosures.fiscalYear, fiscalYear))
    .orderBy(disclosures.departmentId, desc(disclosures.revision))
    .as("latest");
  const budget = alias(disclosureSections, "budget_section");
  const three = alias(disclosureSections, "three_public_section");
  const procurement = alias(disclosureSections, "procurement_section");
  const rows = await db
    .select({
      departmentId: departments.id,
      departmentCode: departments.code,
      departmentName: departments.name,
      groupName: departmentGroups.name,
      disclosureId: latest.id,
      state: latest.state,
      revision: latest.revision,
      frameworkId: latest.frameworkId,
      createdAt: latest.createdAt,
      updatedAt: latest.updatedAt,
      submittedAt: latest.submittedAt,
      approvedAt: latest.approvedAt,
      publishedAt: latest.publishedAt,
      income: amountAt(budget.content, "budget,income,total"),
      expenditure: amountAt(budget.content, "budget,expenditure,total"),
      threePublicTotal: amountAt(three.content, "threePublic,current,total"),
      outbound: amountAt(three.content, "threePublic,current,outbound"),
      vehiclePurchase: amountAt(three.content, "threePublic,current,vehiclePurchase"),
      vehicleOperation: amountAt(three.content, "threePublic,current,vehicleOperation"),
      reception: amountAt(three.content, "threePublic,current,reception"),
      procurement: amountAt(procurement.content, "procurement,total"),
    })
    .from(departments)
    .leftJoin(departmentGroups, eq(departmentGroups.id, departments.groupId))
    .leftJoin(latest, eq(latest.departmentId, departments.id))
    .leftJoin(budget, and(eq(budget.disclosureId, latest.id), eq(budget.sectionId, "budget")))
    .leftJoin(three, and(eq(three.disclosureId, latest.id), eq(three.sectionId, "threePublic")))
    .leftJoin(procurement, and(eq(procurement.disclosureId, latest.id), eq(procurement.sectionId, "procurement")))
    .orderBy(asc(departments.code));

  const ids = rows.flatMap((r) => (r.disclosureId ? [r.disclosureId] : []));
  const [comments, contents, lastYear] = await Promise.all([
    openComments(db, ids),
    storedContents(db, ids),
    publishedDisclosuresOfYear(db, fiscalYear - 1),
  ]);

  return rows.map((r): DashboardRecord => {
    let findings: DashboardRecord["findings"] = null;
    const stored = r.disclosureId ? contents.get(r.disclosureId) : undefined;
    if (r.disclosureId && stored && r.frameworkId) {
      try {
        const content = assembleDisclosure(
          { department: { code: r.departmentCode, name: r.departmentName }, fiscalYear, frameworkId: r.frameworkId },
          stored,
        );
        const previous = lastYear.get(r.departmentCode) ?? null;
        const summary = summariseFindings(checkDisclosure(toCanonical(content), { ...checkOptions, previous }));
        findings = { error: summary.error, warning: summary.warning };
      } catch (error) {
        // One unreadable disclosure must not take the year's overview down with it.
        console.error(`[year-dashboard] disclosure ${r.disclosureId} could not be checked`, error);
      }
    }
    return {
      departmentId: r.departmentId,
      departmentCode: r.departmentCode,
      departmentName: r.departmentName,
      groupName: r.groupName,
      disclosureId: r.disclosureId,
      state: r.state,
      revision: r.revision,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      submittedAt: r.submittedAt,
      approvedAt: r.approvedAt,
      publishedAt: r.publishedAt,
      figures: {
        income: r.income,
        expenditure: r.expenditure,
        threePublic: r.threePublicTotal,
        outbound: r.outbound,
        vehiclePurchase: r.vehiclePurchase,
        vehicleOperation: r.vehicleOperation,
        reception: r.reception,
        procurement: r.procurement,
      },
      openComments: r.disclosureId ? (comments.get(r.disclosureId) ?? 0) : 0,
      findings,
    };
  });
}

/** Threads not yet resolved (a thread's state lives on its first comment). */
async function openComments(db: Db, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: reviewComments.disclosureId, n: count() })
    .from(reviewComments)
    .where(
      and(
        inArray(reviewComments.disclosureId, ids),
        isNull(reviewComments.parentId),
        isNull(reviewComments.resolvedAt),
      ),
    )
    .groupBy(reviewComments.disclosureId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

/** What readStoredContent gives for one disclosure, for many at once. */
async function storedContents(db: Db, ids: string[]): Promise<Map<string, StoredContent>> {
  const out = new Map<string, StoredContent>(
    ids.map((id) => [id, { sections: new Map(), projects: [], indicators: [], procurement: [] }]),
  );
  if (ids.length === 0) return out;
  const sections = await db.select().from(disclosureSections).where(inArray(disclosureSections.disclosureId, ids));
  const projects = await db
    .select()
    .from(projectFunds)
    .where(inArray(projectFunds.disclosureId, ids))
    .orderBy(asc(projectFunds.position));
  const rows = await db
    .select({ indicator: indicators, disclosureId: projectFunds.disclosureId })
    .from(indicators)
    .innerJoin(projectFunds, eq(projectFunds.id, indicators.projectId))
    .where(inArray(projectFunds.disclosureId, ids))
    .orderBy(asc(indicators.position));
  const items = await db
    .select()
    .from(procurementItems)
    .where(inArray(procurementItems.disclosureId, ids))
    .orderBy(asc(procurementItems.position));
  for (const s of sections) out.get(s.disclosureId)!.sections.set(s.sectionId, s.content);
  for (const p of projects) out.get(p.disclosureId)!.projects.push(p);
  for (const r of rows) out.get(r.disclosureId)!.indicators.push(r.indicator);
  for (const item of items) out.get(item.disclosureId)!.procurement.push(item);
  return out;
}
