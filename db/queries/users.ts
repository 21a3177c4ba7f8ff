import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { USERNAME, type Actor, type Role } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "../client";
import { UserError, NotFoundError } from "@/lib/errors";
import { departmentGroups } from "../schema/organisation";
import { approverGroups, userDepartments, users } from "../schema/users";
import { appendAudit } from "./audit";
import { recordMessages as records } from "@/lib/i18n/zh-CN/records";
import { adminMessages } from "@/lib/i18n/zh-CN/admin";

export type UserRow = typeof users.$inferSelect;
/** A user as the admin console lists it: never the password hash. */
export type UserSummary = Omit<UserRow, "passwordHash">;

const summaryColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  disabled: users.disabled,
  mustChangePassword: users.mustChangePassword,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
  lastLoginAt: users.lastLoginAt,
  sessionVersion: users.sessionVersion,
};

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.username, username.trim()));
  return row ?? null;
}

/**
 * The acting user with the departments they may see, read fresh for each request so a changed
 * assignment or a disabled account takes effect at once. Null when absent or disabled.
 * An approver's departments are one join: approver_groups → departments.group_id.
 */
export async function loadActor(db: Db, userId: string): Promise<Actor | null> {
  return (await loadSessionActor(db, userId))?.actor ?? null;
}

/**
 * loadActor with the user's session version (raised when the password changes or sessions are
 * ended) and whether the session `sessionId` is still open (not signed out, user_sessions), in one
 * query: it runs on every signed-in request, so its departments and the session come from
 * subqueries rather than from more round trips.
 */
export async function loadSessionActor(
  db: Db,
  userId: string,
  sessionId?: string,
): Promise<{ actor: Actor; sessionVersion: number; sessionOpen: boolean } | null> {
  const [user] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      mustChangePassword: users.mustChangePassword,
      sessionVersion: users.sessionVersion,
      // Written out: drizzle drops table names inside sql`` of a one-table select, and these
      // subqueries need them. text[]: both drivers hand it back as an array of strings.
      departmentIds: sql<
        string[]
      >`array(select ud.department_id::text from user_departments ud where ud.user_id = "users"."id" and "users"."role" = 'clerk' order by 1)`,
      groupDepartmentIds: sql<
        string[]
      >`array(select d.id::text from approver_groups ag join departments d on d.group_id = ag.group_id where ag.user_id = "users"."id" and "users"."role" = 'approver' order by 1)`,
      // By primary key; the user's own only.
      sessionOpen: sessionId
        ? sql<boolean>`exists(select 1 from user_sessions us where us.id = ${sessionId}::uuid and us.user_id = "users"."id" and us.ended_at is null)`
        : sql<boolean>`true`,
    })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.disabled, false)));
  if (!user) return null;
  return {
    sessionVersion: user.sessionVersion,
    sessionOpen: user.sessionOpen === true,
    actor: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      departmentIds: user.departmentIds,
      groupDepartmentIds: user.groupDepartmentIds,
      mustChangePassword: user.mustChangePassword,
    },
  };
}

export async function listUsers(db: Db): Promise<UserSummary[]> {
  return db.select(summaryColumns).from(users).orderBy(asc(users.username));
}

export type NewUser = {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  mustChangePassword?: boolean;
  /** clerk: the departments they draft for */
  departmentIds?: readonly string[];
  /** approver: the groups (desks) they review */
  groupIds?: readonly string[];
};

/** A new user checked and with the password hashed: what createUser writes, prepared before any transaction begins. */
export type PreparedUser = Omit<NewUser, "password"> & { passwordHash: string };

const usernameRefused = (message: string) => new UserError(message, { username: [message] });

/** Checks the username and hashes the password (scrypt, on libuv's thread pool: many side by side). */
export async function prepareUser(input: NewUser): Promise<PreparedUser> {
  const username = input.username.trim();
  if (!USERNAME.test(username)) throw usernameRefused(adminMessages.users.usernameInvalid);
  const { password, ...rest } = input;
  return { ...rest, username, passwordHash: await hashPassword(password) };
}

/**
 * The one way a user is created: the admin's form, the bulk import (createUsers), the CLI's first
 * admin and the seed. Admin action (the caller checks canAdminister); `actorId` null when the
 * system seeds users. A username someone has is refused at the field, also when two take it at once.
 */
