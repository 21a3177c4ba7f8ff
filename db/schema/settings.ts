import { boolean, date, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { IndicatorFramework } from "../../lib/domain/frameworks";
import { SATISFACTION_FLOOR } from "../../lib/rules/indicator-targets";
import { users } from "./users";

/** Indicator frameworks as data: the built-ins of lib/domain/frameworks.ts plus the admin's own. */
export const indicatorFrameworks = pgTable("indicator_frameworks", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  source: text("source").notNull().default(""),
  levels: jsonb("levels").$type<IndicatorFramework["levels"]>().notNull(),
  builtIn: boolean("built_in").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const fiscalYearStatus = pgEnum("fiscal_year_status", ["open", "closed"]);

export const fiscalYears = pgTable("fiscal_years", {
  year: integer("year").primaryKey(),
  frameworkId: text("framework_id")
    .notNull()
    .references(() => indicatorFrameworks.id),
  submissionDeadline: date("submission_deadline", { mode: "string" }),
  status: fiscalYearStatus("status").notNull().default("open"),
  /** The lowest 满意度 target the bureau accepts this year, in percent (satisfaction-target). */
  satisfactionFloor: integer("satisfaction_floor").notNull().default(SATISFACTION_FLOOR),
});

export const ruleSeverity = pgEnum("rule_severity", ["error", "warning", "info", "off"]);

/** The admin's override of a rule's catalogue severity; a rule without a row keeps its default. */
export const rulePolicies = pgTable("rule_policies", {
  ruleId: text("rule_id").primaryKey(),
  severity: ruleSeverity("severity").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid("updated_by").references(() => users.id),
});

/** Why a disclosure was returned, as a short code the bureau can count next year. */
export const returnReasons = pgTable("return_reasons", {
  code: text("code").primaryKey(),
  label: text("label").notNull(),
  active: boolean("active").notNull().default(true),
  /** Order in the return dialog: 其他 last. */
  position: integer("position").notNull().default(0),
});
