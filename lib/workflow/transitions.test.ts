import { describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor";
import type { DisclosureRef } from "../auth/standing";
import { disclosureStates, type DisclosureState } from "./states";
import {
  availableSteps,
  transitionOf,
  transitions,
  unmetGuards,
  workflowSteps,
  type GuardFacts,
  type WorkflowStep,
} from "./transitions";

const DEPT = "dept-434";
const actor = (
  id: string,
  role: Actor["role"],
  scope: Partial<Pick<Actor, "departmentIds" | "groupDepartmentIds">> = {},
): Actor => ({
  id,
  username: id,
  displayName: id,
  role,
  departmentIds: scope.departmentIds ?? [],
  groupDepartmentIds: scope.groupDepartmentIds ?? [],
  mustChangePassword: false,
});
const people = {
  anonymous: null,
  clerk: actor("clerk", "clerk", { departmentIds: [DEPT] }),
  otherClerk: actor("clerk-b", "clerk", { departmentIds: ["dept-other"] }),
  approver: actor("approver", "approver", { groupDepartmentIds: [DEPT] }),
  otherApprover: actor("approver-b", "approver", { groupDepartmentIds: ["dept-other"] }),
  admin: actor("admin", "admin"),
};
type Person = keyof typeof people;

describe("the transitions table is workflow.md's diagram", () => {
  it("has exactly these edges", () => {
    const edges = transitions.flatMap((t) => t.from.map((from) => `${from} -${t.step}-> ${t.to}`));
    expect(edges).toEqual([
      "draft -submit-> submitted",
      "returned -submit-> submitted",
      "submitted -withdraw-> draft",
      "submitted -startReview-> in_review",
      "in_review -return-> returned",
      "in_review -approve-> approved",
      "approved -publish-> published",
      "published -openRevision-> draft",
    ]);
  });

  it("names every step once and uses only known states", () => {
    expect(transitions.map((t) => t.step)).toEqual([...workflowSteps]);
    for (const t of transitions) for (const s of [...t.from, t.to]) expect(disclosureStates).toContain(s);
  });

  it("reaches every state from a draft", () => {
    const seen = new Set<DisclosureState>(["draft"]);
    for (let changed = true; changed; ) {
      changed = false;
      for (const t of transitions)
        if (t.from.some((s) => seen.has(s)) && !seen.has(t.to)) {
          seen.add(t.to);
          changed = true;
        }
    }
    expect([...seen].sort()).toEqual([...disclosureStates].sort());
  });

  it("asks who takes a step without looking at the state, and lets only the step's role take it", () => {
    for (const t of transitions)
      for (const person of Object.keys(people) as Person[]) {
        const d = (state: DisclosureState): DisclosureRef => ({
          departmentId: DEPT,
          state,
          createdBy: people.clerk.id,
        });
        const answers = new Set(disclosureStates.map((state) => t.who(people[person], d(state))));
        expect(answers.size, `${t.step} as ${person}`).toBe(1);
        if (people[person]?.role !== t.by)
          expect(t.who(people[person], d(t.from[0])), `${t.step} as ${person}`).toBe(false);
      }
  });

  it("guards submission and approval by the findings, a return by a reason and a comment, approval by resolved comments", () => {
    expect(transitionOf("submit").guards).toEqual(["noErrorFindings", "warningsExplained"]);
    expect(transitionOf("approve").guards).toEqual(["noErrorFindings", "noOpenComments"]);
    expect(transitionOf("return").guards).toEqual(["reasonGiven", "hasOpenComment"]);
    for (const step of ["withdraw", "startReview", "publish", "openRevision"] as const)
      expect(transitionOf(step).guards).toEqual([]);
  });
});

describe("which buttons each person sees, state by state", () => {
  // Every (state, person) not listed sees no step at all.
  const expected: Partial<Record<DisclosureState, Partial<Record<Person, WorkflowStep[]>>>> = {
    draft: { clerk: ["submit"] },
    returned: { clerk: ["submit"] },
    submitted: { clerk: ["withdraw"], approver: ["startReview"] },
    in_review: { approver: ["return", "approve"] },
    approved: { admin: ["publish"] },
    published: { admin: ["openRevision"] },
  };
  const rows = disclosureStates.flatMap((state) =>
    (Object.keys(people) as Person[]).map((person) => [state, person, expected[state]?.[person] ?? []] as const),
  );

  it.each(rows)("%s as %s → %j", (state, person, steps) => {
    const d: DisclosureRef = { departmentId: DEPT, state, createdBy: people.clerk.id };
    expect(availableSteps(people[person], d)).toEqual(steps);
  });

  it("an approver who edited the content gets no review buttons (separation of duties)", () => {
    const d: DisclosureRef = { departmentId: DEPT, state: "in_review", editorIds: [people.approver.id] };
    expect(availableSteps(people.approver, d)).toEqual([]);
    expect(availableSteps(people.approver, { ...d, state: "submitted" })).toEqual([]);
  });
});

describe("guards", () => {
  const clean: GuardFacts = { errorFindings: 0, unexplainedWarnings: 0, openComments: 0, reasonValid: true };

  it("let a clean disclosure through where nothing is asked", () => {
    expect(unmetGuards("submit", clean)).toEqual([]);
    expect(unmetGuards("approve", clean)).toEqual([]);
    expect(unmetGuards("withdraw", { ...clean, errorFindings: 3 })).toEqual([]);
  });

  it("refuse submission with errors or unexplained warnings, and say how many", () => {
    expect(unmetGuards("submit", { ...clean, errorFindings: 3, unexplainedWarnings: 2 })).toEqual([
      { guard: "noErrorFindings", count: 3 },
      { guard: "warningsExplained", count: 2 },
    ]);
  });

  it("refuse approval with an error or an open comment; warnings were the clerk's to explain", () => {
    expect(unmetGuards("approve", { ...clean, openComments: 2 })).toEqual([{ guard: "noOpenComments", count: 2 }]);
    expect(unmetGuards("approve", { ...clean, errorFindings: 1 })).toEqual([{ guard: "noErrorFindings", count: 1 }]);
    expect(unmetGuards("approve", { ...clean, unexplainedWarnings: 4 })).toEqual([]);
  });

  it("refuse a return without a reason or without a comment", () => {
    expect(unmetGuards("return", { ...clean, openComments: 1 })).toEqual([]);
    expect(unmetGuards("return", { ...clean, reasonValid: false })).toEqual([
      { guard: "reasonGiven" },
      { guard: "hasOpenComment" },
    ]);
  });
});
