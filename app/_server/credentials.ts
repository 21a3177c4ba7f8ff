import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appendAudit } from "@/db/queries/audit";
import { activeSignInLock, recordSignInAttempt } from "@/db/queries/security";
import { startSession } from "@/db/queries/sessions";
import { findUserByUsername } from "@/db/queries/users";
import { users } from "@/db/schema/users";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { lockedErrorCode } from "@/lib/auth/sign-in-lock";
import { signInErrorCodes, signInInput } from "../signin/schema";

export type SignedInUser = {
  id: string;
  name: string;
  role: "clerk" | "approver" | "admin";
  /** users.session_version at sign-in: the token carries it and is refused once it changes. */
  sessionVersion: number;
  /** the session this sign-in starts (user_sessions.id): the token carries it as `sid` */
  sessionId: string;
  /** an initial or reset password: every page goes to the change-password page until changed */
  mustChangePassword: boolean;
};

// Checking a password against this when the user does not exist makes an unknown username take as
// long as a wrong password, so response times do not reveal which usernames exist.
let decoyHash: Promise<string> | null = null;
const decoy = () => (decoyHash ??= hashPassword("decoy-password-never-matches"));

/** Thrown for a disabled account with the right password; next-auth passes the message to the form. */
export class AccountDisabledError extends Error {
  constructor() {
    super(signInErrorCodes.disabled);
  }
}

/** Thrown while a username or an address is locked after repeated failures; says until when. */
export class AccountLockedError extends Error {
  constructor(readonly until: Date) {
    super(lockedErrorCode(until));
  }
}

/**
 * The credentials check behind sign-in: null for an unknown user or a wrong password (the form
 * cannot tell which); a disabled account is refused only once the password is right, so the
 * refusal does not reveal accounts to someone guessing. Five failures lock the username and the
 * address for 15 minutes (db/queries/security.ts); while locked, the password is not even checked.
 * Every outcome is counted (sign_in_attempts) and written to the audit log.
 */
export async function checkCredentials(db: Db, raw: unknown, ip: string | null): Promise<SignedInUser | null> {
  const parsed = signInInput.safeParse(raw);
  if (!parsed.success) return null;
  const { username, password } = parsed.data;
  const typed = { typedUsername: username };

  const lock = await activeSignInLock(db, username, ip);
  if (lock) {
    await recordSignInAttempt(db, { username, ip, outcome: "locked" });
    await appendAudit(db, {
      actorId: null,
      ip,
      action: "user.login-locked",
      entityType: "sign-in",
      entityId: username,
      detail: { ...typed, scope: lock.scope, until: lock.until },
    });
    throw new AccountLockedError(lock.until);
  }

  const user = await findUserByUsername(db, username);
  const passwordOk = user
    ? await verifyPassword(password, user.passwordHash)
    : (await verifyPassword(password, await decoy()), false);
  if (!user || !passwordOk) {
    const locked = await recordSignInAttempt(db, { username, ip, outcome: "failure" });
    await appendAudit(db, {
      actorId: null,
      ip,
      action: "user.login-failed",
      entityType: "sign-in",
      entityId: username,
      detail: { ...typed, knownUser: !!user, ...(locked ? { lockedUntil: locked.until, scope: locked.scope } : {}) },
    });
    if (locked) throw new AccountLockedError(locked.until);
    return null;
  }
  if (user.disabled) {
    await recordSignInAttempt(db, { username, ip, outcome: "disabled" });
    await appendAudit(db, {
      actorId: user.id,
      ip,
      action: "user.login-disabled",
      entityType: "user",
      entityId: user.id,
    });
    throw new AccountDisabledError();
  }
  await recordSignInAttempt(db, { username, ip, outcome: "success" });
  const sessionId = await db.transaction(async (tx) => {
    await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
    const started = await startSession(tx, user.id, ip);
    await appendAudit(tx, {
      actorId: user.id,
      ip,
      action: "user.login",
      entityType: "user",
      entityId: user.id,
      detail: { sessionId: started },
    });
    return started;
  });
  return {
    id: user.id,
    name: user.displayName,
    role: user.role,
    sessionVersion: user.sessionVersion,
    sessionId,
    mustChangePassword: user.mustChangePassword,
  };
}
