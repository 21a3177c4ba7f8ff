import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { listDepartmentsForAdmin, listDesks } from "@/db/queries/departments";
import { canAdminister } from "@/lib/auth/policy";
import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import { authorize, requireActor } from "@/app/_server/session";
import { AppShell, PageHeader } from "@/components/app-shell";
import { AdminNav } from "@/components/admin/admin-nav";
import { DepartmentsTable } from "@/components/admin/departments-table";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: adminMessages.departments.title };

/** 部门: every department with its desk, units and clerks. */
export default async function DepartmentsPage() {
  const actor = await requireActor("/admin/departments");
  authorize(canAdminister(actor));
  const db = getDb();
  const [departments, desks] = await Promise.all([listDepartmentsForAdmin(db), listDesks(db)]);
  const d = adminMessages.departments;
  const rows = departments.map((x) => ({
    id: x.id,
    code: x.code,
    name: x.name,
    desk: x.groupName ?? d.noDesk,
    units: x.unitCount,
    clerks: x.clerkCount,
  }));
  return (
    <AppShell user={actor} wide>
      <AdminNav current="/admin/departments" />
      <PageHeader
        title={d.title}
        description={`${d.intro} ${d.count(rows.length)}`}
        actions={
          <>
            <ButtonLink href="/admin/departments/import">{d.import}</ButtonLink>
            <ButtonLink href="/admin/departments/new" variant="primary">
              {d.create}
            </ButtonLink>
          </>
        }
      />
      <Card>
        <DepartmentsTable rows={rows} desks={desks.map((x) => x.name)} />
      </Card>
    </AppShell>
  );
}
