import { changeOwnPassword, PasswordChangeError } from "@/db/queries/security-password";
import { changePasswordInput } from "./operations-schema";
import { UserError } from "@/app/_server/errors";
import { defineOperation } from "@/app/_server/operation";

/**
 * Anyone signed in changes their own password — the one operation a user who must replace an
 * initial password may run. Every session of theirs ends (session_version), this one included.
 */
export const changePasswordOperation = defineOperation({
  name: "account.change-password",
  kind: "action",
  access: { kind: "global", roles: ["clerk", "approver", "admin"] },
  allowWhilePasswordMustChange: true,
  input: changePasswordInput,
  policy: ({ actor }) => actor !== null,
  run: async ({ db, actor, ip }, input) => {
    try {
      await changeOwnPassword(db, actor!.id, input, ip);
    } catch (error) {
      if (error instanceof PasswordChangeError) throw new UserError(error.messages[0], { [error.field]: error.messages });
      throw error;
    }
    return { changed: true as const };
  },
  audit: () => null,
});
