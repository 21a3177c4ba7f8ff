import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { NotFoundError } from "@/lib/errors";
import { getDepartmentWithUnits, listDesks } from "@/db/queries/departments";
import { canAdminister } from "@/lib/auth/policy";
import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import { authorize, requireActor } from "@/app/_server/session";
import { AppShell, PageHeader } from "@/components/app-shell";
import { AdminNav } from "@/components/admin/admin-nav";
import { DepartmentForm } from "@/components/admin/department-form";
import { Card, CardBody } from "@/components/ui/card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: adminMessages.departments.edit };

type Props = { params: Promise<{ id: string }> };

export default async function EditDepartmentPage({ params }: Props) {
  const { id } = await params;
  const actor = await requireActor(`/admin/departments/${encodeURIComponent(id)}`);
  authorize(canAdminister(actor));
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const db = getDb();
  const department = await getDepartmentWithUnits(db, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const desks = await listDesks(db);
  return (
    <AppShell user={actor}>
      <AdminNav current="/admin/departments" />
      <PageHeader title={`${adminMessages.departments.edit}：${department.name}`} description={department.code} />
      <Card>
        <CardBody>
          <DepartmentForm
            initial={{
              departmentId: department.id,
              code: department.code,
              name: department.name,
              groupId: department.groupId,
              orgUnits: department.orgUnits,
            }}
            desks={desks}
          />
        </CardBody>
      </Card>
    </AppShell>
  );
}
