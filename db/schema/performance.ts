import {
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea } from "./bytea";
import { disclosureState } from "../../lib/workflow/states";
import { disclosures, disclosureStateEnum } from "./disclosures";
import { departments } from "./organisation";
import { fiscalYears, returnReasons } from "./settings";
import { users } from "./users";

/**
 * The performance cycle around a year's published targets (issue 17): mid-year 运行监控 and
 * year-end 自评. A round is the admin's call for reports of one kind; a report is one department's
 * answer, evaluating its published disclosure. Reports move through the disclosure's own states and
 * steps (lib/workflow), so they reuse its enum rather than spelling the states again.
 */

const stamp = (name: string) => timestamp(name, { withTimezone: true });

export const performanceRoundKinds = ["monitoring", "self_evaluation"] as const;
export type PerformanceRoundKind = (typeof performanceRoundKinds)[number];
export const performanceRoundKind = pgEnum("performance_round_kind", performanceRoundKinds);

export const performanceRounds = pgTable(
  "performance_rounds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    fiscalYear: integer("fiscal_year")
      .notNull()
      .references(() => fiscalYears.year),
    kind: performanceRoundKind("kind").notNull(),
    /** The last month the report covers: 7 for 1–7月 monitoring, 12 for the year-end 自评. */
    periodEndMonth: integer("period_end_month").notNull(),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    openedBy: uuid("opened_by").references(() => users.id),
    openedAt: stamp("opened_at").notNull().defaultNow(),
  },
  // One round of each kind a year: a second monitoring would be a second period, not yet asked for.
  (t) => [uniqueIndex("performance_rounds_year_kind_idx").on(t.fiscalYear, t.kind)],
);

export const performanceReports = pgTable(
  "performance_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    roundId: uuid("round_id")
      .notNull()
      .references(() => performanceRounds.id, { onDelete: "cascade" }),
    departmentId: uuid("department_id")
      .notNull()
      .references(() => departments.id),
    /** The published revision whose targets it reports on. */
    disclosureId: uuid("disclosure_id")
      .notNull()
      .references(() => disclosures.id),
    state: disclosureStateEnum("state").notNull().default(disclosureState.draft),
    /** The report as lib/domain/performance/shapes.ts has it (validated on the way in and out). */
    content: jsonb("content").$type<Record<string, unknown>>().notNull(),
    /** Grows with every save and step: a stale writer is refused (optimistic locking). */
    version: integer("version").notNull().default(1),
    /** 自评 only: the server's score (0–100, two places) and grade, recomputed on every save. */
    score: numeric("score", { precision: 6, scale: 2, mode: "string" }),
    grade: text("grade"),
    createdAt: stamp("created_at").notNull().defaultNow(),
    createdBy: uuid("created_by").references(() => users.id),
    updatedAt: stamp("updated_at").notNull().defaultNow(),
    updatedBy: uuid("updated_by").references(() => users.id),
    submittedAt: stamp("submitted_at"),
    submittedBy: uuid("submitted_by").references(() => users.id),
    approvedAt: stamp("approved_at"),
    approvedBy: uuid("approved_by").references(() => users.id),
    publishedAt: stamp("published_at"),
    publishedBy: uuid("published_by").references(() => users.id),
  },
  (t) => [
    uniqueIndex("performance_reports_round_department_idx").on(t.roundId, t.departmentId),
    index("performance_reports_department_idx").on(t.departmentId),
  ],
);

/**
 * A published 自评's files (Word, PDF, Excel, JSON, CSV, the data package): rendered once from the
 * content it publishes, in the transaction that publishes it, and served byte for byte ever after,
 * as a disclosure's are (publishing.ts). Never cascaded: a published file outlives any clean-up.
 */
export const performanceReportFiles = pgTable(
  "performance_report_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reportId: uuid("report_id")
      .notNull()
      .references(() => performanceReports.id),
    /** One of EVALUATION_FORMATS (lib/export/performance-files.ts). */
    format: text("format").notNull(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    bytes: bytea("bytes").notNull(),
    sha256: text("sha256").notNull(),
    size: integer("size").notNull(),
  },
  (t) => [uniqueIndex("performance_report_files_report_format_idx").on(t.reportId, t.format)],
);

/**
 * The approver's comment on a report, anchored to a row path (`projects[0].indicators[3]`) or to the
 * report (""). A return carries at least one; the clerk's resubmission answers the open ones.
 */
export const performanceComments = pgTable(
  "performance_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reportId: uuid("report_id")
      .notNull()
      .references(() => performanceReports.id, { onDelete: "cascade" }),
    anchorPath: text("anchor_path").notNull().default(""),
    body: text("body").notNull(),
    /** Set when the comment came with a return: the reason the bureau counts. */
    reasonCode: text("reason_code").references(() => returnReasons.code),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    createdAt: stamp("created_at").notNull().defaultNow(),
    resolvedAt: stamp("resolved_at"),
    resolvedBy: uuid("resolved_by").references(() => users.id),
  },
  (t) => [index("performance_comments_report_idx").on(t.reportId)],
);
