import { and, asc, eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import type { OrgUnit } from "@/lib/domain/model";
import type { Db } from "../client";
import { UserError, NotFoundError } from "@/lib/errors";
import { departmentGroups, departments, orgUnits } from "../schema/organisation";
import { userDepartments } from "../schema/users";
import { appendAudit } from "./audit";
import { readScope } from "./scope";
import { recordMessages as records } from "@/lib/i18n/zh-CN/records";

export type DepartmentRow = typeof departments.$inferSelect;
export type DepartmentListItem = DepartmentRow & { groupName: string | null };

/** A department as lists show it: its row and its desk's name (joined by the caller). */
const listColumns = {
  id: departments.id,
  code: departments.code,
  name: departments.name,
  groupId: departments.groupId,
  createdAt: departments.createdAt,
  groupName: departmentGroups.name,
};

/** The departments the actor may read, by code. */
export async function listDepartmentsForActor(db: Db, actor: Actor): Promise<DepartmentListItem[]> {
  return db
    .select(listColumns)
    .from(departments)
    .leftJoin(departmentGroups, eq(departmentGroups.id, departments.groupId))
    .where(readScope(actor, departments.id))
    .orderBy(asc(departments.code));
}

export async function getDepartment(db: Db, actor: Actor, departmentId: string): Promise<DepartmentRow> {
  const [row] = await db
    .select()
    .from(departments)
    .where(and(eq(departments.id, departmentId), readScope(actor, departments.id)));
  if (!row) throw new NotFoundError(records.things.department);
  return row;
}

/** The department's current units (master data that prefills a new year's draft). */
export async function listOrgUnits(db: Db, actor: Actor, departmentId: string): Promise<OrgUnit[]> {
  await getDepartment(db, actor, departmentId);
  return db
    .select({ name: orgUnits.name, nature: orgUnits.nature, level: orgUnits.level, fundingForm: orgUnits.fundingForm })
    .from(orgUnits)
    .where(eq(orgUnits.departmentId, departmentId))
    .orderBy(asc(orgUnits.position));
}

export async function listGroups(db: Db) {
  return db.select().from(departmentGroups).orderBy(asc(departmentGroups.name));
}

// Admin actions below: the caller checks canAdminister; actorId null when the system seeds.

export async function createGroup(
  db: Db,
  actorId: string | null,
  name: string,
  ip?: string | null,
): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const [group] = await tx
      .insert(departmentGroups)
      .values({ name: name.trim() })
      .onConflictDoNothing()
      .returning({ id: departmentGroups.id });
    if (!group) throw new UserError(records.departments.deskExists(name));
    await appendAudit(tx, {
      actorId,
      ip,
      action: "desk.create",
      entityType: "department_group",
      entityId: group.id,
      detail: { name },
    });
    return group;
  });
}

export type NewDepartment = { code: string; name: string; groupId?: string | null; orgUnits?: readonly OrgUnit[] };

export async function createDepartment(
  db: Db,
  actorId: string | null,
  input: NewDepartment,
  ip?: string | null,
): Promise<{ id: string }> {
  const code = input.code.trim();
  if (!code || !input.name.trim()) throw new UserError(records.departments.codeAndNameRequired);
  return db.transaction(async (tx) => {
    const [department] = await tx
      .insert(departments)
      .values({ code, name: input.name.trim(), groupId: input.groupId ?? null })
      .onConflictDoNothing()
      .returning({ id: departments.id });
    if (!department) throw new UserError(records.departments.codeTaken(code));
    await writeOrgUnits(tx, department.id, input.orgUnits ?? []);
    await appendAudit(tx, {
      actorId,
      ip,
      action: "department.create",
      entityType: "department",
      entityId: department.id,
      detail: { ...input, code },
    });
    return department;
  });
}

export async function updateDepartment(
  db: Db,
  actorId: string,
  departmentId: string,
  change: { name?: string; groupId?: string | null; orgUnits?: readonly OrgUnit[] },
  ip?: string | null,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { orgUnits: units, ...columns } = change;
    // Units alone change no column of the department; drizzle refuses an empty set.
    const [row] =
      Object.keys(columns).length > 0
        ? await tx
            .update(departments)
            .set(columns)
            .where(eq(departments.id, departmentId))
            .returning({ id: departments.id })
        : await tx
            .select({ id: departments.id })
            .from(departments)
            .where(eq(departments.id, departmentId))
            .for("update");
    if (!row) throw new NotFoundError(records.things.department);
    if (units) await writeOrgUnits(tx, departmentId, units);
    await appendAudit(tx, {
      actorId,
      ip,
      action: "department.update",
      entityType: "department",
      entityId: departmentId,
      detail: change,
    });
  });
}

async function writeOrgUnits(tx: Db, departmentId: string, units: readonly OrgUnit[]) {
  await tx.delete(orgUnits).where(eq(orgUnits.departmentId, departmentId));
  if (units.length > 0)
    await tx.insert(orgUnits).values(units.map((u, position) => ({ ...u, departmentId, position })));
}

export type DepartmentAdminItem = DepartmentListItem & { unitCount: number; clerkCount: number };

/** Every department with its desk, how many units and clerks it has: the admin's list. */
export async function listDepartmentsForAdmin(db: Db): Promise<DepartmentAdminItem[]> {
  const unitCount = db.$count(orgUnits, eq(orgUnits.departmentId, departments.id));
  const clerkCount = db.$count(userDepartments, eq(userDepartments.departmentId, departments.id));
  return db
    .select({
      ...listColumns,
      unitCount,
      clerkCount,
    })
    .from(departments)
    .leftJoin(departmentGroups, eq(departmentGroups.id, departments.groupId))
    .orderBy(asc(departments.code));
}

/** One department with its units, for the admin's edit form. */
export async function getDepartmentWithUnits(
  db: Db,
  departmentId: string,
): Promise<DepartmentRow & { orgUnits: OrgUnit[] }> {
  const [row] = await db.select().from(departments).where(eq(departments.id, departmentId));
  if (!row) throw new NotFoundError(records.things.department);
  const units = await db
    .select({ name: orgUnits.name, nature: orgUnits.nature, level: orgUnits.level, fundingForm: orgUnits.fundingForm })
    .from(orgUnits)
    .where(eq(orgUnits.departmentId, departmentId))
    .orderBy(asc(orgUnits.position));
  return { ...row, orgUnits: units };
}

/**
 * Many departments in one transaction (bulk import): each gets its own department.create audit
 * row, and any failure — a code someone else took meanwhile — leaves none of them.
 */
export async function createDepartments(
  db: Db,
  actorId: string | null,
  inputs: readonly NewDepartment[],
  ip?: string | null,
): Promise<{ id: string; code: string }[]> {
  return db.transaction(async (tx) => {
    const created: { id: string; code: string }[] = [];
    for (const input of inputs)
      created.push({ ...(await createDepartment(tx, actorId, input, ip)), code: input.code.trim() });
    return created;
  });
}

export type DeskItem = { id: string; name: string; departmentCount: number };

/** The desks with how many departments each reviews. */
export async function listDesks(db: Db): Promise<DeskItem[]> {
  return (
    db
      .select({
        id: departmentGroups.id,
        name: departmentGroups.name,
        departmentCount: db.$count(departments, eq(departments.groupId, departmentGroups.id)),
      })
      .from(departmentGroups)
      // In the order they were set up (一科, 二科, 三科): sorting the names by code point would not.
      .orderBy(asc(departmentGroups.createdAt), asc(departmentGroups.name))
  );
}
