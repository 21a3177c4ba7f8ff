import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { disclosures } from "@/db/schema/disclosures";
import { departmentGroups, departments } from "@/db/schema/organisation";
import { publishedSnapshots } from "@/db/schema/publishing";
import { approverGroups, userDepartments } from "@/db/schema/users";
import type { Actor } from "@/lib/auth/actor";
import { canAdminister } from "@/lib/auth/policy";
import type { DisclosureRef } from "@/lib/auth/standing";
import type { Disclosure } from "@/lib/domain/model";
import { disclosureState } from "@/lib/workflow/states";
import { transitionOf, type WorkflowStep } from "@/lib/workflow/transitions";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

/**
 * Reads the pages need that db/queries does not (yet) offer. Each takes the acting user and
 * refuses outside its scope, as the queries in db/ do; the page has checked the policy already,
 * this is the second lock.
 */

function assertAdmin(actor: Actor): void {
  if (!canAdminister(actor)) throw new ForbiddenError();
}

export type DisclosureFacts = DisclosureRef & {
  id: string;
  fiscalYear: number;
  revision: number;
  /** The save count, for a step taken from a page that read only these facts (e.g. 撤回提交). */
  version: number;
  departmentCode: string;
  departmentName: string;
  publishedAt: Date | null;
};

/**
 * The facts that decide who may open a disclosure, read without scope on purpose: the policy needs
 * them to tell "not yours" (403) from "no such disclosure" (404). No content is read here.
 */
export async function findDisclosureFacts(db: Db, disclosureId: string): Promise<DisclosureFacts | null> {
  const [row] = await db
    .select({
      id: disclosures.id,
      departmentId: disclosures.departmentId,
      state: disclosures.state,
      createdBy: disclosures.createdBy,
      updatedBy: disclosures.updatedBy,
      submittedBy: disclosures.submittedBy,
      fiscalYear: disclosures.fiscalYear,
      revision: disclosures.revision,
      version: disclosures.version,
      departmentCode: departments.code,
      departmentName: departments.name,
      publishedAt: disclosures.publishedAt,
    })
    .from(disclosures)
    .innerJoin(departments, eq(departments.id, disclosures.departmentId))
    .where(eq(disclosures.id, disclosureId));
  return row ?? null;
}

/**
 * A policy's answer about one disclosure: an id that does not exist passes (the operation's run
 * answers 404, as it would for one out of scope), one that exists is judged by `allows`. Either way
 * the facts read here go on to run (null when there is no such disclosure), not read again.
 */
export async function judgeDisclosure(
  db: Db,
  disclosureId: string,
  allows: (facts: DisclosureFacts) => boolean,
): Promise<false | { facts: DisclosureFacts | null }> {
  const facts = await findDisclosureFacts(db, disclosureId);
  return !facts || allows(facts) ? { facts } : false;
}

/**
 * Whether this person takes this workflow step on this disclosure at all: the transitions table's
 * `who`, which does not look at the state. The state is the query's to judge on the locked row, so
 * the second of two people racing is told "当前状态（已提交）下不能提交" rather than a bare
 * refusal.
 */
export function takesStep(
  db: Db,
  actor: Actor,
  disclosureId: string,
  step: WorkflowStep,
): Promise<false | { facts: DisclosureFacts | null }> {
  return judgeDisclosure(db, disclosureId, (facts) => transitionOf(step).who(actor, facts));
}

/** The facts a policy passed on, or the 404 for an id that does not exist. */
export function existing(facts: DisclosureFacts | null): DisclosureFacts {
  if (!facts) throw new NotFoundError();
  return facts;
}

/** Exactly what was published: the snapshot, not the live rows (which a new revision may change). */
export async function loadPublishedCanonical(db: Db, disclosureId: string): Promise<Disclosure | null> {
  const [row] = await db
    .select({ canonical: publishedSnapshots.canonical })
    .from(publishedSnapshots)
    .innerJoin(disclosures, eq(disclosures.id, publishedSnapshots.disclosureId))
    .where(and(eq(publishedSnapshots.disclosureId, disclosureId), eq(disclosures.state, disclosureState.published)));
  return row?.canonical ?? null;
}

/**
 * What each user is responsible for, by name: a clerk's departments, an approver's desks
 * (db/queries/users.ts lists users without their scope).
 */
export async function userScopeNames(db: Db, actor: Actor): Promise<Map<string, string[]>> {
  assertAdmin(actor);
  const clerkScopes = await db
    .select({ userId: userDepartments.userId, name: departments.name })
    .from(userDepartments)
    .innerJoin(departments, eq(departments.id, userDepartments.departmentId))
    .orderBy(asc(departments.code));
  const approverScopes = await db
    .select({ userId: approverGroups.userId, name: departmentGroups.name })
    .from(approverGroups)
    .innerJoin(departmentGroups, eq(departmentGroups.id, approverGroups.groupId))
    .orderBy(asc(departmentGroups.name));
  const scopeOf = new Map<string, string[]>();
  for (const s of [...clerkScopes, ...approverScopes])
    scopeOf.set(s.userId, [...(scopeOf.get(s.userId) ?? []), s.name]);
  return scopeOf;
}
