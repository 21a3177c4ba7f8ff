import { eq } from "drizzle-orm";
import { z } from "zod";
import { deleteFramework, updateFramework } from "@/db/queries/frameworks";
import { createFramework, setRulePolicy } from "@/db/queries/settings";
import { indicatorFrameworks } from "@/db/schema/settings";
import { frameworkEditForm } from "@/lib/admin/framework-edit";
import { frameworkForm } from "@/lib/admin/forms";
import { parseLevels } from "@/lib/admin/framework-levels";
import { canAdminister } from "@/lib/auth/policy";
import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import { findRule } from "@/lib/rules/catalogue";
import { UserError } from "@/lib/errors";
import { defineOperation } from "@/app/_server/operation";

/** Indicator frameworks (added as data, built-ins read-only) and rule severities. The queries audit. */

const admins = { kind: "global", roles: ["admin"] } as const;
const f = adminMessages.frameworks;

export const createFrameworkOperation = defineOperation({
  name: "framework.create",
  kind: "action",
  access: admins,
  input: frameworkForm,
  policy: ({ actor }) => canAdminister(actor),
  run: async ({ db, actor, ip }, input) => {
    const { levels, problems } = parseLevels(input.levels);
    if (problems.length > 0) throw new UserError(problems[0], { levels: problems });
    const [taken] = await db
      .select({ id: indicatorFrameworks.id })
      .from(indicatorFrameworks)
      .where(eq(indicatorFrameworks.id, input.id));
    if (taken) throw new UserError(f.idTaken(input.id), { id: [f.idTaken(input.id)] });
    await createFramework(db, actor.id, { id: input.id, name: input.name, source: input.source, levels }, ip);
    return { id: input.id };
  },
  audit: { kind: "byQuery" },
});

/**
 * Edits an admin-added framework in place: name, source, level-1/level-2 (rename, add, remove,
 * reorder). Refused for built-ins, over a colleague's newer save, and for any used name that would
 * disappear (db/queries/frameworks.ts says why). The query audits with the changes in words.
 */
export const updateFrameworkOperation = defineOperation({
  name: "framework.update",
  kind: "action",
  access: admins,
  input: frameworkEditForm,
  policy: ({ actor }) => canAdminister(actor),
  run: async ({ db, actor, ip }, input) => {
    const result = await updateFramework(db, actor.id, input, ip);
    if (!result.ok) {
      // The form says how many; each message stands at the name or list it is about.
      throw new UserError(f.edit.refusedSummary(Object.values(result.fieldErrors).flat().length), result.fieldErrors);
    }
    return { id: input.id, changes: result.changes };
  },
  // updateFramework/deleteFramework write the change and its audit row in one transaction.
  audit: { kind: "byQuery" },
});

/** Deletes an unused admin-added framework (no year, disclosure or library entry refers to it). */
export const deleteFrameworkOperation = defineOperation({
  name: "framework.delete",
  kind: "action",
  access: admins,
  input: z.object({ id: z.string().min(1).max(20), expected: z.string().min(1).max(200) }),
  policy: ({ actor }) => canAdminister(actor),
  run: async ({ db, actor, ip }, input) => {
    await deleteFramework(db, actor.id, input, ip);
    return { id: input.id };
  },
  // updateFramework/deleteFramework write the change and its audit row in one transaction.
  audit: { kind: "byQuery" },
});

export const setRuleSeverityOperation = defineOperation({
  name: "rule-policy.set",
  kind: "action",
  access: admins,
  input: z.object({ ruleId: z.string().min(1), severity: z.enum(["default", "error", "warning", "info", "off"]) }),
  policy: ({ actor }) => canAdminister(actor),
  run: async ({ db, actor, ip }, input) => {
    if (!findRule(input.ruleId)) throw new UserError(f.unknownRule, {}, "not-found");
    await setRulePolicy(db, actor.id, input.ruleId, input.severity === "default" ? null : input.severity, ip);
    return { ruleId: input.ruleId, severity: input.severity };
  },
  audit: { kind: "byQuery" },
});
