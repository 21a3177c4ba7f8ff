/**
 * The states of a disclosure (lib/domain/spec/workflow.md) and the groups of them the rules speak of.
 * The database enum (db/schema/disclosures.ts), the transitions table, the policies, the queries
 * and the pages all take them from here; nothing else spells a state.
 */

/** In the database enum's order: appending is a migration, reordering is not allowed. */
export const disclosureStates = ["draft", "submitted", "in_review", "returned", "approved", "published"] as const;
export type DisclosureState = (typeof disclosureStates)[number];

/** Each state by name, for code that means one state: `disclosureState.published`. */
export const disclosureState = Object.fromEntries(disclosureStates.map((s) => [s, s])) as {
  readonly [S in DisclosureState]: S;
};

const { draft, submitted, in_review, returned, approved, published } = disclosureState;

/** The department holds it and its content may change: a draft, or returned to be fixed. */
export const editableStates: readonly DisclosureState[] = [draft, returned];
/** The finance bureau has it in hand: waiting for review, or being reviewed. */
export const underReviewStates: readonly DisclosureState[] = [submitted, in_review];
/** The department has handed it in (and not had it back): its submission deadline is met. */
export const submittedOrBeyondStates: readonly DisclosureState[] = [submitted, in_review, approved, published];

export const isEditable = (s: DisclosureState): boolean => editableStates.includes(s);
export const isUnderReview = (s: DisclosureState): boolean => underReviewStates.includes(s);
export const isSubmittedOrBeyond = (s: DisclosureState): boolean => submittedOrBeyondStates.includes(s);
export const isApproved = (s: DisclosureState): boolean => s === approved;
export const isPublished = (s: DisclosureState): boolean => s === published;
