import { boolean, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { indicatorFrameworks } from "./settings";
import { users } from "./users";

/**
 * The common indicator library: indicators clerks often use, by framework and 一级/二级 heading,
 * kept by the admin. The grid searches it beside the department's own rows of earlier years
 * (those are read from `indicators`, not copied here). 指标值 is stored as written and read by
 * lib/domain/targets.ts when a row is inserted, so there is one reading of it.
 */
export const indicatorLibrary = pgTable(
  "indicator_library",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    frameworkId: text("framework_id")
      .notNull()
      .references(() => indicatorFrameworks.id),
    level1: text("level1").notNull(),
    level2: text("level2").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    targetRaw: text("target_raw").notNull().default(""),
    basis: text("basis").notNull().default(""),
    /** 评（扣）分标准, for the frameworks that ask each row for one (frameworks.ts). */
    scoringStandard: text("scoring_standard").notNull().default(""),
    /** Order within its heading, as the admin arranges it. */
    position: integer("position").notNull().default(0),
    /** Retired entries stay (the audit log names them) but are no longer offered. */
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid("updated_by").references(() => users.id),
  },
  (t) => [index("indicator_library_framework_idx").on(t.frameworkId, t.active, t.position)],
);
