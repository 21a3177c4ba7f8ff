import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fiscalYearForm } from "@/lib/admin/forms";
import { verifyPassword } from "@/lib/auth/password";
import { sanhe2020 } from "@/lib/domain/__fixtures__/sanhe-2020";
import { checkDisclosure } from "@/lib/rules/engine";
import { SATISFACTION_FLOOR } from "@/lib/rules/indicator-targets";
import { auditLog } from "../schema/audit";
import { departments } from "../schema/organisation";
import { users } from "../schema/users";
import { createTestDb, type TestDb } from "../test-db";
import { buildTestOrg, type TestOrg } from "../test-org";
import {
  createDepartments,
  getDepartmentWithUnits,
  listDepartmentsForAdmin,
  listDesks,
  updateDepartment,
} from "./departments";
import { createFiscalYear, loadCheckOptions, updateFiscalYear } from "./settings";
import { createUsers, getUserWithScope, loadActor, setDeskApprovers, updateUser } from "./users";

let t: TestDb;
let w: TestOrg;

beforeAll(async () => {
  t = await createTestDb();
  w = await buildTestOrg(t.db);
});
afterAll(async () => {
  await t?.close();
});

const count = async (table: typeof users | typeof departments) => t.db.$count(table);

describe("bulk creation is all or nothing", () => {
  it("creates many departments with their units, one audit row each", async () => {
    const before = await count(departments);
    const created = await createDepartments(t.db, w.actors.admin.id, [
      {
        code: "801",
        name: "三河市审计局",
        groupId: w.groups.desk2,
        orgUnits: [{ name: "三河市审计局", nature: "行政", level: "正科级", fundingForm: "财政拨款" }],
      },
      { code: "802", name: "三河市统计局" },
    ]);
    expect(created.map((d) => d.code)).toEqual(["801", "802"]);
    expect(await count(departments)).toBe(before + 2);
    expect((await getDepartmentWithUnits(t.db, created[0].id)).orgUnits).toHaveLength(1);
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.action, "department.create"));
    expect(rows.filter((r) => created.some((d) => d.id === r.entityId))).toHaveLength(2);
  });

  it("leaves no department behind when one of them fails", async () => {
    const before = await count(departments);
    const auditBefore = await t.db.$count(auditLog);
    await expect(
      createDepartments(t.db, w.actors.admin.id, [
        { code: "803", name: "三河市档案馆" },
        { code: "434", name: "重复的编码" },
      ]),
    ).rejects.toThrow("部门编码“434”已被使用。");
    expect(await count(departments)).toBe(before);
    expect(await t.db.$count(auditLog)).toBe(auditBefore);
  });

  it("creates users with hashed passwords that must be changed, or none of them", async () => {
    const created = await createUsers(t.db, w.actors.admin.id, [
      {
        username: "bulk-clerk",
        displayName: "批量填报员",
        role: "clerk",
        password: "初始-Passw0rd-1",
        departmentIds: [w.departments.office],
      },
      {
        username: "bulk-approver",
        displayName: "批量审核员",
        role: "approver",
        password: "初始-Passw0rd-2",
        groupIds: [w.groups.desk1],
      },
    ]);
    expect(created.map((u) => [u.username, u.mustChangePassword])).toEqual([
      ["bulk-clerk", true],
      ["bulk-approver", true],
    ]);
    const [row] = await t.db.select().from(users).where(eq(users.username, "bulk-clerk"));
    expect(await verifyPassword("初始-Passw0rd-1", row.passwordHash)).toBe(true);
    expect((await loadActor(t.db, row.id))?.departmentIds).toEqual([w.departments.office]);

    const before = await count(users);
    await expect(
      createUsers(t.db, w.actors.admin.id, [
        {
          username: "bulk-3",
          displayName: "甲",
          role: "clerk",
          password: "x-Passw0rd",
          departmentIds: [w.departments.office],
        },
        {
          username: "bulk-clerk",
          displayName: "重名",
          role: "clerk",
          password: "x-Passw0rd",
          departmentIds: [w.departments.office],
        },
      ]),
    ).rejects.toThrow("用户名“bulk-clerk”已被使用。");
    expect(await count(users)).toBe(before);
  });
});

