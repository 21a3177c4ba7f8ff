import type { Actor } from "../auth/actor";
import {
  canDecide,
  canOpenRevision,
  canPublish,
  canReview,
  canSubmitDisclosure,
  canWithdrawDisclosure,
  type DisclosureRef,
  type DisclosureState,
} from "../auth/policy";

/**
 * The life of a disclosure (lib/domain/spec/workflow.md) as one table. The database layer
 * (db/queries/workflow.ts) moves a disclosure only along a row of this table, after checking its
 * `who` against the locked row and its guards against the content inside the same transaction;
 * the UI asks the same table which buttons to show. There is no other copy of these rules.
 *
 *   draft ──submit──▶ submitted ──startReview──▶ in_review ──approve──▶ approved ──publish──▶ published
 *     ▲  ◀──withdraw──┘                             │
 *     └──(returned)◀──────────── return ────────────┘        published ──openRevision──▶ draft (revision n+1)
 */

export const disclosureStates = ["draft", "submitted", "in_review", "returned", "approved", "published"] as const satisfies readonly DisclosureState[];

export const workflowSteps = ["submit", "withdraw", "startReview", "return", "approve", "publish", "openRevision"] as const;
export type WorkflowStep = (typeof workflowSteps)[number];

/**
 * What must hold of the content and the review before a step, besides state and permission:
 * - noErrorFindings: the rule engine finds no `error` (lib/domain/spec/rules.md: errors block submission and approval);
 * - warningsExplained: every `warning` kept has a written explanation the reviewer reads;
 * - hasOpenComment: a return tells the department what to fix, at the field;
 * - noOpenComments: every thread resolved before approval;
 * - reasonGiven: a return carries an active reason code (the bureau counts them next year).
 */
export const guardIds = ["noErrorFindings", "warningsExplained", "hasOpenComment", "noOpenComments", "reasonGiven"] as const;
export type GuardId = (typeof guardIds)[number];

export type Transition = {
  step: WorkflowStep;
  from: readonly DisclosureState[];
  to: DisclosureState;
  /** Who may take the step: a lib/auth/policy.ts function (role, scope, separation of duties). */
  who: (actor: Actor | null, d: DisclosureRef) => boolean;
  /** The role that takes it, for people reading the table and for the queue's wording. */
  by: Actor["role"];
  guards: readonly GuardId[];
  /**
   * Whose scope the conditional update carries: "draft" for the department's own steps (its
   * clerks), "read" for the bureau's and the admin's.
   */
  scope: "draft" | "read";
  /** The step creates a new revision (a new row) instead of moving this one. */
  newRevision?: true;
};

export const transitions: readonly Transition[] = [
  { step: "submit", from: ["draft", "returned"], to: "submitted", who: canSubmitDisclosure, by: "clerk", guards: ["noErrorFindings", "warningsExplained"], scope: "draft" },
  { step: "withdraw", from: ["submitted"], to: "draft", who: canWithdrawDisclosure, by: "clerk", guards: [], scope: "draft" },
  { step: "startReview", from: ["submitted"], to: "in_review", who: canReview, by: "approver", guards: [], scope: "read" },
  { step: "return", from: ["in_review"], to: "returned", who: canDecide, by: "approver", guards: ["reasonGiven", "hasOpenComment"], scope: "read" },
  { step: "approve", from: ["in_review"], to: "approved", who: canDecide, by: "approver", guards: ["noErrorFindings", "noOpenComments"], scope: "read" },
  { step: "publish", from: ["approved"], to: "published", who: canPublish, by: "admin", guards: [], scope: "read" },
  { step: "openRevision", from: ["published"], to: "draft", who: canOpenRevision, by: "clerk", guards: [], scope: "draft", newRevision: true },
];

export function transitionOf(step: WorkflowStep): Transition {
  const found = transitions.find((t) => t.step === step);
  // The table covers every step; the type says so, this only guards against a bad cast.
  if (!found) throw new Error(`unknown workflow step ${step}`);
  return found;
}

/** The steps this person may take on this disclosure now, in the table's order: the buttons to show. */
export function availableSteps(actor: Actor | null, d: DisclosureRef): WorkflowStep[] {
  return transitions.filter((t) => t.from.includes(d.state) && t.who(actor, d)).map((t) => t.step);
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
