import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/**
 * A finance bureau desk (一科, 二科 …) reviews a group of departments. Approvers are assigned to
 * groups, not to departments one by one, so "an approver sees only assigned departments" is one
 * join: approver_groups → departments.group_id.
 */
export const departmentGroups = pgTable("department_groups", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** The desk's name as the bureau says it: 一科 */
  name: text("name").notNull().unique(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const departments = pgTable(
  "departments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** 部门编码, e.g. 434 — what the bureau's systems and the disclosure call the department. */
    code: text("code").notNull().unique(),
    name: text("name").notNull(),
    groupId: uuid("group_id").references(() => departmentGroups.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("departments_group_idx").on(t.groupId)],
);

/**
 * The department's units as they stand now: master data that prefills a new year's draft. What a
 * given year disclosed is kept in that disclosure's own content, so a later reorganisation does
 * not rewrite a published year.
 */
export const orgUnits = pgTable(
  "org_units",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    departmentId: uuid("department_id")
      .notNull()
      .references(() => departments.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    /** 单位性质: 行政 / 参公 / 事业 */
    nature: text("nature").notNull(),
    /** 单位规格: 正科级 … */
    level: text("level").notNull(),
    /** 经费保障形式: 财政拨款 / 财政补助 / 自收自支 */
    fundingForm: text("funding_form").notNull(),
  },
  (t) => [uniqueIndex("org_units_department_position_idx").on(t.departmentId, t.position)],
);
