/**
 * Who may do what (lib/domain/spec/workflow.md). Framework-free and pure: every page load, server
 * action and route handler calls one of these with the Actor loaded fresh from the database, so
 * the UI hiding a button is never the only guard.
 *
 * Scope comes from lib/auth/actor.ts (readable / draftable departments) so there is one copy of
 * "which departments may this person see".
 *
 * Separation of duties:
 * - nobody approves what they drafted (created, edited or submitted);
 * - an admin does not review or approve;
 * - a clerk never sees another department's unpublished disclosure;
 * - an approver sees only the departments of the desks assigned to them.
 */
import { canReadDepartment, draftableDepartmentIds, type Actor, type Role } from "./actor";

export type DisclosureState = "draft" | "submitted" | "in_review" | "returned" | "approved" | "published";

/** The facts about a disclosure that decide access: a row of `disclosures`, or a projection of it. */
export type DisclosureRef = {
  departmentId: string;
  state: DisclosureState;
  createdBy?: string | null;
  updatedBy?: string | null;
  submittedBy?: string | null;
  /** Everyone who saved its content, where the caller knows them (e.g. from section rows). */
  editorIds?: readonly (string | null)[];
};

/** States in which the department's content may still change. */
const EDITABLE: ReadonlySet<DisclosureState> = new Set(["draft", "returned"]);
/** States in which the finance bureau has the disclosure in hand. */
const UNDER_REVIEW: ReadonlySet<DisclosureState> = new Set(["submitted", "in_review"]);

function inDraftableScope(actor: Actor, departmentId: string): boolean {
  const ids = draftableDepartmentIds(actor);
  return ids === "all" || ids.includes(departmentId);
}

function isClerkOf(actor: Actor, departmentId: string): boolean {
  return actor.role === "clerk" && actor.departmentIds.includes(departmentId);
}

function isApproverOf(actor: Actor, departmentId: string): boolean {
  return actor.role === "approver" && actor.groupDepartmentIds.includes(departmentId);
}

/** Did this person have a hand in drafting it? Then they may not review it. */
export function draftedBy(actor: Actor, d: DisclosureRef): boolean {
  const hands = [d.createdBy, d.updatedBy, d.submittedBy, ...(d.editorIds ?? [])];
  return hands.some((id) => id != null && id === actor.id);
}

/**
 * Published disclosures are public (actor may be null: the anonymous reader). Anything else only
 * to those whose scope covers the department: its clerks, its desk's approvers, admins.
 */
export function canViewDisclosure(actor: Actor | null, d: DisclosureRef): boolean {
  if (d.state === "published") return true;
  if (!actor) return false;
  return canReadDepartment(actor, d.departmentId);
}

/** Change the content: the department's clerks (or an admin correcting it) while it is a draft. */
export function canEditDisclosure(actor: Actor | null, d: DisclosureRef): boolean {
  if (!actor || !EDITABLE.has(d.state)) return false;
  return inDraftableScope(actor, d.departmentId);
}

/** Submitting is the department's own declaration: its clerks only, not an admin on its behalf. */
export function canSubmitDisclosure(actor: Actor | null, d: DisclosureRef): boolean {
  return !!actor && EDITABLE.has(d.state) && isClerkOf(actor, d.departmentId);
}

/** Take a submission back before the bureau starts reviewing it. */
export function canWithdrawDisclosure(actor: Actor | null, d: DisclosureRef): boolean {
  return !!actor && d.state === "submitted" && isClerkOf(actor, d.departmentId);
}

/** Start a review and comment: an approver of the department's desk who did not draft it. */
export function canReview(actor: Actor | null, d: DisclosureRef): boolean {
  if (!actor || !UNDER_REVIEW.has(d.state)) return false;
  return isApproverOf(actor, d.departmentId) && !draftedBy(actor, d);
}

/** Approve or return: as canReview, once the review has started. */
export function canDecide(actor: Actor | null, d: DisclosureRef): boolean {
  return canReview(actor, d) && d.state === "in_review";
}

/** Open a review thread on a section, field or row: the approver deciding it, once the review has started. */
export function canComment(actor: Actor | null, d: DisclosureRef): boolean {
  return canDecide(actor, d);
}

/**
 * Reply to a thread or resolve it: whoever holds the disclosure in the conversation, the desk's
 * approver while the bureau has it, the department's clerks while it is back with them.
 */
export function canAnswerComment(actor: Actor | null, d: DisclosureRef): boolean {
  if (!actor) return false;
  if (actor.role === "approver") return canReview(actor, d);
  return EDITABLE.has(d.state) && isClerkOf(actor, d.departmentId);
}

/** Who did what and from where is internal: those who may read the department, never the public. */
export function canViewAuditLog(actor: Actor | null, d: Pick<DisclosureRef, "departmentId">): boolean {
  return !!actor && canReadDepartment(actor, d.departmentId);
}

/** Publishing makes an approved disclosure public and immutable: admins only. */
export function canPublish(actor: Actor | null, d: DisclosureRef): boolean {
  return !!actor && actor.role === "admin" && d.state === "approved";
}

/** A correction after publication starts a new draft revision. */
export function canOpenRevision(actor: Actor | null, d: DisclosureRef): boolean {
  if (!actor || d.state !== "published") return false;
  return actor.role === "admin" || isClerkOf(actor, d.departmentId);
}

/** Start a department's draft for a year. */
export function canStartDisclosure(actor: Actor | null, departmentId: string): boolean {
  return !!actor && (actor.role === "admin" || isClerkOf(actor, departmentId));
}

/** Users, departments, fiscal years, frameworks, rules: the admin's console. */
export function canAdminister(actor: Actor | null): boolean {
  return !!actor && actor.role === "admin";
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
