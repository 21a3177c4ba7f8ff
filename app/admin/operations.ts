import { z } from "zod";
import { setUserDisabled } from "@/db/queries/users";
import { canAdminister } from "@/lib/auth/policy";
import { formBoolean } from "@/lib/form-values";
import { zhCN } from "@/lib/i18n/zh-CN";
import { UserError } from "@/lib/errors";
import { defineOperation } from "@/app/_server/operation";

/** Disable or re-enable an account. Takes effect on the user's next request (the Actor is reloaded). */
export const setUserDisabledOperation = defineOperation({
  name: "user.set-disabled",
  kind: "action",
  access: { kind: "global", roles: ["admin"] },
  input: z.object({ userId: z.uuid(), disabled: formBoolean }),
  policy: ({ actor }) => canAdminister(actor),
  run: async ({ db, actor, ip }, input) => {
    // An admin locking themselves out would leave nobody to undo it.
    if (input.userId === actor.id && input.disabled) throw new UserError(zhCN.administration.users.cannotDisableSelf);
    await setUserDisabled(db, actor.id, input.userId, input.disabled, ip);
    return { userId: input.userId, disabled: input.disabled };
  },
  // setUserDisabled writes its own audit row in its transaction.
  audit: { kind: "byQuery" },
});
