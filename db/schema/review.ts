import { sql } from "drizzle-orm";
import {
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { disclosures } from "./disclosures";
import { returnReasons } from "./settings";
import { users } from "./users";

const stamp = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A comment anchored to a path in the canonical JSON (`performance.projects[2].indicators[6].target`)
 * and, for a repeating row, to the row's id: the id keeps the comment on its row when rows move,
 * the path is where it was made (and the fallback once the row is deleted — hence no foreign key).
 */
export const reviewComments = pgTable(
  "review_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    disclosureId: uuid("disclosure_id")
      .notNull()
      .references(() => disclosures.id, { onDelete: "cascade" }),
    anchorPath: text("anchor_path").notNull(),
    anchorRowId: uuid("anchor_row_id"),
    parentId: uuid("parent_id").references((): AnyPgColumn => reviewComments.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    createdAt: stamp("created_at").notNull().defaultNow(),
    resolvedAt: stamp("resolved_at"),
    resolvedBy: uuid("resolved_by").references(() => users.id),
  },
  (t) => [
    index("review_comments_disclosure_idx").on(t.disclosureId),
    index("review_comments_row_idx").on(t.anchorRowId),
  ],
);

/** One return of a disclosure to its department: the reason code the bureau counts, and the text. */
export const disclosureReturns = pgTable(
  "disclosure_returns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    disclosureId: uuid("disclosure_id")
      .notNull()
      .references(() => disclosures.id, { onDelete: "cascade" }),
    /** The disclosure's version the return produced. */
    version: integer("version").notNull(),
    reasonCode: text("reason_code")
      .notNull()
      .references(() => returnReasons.code),
    note: text("note").notNull().default(""),
    returnedBy: uuid("returned_by")
      .notNull()
      .references(() => users.id),
    returnedAt: stamp("returned_at").notNull().defaultNow(),
  },
  (t) => [index("disclosure_returns_disclosure_idx").on(t.disclosureId)],
);

/** A kept warning's written explanation, which the reviewer reads beside the finding. */
export const warningExplanations = pgTable(
  "warning_explanations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    disclosureId: uuid("disclosure_id")
      .notNull()
      .references(() => disclosures.id, { onDelete: "cascade" }),
    ruleId: text("rule_id").notNull(),
    path: text("path").notNull(),
    explanation: text("explanation").notNull(),
    explainedBy: uuid("explained_by")
      .notNull()
      .references(() => users.id),
    explainedAt: stamp("explained_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("warning_explanations_finding_idx").on(t.disclosureId, t.ruleId, t.path)],
);

/**
 * The content exactly as the department submitted it, once per submission (with its rows' ids),
 * so that on a resubmission the approver sees what changed since the last one (lib/domain/diff.ts)
 * rather than since whatever was saved in between.
 */
export const disclosureSubmissions = pgTable(
  "disclosure_submissions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    disclosureId: uuid("disclosure_id")
      .notNull()
      .references(() => disclosures.id, { onDelete: "cascade" }),
    /** The disclosure's version the submission produced. */
    version: integer("version").notNull(),
    content: jsonb("content").$type<Record<string, unknown>>().notNull(),
    submittedBy: uuid("submitted_by")
      .notNull()
      .references(() => users.id),
    submittedAt: stamp("submitted_at").notNull().defaultNow(),
  },
  (t) => [index("disclosure_submissions_disclosure_idx").on(t.disclosureId, t.version)],
);

/** `deadline`: the system's reminder that a submission deadline nears or passed (db/queries/reminders.ts). */
export const noticeKinds = ["submitted", "resubmitted", "returned", "approved", "published", "deadline"] as const;

/**
 * "Something came back to you": a returned, approved or published disclosure for its department's
 * clerks, a resubmission for the approver who returned it. Read state is per recipient; the notice itself never changes.
 */
export const notices = pgTable(
  "notices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    recipientId: uuid("recipient_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    disclosureId: uuid("disclosure_id")
      .notNull()
      .references(() => disclosures.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: noticeKinds }).notNull(),
    actorId: uuid("actor_id").references(() => users.id),
    /** What the notice says beyond its kind: the return's reason label and note, the approval's opinion, the revision published. */
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: stamp("created_at").notNull().defaultNow(),
    readAt: stamp("read_at"),
  },
  (t) => [
    index("notices_recipient_idx").on(t.recipientId, t.createdAt),
    // Each reminder stage once per person and disclosure, whichever server's job sends it.
    uniqueIndex("notices_deadline_once_idx")
      .on(t.recipientId, t.disclosureId, sql`(${t.detail}->>'stage')`)
      .where(sql`${t.kind} = 'deadline'`),
  ],
);
