import type { Metadata } from "next";
import { canAdminister } from "@/lib/auth/policy";
import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import { authorize, requireActor } from "@/app/_server/session";
import { AppShell, PageHeader } from "@/components/app-shell";
import { AdminNav } from "@/components/admin/admin-nav";
import { DepartmentImport } from "@/components/admin/import-previews";
import { Card, CardBody } from "@/components/ui/card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: adminMessages.departments.import };

/** Bulk import from a sheet: preview with every problem by row, then all rows or none. */
export default async function ImportPage() {
  const actor = await requireActor("/admin/departments/import");
  authorize(canAdminister(actor));
  return (
    <AppShell user={actor}>
      <AdminNav current="/admin/departments" />
      <PageHeader title={adminMessages.departments.import} />
      <Card>
        <CardBody>
          <DepartmentImport />
        </CardBody>
      </Card>
    </AppShell>
  );
}
