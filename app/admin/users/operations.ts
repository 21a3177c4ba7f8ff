import { z } from "zod";
import { createUser, getUserWithScope, setPassword, updateUser } from "@/db/queries/users";
import { newUserForm, userForm } from "@/lib/admin/forms";
import { canAdminister } from "@/lib/auth/policy";
import { generateCompliantPassword } from "@/lib/auth/compliant-password";
import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import { UserError } from "@/lib/errors";
import { defineOperation } from "@/app/_server/operation";
import { assertScopeExists } from "../scope-check";

/**
 * Users: created with a generated initial password (shown to the admin once, never stored in
 * clear, must be changed at first sign-in), changed with their scope in one step, and given a new
 * generated password on request. Never deleted: the audit log refers to them (disable instead,
 * app/admin/operations.ts). The queries write the audit rows in their own transactions.
 */

const admins = { kind: "global", roles: ["admin"] } as const;

export const createUserOperation = defineOperation({
  name: "user.create",
  kind: "action",
  access: admins,
  input: newUserForm,
  policy: ({ actor }) => canAdminister(actor),
  run: async ({ db, actor, ip }, input) => {
    await assertScopeExists(db, input);
    // createUser refuses a username someone has, at the field, as for every user it creates.
    const password = generateCompliantPassword(input.username);
    const user = await createUser(db, actor.id, { ...input, password, mustChangePassword: true }, ip);
    return { userId: user.id, username: user.username, password };
  },
  audit: { kind: "byQuery" },
});

export const updateUserOperation = defineOperation({
  name: "user.update",
  kind: "action",
  access: admins,
  input: userForm,
  policy: ({ actor }) => canAdminister(actor),
  run: async ({ db, actor, ip }, input) => {
    const before = await getUserWithScope(db, input.userId);
    // The last word on an admin's role belongs to another admin, never to themselves.
    if (input.userId === actor.id && input.role !== before.role)
      throw new UserError(adminMessages.users.cannotDemoteSelf, { role: [adminMessages.users.cannotDemoteSelf] });
    await assertScopeExists(db, input);
    await updateUser(db, actor.id, input.userId, input, ip);
    return { userId: input.userId };
  },
  audit: { kind: "byQuery" },
});

export const resetPasswordOperation = defineOperation({
  name: "user.reset-password",
  kind: "action",
  access: admins,
  input: z.object({ userId: z.uuid() }),
  policy: ({ actor }) => canAdminister(actor),
  run: async ({ db, actor, ip }, input) => {
    const user = await getUserWithScope(db, input.userId);
    const password = generateCompliantPassword(user.username);
    await setPassword(db, actor.id, input.userId, password, true, ip);
    return { userId: user.id, username: user.username, password };
  },
  audit: { kind: "byQuery" },
});
