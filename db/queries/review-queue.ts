import { and, asc, desc, eq, ilike, inArray, or, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import type { DisclosureState } from "@/lib/workflow/states";
import type { Db } from "../client";
import { disclosures } from "../schema/disclosures";
import { departmentGroups, departments } from "../schema/organisation";
import { fiscalYears } from "../schema/settings";
import { commentCounts } from "./review";
import { readScope } from "./scope";

export type QueueFilter = { states?: readonly DisclosureState[]; fiscalYear?: number; deskId?: string; text?: string };

export type QueueRow = {
  id: string;
  departmentId: string;
  departmentCode: string;
  departmentName: string;
  deskId: string | null;
  deskName: string | null;
  fiscalYear: number;
  revision: number;
  state: DisclosureState;
  version: number;
  submissionDeadline: string | null;
  submittedAt: Date | null;
  approvedAt: Date | null;
  publishedAt: Date | null;
  updatedAt: Date;
  openComments: number;
  totalComments: number;
};

/** `%`, `_` and `\` typed into the search box are literal characters, not patterns. */
const likeText = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The approver's queue: every revision of the departments in the actor's scope (the desk's, for an
 * approver), filtered in the where so the scope and the filters are one query, with open and total
 * review threads per disclosure.
 */
export async function reviewQueue(db: Db, actor: Actor, filter: QueueFilter = {}): Promise<QueueRow[]> {
  const text = filter.text?.trim();
  const rows = await db
    .select({
      id: disclosures.id,
      departmentId: disclosures.departmentId,
      departmentCode: departments.code,
      departmentName: departments.name,
      deskId: departmentGroups.id,
      deskName: departmentGroups.name,
      fiscalYear: disclosures.fiscalYear,
      revision: disclosures.revision,
      state: disclosures.state,
      version: disclosures.version,
      submissionDeadline: fiscalYears.submissionDeadline,
      submittedAt: disclosures.submittedAt,
      approvedAt: disclosures.approvedAt,
      publishedAt: disclosures.publishedAt,
      updatedAt: disclosures.updatedAt,
    })
    .from(disclosures)
    .innerJoin(departments, eq(departments.id, disclosures.departmentId))
    .innerJoin(fiscalYears, eq(fiscalYears.year, disclosures.fiscalYear))
    .leftJoin(departmentGroups, eq(departmentGroups.id, departments.groupId))
    .where(
      and(
        readScope(actor, disclosures.departmentId),
        filter.states && filter.states.length > 0 ? inArray(disclosures.state, [...filter.states]) : undefined,
        filter.fiscalYear === undefined ? undefined : eq(disclosures.fiscalYear, filter.fiscalYear),
        filter.deskId === undefined ? undefined : eq(departments.groupId, filter.deskId),
        text ? or(ilike(departments.name, likeText(text)), ilike(departments.code, likeText(text))) : undefined,
      ),
    )
    .orderBy(desc(disclosures.fiscalYear), asc(departments.code), desc(disclosures.revision));
  const counts = await commentCounts(
    db,
    actor,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    ...r,
    openComments: counts.get(r.id)?.open ?? 0,
    totalComments: counts.get(r.id)?.total ?? 0,
  }));
}

/** The years and desks the actor's queue can be filtered by. */
export async function queueFacets(
  db: Db,
  actor: Actor,
): Promise<{ years: number[]; desks: { id: string; name: string }[] }> {
  const years = await db
    .selectDistinct({ year: disclosures.fiscalYear })
    .from(disclosures)
    .where(readScope(actor, disclosures.departmentId))
    .orderBy(desc(disclosures.fiscalYear));
  const desks = await db
    .selectDistinct({ id: departmentGroups.id, name: departmentGroups.name })
    .from(departments)
    .innerJoin(departmentGroups, eq(departmentGroups.id, departments.groupId))
    .where(readScope(actor, departments.id))
    .orderBy(asc(departmentGroups.name));
  return { years: years.map((y) => y.year), desks };
}

/** How many disclosures in the scope are in each state: the queue's filter counts. */
export async function stateCounts(
  db: Db,
  actor: Actor,
  fiscalYear?: number,
): Promise<Partial<Record<DisclosureState, number>>> {
  const rows = await db
    .select({ state: disclosures.state, n: sql<number>`count(*)::int` })
    .from(disclosures)
    .where(
      and(
        readScope(actor, disclosures.departmentId),
        fiscalYear === undefined ? undefined : eq(disclosures.fiscalYear, fiscalYear),
      ),
    )
    .groupBy(disclosures.state);
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}
