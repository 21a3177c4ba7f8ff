import { z } from "zod";
import { loadDisclosure } from "@/db/queries/disclosures";
import { NotFoundError } from "@/lib/errors";
import { canViewDisclosure } from "@/lib/auth/policy";
import { isPublished } from "@/lib/workflow/states";
import { existing, judgeDisclosure, loadPublishedCanonical } from "@/app/_server/directory";
import { defineOperation } from "@/app/_server/operation";

/**
 * The canonical JSON of one disclosure (lib/domain/spec/domain.md), for whoever may view it: the published
 * snapshot for a published revision, the current content otherwise.
 */
export const readDisclosureJsonOperation = defineOperation({
  name: "disclosure.read-json",
  kind: "route",
  route: { method: "GET", path: "/api/disclosures/[id]" },
  access: { kind: "scoped", roles: ["clerk", "approver", "admin"] },
  input: z.object({ id: z.uuid() }),
  // An id that does not exist passes here and is a 404 in run; one that exists is judged by the policy.
  policy: ({ db, actor }, { id }) => judgeDisclosure(db, id, (facts) => canViewDisclosure(actor, facts)),
  run: async ({ db, actor }, { id }, facts) => {
    const content = isPublished(existing(facts).state)
      ? await loadPublishedCanonical(db, id)
      : await loadDisclosure(db, actor, id);
    if (!content) throw new NotFoundError();
    return content;
  },
});
