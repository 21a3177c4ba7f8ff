import { eq } from "drizzle-orm";
import { departments } from "@/db/schema/organisation";
import { createDepartment, getDepartmentWithUnits, updateDepartment } from "@/db/queries/departments";
import { editDepartmentForm, newDepartmentForm } from "@/lib/admin/forms";
import { canAdminister } from "@/lib/auth/policy";
import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import { UserError } from "@/lib/errors";
import { defineOperation } from "@/app/_server/operation";
import { assertScopeExists } from "../scope-check";

/** Departments: code (fixed once created), name, desk and units. The queries audit. */

const admins = { kind: "global", roles: ["admin"] } as const;

export const createDepartmentOperation = defineOperation({
  name: "department.create",
  kind: "action",
  access: admins,
  input: newDepartmentForm,
  policy: ({ actor }) => canAdminister(actor),
  run: async ({ db, actor, ip }, input) => {
    await assertScopeExists(db, { departmentIds: [], groupIds: input.groupId ? [input.groupId] : [] });
    const [taken] = await db
      .select({ name: departments.name })
      .from(departments)
      .where(eq(departments.code, input.code));
    if (taken) {
      const message = adminMessages.departmentSheet.codeExists(input.code, taken.name);
      throw new UserError(message, { code: [message] });
    }
    const created = await createDepartment(db, actor.id, input, ip);
    return { departmentId: created.id, code: input.code };
  },
  audit: { kind: "byQuery" },
});

export const updateDepartmentOperation = defineOperation({
  name: "department.update",
  kind: "action",
  access: admins,
  input: editDepartmentForm,
  policy: ({ actor }) => canAdminister(actor),
  run: async ({ db, actor, ip }, input) => {
    await getDepartmentWithUnits(db, input.departmentId);
    await assertScopeExists(db, { departmentIds: [], groupIds: input.groupId ? [input.groupId] : [] });
    const { departmentId, ...change } = input;
    await updateDepartment(db, actor.id, departmentId, change, ip);
    return { departmentId };
  },
  audit: { kind: "byQuery" },
});
