import { z } from "zod";
import { countUnreadNotices, listNotices } from "@/db/queries/notices";
import { defineOperation } from "@/app/_server/operation";

/** The header's notices: the signed-in person's own, newest first, with the unread count. */
export const listNoticesOperation = defineOperation({
  name: "notice.list",
  kind: "route",
  route: { method: "GET", path: "/api/notices" },
  access: { kind: "global", roles: ["clerk", "approver", "admin"] },
  input: z.object({}),
  // Everyone reads only their own: the query is keyed on the actor.
  policy: () => true,
  run: async ({ db, actor }) => {
    const [notices, unread] = await Promise.all([listNotices(db, actor, { limit: 20 }), countUnreadNotices(db, actor)]);
    return { unread, notices };
  },
});
