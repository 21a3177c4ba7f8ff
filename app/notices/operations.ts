import { z } from "zod";
import { markNoticesRead } from "@/db/queries/notices";
import { defineOperation } from "@/app/_server/operation";

/** Marks the signed-in person's own notices read (the query never touches anyone else's). */
export const markNoticesReadOperation = defineOperation({
  name: "notice.mark-read",
  kind: "action",
  access: { kind: "global", roles: ["clerk", "approver", "admin"] },
  input: z.object({ ids: z.union([z.literal("all"), z.array(z.uuid()).max(200)]) }),
  // Everyone signed in, for their own only: the query is keyed on the actor.
  policy: () => true,
  run: async ({ db, actor }, input) => ({ userId: actor.id, read: await markNoticesRead(db, actor, input.ids) }),
  audit: {
    kind: "row",
    entry: (_input, output) => ({ entityType: "user", entityId: output.userId, detail: { noticesRead: output.read } }),
  },
});
