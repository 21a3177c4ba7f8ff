import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appendAudit } from "@/db/queries/audit";
import { findUserByUsername } from "@/db/queries/users";
import { users } from "@/db/schema/users";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { signInErrorCodes, signInInput } from "../signin/schema";

export type SignedInUser = { id: string; name: string; role: "clerk" | "approver" | "admin" };

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

/**
 * The credentials check behind sign-in: null for an unknown user or a wrong password (the form
 * cannot tell which); a disabled account is refused only once the password is right, so the
 * refusal does not reveal accounts to someone guessing. (db/queries/users.ts verifyCredentials
 * answers null for all three; the sign-in form needs to tell a disabled user to call the admin.)
 */
export async function checkCredentials(db: Db, raw: unknown, ip: string | null): Promise<SignedInUser | null> {
  const parsed = signInInput.safeParse(raw);
  if (!parsed.success) return null;
  const { username, password } = parsed.data;
  const user = await findUserByUsername(db, username);
  if (!user) {
    await verifyPassword(password, await decoy());
    return null;
  }
  if (!(await verifyPassword(password, user.passwordHash))) return null;
  if (user.disabled) throw new AccountDisabledError();
  await db.transaction(async (tx) => {
    await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
    await appendAudit(tx, { actorId: user.id, ip, action: "user.login", entityType: "user", entityId: user.id });
  });
  return { id: user.id, name: user.displayName, role: user.role };
}
