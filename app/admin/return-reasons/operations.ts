import { z } from "zod";
import { createReturnReason, updateReturnReason } from "@/db/queries/return-reasons";
import { canAdminister } from "@/lib/auth/policy";
import { formBoolean } from "@/lib/form-values";
import { zhCN } from "@/lib/i18n/zh-CN";
import { defineOperation } from "@/app/_server/operation";

const m = zhCN.workflow.reasons;

const reasonInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, m.codeInvalid),
  label: z.string().trim().min(1, m.labelRequired).max(20, m.labelTooLong(20)),
  position: z.coerce.number().int().min(0).max(999),
  active: formBoolean.default(false),
});

/** A new reason for the return dialog (the bureau's own guidance categories). */
export const createReturnReasonOperation = defineOperation({
  name: "return-reason.create",
  kind: "action",
  access: { kind: "global", roles: ["admin"] },
  input: reasonInput,
  policy: ({ actor }) => canAdminister(actor),
  run: async ({ db, actor, ip }, input) => {
    await createReturnReason(db, actor.id, input, ip);
    return input;
  },
  // createReturnReason audits in its own transaction.
  audit: { kind: "byQuery" },
});

/** Rename, reorder, retire or bring back a reason; the code is what past returns point at. */
export const updateReturnReasonOperation = defineOperation({
  name: "return-reason.update",
  kind: "action",
  access: { kind: "global", roles: ["admin"] },
  input: reasonInput,
  policy: ({ actor }) => canAdminister(actor),
  run: async ({ db, actor, ip }, input) => {
    await updateReturnReason(db, actor.id, input, ip);
    return input;
  },
  // updateReturnReason audits in its own transaction.
  audit: { kind: "byQuery" },
});
