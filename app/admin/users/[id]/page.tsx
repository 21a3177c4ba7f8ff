import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { NotFoundError } from "@/lib/errors";
import { getUserWithScope, type UserWithScope } from "@/db/queries/users";
import { canAdminister } from "@/lib/auth/policy";
import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import { zhCN } from "@/lib/i18n/zh-CN";
import { authorize, requireActor } from "@/app/_server/session";
import { AppShell, PageHeader } from "@/components/app-shell";
import { AdminNav } from "@/components/admin/admin-nav";
import { ResetPasswordForm } from "@/components/admin/reset-password-form";
import { UserForm } from "@/components/admin/user-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { UserStatusForm } from "../../user-status-form";
import { scopeOptions } from "../options";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: adminMessages.users.edit };

type Props = { params: Promise<{ id: string }> };

/** One user: name, role and scope; a new password; disable (never delete). */
export default async function EditUserPage({ params }: Props) {
  const { id } = await params;
  const actor = await requireActor(`/admin/users/${encodeURIComponent(id)}`);
  authorize(canAdminister(actor));
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const db = getDb();
  let user: UserWithScope;
  try {
    user = await getUserWithScope(db, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const options = await scopeOptions(db);
  const m = adminMessages.users;
  return (
    <AppShell user={actor}>
      <AdminNav current="/admin/users" />
      <PageHeader
        title={`${m.edit}：${user.displayName}`}
        description={`${user.username} · ${zhCN.roles[user.role]}`}
      />
      <div className="space-y-6">
        {user.disabled ? <Alert tone="warning">{m.disabledNote}</Alert> : null}
        <Card>
          <CardBody>
            <UserForm
              initial={{
                userId: user.id,
                username: user.username,
                displayName: user.displayName,
                role: user.role,
                departmentIds: user.departmentIds,
                groupIds: user.groupIds,
              }}
              {...options}
            />
          </CardBody>
        </Card>
        {user.id === actor.id ? null : (
          <Card>
            <CardHeader title={`${m.resetPassword} / ${zhCN.administration.users.status}`} />
            <CardBody className="flex flex-wrap items-start gap-6">
              <ResetPasswordForm userId={user.id} username={user.username} />
              <UserStatusForm userId={user.id} disabled={user.disabled} username={user.username} />
            </CardBody>
          </Card>
        )}
      </div>
    </AppShell>
  );
}
