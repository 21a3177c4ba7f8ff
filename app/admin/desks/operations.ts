import { z } from "zod";
import { createGroup } from "@/db/queries/departments";
import { setDeskApprovers } from "@/db/queries/users";
import { idList } from "@/lib/admin/forms";
import { canAdminister } from "@/lib/auth/policy";
import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import { defineOperation } from "@/app/_server/operation";

/** Desks (审核科室) and which approvers review each one's departments. The queries audit. */

const admins = { kind: "global", roles: ["admin"] } as const;

export const createDeskOperation = defineOperation({
  name: "desk.create",
  kind: "action",
  access: admins,
  input: z.object({ name: z.string().trim().min(1, adminMessages.desks.nameRequired).max(30) }),
  policy: ({ actor }) => canAdminister(actor),
  run: async ({ db, actor, ip }, input) => createGroup(db, actor.id, input.name, ip),
  audit: { kind: "byQuery" },
});

export const setDeskApproversOperation = defineOperation({
  name: "desk.set-approvers",
  kind: "action",
  access: admins,
  input: z.object({ groupId: z.uuid(), userIds: idList }),
  policy: ({ actor }) => canAdminister(actor),
  run: async ({ db, actor, ip }, input) => {
    await setDeskApprovers(db, actor.id, input.groupId, input.userIds, ip);
    return { groupId: input.groupId, approvers: input.userIds.length };
  },
  audit: { kind: "byQuery" },
});
