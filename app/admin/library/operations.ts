import { z } from "zod";
import { saveLibraryEntry, setLibraryEntryActive } from "@/db/queries/library";
import { customFrameworks } from "@/db/queries/settings";
import { canAdminister } from "@/lib/auth/policy";
import { formBoolean } from "@/lib/form-values";
import { checkLibraryEntry, libraryEntryInput } from "@/lib/grid/library";
import { gridMessages } from "@/lib/i18n/zh-CN/grid";
import { defineOperation } from "@/app/_server/operation";
import { UserError } from "@/lib/errors";

/** A form sends an empty id for a new entry. */
const entryInput = z.preprocess(
  (raw) => (raw && typeof raw === "object" && (raw as { id?: unknown }).id === "" ? { ...raw, id: undefined } : raw),
  libraryEntryInput,
);

/** Add a common indicator, or change one: headings from the chosen framework, a readable 指标值. */
export const saveLibraryEntryOperation = defineOperation({
  name: "indicator-library.save",
  kind: "action",
  access: { kind: "global", roles: ["admin"] },
  input: entryInput,
  policy: ({ actor }) => canAdminister(actor),
  run: async ({ db, actor }, input) => {
    const frameworks = await customFrameworks(db);
    // Reported by field, where the admin typed it; the query checks the same again.
    const problems = checkLibraryEntry(input, frameworks);
    if (Object.keys(problems).length > 0) throw new UserError(gridMessages.admin.fixFields, problems);
    return saveLibraryEntry(db, actor.id, input, frameworks);
  },
  audit: {
    kind: "row",
    entry: (input, output) => ({
      entityType: "indicator_library",
      entityId: output.id,
      detail: { created: !input.id, frameworkId: input.frameworkId, name: input.name },
    }),
  },
});

/** Retire an entry (no longer offered to clerks) or bring it back; entries are never deleted. */
export const setLibraryEntryActiveOperation = defineOperation({
  name: "indicator-library.set-active",
  kind: "action",
  access: { kind: "global", roles: ["admin"] },
  input: z.object({ id: z.uuid(), active: formBoolean }),
  policy: ({ actor }) => canAdminister(actor),
  run: ({ db, actor }, { id, active }) => setLibraryEntryActive(db, actor.id, id, active),
  audit: {
    kind: "row",
    entry: (_input, output) => ({
      entityType: "indicator_library",
      entityId: output.id,
      detail: { active: output.active },
    }),
  },
});
