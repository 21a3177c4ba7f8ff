import { eq, sql } from "drizzle-orm";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordMessages } from "@/lib/auth/password-rules";
import { securityMessages } from "@/lib/i18n/zh-CN/security";
import type { Db } from "../client";
import { NotFoundError, UserError } from "@/lib/errors";
import { users } from "../schema/users";
import { appendAudit } from "./audit";
import { recordMessages as records } from "@/lib/i18n/zh-CN/records";

/** A refused change, its messages at the field they concern. */
export class PasswordChangeError extends UserError {
  constructor(
    readonly field: "currentPassword" | "newPassword" | "confirmPassword",
    readonly messages: string[],
  ) {
    super(messages[0], { [field]: messages });
  }
}

/**
 * A user replaces their own password: the current one must be right, the new one must meet the
 * rules (lib/auth/password-rules.ts) and differ from the current one. Clears "must change", and
 * raises the session version so every session of theirs — this one too — ends: they sign in again
 * with the new password. One audit row; never the password or its hash.
 */
export async function changeOwnPassword(
  db: Db,
  userId: string,
  input: { currentPassword: string; newPassword: string; confirmPassword: string },
  ip: string | null,
): Promise<void> {
  const m = securityMessages.account;
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new NotFoundError(records.things.user);
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    await appendAudit(db, {
      actorId: userId,
      ip,
      action: "user.password-change-refused",
      entityType: "user",
      entityId: userId,
      detail: { reason: "current-wrong" },
    });
    throw new PasswordChangeError("currentPassword", [m.currentWrong]);
  }
  const problems = passwordMessages(input.newPassword, user.username);
  if (problems.length > 0) throw new PasswordChangeError("newPassword", problems);
  if (input.newPassword === input.currentPassword) throw new PasswordChangeError("newPassword", [m.sameAsCurrent]);
  if (input.newPassword !== input.confirmPassword)
    throw new PasswordChangeError("confirmPassword", [m.confirmMismatch]);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: false,
        updatedAt: new Date(),
        sessionVersion: sql`${users.sessionVersion} + 1`,
      })
      .where(eq(users.id, userId));
    await appendAudit(tx, {
      actorId: userId,
      ip,
      action: "user.password-change",
      entityType: "user",
      entityId: userId,
      detail: { wasInitial: user.mustChangePassword },
    });
  });
}
