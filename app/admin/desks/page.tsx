import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { listDepartmentsForAdmin, listDesks } from "@/db/queries/departments";
import { listUsers, listUserScopeIds } from "@/db/queries/users";
import { canAdminister } from "@/lib/auth/policy";
import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import { authorize, requireActor } from "@/app/_server/session";
import { AppShell, PageHeader } from "@/components/app-shell";
import { AdminNav } from "@/components/admin/admin-nav";
import { CreateDeskForm, DeskApproversForm } from "@/components/admin/desk-forms";
import { Card, CardBody, CardHeader } from "@/components/ui/card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: adminMessages.desks.title };

const k = adminMessages.desks;

/** 审核科室: each desk's departments and its approvers. */
export default async function DesksPage() {
  const actor = await requireActor("/admin/desks");
  authorize(canAdminister(actor));
  const db = getDb();
  const [desks, departments, users, scopes] = await Promise.all([
    listDesks(db),
    listDepartmentsForAdmin(db),
    listUsers(db),
    listUserScopeIds(db),
  ]);
  const approvers = users
    .filter((u) => u.role === "approver" && !u.disabled)
    .map((u) => ({ id: u.id, label: `${u.displayName}（${u.username}）` }));
  return (
    <AppShell user={actor}>
      <AdminNav current="/admin/desks" />
      <PageHeader title={k.title} description={k.intro} />
      <div className="space-y-6">
        {desks.map((desk) => {
          const mine = departments.filter((d) => d.groupId === desk.id);
          const assigned = users.filter((u) => scopes.get(u.id)?.groupIds.includes(desk.id)).map((u) => u.id);
          return (
            <Card key={desk.id} aria-labelledby={`desk-${desk.id}`}>
              <CardHeader
                id={`desk-${desk.id}`}
                title={desk.name}
                description={adminMessages.departments.count(desk.departmentCount)}
              />
              <CardBody className="space-y-4">
                <div>
                  <h3 className="mb-1 text-sm font-medium text-slate-700">{k.departments}</h3>
                  <p className="text-sm text-slate-700">
                    {mine.map((d) => `${d.code} ${d.name}`).join("、") || k.none}
                  </p>
                </div>
                <div>
                  <h3 className="mb-1 text-sm font-medium text-slate-700">{k.approvers}</h3>
                  <DeskApproversForm groupId={desk.id} approvers={approvers} assigned={assigned} />
                </div>
              </CardBody>
            </Card>
          );
        })}
        <Card aria-labelledby="desk-new">
          <CardHeader id="desk-new" title={k.create} />
          <CardBody>
            <CreateDeskForm />
          </CardBody>
        </Card>
      </div>
    </AppShell>
  );
}
