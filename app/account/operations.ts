import { changeOwnPassword } from "@/db/queries/security-password";
import { changePasswordInput } from "./operations-schema";
import { defineOperation } from "@/app/_server/operation";

/**
 * Anyone signed in changes their own password — the one operation a user who must replace an
 * initial password may run. Every session of theirs ends (session_version), this one included.
 * A refusal (PasswordChangeError) stands at the field it concerns.
 */
export const changePasswordOperation = defineOperation({
  name: "account.change-password",
  kind: "action",
  access: { kind: "global", roles: ["clerk", "approver", "admin"] },
  allowWhilePasswordMustChange: true,
  input: changePasswordInput,
  // Their own password only: the query is keyed on the actor.
  policy: () => true,
  run: async ({ db, actor, ip }, input) => {
    await changeOwnPassword(db, actor.id, input, ip);
    return { changed: true as const };
  },
  // changeOwnPassword writes the change and its audit row in one transaction; a wrong current
  // password is audited too, and that row must stay though the change is refused.
  audit: { kind: "byQuery" },
});
