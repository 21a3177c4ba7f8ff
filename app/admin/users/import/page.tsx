import type { Metadata } from "next";
import { canAdminister } from "@/lib/auth/policy";
import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import { authorize, requireActor } from "@/app/_server/session";
import { AppShell, PageHeader } from "@/components/app-shell";
import { AdminNav } from "@/components/admin/admin-nav";
import { UserImport } from "@/components/admin/import-previews";
import { Card, CardBody } from "@/components/ui/card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: adminMessages.users.import };

/** Bulk import from a sheet: preview with every problem by row, then all rows or none. */
export default async function ImportPage() {
  const actor = await requireActor("/admin/users/import");
  authorize(canAdminister(actor));
  return (
    <AppShell user={actor}>
      <AdminNav current="/admin/users" />
      <PageHeader title={adminMessages.users.import} />
      <Card>
        <CardBody>
          <UserImport />
        </CardBody>
      </Card>
    </AppShell>
  );
}
