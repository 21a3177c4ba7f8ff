import {
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { Target } from "../../lib/domain/model";
import { disclosureState, disclosureStates } from "../../lib/workflow/states";
import { departments } from "./organisation";
import { fiscalYears, indicatorFrameworks } from "./settings";
import { users } from "./users";

/** The states are lib/workflow/states.ts's, in its order (the enum's order is the migration's). */
export const disclosureStateEnum = pgEnum("disclosure_state", disclosureStates);

/** Money in 万元: exact decimal strings end to end, never JS numbers. */
const money = (name: string) => numeric(name, { precision: 16, scale: 2, mode: "string" });
const stamp = (name: string) => timestamp(name, { withTimezone: true });

/**
 * One revision of a department's disclosure for a fiscal year. `version` grows with every save and
 * transition: writers send the version they read and a stale one is refused (optimistic locking).
 */
export const disclosures = pgTable(
  "disclosures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    departmentId: uuid("department_id")
      .notNull()
      .references(() => departments.id),
    fiscalYear: integer("fiscal_year")
      .notNull()
      .references(() => fiscalYears.year),
    /** 1 for the first publication; a correction after publishing is a new revision. */
    revision: integer("revision").notNull().default(1),
    /** What a correcting revision corrects, written when it is opened; shown in the public errata. */
    revisionNote: text("revision_note").notNull().default(""),
    state: disclosureStateEnum("state").notNull().default(disclosureState.draft),
    version: integer("version").notNull().default(1),
    /** The indicator framework its tables use; the canonical JSON's performance.framework. */
    frameworkId: text("framework_id")
      .notNull()
      .references(() => indicatorFrameworks.id),
    createdAt: stamp("created_at").notNull().defaultNow(),
    createdBy: uuid("created_by").references(() => users.id),
    updatedAt: stamp("updated_at").notNull().defaultNow(),
    updatedBy: uuid("updated_by").references(() => users.id),
    // Who moved it matters for separation of duties (nobody approves what they submitted).
    submittedAt: stamp("submitted_at"),
    submittedBy: uuid("submitted_by").references(() => users.id),
    approvedAt: stamp("approved_at"),
    approvedBy: uuid("approved_by").references(() => users.id),
    publishedAt: stamp("published_at"),
    publishedBy: uuid("published_by").references(() => users.id),
  },
  (t) => [
    uniqueIndex("disclosures_department_year_revision_idx").on(t.departmentId, t.fiscalYear, t.revision),
    index("disclosures_year_state_idx").on(t.fiscalYear, t.state),
  ],
);

/**
 * The content of a section that is not a repeating row, as the canonical JSON has it (validated
 * by lib/domain/model.ts on the way in and out). Section ids are those of `sections` in model.ts
 * plus "header" (title and preamble).
 */
export const disclosureSections = pgTable(
  "disclosure_sections",
  {
    disclosureId: uuid("disclosure_id")
      .notNull()
      .references(() => disclosures.id, { onDelete: "cascade" }),
    sectionId: text("section_id").notNull(),
    content: jsonb("content").$type<Record<string, unknown>>().notNull(),
    updatedAt: stamp("updated_at").notNull().defaultNow(),
    updatedBy: uuid("updated_by").references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.disclosureId, t.sectionId] })],
);

// Repeating rows are real rows with stable ids so that a review comment anchored to a row stays on
// it when rows are inserted, deleted or reordered around it.

/** 绩效目标表: one per project fund. */
export const projectFunds = pgTable(
  "project_funds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    disclosureId: uuid("disclosure_id")
      .notNull()
      .references(() => disclosures.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    amount: money("amount"),
    goal: text("goal").notNull(),
  },
  (t) => [index("project_funds_disclosure_idx").on(t.disclosureId, t.position)],
);

export const indicators = pgTable(
  "indicators",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projectFunds.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    level1: text("level1").notNull(),
    level2: text("level2").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull(),
    /** What the department wrote, verbatim: the bureau must see it even when it cannot be read. */
    targetRaw: text("target_raw").notNull(),
    /** The parsed target without its raw text (that is target_raw). */
    target: jsonb("target").$type<DistributiveOmit<Target, "raw">>().notNull(),
    basis: text("basis").notNull(),
    /** 权重: exact decimal, read back as a number as the model has it. */
    weight: numeric("weight", { mode: "number" }),
    direction: text("direction", { enum: ["positive", "negative"] }),
    /** 评（扣）分标准: '' where the table has none (the model omits it then). */
    scoringStandard: text("scoring_standard").notNull().default(""),
  },
  (t) => [index("indicators_project_idx").on(t.projectId, t.position)],
);

export const procurementItems = pgTable(
  "procurement_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    disclosureId: uuid("disclosure_id")
      .notNull()
      .references(() => disclosures.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    project: text("project").notNull(),
    projectBudget: money("project_budget"),
    item: text("item").notNull(),
    catalogCode: text("catalog_code").notNull(),
    unit: text("unit").notNull(),
    quantity: integer("quantity"),
    unitPrice: money("unit_price"),
    amount: money("amount"),
    fundingGeneralPublicBudget: money("funding_general_public_budget"),
    fundingGovernmentFund: money("funding_government_fund"),
    fundingFiscalSpecialAccount: money("funding_fiscal_special_account"),
    fundingOther: money("funding_other"),
    /** 其他渠道资金: money from outside this year's department budget */
    otherChannels: money("other_channels"),
  },
  (t) => [index("procurement_items_disclosure_idx").on(t.disclosureId, t.position)],
);

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
