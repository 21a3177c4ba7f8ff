/**
 * What a person is to a disclosure, whatever state it is in: one of its department's clerks, a
 * reviewer at its desk who had no hand in drafting it, an admin. The transitions table
 * (lib/workflow/transitions.ts) names these as who takes each step; the policies
 * (lib/auth/policy.ts) add the state. An operation that must answer "whose is it" before the
 * state is judged on the locked row asks these, never a policy with a made-up state.
 */
import type { DisclosureState } from "../workflow/states";
import { canDraftDepartment, type Actor } from "./actor";

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

/** Did this person have a hand in drafting it? Then they may not review it. */
export function draftedBy(actor: Actor, d: DisclosureRef): boolean {
  const hands = [d.createdBy, d.updatedBy, d.submittedBy, ...(d.editorIds ?? [])];
  return hands.some((id) => id != null && id === actor.id);
}

/** One of the department's clerks: who drafts, submits and withdraws its disclosure. */
export function isClerkOf(actor: Actor | null, d: Pick<DisclosureRef, "departmentId">): boolean {
  return !!actor && actor.role === "clerk" && actor.departmentIds.includes(d.departmentId);
}

/** An approver of the department's desk who did not draft it (separation of duties). */
export function isReviewerOf(actor: Actor | null, d: DisclosureRef): boolean {
  return (
    !!actor && actor.role === "approver" && actor.groupDepartmentIds.includes(d.departmentId) && !draftedBy(actor, d)
  );
}

/** May write the department's content: its clerks, or an admin correcting it. */
export function mayDraftFor(actor: Actor | null, d: Pick<DisclosureRef, "departmentId">): boolean {
  return !!actor && canDraftDepartment(actor, d.departmentId);
}

/** The system's administrators: they publish, and they open a correction of the public record. */
export function isAdmin(actor: Actor | null): boolean {
  return !!actor && actor.role === "admin";
}
