/**
 * Who may do what (lib/domain/spec/workflow.md). Framework-free and pure: every page load, server
 * action and route handler calls one of these with the Actor loaded fresh from the database, so
 * the UI hiding a button is never the only guard.
 *
 * Scope comes from lib/auth/actor.ts (readable / draftable departments) so there is one copy of
 * "which departments may this person see"; what a person is to a disclosure from
 * lib/auth/standing.ts; the states from lib/workflow/states.ts. The workflow's steps are the
 * transitions table's (lib/workflow/transitions.ts): their policies below only name its rows.
 *
 * Separation of duties:
 * - nobody approves what they drafted (created, edited or submitted);
 * - an admin does not review or approve;
 * - a clerk never sees another department's unpublished disclosure;
 * - an approver sees only the departments of the desks assigned to them.
 */
import { mayTakeStep } from "../workflow/transitions";
import { isEditable, isPublished, isUnderReview } from "../workflow/states";
import { canReadDepartment, type Actor, type Role } from "./actor";
import { isAdmin, isClerkOf, isReviewerOf, mayDraftFor, type DisclosureRef } from "./standing";

/**
 * Published disclosures are public (actor may be null: the anonymous reader). Anything else only
 * to those whose scope covers the department: its clerks, its desk's approvers, admins.
 */
export function canViewDisclosure(actor: Actor | null, d: DisclosureRef): boolean {
  if (isPublished(d.state)) return true;
  if (!actor) return false;
  return canReadDepartment(actor, d.departmentId);
}

/** Change the content: the department's clerks (or an admin correcting it) while it is a draft. */
export function canEditDisclosure(actor: Actor | null, d: DisclosureRef): boolean {
  return isEditable(d.state) && mayDraftFor(actor, d);
}

/** Submitting is the department's own declaration: its clerks only, not an admin on its behalf. */
export function canSubmitDisclosure(actor: Actor | null, d: DisclosureRef): boolean {
  return mayTakeStep("submit", actor, d);
}

/** Take a submission back before the bureau starts reviewing it. */
export function canWithdrawDisclosure(actor: Actor | null, d: DisclosureRef): boolean {
  return mayTakeStep("withdraw", actor, d);
}

/** Read the review and its threads as the bureau: an approver of the department's desk who did not draft it. */
export function canReview(actor: Actor | null, d: DisclosureRef): boolean {
  return isUnderReview(d.state) && isReviewerOf(actor, d);
}

/** Approve or return, once the review has started. */
export function canDecide(actor: Actor | null, d: DisclosureRef): boolean {
  return mayTakeStep("approve", actor, d) || mayTakeStep("return", actor, d);
}

/** Open a review thread on a section, field or row: the approver deciding it, once the review has started. */
export function canComment(actor: Actor | null, d: DisclosureRef): boolean {
  return canDecide(actor, d);
}

/**
 * Who answers a disclosure's review threads, whatever its state: its desk's reviewer on the
 * bureau's side, its clerks on the department's.
 */
export function answersReviewOf(actor: Actor | null, d: DisclosureRef): boolean {
  return actor?.role === "approver" ? isReviewerOf(actor, d) : isClerkOf(actor, d);
}

/**
 * Reply to a thread or resolve it: whoever holds the disclosure in the conversation, the desk's
 * approver while the bureau has it, the department's clerks while it is back with them.
 */
export function canAnswerComment(actor: Actor | null, d: DisclosureRef): boolean {
  if (!answersReviewOf(actor, d)) return false;
  return actor?.role === "approver" ? isUnderReview(d.state) : isEditable(d.state);
}

/** Who did what and from where is internal: those who may read the department, never the public. */
export function canViewAuditLog(actor: Actor | null, d: Pick<DisclosureRef, "departmentId">): boolean {
  return !!actor && canReadDepartment(actor, d.departmentId);
}

/** Publishing makes an approved disclosure public and immutable. */
export function canPublish(actor: Actor | null, d: DisclosureRef): boolean {
  return mayTakeStep("publish", actor, d);
}

/** A correction after publication starts a new draft revision. */
export function canOpenRevision(actor: Actor | null, d: DisclosureRef): boolean {
  return mayTakeStep("openRevision", actor, d);
}

/** Start a department's draft for a year. */
export function canStartDisclosure(actor: Actor | null, departmentId: string): boolean {
  return isAdmin(actor) || isClerkOf(actor, { departmentId });
}

/** Users, departments, fiscal years, frameworks, rules: the admin's console. */
export function canAdminister(actor: Actor | null): boolean {
  return isAdmin(actor);
}

/** A year's dashboard across every department. */
export function canViewYearOverview(actor: Actor | null): boolean {
  return canAdminister(actor);
}

/** The pages each role works from; another role opening them gets 403. */
export function canUseWorkbench(actor: Actor | null): boolean {
  return !!actor && actor.role === "clerk";
}

export function canUseReviewQueue(actor: Actor | null): boolean {
  return !!actor && actor.role === "approver";
}

/** Where each role lands after signing in. */
export const homePath: Record<Role, string> = {
  clerk: "/workbench",
  approver: "/review",
  admin: "/admin",
};
