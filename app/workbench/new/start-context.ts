import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { listOrgUnits } from "@/db/queries/departments";
import { listDisclosuresForActor, loadDisclosure, type DisclosureListItem } from "@/db/queries/disclosures";
import { draftYear } from "@/db/queries/settings";
import { NotFoundError, UserError } from "@/lib/errors";
import { departments } from "@/db/schema/organisation";
import { draftScope } from "@/db/queries/scope";
import type { Actor } from "@/lib/auth/actor";
import type { Disclosure } from "@/lib/domain/model";
import type { DraftTarget } from "@/lib/import/upload/draft";
import { zhCN } from "@/lib/i18n/zh-CN";
import { isPublished } from "@/lib/workflow/states";
import { loadPublishedCanonical } from "@/app/_server/directory";

/**
 * What every way of starting a year checks and needs, on the server, before anything is read or
 * saved: the department is the actor's to draft for, the year exists and is open, the department
 * has no disclosure for it yet; and the year's framework and the department's current units.
 */

export type StartTarget = DraftTarget & { departmentId: string };

const refused = zhCN.imports.refused;

/** Refused because the department already has a disclosure for the year: says which, for a link to it. */
export class DuplicateDraftError extends UserError {
  constructor(
    department: string,
    fiscalYear: number,
    readonly existingId: string,
  ) {
    // The id travels as a reference so the form can offer the link; the message stands alone.
    super(refused.duplicate(department, fiscalYear), {}, "conflict", { existingId });
  }
}

export async function resolveTarget(
  db: Db,
  actor: Actor,
  departmentId: string,
  fiscalYear: number,
): Promise<StartTarget> {
  const [department] = await db
    .select({ code: departments.code, name: departments.name })
    .from(departments)
    .where(and(eq(departments.id, departmentId), draftScope(actor, departments.id)));
  if (!department) throw new NotFoundError(zhCN.records.things.department);
  const year = await draftYear(db, fiscalYear);
  if (!year.ok && year.refusal === "unknown") throw new UserError(refused.unknownYear(fiscalYear), {}, "not-found");
  if (!year.ok)
    throw new UserError(
      refused.closedYear(fiscalYear),
      { fiscalYear: [refused.closedYear(fiscalYear)] },
      "invalid-state",
    );
  const [existing] = await listDisclosuresForActor(db, actor, { departmentId, fiscalYear });
  if (existing) throw new DuplicateDraftError(department.name, fiscalYear, existing.id);
  return {
    departmentId,
    department,
    fiscalYear,
    framework: year.framework,
    orgUnits: await listOrgUnits(db, actor, departmentId),
  };
}

/**
 * The disclosure a year carries forward from: last year's published revision; last year's latest
 * revision when it was not published; when there is no last year at all, the newest published one.
 */
export function pickLastYearSource(
  rows: ReadonlyArray<DisclosureListItem>,
  fiscalYear: number,
): DisclosureListItem | null {
  const newestFirst = [...rows]
    .filter((r) => r.fiscalYear < fiscalYear)
    .sort((a, b) => b.fiscalYear - a.fiscalYear || b.revision - a.revision);
  const lastYear = newestFirst.filter((r) => r.fiscalYear === fiscalYear - 1);
  return (
    lastYear.find((r) => isPublished(r.state)) ?? lastYear[0] ?? newestFirst.find((r) => isPublished(r.state)) ?? null
  );
}

export async function findLastYearSource(
  db: Db,
  actor: Actor,
  departmentId: string,
  fiscalYear: number,
): Promise<DisclosureListItem | null> {
  return pickLastYearSource(await listDisclosuresForActor(db, actor, { departmentId }), fiscalYear);
}

/** A published revision is carried from exactly what was published, anything else from its rows. */
export async function loadSourceContent(db: Db, actor: Actor, source: DisclosureListItem): Promise<Disclosure> {
  const published = isPublished(source.state) ? await loadPublishedCanonical(db, source.id) : null;
  return published ?? loadDisclosure(db, actor, source.id);
}
