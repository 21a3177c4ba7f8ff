import { z } from "zod";
import { endSession } from "@/db/queries/sessions";
import { defineOperation } from "@/app/_server/operation";

/**
 * Signing out ends this browser's session on the server (user_sessions), so a copy of its cookie
 * is refused from then on; the user's other browsers stay signed in. The query writes the audit
 * row (user.logout) in its own transaction. A user who must still change an initial password may
 * sign out too. `ended` is false when the session had already ended (or the actor has none: the
 * CLI, the tests).
 */
export const signOutOperation = defineOperation({
  name: "account.sign-out",
  kind: "action",
  access: { kind: "global", roles: ["clerk", "approver", "admin"] },
  allowWhilePasswordMustChange: true,
  input: z.object({}),
  // Anyone signed in ends their own session; the wrapper has turned the anonymous away.
  policy: () => true,
  run: async ({ db, actor, ip }) => {
    const sessionId = actor.sessionId;
    return { ended: sessionId ? await endSession(db, { userId: actor.id, sessionId, ip }) : false };
  },
  audit: { kind: "byQuery" },
});
