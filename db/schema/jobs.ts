import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { JOB_STATES } from "../../lib/jobs/states";
import { bytea } from "./bytea";
import { users } from "./users";

/**
 * Background work (db/jobs/queue.ts): what to do, how far it got and who holds it. Every app
 * server and the `worker` process read and write these rows, so any of them answers the poll; a
 * running job whose lease (locked_until) lapsed — its process was killed — is claimed again.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    input: jsonb("input").notNull(),
    state: text("state", { enum: JOB_STATES }).notNull().default("queued"),
    /** The kind's own progress shape (the year's zip: YearProgress); null until the job reports. */
    progress: jsonb("progress"),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(3),
    lockedBy: text("locked_by"),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    error: text("error"),
    /** Size of the output once complete; the bytes are job_output_chunks' of the last attempt. */
    outputBytes: integer("output_bytes"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("jobs_claim_idx").on(t.state, t.createdAt),
    index("jobs_kind_idx").on(t.kind, t.createdAt),
    check("jobs_state_check", sql`${t.state} in ('queued', 'running', 'done', 'failed')`),
  ],
);

/**
 * A job's output file, in pieces of about a megabyte written as the job produces them and streamed
 * back in order by the download: the file never sits whole in one process's memory.
 */
export const jobOutputChunks = pgTable(
  "job_output_chunks",
  {
    jobId: uuid("job_id")
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    /** The attempt that wrote it: a re-run writes its own, and a worker that lost its lease cannot mix into it. */
    attempt: integer("attempt").notNull(),
    seq: integer("seq").notNull(),
    bytes: bytea("bytes").notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.attempt, t.seq] })],
);
