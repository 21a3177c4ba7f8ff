import { and, count, desc, eq, gt, inArray, isNotNull, max, sql } from "drizzle-orm";
import type { Db } from "../client";
import { signInAttempts } from "../schema/security";
import { users } from "../schema/users";

/**
 * Sign-in lockout (等级保护 2.0 三级 登录失败处理; ASVS 2.2.1): five failed sign-ins lock the
 * username for 15 minutes, and five failures from one address lock that address for 15 minutes,
 * whatever usernames it tried. A success of the account clears its count (not the address's: a
 * guesser with one real account must not reset their address by signing in between guesses).
 * Attempts while locked are recorded as "locked" and neither checked nor counted.
 */
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MINUTES = 15;
const WINDOW_MS = LOCKOUT_MINUTES * 60 * 1000;

/** Usernames compare as people type them: "Clerk " and "clerk" are one account. */
export const normalUsername = (username: string) => username.trim().toLowerCase();

export type SignInLock = { scope: "account" | "address"; until: Date };

/** The lock in force for this username or address, the later one when both are. */
export async function activeSignInLock(
  db: Db,
  username: string,
  ip: string | null,
  now = new Date(),
): Promise<SignInLock | null> {
  const name = normalUsername(username);
  const [account] = await db
    .select({ until: max(signInAttempts.accountLockedUntil) })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.username, name), gt(signInAttempts.accountLockedUntil, now)));
  const [address] = ip
    ? await db
        .select({ until: max(signInAttempts.addressLockedUntil) })
        .from(signInAttempts)
        .where(and(eq(signInAttempts.ip, ip), gt(signInAttempts.addressLockedUntil, now)))
    : [{ until: null }];
  const locks: SignInLock[] = [];
  if (account?.until) locks.push({ scope: "account", until: new Date(account.until) });
  if (address?.until) locks.push({ scope: "address", until: new Date(address.until) });
  return locks.sort((a, b) => b.until.getTime() - a.until.getTime())[0] ?? null;
}

/** When the current counting window starts: 15 minutes back, or after the last lock ended / success. */
async function windowStart(db: Db, column: "username" | "ip", value: string, now: Date): Promise<Date> {
  const key = column === "username" ? signInAttempts.username : signInAttempts.ip;
  const lockColumn = column === "username" ? signInAttempts.accountLockedUntil : signInAttempts.addressLockedUntil;
  let start = new Date(now.getTime() - WINDOW_MS);
  const [lock] = await db
    .select({ until: max(lockColumn) })
    .from(signInAttempts)
    .where(and(eq(key, value), isNotNull(lockColumn)));
  if (lock?.until && new Date(lock.until) > start) start = new Date(lock.until);
  if (column === "username") {
    const [success] = await db
      .select({ at: max(signInAttempts.at) })
      .from(signInAttempts)
      .where(and(eq(key, value), eq(signInAttempts.outcome, "success")));
    if (success?.at && new Date(success.at) > start) start = new Date(success.at);
  }
  return start;
}

async function failuresSince(db: Db, column: "username" | "ip", value: string, since: Date): Promise<number> {
  const key = column === "username" ? signInAttempts.username : signInAttempts.ip;
  const [row] = await db
    .select({ n: count() })
    .from(signInAttempts)
    .where(and(eq(key, value), eq(signInAttempts.outcome, "failure"), gt(signInAttempts.at, since)));
  return Number(row?.n ?? 0);
}

export type AttemptOutcome = "success" | "failure" | "locked" | "disabled";

/**
 * Records one attempt. A failure that is the fifth in its window starts a lock and says until
 * when; the result tells the caller, so the fifth wrong password already answers "locked".
 * Serialised per database with an advisory lock so two parallel guesses cannot both be "the fourth".
 */
export async function recordSignInAttempt(
  db: Db,
  attempt: { username: string; ip: string | null; outcome: AttemptOutcome },
  now = new Date(),
): Promise<SignInLock | null> {
  const username = normalUsername(attempt.username);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(4242002)`);
    let accountLockedUntil: Date | null = null;
    let addressLockedUntil: Date | null = null;
    if (attempt.outcome === "failure") {
      const until = new Date(now.getTime() + WINDOW_MS);
      if (
        (await failuresSince(tx, "username", username, await windowStart(tx, "username", username, now))) + 1 >=
        LOCKOUT_THRESHOLD
      )
        accountLockedUntil = until;
      if (
        attempt.ip &&
        (await failuresSince(tx, "ip", attempt.ip, await windowStart(tx, "ip", attempt.ip, now))) + 1 >=
          LOCKOUT_THRESHOLD
      )
        addressLockedUntil = until;
    }
    await tx
      .insert(signInAttempts)
      .values({ at: now, username, ip: attempt.ip, outcome: attempt.outcome, accountLockedUntil, addressLockedUntil });
    if (accountLockedUntil) return { scope: "account", until: accountLockedUntil };
    if (addressLockedUntil) return { scope: "address", until: addressLockedUntil };
    return null;
  });
}

/** The session version a token must carry to be honoured (users.session_version); null when the user is gone. */
export async function currentSessionVersion(db: Db, userId: string): Promise<number | null> {
  const [row] = await db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, userId));
  return row?.v ?? null;
}

/** Raise the session version: every session of these users ends at its next request. */
export async function endSessionsOf(db: Db, userIds: readonly string[]): Promise<void> {
  if (userIds.length === 0) return;
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(inArray(users.id, [...userIds]));
}

/** Recent attempts, newest first, for tests and the admin's view of a user. */
export async function recentSignInAttempts(db: Db, username: string, limit = 20) {
  return db
    .select()
    .from(signInAttempts)
    .where(eq(signInAttempts.username, normalUsername(username)))
    .orderBy(desc(signInAttempts.id))
    .limit(limit);
}