export async function createUser(
  db: Db,
  actorId: string | null,
  input: NewUser | PreparedUser,
  ip?: string | null,
): Promise<UserSummary> {
  const prepared = "passwordHash" in input ? input : await prepareUser(input);
  const { username, passwordHash } = prepared;
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({
        username,
        displayName: input.displayName,
        role: input.role,
        passwordHash,
        mustChangePassword: input.mustChangePassword ?? true,
      })
      .onConflictDoNothing()
      .returning(summaryColumns);
    if (!user) throw usernameRefused(adminMessages.users.usernameTaken(username));
    await writeScope(tx, user.id, input.role, input.departmentIds ?? [], input.groupIds ?? []);
    await appendAudit(tx, {
      actorId,
      ip,
      action: "user.create",
      entityType: "user",
      entityId: user.id,
      detail: { username, role: input.role, departmentIds: input.departmentIds ?? [], groupIds: input.groupIds ?? [] },
    });
    return user;
  });
}

async function writeScope(
  tx: Db,
  userId: string,
  role: Role,
  departmentIds: readonly string[],
  groupIds: readonly string[],
) {
  if (role !== "clerk" && departmentIds.length > 0) throw new UserError(records.users.onlyClerkDepartments);
  if (role !== "approver" && groupIds.length > 0) throw new UserError(records.users.onlyApproverDesks);
  await tx.delete(userDepartments).where(eq(userDepartments.userId, userId));
  await tx.delete(approverGroups).where(eq(approverGroups.userId, userId));
  if (departmentIds.length > 0)
    await tx
      .insert(userDepartments)
      .values([...new Set(departmentIds)].map((departmentId) => ({ userId, departmentId })));
  if (groupIds.length > 0)
    await tx.insert(approverGroups).values([...new Set(groupIds)].map((groupId) => ({ userId, groupId })));
}

/** Replace a user's scope: a clerk's departments or an approver's groups. */
export async function setUserScope(
  db: Db,
  actorId: string,
  userId: string,
  scope: { departmentIds?: readonly string[]; groupIds?: readonly string[] },
  ip?: string | null,
) {
  await db.transaction(async (tx) => {
    const [user] = await tx.select({ role: users.role }).from(users).where(eq(users.id, userId)).for("update");
    if (!user) throw new NotFoundError(records.things.user);
    await writeScope(tx, userId, user.role, scope.departmentIds ?? [], scope.groupIds ?? []);
    await tx.update(users).set({ updatedAt: new Date() }).where(eq(users.id, userId));
    await appendAudit(tx, {
      actorId,
      ip,
      action: "user.scope",
      entityType: "user",
      entityId: userId,
      detail: { ...scope },
    });
  });
}

/** A new password; `mustChange` when an admin sets it for someone else. */
export async function setPassword(
  db: Db,
  actorId: string,
  userId: string,
  password: string,
  mustChange: boolean,
  ip?: string | null,
) {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      // A new session version signs the user out everywhere (app/_server/session.ts).
      .set({
        passwordHash,
        mustChangePassword: mustChange,
        updatedAt: new Date(),
        sessionVersion: sql`${users.sessionVersion} + 1`,
      })
      .where(eq(users.id, userId))
      .returning({ id: users.id });
    if (!row) throw new NotFoundError(records.things.user);
    // Never the password or its hash in the log.
    await appendAudit(tx, {
      actorId,
      ip,
      action: "user.reset-password",
      entityType: "user",
      entityId: userId,
      detail: { mustChange },
    });
  });
}

export async function setUserDisabled(db: Db, actorId: string, userId: string, disabled: boolean, ip?: string | null) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ disabled, updatedAt: new Date(), sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId))
      .returning({ id: users.id });
    if (!row) throw new NotFoundError(records.things.user);
    await appendAudit(tx, {
      actorId,
      ip,
      action: disabled ? "user.disable" : "user.enable",
      entityType: "user",
      entityId: userId,
    });
  });
}

/** Display names for ids (comment authors, "last saved by"): users are not department data. */
export async function userNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A user with the ids of their scope, for the admin's edit form. */
export type UserWithScope = UserSummary & { departmentIds: string[]; groupIds: string[] };

