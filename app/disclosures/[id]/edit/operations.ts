import { z } from "zod";
import { editableDisclosure, type EditableDisclosure } from "@/lib/domain/editable";
import { ConflictError, StateError, UserError } from "@/lib/errors";
import { saveCheckedContent, saveDisclosureContent } from "@/db/queries/disclosure-save";
import { loadEditableDisclosure } from "@/db/queries/disclosures";
import { setWarningExplanation } from "@/db/queries/review";
import { transitionDisclosure } from "@/db/queries/workflow";
import { mayDraftFor } from "@/lib/auth/standing";
import { disclosureLimits } from "@/lib/domain/limits";
import { mergeDisclosures, type Conflict } from "@/lib/domain/merge";
import { findRule } from "@/lib/rules/catalogue";
import { zhCN } from "@/lib/i18n/zh-CN";
import { isEditable } from "@/lib/workflow/states";
import { transitionOf } from "@/lib/workflow/transitions";
import { existing, judgeDisclosure, takesStep } from "@/app/_server/directory";
import { defineOperation, fieldErrorsOf, type AuthedContext } from "@/app/_server/operation";

/**
 * The clerk's editor talks to the server through these three operations. Each is refused on the
 * server whatever the browser sends: another department's disclosure (policy), a disclosure no
 * longer in draft (state), a stale version (optimistic locking), content that fails the model.
 */

const t = zhCN.editor.server;

/**
 * Whose disclosure it is: its department's clerks (and an admin) write its content. Whose only,
 * not the state: that is checked in run, on the locked row, so a submitted disclosure is answered
 * "当前状态（已提交）下不能修改内容" rather than a bare refusal. An id that does not exist passes
 * here and is a 404 in run.
 */
function mayEdit({ db, actor }: AuthedContext, id: string) {
  return judgeDisclosure(db, id, (facts) => mayDraftFor(actor, facts));
}

export type SaveContentAnswer =
  | { kind: "saved"; version: number }
  | { kind: "merged"; version: number; content: EditableDisclosure }
  | {
      kind: "conflict";
      version: number;
      theirs: EditableDisclosure;
      merged: EditableDisclosure;
      conflicts: Conflict[];
    };

/** Others may save between our read and our write; after this many merges the clerk is asked to retry. */
const MERGE_ATTEMPTS = 3;

/**
 * Autosave. `expectedVersion` is the version the content builds on; when someone saved since,
 * the save is refused (ConflictError) unless the browser sends its `base` (the content as it last
 * saved it): then the server merges the clerk's edits into the current content. Disjoint edits
 * are saved merged; the same field changed by both comes back as conflicts for the clerk to settle.
 */
export const saveContentOperation = defineOperation({
  name: "disclosure.save-content",
  // The editor's autosave: app/api/disclosures/[id]/content/route.ts.
  kind: "route",
  route: { method: "PUT", path: "/api/disclosures/[id]/content" },
  access: { kind: "scoped", roles: ["clerk", "admin"] },
  input: z.object({
    id: z.uuid(),
    expectedVersion: z.number().int().positive(),
    content: editableDisclosure,
    // Read only when someone saved in between and a merge needs it (most autosaves never do):
    // checked then, and refused with the same field errors as the content's.
    base: z.unknown().optional(),
  }),
  policy: (ctx, input) => mayEdit(ctx, input.id),
  run: async ({ db, actor, ip }, input): Promise<SaveContentAnswer> => {
    try {
      const saved = await saveCheckedContent(db, actor, input.id, input.content, {
        expectedVersion: input.expectedVersion,
        ip,
      });
      return { kind: "saved", version: saved.version };
    } catch (error) {
      if (!(error instanceof ConflictError) || input.base === undefined) throw error;
    }
    const base = parseBase(input.base);
    for (let attempt = 0; attempt < MERGE_ATTEMPTS; attempt++) {
      const { meta, content: theirs } = await loadEditableDisclosure(db, actor, input.id);
      const result = mergeDisclosures<EditableDisclosure>(base, input.content, theirs);
      if (result.conflicts.length > 0)
        return { kind: "conflict", version: meta.version, theirs, merged: result.merged, conflicts: result.conflicts };
      try {
        const saved = await saveDisclosureContent(db, actor, input.id, result.merged, {
          expectedVersion: meta.version,
          ip,
        });
        return { kind: "merged", version: saved.version, content: saved.content };
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
    }
    throw new UserError(t.busy, {}, "conflict");
  },
  // saveDisclosureContent writes the audit row (with what changed) in its own transaction.
  audit: { kind: "byQuery" },
});

function parseBase(raw: unknown): EditableDisclosure {
  const parsed = editableDisclosure.safeParse(raw, { error: z.locales.zhCN().localeError });
  if (parsed.success) return parsed.data;
  const { fieldErrors, formError } = fieldErrorsOf(parsed.error);
  throw new UserError(
    formError ?? zhCN.errors.invalidInput,
    Object.fromEntries(Object.entries(fieldErrors).map(([path, messages]) => [`base.${path}`, messages])),
    "invalid-input",
  );
}

/**
 * Keep warnings of one rule with a written reason (empty text withdraws it); the reviewer reads it
 * beside each. `paths` are the rule's warnings the clerk ticked: one, or several sharing a reason.
 */
export const explainWarningOperation = defineOperation({
  name: "disclosure.explain-warning",
  kind: "action",
  access: { kind: "scoped", roles: ["clerk", "admin"] },
  input: z.object({
    id: z.uuid(),
    ruleId: z.string().min(1),
    // A rule warns at most once a place: never more places than a disclosure has indicator rows.
    paths: z.array(z.string().min(1).max(500)).min(1).max(disclosureLimits.indicators),
    explanation: z.string().max(2000, t.explanationTooLong),
  }),
  policy: (ctx, input) => mayEdit(ctx, input.id),
  run: async ({ db, actor, ip }, input, found) => {
    const facts = existing(found);
    if (!isEditable(facts.state)) throw new StateError(facts.state, t.explainVerb);
    const rule = findRule(input.ruleId);
    if (!rule) throw new UserError(t.unknownRule);
    await setWarningExplanation(db, actor, input.id, {
      ruleId: input.ruleId,
      paths: input.paths,
      explanation: input.explanation,
      ip,
    });
    return { ruleId: input.ruleId, paths: input.paths, explanation: input.explanation.trim() };
  },
  // setWarningExplanation audits in its own transaction.
  audit: { kind: "byQuery" },
});

/**
 * 提交. transitionDisclosure holds it to lib/workflow/transitions.ts: the version the clerk saw, no
 * error finding and every kept warning explained, checked on the locked row in one transaction.
 */
export const submitOperation = defineOperation({
  name: "disclosure.submit",
  kind: "action",
  access: { kind: "scoped", roles: [transitionOf("submit").by] },
  input: z.object({ id: z.uuid(), expectedVersion: z.number().int().positive() }),
  policy: ({ db, actor }, input) => takesStep(db, actor, input.id, "submit"),
  run: async ({ db, actor, ip }, input, facts) => {
    existing(facts); // no such disclosure: 404, before the step is tried
    return transitionDisclosure(db, actor, input.id, "submit", { expectedVersion: input.expectedVersion, ip });
  },
  // transitionDisclosure writes the audit row with the state change.
  audit: { kind: "byQuery" },
});
