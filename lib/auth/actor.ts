/**
 * Who is acting, with the departments they may see. Loaded once per request from the database
 * (db/queries/users.ts `loadActor`) and passed explicitly to every query and policy check.
 * Framework-free: no Next, no next-auth, no database imports.
 */
export const roles = ["clerk", "approver", "admin"] as const;
export type Role = (typeof roles)[number];

/** What a username may be (the admin's form, the user sheet, db/queries/users.ts createUser): what a sign-in form takes without surprises. */
export const USERNAME = /^[A-Za-z0-9_.-]{2,64}$/;

export type Actor = {
  /** users.id */
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** clerk: the departments they draft for (user_departments). Empty for other roles. */
  departmentIds: readonly string[];
  /** approver: the departments of the desks' groups assigned to them (approver_groups). Empty for other roles. */
  groupDepartmentIds: readonly string[];
  mustChangePassword: boolean;
  /**
   * The signed-in session this request acts in (user_sessions.id, the cookie's `sid`): what
   * signing out ends. Absent where nobody signed in through a browser (the CLI, the seed, tests).
   */
  sessionId?: string;
};

/** The departments whose disclosures an actor may read: "all" for an admin. */
export function readableDepartmentIds(actor: Actor): readonly string[] | "all" {
  switch (actor.role) {
    case "admin":
      return "all";
    case "approver":
      return actor.groupDepartmentIds;
    case "clerk":
      return actor.departmentIds;
  }
}

/**
 * The departments whose draft content an actor may write. Approvers comment and never edit a
 * department's figures (review is read-only by design); an admin may correct any department.
 */
export function draftableDepartmentIds(actor: Actor): readonly string[] | "all" {
  switch (actor.role) {
    case "admin":
      return "all";
    case "approver":
      return [];
    case "clerk":
      return actor.departmentIds;
  }
}

export function canReadDepartment(actor: Actor, departmentId: string): boolean {
  const ids = readableDepartmentIds(actor);
  return ids === "all" || ids.includes(departmentId);
}

export function canDraftDepartment(actor: Actor, departmentId: string): boolean {
  const ids = draftableDepartmentIds(actor);
  return ids === "all" || ids.includes(departmentId);
}
