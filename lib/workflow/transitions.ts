import type { Actor } from "../auth/actor";
import { isAdmin, isClerkOf, isReviewerOf, type DisclosureRef } from "../auth/standing";
import { disclosureState, editableStates, type DisclosureState } from "./states";

/**
 * The life of a disclosure (lib/domain/spec/workflow.md) as one table. The database layer
 * (db/queries/workflow.ts) moves a disclosure only along a row of this table, after checking its
 * `who` against the locked row and its guards against the content inside the same transaction;
 * the policies (lib/auth/policy.ts), the operations' access and the UI ask the same table. There
 * is no other copy of these rules.
 *
 *   draft ──submit──▶ submitted ──startReview──▶ in_review ──approve──▶ approved ──publish──▶ published
 *     ▲  ◀──withdraw──┘                             │
 *     └──(returned)◀──────────── return ────────────┘        published ──openRevision──▶ draft (revision n+1)
 */

export const workflowSteps = [
  "submit",
  "withdraw",
  "startReview",
  "return",
  "approve",
  "publish",
  "openRevision",
] as const;
export type WorkflowStep = (typeof workflowSteps)[number];

/**
 * What must hold of the content and the review before a step, besides state and permission:
 * - noErrorFindings: the rule engine finds no `error` (lib/domain/spec/rules.md: errors block submission and approval);
 * - warningsExplained: every `warning` kept has a written explanation the reviewer reads;
 * - hasOpenComment: a return tells the department what to fix, at the field;
 * - noOpenComments: every thread resolved before approval;
 * - reasonGiven: a return carries an active reason code (the bureau counts them next year).
 */
export const guardIds = [
  "noErrorFindings",
  "warningsExplained",
  "hasOpenComment",
  "noOpenComments",
  "reasonGiven",
] as const;
export type GuardId = (typeof guardIds)[number];

export type Transition = {
  step: WorkflowStep;
  from: readonly DisclosureState[];
  to: DisclosureState;
  /**
   * Who may take the step, whatever the state: what the person is to the disclosure
   * (lib/auth/standing.ts: role, scope, separation of duties). The state is `from`'s to judge.
   */
  who: (actor: Actor | null, d: DisclosureRef) => boolean;
  /** The one role that takes it: the operations' declared access, and the queue's wording. */
  by: Actor["role"];
  guards: readonly GuardId[];
  /**
   * Whose scope the conditional update carries: "draft" for the department's own steps (its
   * clerks), "read" for the bureau's and the admin's.
   */
  scope: "draft" | "read";
  /** The step creates a new revision (a new row, in state `to`) and leaves this one in its state. */
  newRevision?: true;
};

const { draft, submitted, in_review, returned, approved, published } = disclosureState;

export const transitions: readonly Transition[] = [
  {
    step: "submit",
    from: editableStates,
    to: submitted,
    who: isClerkOf,
    by: "clerk",
    guards: ["noErrorFindings", "warningsExplained"],
    scope: "draft",
  },
  { step: "withdraw", from: [submitted], to: draft, who: isClerkOf, by: "clerk", guards: [], scope: "draft" },
  {
    step: "startReview",
    from: [submitted],
    to: in_review,
    who: isReviewerOf,
    by: "approver",
    guards: [],
    scope: "read",
  },
  {
    step: "return",
    from: [in_review],
    to: returned,
    who: isReviewerOf,
    by: "approver",
    guards: ["reasonGiven", "hasOpenComment"],
    scope: "read",
  },
  {
    step: "approve",
    from: [in_review],
    to: approved,
    who: isReviewerOf,
    by: "approver",
    guards: ["noErrorFindings", "noOpenComments"],
    scope: "read",
  },
  // Publishing and correcting the public record are the finance bureau's, through its admins.
  { step: "publish", from: [approved], to: published, who: isAdmin, by: "admin", guards: [], scope: "read" },
  {
    step: "openRevision",
    from: [published],
    to: draft,
    who: isAdmin,
    by: "admin",
    guards: [],
    scope: "read",
    newRevision: true,
  },
];

export function transitionOf(step: WorkflowStep): Transition {
  const found = transitions.find((t) => t.step === step);
  // The table covers every step; the type says so, this only guards against a bad cast.
  if (!found) throw new Error(`unknown workflow step ${step}`);
  return found;
}

/** May this person take this step on this disclosure now: it starts from its state, and `who` allows them. */
export function mayTakeStep(step: WorkflowStep, actor: Actor | null, d: DisclosureRef): boolean {
  const rule = transitionOf(step);
  return rule.from.includes(d.state) && rule.who(actor, d);
}

/** The steps this person may take on this disclosure now, in the table's order: the buttons to show. */
export function availableSteps(actor: Actor | null, d: DisclosureRef): WorkflowStep[] {
  return workflowSteps.filter((step) => mayTakeStep(step, actor, d));
}

/** The facts the guards read, gathered by the caller from the content, the findings and the comments. */
export type GuardFacts = {
  errorFindings: number;
  unexplainedWarnings: number;
  openComments: number;
  /** The reason code given is one of the active return reasons. */
  reasonValid: boolean;
};

export type UnmetGuard = { guard: GuardId; count?: number };

/** The guards of a step that do not hold, in the table's order; empty when the step may go ahead. */
export function unmetGuards(step: WorkflowStep, facts: GuardFacts): UnmetGuard[] {
  const unmet: UnmetGuard[] = [];
  for (const guard of transitionOf(step).guards) {
    switch (guard) {
      case "noErrorFindings":
        if (facts.errorFindings > 0) unmet.push({ guard, count: facts.errorFindings });
        break;
      case "warningsExplained":
        if (facts.unexplainedWarnings > 0) unmet.push({ guard, count: facts.unexplainedWarnings });
        break;
      case "hasOpenComment":
        if (facts.openComments === 0) unmet.push({ guard });
        break;
      case "noOpenComments":
        if (facts.openComments > 0) unmet.push({ guard, count: facts.openComments });
        break;
      case "reasonGiven":
        if (!facts.reasonValid) unmet.push({ guard });
        break;
    }
  }
  return unmet;
}

/** Does the step need these facts at all? Lets the caller skip running the rules for a withdrawal. */
export function needsFindings(step: WorkflowStep): boolean {
  const guards = transitionOf(step).guards;
  return guards.includes("noErrorFindings") || guards.includes("warningsExplained");
}
