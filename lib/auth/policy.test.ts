import { describe, expect, it } from "vitest";
import type { Actor } from "./actor";
import {
  canAdminister,
  canAnswerComment,
  canComment,
  canDecide,
  canEditDisclosure,
  canOpenRevision,
  canPublish,
  canReview,
  canStartDisclosure,
  canSubmitDisclosure,
  canUseReviewQueue,
  canUseWorkbench,
  canViewAuditLog,
  canViewDisclosure,
  canViewYearOverview,
  canWithdrawDisclosure,
} from "./policy";
import type { DisclosureRef } from "./standing";
import type { DisclosureState } from "../workflow/states";

const DEPT_A = "dept-434";
const DEPT_B = "dept-other";

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

/** Everyone the table is about; the disclosure under test always belongs to DEPT_A. */
const people = {
  anonymous: null,
  clerkA: actor("clerk-a", "clerk", { departmentIds: [DEPT_A] }),
  clerkB: actor("clerk-b", "clerk", { departmentIds: [DEPT_B] }),
  approverA: actor("approver-a", "approver", { groupDepartmentIds: [DEPT_A] }),
  approverB: actor("approver-b", "approver", { groupDepartmentIds: [DEPT_B] }),
  admin: actor("admin", "admin"),
} as const;
type Person = keyof typeof people;
const everyone = Object.keys(people) as Person[];

const states: DisclosureState[] = ["draft", "submitted", "in_review", "returned", "approved", "published"];

type DisclosurePolicy = (a: Actor | null, d: DisclosureRef) => boolean;

/**
 * policy → state → who may. Every (policy, state, person) not listed must be refused, so adding a
 * state or loosening a policy shows up here as a failing row.
 */
const allowed: Record<string, { policy: DisclosurePolicy; by: Partial<Record<DisclosureState, Person[]>> }> = {
  view: {
    policy: canViewDisclosure,
    by: {
      draft: ["clerkA", "approverA", "admin"],
      submitted: ["clerkA", "approverA", "admin"],
      in_review: ["clerkA", "approverA", "admin"],
      returned: ["clerkA", "approverA", "admin"],
      approved: ["clerkA", "approverA", "admin"],
      published: everyone,
    },
  },
  edit: { policy: canEditDisclosure, by: { draft: ["clerkA", "admin"], returned: ["clerkA", "admin"] } },
  submit: { policy: canSubmitDisclosure, by: { draft: ["clerkA"], returned: ["clerkA"] } },
  withdraw: { policy: canWithdrawDisclosure, by: { submitted: ["clerkA"] } },
  review: { policy: canReview, by: { submitted: ["approverA"], in_review: ["approverA"] } },
  decide: { policy: canDecide, by: { in_review: ["approverA"] } },
  publish: { policy: canPublish, by: { approved: ["admin"] } },
  comment: { policy: canComment, by: { in_review: ["approverA"] } },
  answerComment: {
    policy: canAnswerComment,
    by: { draft: ["clerkA"], returned: ["clerkA"], submitted: ["approverA"], in_review: ["approverA"] },
  },
  auditLog: {
    policy: canViewAuditLog,
    by: Object.fromEntries(states.map((s) => [s, ["clerkA", "approverA", "admin"]])) as Partial<
      Record<DisclosureState, Person[]>
    >,
  },
  openRevision: { policy: canOpenRevision, by: { published: ["admin"] } },
};

describe("disclosure policies: role × action × scope", () => {
  const rows: Array<[string, DisclosureState, Person, boolean]> = [];
  for (const [name, { by }] of Object.entries(allowed))
    for (const state of states)
      for (const person of everyone) rows.push([name, state, person, (by[state] ?? []).includes(person)]);

  it.each(rows)("%s a %s disclosure of department A as %s → %s", (name, state, person, expected) => {
    const d: DisclosureRef = { departmentId: DEPT_A, state, createdBy: people.clerkA.id };
    expect(allowed[name].policy(people[person], d)).toBe(expected);
  });
});

describe("separation of duties", () => {
  const approver = people.approverA;

  it.each(["createdBy", "updatedBy", "submittedBy"] as const)(
    "nobody reviews or approves what they drafted (%s)",
    (field) => {
      const d: DisclosureRef = { departmentId: DEPT_A, state: "in_review", [field]: approver.id };
      expect(canReview(approver, d)).toBe(false);
      expect(canDecide(approver, d)).toBe(false);
    },
  );

  it("an earlier edit of the content also counts as drafting", () => {
    const d: DisclosureRef = { departmentId: DEPT_A, state: "in_review", editorIds: [null, approver.id] };
    expect(canDecide(approver, d)).toBe(false);
    expect(canDecide(approver, { ...d, editorIds: ["someone-else"] })).toBe(true);
  });

  it("an admin never reviews or approves, even with every department in scope", () => {
    for (const state of states) {
      const d: DisclosureRef = { departmentId: DEPT_A, state };
      expect(canReview(people.admin, d)).toBe(false);
      expect(canDecide(people.admin, d)).toBe(false);
    }
  });

  it("a clerk of several departments sees each of them and nothing else", () => {
    const clerk = actor("clerk-ab", "clerk", { departmentIds: [DEPT_A, DEPT_B] });
    expect(canViewDisclosure(clerk, { departmentId: DEPT_B, state: "draft" })).toBe(true);
    expect(canViewDisclosure(clerk, { departmentId: "dept-third", state: "draft" })).toBe(false);
  });

  it("an approver with no desk assigned sees no unpublished disclosure", () => {
    const idle = actor("approver-idle", "approver");
    expect(canViewDisclosure(idle, { departmentId: DEPT_A, state: "submitted" })).toBe(false);
    expect(canViewDisclosure(idle, { departmentId: DEPT_A, state: "published" })).toBe(true);
  });

  it("a clerk's department list does not make them an approver of it, nor the reverse", () => {
    const mixed = actor("mixed", "clerk", { departmentIds: [DEPT_A], groupDepartmentIds: [DEPT_A] });
    expect(canReview(mixed, { departmentId: DEPT_A, state: "submitted" })).toBe(false);
    const approverWithDepartments = actor("mixed-2", "approver", { departmentIds: [DEPT_A] });
    expect(canSubmitDisclosure(approverWithDepartments, { departmentId: DEPT_A, state: "draft" })).toBe(false);
    expect(canEditDisclosure(approverWithDepartments, { departmentId: DEPT_A, state: "draft" })).toBe(false);
  });
});

describe("role pages and administration", () => {
  const cases: Array<[string, (a: Actor | null) => boolean, Person[]]> = [
    ["administer", canAdminister, ["admin"]],
    ["year overview", canViewYearOverview, ["admin"]],
    ["workbench", canUseWorkbench, ["clerkA", "clerkB"]],
    ["review queue", canUseReviewQueue, ["approverA", "approverB"]],
    ["start a draft for department A", (a) => canStartDisclosure(a, DEPT_A), ["clerkA", "admin"]],
  ];
  for (const [name, policy, who] of cases)
    it.each(everyone)(`${name} as %s`, (person) => {
      expect(policy(people[person])).toBe(who.includes(person));
    });
});
