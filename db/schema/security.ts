import { bigserial, index, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const signInOutcome = pgEnum("sign_in_outcome", ["success", "failure", "locked", "disabled"]);

/**
 * Every sign-in attempt, kept to count failures per username and per address (db/queries/
 * security.ts): five failures lock that username, and that address, for 15 minutes. The username
 * is as typed, whether or not such a user exists, so a lock never tells a guesser which names are
 * real. A failure that starts a lock records until when, so the next window starts after it.
 * The audit log records the same events for people to read; this table is for counting.
 */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    username: text("username").notNull(),
    ip: text("ip"),
    outcome: signInOutcome("outcome").notNull(),
    accountLockedUntil: timestamp("account_locked_until", { withTimezone: true, precision: 3 }),
    addressLockedUntil: timestamp("address_locked_until", { withTimezone: true, precision: 3 }),
  },
  (t) => [index("sign_in_attempts_username_idx").on(t.username, t.at), index("sign_in_attempts_ip_idx").on(t.ip, t.at)],
);
