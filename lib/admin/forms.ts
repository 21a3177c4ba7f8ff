import { z } from "zod";
import { roles, USERNAME } from "../auth/actor";
import { fundingForms, orgUnitNatures } from "../domain/model";
import { formBoolean, formList } from "../form-values";
import { SATISFACTION_FLOOR, SATISFACTION_FLOOR_RANGE } from "../rules/indicator-targets";
import { adminMessages } from "../i18n/zh-CN/admin";
import { DEPARTMENT_CODE } from "./department-sheet";

/**
 * The admin's forms as zod schemas: the browser form (zodResolver) and the server operation parse
 * with the same schema. FormData sends strings, a checkbox group sends a key once per ticked box
 * (or not at all): those fields are coerced deliberately, by lib/form-values.ts.
 */

const u = adminMessages.users;
const d = adminMessages.departments;
const y = adminMessages.years;
const f = adminMessages.frameworks;

/** Departments or desks ticked in a checkbox group (lib/form-values.ts says how a form sends them). */
export const idList = formList(z.array(z.uuid()));

const scopeRules = <T extends { role: (typeof roles)[number]; departmentIds: string[]; groupIds: string[] }>(
  value: T,
  ctx: z.RefinementCtx,
) => {
  if (value.role === "clerk" && value.departmentIds.length === 0)
    ctx.addIssue({ code: "custom", path: ["departmentIds"], message: u.clerkNeedsDepartment });
  if (value.role === "approver" && value.groupIds.length === 0)
    ctx.addIssue({ code: "custom", path: ["groupIds"], message: u.approverNeedsDesk });
};

const userFields = {
  displayName: z.string().trim().min(1, u.displayNameRequired).max(60),
  role: z.enum(roles, { error: u.roleRequired }),
  departmentIds: idList,
  groupIds: idList,
};

/** Scope that does not belong to the role is dropped, not refused: the form keeps both lists. */
const fitScope = <T extends { role: (typeof roles)[number]; departmentIds: string[]; groupIds: string[] }>(
  v: T,
): T => ({
  ...v,
  departmentIds: v.role === "clerk" ? v.departmentIds : [],
  groupIds: v.role === "approver" ? v.groupIds : [],
});

export const newUserForm = z
  .object({ username: z.string().trim().regex(USERNAME, u.usernameInvalid), ...userFields })
  .transform(fitScope)
  .superRefine(scopeRules);
export type NewUserForm = z.infer<typeof newUserForm>;

export const userForm = z
  .object({ userId: z.uuid(), ...userFields })
  .transform(fitScope)
  .superRefine(scopeRules);
export type UserForm = z.infer<typeof userForm>;

export const orgUnitForm = z.object({
  name: z.string().trim().min(1, d.unitIncomplete),
  nature: z.enum(orgUnitNatures, { error: d.unitIncomplete }),
  level: z.string().trim().min(1, d.unitIncomplete).max(20),
  fundingForm: z.enum(fundingForms, { error: d.unitIncomplete }),
});

/** "" from a select means "no desk". */
const optionalId = z.preprocess((value) => (value === "" || value == null ? null : value), z.uuid().nullable());

export const departmentForm = z.object({
  name: z.string().trim().min(1, d.nameRequired).max(100),
  groupId: optionalId,
  orgUnits: z.array(orgUnitForm).max(50),
});
export const newDepartmentForm = departmentForm.extend({
  code: z.string().trim().regex(DEPARTMENT_CODE, d.codeInvalid),
});
export const editDepartmentForm = departmentForm.extend({ departmentId: z.uuid() });
export type NewDepartmentForm = z.infer<typeof newDepartmentForm>;
export type EditDepartmentForm = z.infer<typeof editDepartmentForm>;

const deadline = z.preprocess(
  (value) => (value === "" || value == null ? null : value),
  z.iso.date({ error: y.deadlineInvalid }).nullable(),
);

/** The year's 满意度 floor in whole percent; left empty, the documents' 80. */
const satisfactionFloor = z.preprocess(
  (value) => (value === "" || value == null ? SATISFACTION_FLOOR : value),
  z.coerce
    .number({ error: y.floorInvalid })
    .int(y.floorInvalid)
    .min(SATISFACTION_FLOOR_RANGE.min, y.floorInvalid)
    .max(SATISFACTION_FLOOR_RANGE.max, y.floorInvalid),
);

export const fiscalYearForm = z.object({
  year: z.coerce.number({ error: y.yearInvalid }).int(y.yearInvalid).min(2000, y.yearInvalid).max(2100, y.yearInvalid),
  frameworkId: z.string().min(1, y.unknownFramework),
  submissionDeadline: deadline,
  status: z.enum(["open", "closed"]),
  satisfactionFloor,
});
export const newFiscalYearForm = fiscalYearForm
  .omit({ status: true })
  .extend({ startDrafts: formBoolean.default(false) });
export type FiscalYearForm = z.infer<typeof fiscalYearForm>;

export const frameworkForm = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{1,20}$/, f.idInvalid),
  name: z.string().trim().min(1, f.nameRequired).max(100),
  source: z.string().trim().max(200).default(""),
  levels: z.string().max(5000),
});