describe("changing users, desks and years", () => {
  it("changes a user's name, role and scope together, and the actor follows at once", async () => {
    const user = (
      await createUsers(t.db, null, [
        {
          username: "mover",
          displayName: "调岗人员",
          role: "clerk",
          password: "x-Passw0rd",
          departmentIds: [w.departments.office],
        },
      ])
    )[0];
    await updateUser(t.db, w.actors.admin.id, user.id, {
      displayName: "调岗人员（审核）",
      role: "approver",
      departmentIds: [],
      groupIds: [w.groups.desk2],
    });
    const after = await getUserWithScope(t.db, user.id);
    expect([after.displayName, after.role, after.departmentIds, after.groupIds]).toEqual([
      "调岗人员（审核）",
      "approver",
      [],
      [w.groups.desk2],
    ]);
    expect((await loadActor(t.db, user.id))?.groupDepartmentIds).toContain(w.departments.health);
    expect((await loadActor(t.db, user.id))?.departmentIds).toEqual([]);
    await expect(
      updateUser(t.db, w.actors.admin.id, user.id, {
        displayName: "x",
        role: "approver",
        departmentIds: [w.departments.office],
        groupIds: [],
      }),
    ).rejects.toThrow("只有部门填报员可以分配部门。");
  });

  it("sets a desk's approvers, refusing anyone who is not an approver", async () => {
    await setDeskApprovers(t.db, w.actors.admin.id, w.groups.desk2, [w.actors.approver.id, w.actors.approver2.id]);
    expect((await loadActor(t.db, w.actors.approver.id))?.groupDepartmentIds).toContain(w.departments.health);
    await expect(setDeskApprovers(t.db, w.actors.admin.id, w.groups.desk2, [w.actors.clerk.id])).rejects.toThrow(
      "只能把财政局审核员分配到科室。",
    );
    await setDeskApprovers(t.db, w.actors.admin.id, w.groups.desk2, [w.actors.approver2.id]);
    expect((await loadActor(t.db, w.actors.approver.id))?.groupDepartmentIds).not.toContain(w.departments.health);
  });

  it("lists departments with units and clerks, and desks in the order they were set up", async () => {
    await updateDepartment(t.db, w.actors.admin.id, w.departments.finance, {
      orgUnits: [{ name: "三河市财政局", nature: "行政", level: "正科级", fundingForm: "财政拨款" }],
    });
    const finance = (await listDepartmentsForAdmin(t.db)).find((d) => d.code === "402")!;
    expect([finance.groupName, finance.unitCount, finance.clerkCount]).toEqual(["一科", 1, 0]);
    expect((await listDepartmentsForAdmin(t.db)).find((d) => d.code === "434")!.clerkCount).toBeGreaterThanOrEqual(1);
    expect((await listDesks(t.db)).map((d) => d.name)).toEqual(["一科", "二科"]);
  });

  it("opens a new year once, and changes it with the old values in the audit log", async () => {
    await createFiscalYear(t.db, w.actors.admin.id, {
      year: 2023,
      frameworkId: "2021",
      submissionDeadline: "2023-01-31",
      status: "open",
    });
    await expect(
      createFiscalYear(t.db, w.actors.admin.id, {
        year: 2023,
        frameworkId: "2021",
        submissionDeadline: null,
        status: "open",
      }),
    ).rejects.toThrow("2023年度已存在");
    await expect(
      createFiscalYear(t.db, w.actors.admin.id, {
        year: 2024,
        frameworkId: "nope",
        submissionDeadline: null,
        status: "open",
      }),
    ).rejects.toThrow("所选指标体系不存在。");
    await updateFiscalYear(t.db, w.actors.admin.id, {
      year: 2023,
      frameworkId: "2021",
      submissionDeadline: "2023-02-15",
      status: "closed",
    });
    const [row] = await t.db.select().from(auditLog).where(eq(auditLog.action, "fiscal-year.update"));
    expect(row.detail).toMatchObject({
      before: { submissionDeadline: "2023-01-31", status: "open" },
      after: { submissionDeadline: "2023-02-15", status: "closed" },
    });
  });

  it("keeps the year's 满意度 floor, 80 until the admin sets another, and the checks read it", async () => {
    expect((await loadCheckOptions(t.db, 2023)).satisfactionFloor).toBe(SATISFACTION_FLOOR);
    const form = { year: "2023", frameworkId: "2021", submissionDeadline: "", status: "open" };
    expect(fiscalYearForm.parse(form).satisfactionFloor).toBe(80);
    for (const bad of ["49", "101", "85.5", "八十"])
      expect(fiscalYearForm.safeParse({ ...form, satisfactionFloor: bad }).error?.issues[0].message).toBe(
        "满意度目标下限须为 50–100 之间的整数。",
      );
    await updateFiscalYear(t.db, w.actors.admin.id, fiscalYearForm.parse({ ...form, satisfactionFloor: "90" }));
    const options = await loadCheckOptions(t.db, 2023);
    expect(options.satisfactionFloor).toBe(90);
    const [row] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "fiscal-year.update"))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(row.detail).toMatchObject({ before: { satisfactionFloor: 80 }, after: { satisfactionFloor: 90 } });

    // 434's 满意度 rows ask >=90% or more: at a floor of 95 they are below it; at 90 they are not.
    const disclosure = sanhe2020();
    const flagged = (floor: number) =>
      checkDisclosure(disclosure, { ...options, satisfactionFloor: floor }).filter(
        (f) => f.rule === "indicator.satisfaction-target" && f.message.includes(`低于 ${floor}%`),
      ).length;
    expect(flagged(90)).toBe(0);
    expect(flagged(95)).toBeGreaterThan(0);
    // Changing the year's framework or deadline again keeps the floor.
    await updateFiscalYear(t.db, w.actors.admin.id, {
      year: 2023,
      frameworkId: "2021",
      submissionDeadline: null,
      status: "open",
    });
    expect((await loadCheckOptions(t.db, 2023)).satisfactionFloor).toBe(90);
  });
});
