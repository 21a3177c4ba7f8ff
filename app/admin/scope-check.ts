import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { departmentGroups, departments } from "@/db/schema/organisation";
import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import { UserError } from "@/lib/errors";

/**
 * Ids a form sent for departments and desks must still exist: a stale page (a department removed
 * from a desk list meanwhile) gets a message at the field instead of a foreign-key failure.
 */
export async function assertScopeExists(
  db: Db,
  scope: { departmentIds: readonly string[]; groupIds: readonly string[] },
): Promise<void> {
  const fieldErrors: Record<string, string[]> = {};
  if (scope.departmentIds.length > 0) {
    const found = await db
      .select({ id: departments.id })
      .from(departments)
      .where(inArray(departments.id, [...scope.departmentIds]));
    if (found.length !== new Set(scope.departmentIds).size)
      fieldErrors.departmentIds = [adminMessages.users.unknownDepartment];
  }
  if (scope.groupIds.length > 0) {
    const found = await db
      .select({ id: departmentGroups.id })
      .from(departmentGroups)
      .where(inArray(departmentGroups.id, [...scope.groupIds]));
    if (found.length !== new Set(scope.groupIds).size) fieldErrors.groupIds = [adminMessages.users.unknownDesk];
  }
  const messages = Object.values(fieldErrors).flat();
  if (messages.length > 0) throw new UserError(messages[0], fieldErrors);
}
