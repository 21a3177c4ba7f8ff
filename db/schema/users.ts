import { boolean, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { departmentGroups, departments } from "./organisation";

export const userRole = pgEnum("user_role", ["clerk", "approver", "admin"]);

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  username: text("username").notNull().unique(),
  displayName: text("display_name").notNull(),
  /** scrypt$N$r$p$salt$hash (lib/auth/password.ts) */
  passwordHash: text("password_hash").notNull(),
  role: userRole("role").notNull(),
  disabled: boolean("disabled").notNull().default(false),
  mustChangePassword: boolean("must_change_password").notNull().default(false),
  /**
   * Raised when the password changes or the account is disabled. Each session token carries the
   * value it signed in with and is refused once they differ: signing out everywhere at once.
   * Signing out of one browser ends only that session (user_sessions).
   */
  sessionVersion: integer("session_version").notNull().default(1),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
});

/** A clerk's scope: the departments they draft for (usually one, sometimes several). */
export const userDepartments = pgTable(
  "user_departments",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    departmentId: uuid("department_id")
      .notNull()
      .references(() => departments.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.departmentId] }),
    index("user_departments_department_idx").on(t.departmentId),
  ],
);

/** An approver's scope: the desks' groups they review. */
export const approverGroups = pgTable(
  "approver_groups",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    groupId: uuid("group_id")
      .notNull()
      .references(() => departmentGroups.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.groupId] }), index("approver_groups_group_idx").on(t.groupId)],
);

/**
 * One signed-in session: started by a sign-in, named in its cookie (`sid`), ended by signing out.
 * A copy of the cookie is refused once its session has ended, while the user's other browsers
 * stay signed in (app/_server/session.ts checks it in the one query that loads the actor).
 * Rows older than the absolute session limit are deleted at the user's next sign-in.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    ip: text("ip"),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId, t.startedAt)],
);
