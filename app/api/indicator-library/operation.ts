import { z } from "zod";
import { searchLibrary } from "@/db/queries/library";
import { canReadDepartment } from "@/lib/auth/actor";
import { defineOperation } from "@/app/_server/operation";

/**
 * The grid's 从指标库选择: common indicators of the table's framework, and the department's own
 * rows of years before the one being drafted. Only for people whose scope covers the department
 * (the own rows are unpublished drafts too); the query is scoped to the actor as well.
 */
export const searchIndicatorLibraryOperation = defineOperation({
  name: "indicator-library.search",
  kind: "route",
  route: { method: "GET", path: "/api/indicator-library" },
  access: { kind: "scoped", roles: ["clerk", "approver", "admin"] },
  input: z.object({
    departmentId: z.uuid(),
    framework: z.string().trim().min(1).max(40),
    q: z.string().max(100).default(""),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
  }),
  policy: ({ actor }, { departmentId }) => canReadDepartment(actor, departmentId),
  run: ({ db, actor }, input) =>
    searchLibrary(db, actor, {
      departmentId: input.departmentId,
      frameworkId: input.framework,
      q: input.q,
      beforeYear: input.year,
    }),
});
