import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { canAdminister } from "@/lib/auth/policy";
import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import { authorize, requireActor } from "@/app/_server/session";
import { AppShell, PageHeader } from "@/components/app-shell";
import { AdminNav } from "@/components/admin/admin-nav";
import { UserForm } from "@/components/admin/user-form";
import { Card, CardBody } from "@/components/ui/card";
import { scopeOptions } from "../options";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: adminMessages.users.create };

export default async function NewUserPage() {
  const actor = await requireActor("/admin/users/new");
  authorize(canAdminister(actor));
  const options = await scopeOptions(getDb());
  return (
    <AppShell user={actor}>
      <AdminNav current="/admin/users" />
      <PageHeader title={adminMessages.users.create} />
      <Card>
        <CardBody>
          <UserForm initial={null} {...options} />
        </CardBody>
      </Card>
    </AppShell>
  );
}
