import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { listDesks } from "@/db/queries/departments";
import { canAdminister } from "@/lib/auth/policy";
import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import { authorize, requireActor } from "@/app/_server/session";
import { AppShell, PageHeader } from "@/components/app-shell";
import { AdminNav } from "@/components/admin/admin-nav";
import { DepartmentForm } from "@/components/admin/department-form";
import { Card, CardBody } from "@/components/ui/card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: adminMessages.departments.create };

export default async function NewDepartmentPage() {
  const actor = await requireActor("/admin/departments/new");
  authorize(canAdminister(actor));
  const desks = await listDesks(getDb());
  return (
    <AppShell user={actor}>
      <AdminNav current="/admin/departments" />
      <PageHeader title={adminMessages.departments.create} />
      <Card>
        <CardBody>
          <DepartmentForm initial={null} desks={desks} />
        </CardBody>
      </Card>
    </AppShell>
  );
}
