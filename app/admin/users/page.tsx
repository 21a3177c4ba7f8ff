import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { listUsers } from "@/db/queries/users";
import { canAdminister } from "@/lib/auth/policy";
import { formatDateTime } from "@/lib/i18n/format";
import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import { zhCN } from "@/lib/i18n/zh-CN";
import { userScopeNames } from "@/app/_server/directory";
import { authorize, requireActor } from "@/app/_server/session";
import { AppShell, PageHeader } from "@/components/app-shell";
import { AdminNav } from "@/components/admin/admin-nav";
import { UsersTable, type UserListRow } from "@/components/admin/users-table";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: adminMessages.users.title };

/** 用户: every account with its role, scope, last sign-in and status. */
export default async function UsersPage() {
  const actor = await requireActor("/admin/users");
  authorize(canAdminister(actor));
  const db = getDb();
  const [users, scopes] = await Promise.all([listUsers(db), userScopeNames(db, actor)]);
  const rows: UserListRow[] = users.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    scope:
      (scopes.get(u.id) ?? []).join("、") ||
      (u.role === "admin" ? zhCN.administration.users.allScope : zhCN.common.none),
    lastLogin: formatDateTime(u.lastLoginAt),
    status: u.disabled ? "disabled" : "active",
  }));
  const m = adminMessages.users;
  return (
    <AppShell user={actor} wide>
      <AdminNav current="/admin/users" />
      <PageHeader
        title={m.title}
        description={m.intro}
        actions={
          <>
            <ButtonLink href="/admin/users/import">{m.import}</ButtonLink>
            <ButtonLink href="/admin/users/new" variant="primary">
              {m.create}
            </ButtonLink>
          </>
        }
      />
      <Card>
        <UsersTable rows={rows} />
      </Card>
    </AppShell>
  );
}