export async function getUserWithScope(db: Db, userId: string): Promise<UserWithScope> {
  const [user] = await db.select(summaryColumns).from(users).where(eq(users.id, userId));
  if (!user) throw new NotFoundError(records.things.user);
  const departmentIds = (
    await db
      .select({ id: userDepartments.departmentId })
      .from(userDepartments)
      .where(eq(userDepartments.userId, userId))
  ).map((r) => r.id);
  const groupIds = (
    await db.select({ id: approverGroups.groupId }).from(approverGroups).where(eq(approverGroups.userId, userId))
  ).map((r) => r.id);
  return { ...user, departmentIds, groupIds };
}

export type UserChange = {
  displayName: string;
  role: Role;
  departmentIds: readonly string[];
  groupIds: readonly string[];
};

/**
 * Name, role and scope in one step (a role change without its scope would leave a clerk with a
 * desk). Admin action; the caller checks canAdminister. The audit row keeps the name and role before.
 */
export async function updateUser(
  db: Db,
  actorId: string,
  userId: string,
  change: UserChange,
  ip?: string | null,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ role: users.role, displayName: users.displayName })
      .from(users)
      .where(eq(users.id, userId))
      .for("update");
    if (!before) throw new NotFoundError(records.things.user);
    await tx
      .update(users)
      .set({ displayName: change.displayName.trim(), role: change.role, updatedAt: new Date() })
      .where(eq(users.id, userId));
    await writeScope(tx, userId, change.role, change.departmentIds, change.groupIds);
    await appendAudit(tx, {
      actorId,
      ip,
      action: "user.update",
      entityType: "user",
      entityId: userId,
      detail: {
        before,
        displayName: change.displayName.trim(),
        role: change.role,
        departmentIds: [...change.departmentIds],
        groupIds: [...change.groupIds],
      },
    });
  });
}

/**
 * Many users in one transaction (bulk import), each through createUser with its checks and its
 * user.create audit row: any failure leaves none of them. Passwords are hashed first and side by
 * side, so 150 users take seconds, not minutes, and the transaction is not held open while hashing.
 */
export async function createUsers(
  db: Db,
  actorId: string | null,
  inputs: readonly NewUser[],
  ip?: string | null,
): Promise<UserSummary[]> {
  const prepared = await Promise.all(inputs.map(prepareUser));
  return db.transaction(async (tx) => {
    const created: UserSummary[] = [];
    for (const user of prepared) created.push(await createUser(tx, actorId, user, ip));
    return created;
  });
}

/** Every user's scope by id, for the admin's lists (one query each, not one per user). */
export async function listUserScopeIds(db: Db): Promise<Map<string, { departmentIds: string[]; groupIds: string[] }>> {
  const scopes = new Map<string, { departmentIds: string[]; groupIds: string[] }>();
  const entry = (userId: string) =>
    scopes.get(userId) ?? scopes.set(userId, { departmentIds: [], groupIds: [] }).get(userId)!;
  for (const r of await db.select().from(userDepartments)) entry(r.userId).departmentIds.push(r.departmentId);
  for (const r of await db.select().from(approverGroups)) entry(r.userId).groupIds.push(r.groupId);
  return scopes;
}

/**
 * The approvers of one desk, replacing whoever was there: the desk page's checkboxes. Everyone
 * named must be an approver; their other desks are left as they are.
 */
export async function setDeskApprovers(
  db: Db,
  actorId: string,
  groupId: string,
  userIds: readonly string[],
  ip?: string | null,
): Promise<void> {
  const ids = [...new Set(userIds)];
  await db.transaction(async (tx) => {
    const [group] = await tx
      .select({ id: departmentGroups.id })
      .from(departmentGroups)
      .where(eq(departmentGroups.id, groupId))
      .for("update");
    if (!group) throw new NotFoundError(records.things.desk);
    if (ids.length > 0) {
      const approvers = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(inArray(users.id, ids), eq(users.role, "approver")));
      if (approvers.length !== ids.length) throw new UserError(adminMessages.desks.notApprover);
    }
    const before = (
      await tx.select({ id: approverGroups.userId }).from(approverGroups).where(eq(approverGroups.groupId, groupId))
    )
      .map((r) => r.id)
      .sort();
    await tx.delete(approverGroups).where(eq(approverGroups.groupId, groupId));
    if (ids.length > 0) await tx.insert(approverGroups).values(ids.map((userId) => ({ userId, groupId })));
    await appendAudit(tx, {
      actorId,
      ip,
      action: "desk.set-approvers",
      entityType: "department_group",
      entityId: groupId,
      detail: { before, after: [...ids].sort() },
    });
  });
}
