import type { Actor } from "@/lib/auth/actor";
import type { Db } from "./client";
import { createDepartment, createGroup } from "./queries/departments";
import { saveFiscalYear } from "./queries/settings";
import { createUser, loadActor } from "./queries/users";

/** The organisation the query tests share: departments, desks, people and years, and no disclosure yet. */
export type TestOrg = {
  departments: { office: string; finance: string; health: string };
  groups: { desk1: string; desk2: string };
  actors: { clerk: Actor; clerk2: Actor; approver: Actor; approver2: Actor; admin: Actor };
};

/**
 * Three departments on two desks: 一科 reviews 434 and 财政局, 二科 reviews 卫健局. One clerk for 434,
 * one for 卫健局, an approver per desk, an admin. Fiscal years 2020 (closed) and 2021 (open).
 */
export async function buildTestOrg(db: Db): Promise<TestOrg> {
  const desk1 = (await createGroup(db, null, "一科")).id;
  const desk2 = (await createGroup(db, null, "二科")).id;
  const office = (await createDepartment(db, null, { code: "434", name: "三河市人民政府办公室", groupId: desk1 })).id;
  const finance = (await createDepartment(db, null, { code: "402", name: "三河市财政局", groupId: desk1 })).id;
  const health = (await createDepartment(db, null, { code: "411", name: "三河市卫生健康局", groupId: desk2 })).id;
  await saveFiscalYear(db, null, {
    year: 2020,
    frameworkId: "2020",
    submissionDeadline: "2020-01-31",
    status: "closed",
  });
  await saveFiscalYear(db, null, { year: 2021, frameworkId: "2021", submissionDeadline: "2021-01-31", status: "open" });
  const user = async (
    username: string,
    role: Actor["role"],
    scope: { departmentIds?: string[]; groupIds?: string[] } = {},
  ) => {
    const created = await createUser(db, null, {
      username,
      displayName: username,
      role,
      password: "test-password",
      mustChangePassword: false,
      ...scope,
    });
    return (await loadActor(db, created.id))!;
  };
  return {
    departments: { office, finance, health },
    groups: { desk1, desk2 },
    actors: {
      clerk: await user("clerk", "clerk", { departmentIds: [office] }),
      clerk2: await user("clerk2", "clerk", { departmentIds: [health] }),
      approver: await user("approver", "approver", { groupIds: [desk1] }),
      approver2: await user("approver2", "approver", { groupIds: [desk2] }),
      admin: await user("admin", "admin"),
    },
  };
}
