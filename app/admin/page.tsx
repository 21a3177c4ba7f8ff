import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { listDepartmentsForActor } from "@/db/queries/departments";
import { listFiscalYears, listFrameworks } from "@/db/queries/settings";
import { listUsers } from "@/db/queries/users";
import { canAdminister } from "@/lib/auth/policy";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { zhCN } from "@/lib/i18n/zh-CN";
import { gridMessages } from "@/lib/i18n/zh-CN/grid";
import { userScopeNames } from "@/app/_server/directory";
import { authorize, requireActor } from "@/app/_server/session";
import { AppShell, PageHeader } from "@/components/app-shell";
import { AdminNav } from "@/components/admin/admin-nav";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { UserStatusForm } from "./user-status-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: zhCN.admin.title };

/** The admin's console: users, departments and fiscal years. */
export default async function AdminPage() {
  const actor = await requireActor("/admin");
  authorize(canAdminister(actor));
  const db = getDb();
  const [users, scopes, departments, years, frameworks] = await Promise.all([
    listUsers(db),
    userScopeNames(db, actor),
    listDepartmentsForActor(db, actor),
    listFiscalYears(db),
    listFrameworks(db),
  ]);
  const frameworkName = new Map(frameworks.map((f) => [f.id, f.name]));

  return (
    <AppShell user={actor}>
      <AdminNav current="/admin" />
      <PageHeader
        title={zhCN.admin.title}
        actions={
          <ButtonLink href="/admin/library" size="sm" title={gridMessages.admin.consoleLinkHint}>
            {gridMessages.admin.consoleLink}
          </ButtonLink>
        }
      />
      <div className="space-y-6">
        <Card aria-labelledby="admin-years">
          <CardHeader id="admin-years" title={zhCN.admin.fiscalYears} />
          <Table caption={zhCN.admin.fiscalYears}>
            <THead>
              <tr>
                <Th className="w-28">{zhCN.common.fiscalYear}</Th>
                <Th>{zhCN.admin.framework}</Th>
                <Th className="w-44">{zhCN.common.deadline}</Th>
                <Th className="w-28">{zhCN.admin.yearStatus}</Th>
                <Th className="w-28">
                  <span className="sr-only">{zhCN.common.actions}</span>
                </Th>
              </tr>
            </THead>
            <TBody>
              {years.map((y) => (
                <Tr key={y.year}>
                  <Td className="tabular">{zhCN.common.yearSuffix(y.year)}</Td>
                  <Td>{frameworkName.get(y.frameworkId) ?? y.frameworkId}</Td>
                  <Td className="tabular">{y.submissionDeadline ? formatDate(y.submissionDeadline) : zhCN.common.notSet}</Td>
                  <Td>{y.status === "open" ? <Badge tone="info">{zhCN.admin.yearOpen}</Badge> : <Badge>{zhCN.admin.yearClosed}</Badge>}</Td>
                  <Td>
                    <Link href={`/admin/years/${y.year}`} className="text-brand-700 underline-offset-2 hover:underline">
                      {zhCN.admin.overview}
                    </Link>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </Card>

        <Card aria-labelledby="admin-users">
          <CardHeader id="admin-users" title={zhCN.admin.users} />
          <Table caption={zhCN.admin.users}>
            <THead>
              <tr>
                <Th className="w-32">{zhCN.admin.username}</Th>
                <Th className="w-60">{zhCN.admin.displayName}</Th>
                <Th className="w-32">{zhCN.admin.role}</Th>
                <Th>{zhCN.admin.scope}</Th>
                <Th className="w-44">{zhCN.admin.lastLogin}</Th>
                <Th className="w-24">{zhCN.admin.status}</Th>
                <Th className="w-28">
                  <span className="sr-only">{zhCN.common.actions}</span>
                </Th>
              </tr>
            </THead>
            <TBody>
              {users.map((u) => (
                <Tr key={u.id}>
                  <Td>{u.username}</Td>
                  <Td>{u.displayName}</Td>
                  <Td>{zhCN.roles[u.role]}</Td>
                  <Td className="text-slate-700">{(scopes.get(u.id) ?? []).join("、") || (u.role === "admin" ? zhCN.admin.allScope : zhCN.common.none)}</Td>
                  <Td className="tabular whitespace-nowrap text-slate-600">{formatDateTime(u.lastLoginAt) || "—"}</Td>
                  <Td>{u.disabled ? <Badge tone="danger">{zhCN.admin.disabled}</Badge> : <Badge tone="success">{zhCN.admin.active}</Badge>}</Td>
                  <Td>{u.id === actor.id ? null : <UserStatusForm userId={u.id} disabled={u.disabled} username={u.username} />}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </Card>

        <Card aria-labelledby="admin-departments">
          <CardHeader id="admin-departments" title={zhCN.admin.departments} />
          <Table caption={zhCN.admin.departments}>
            <THead>
              <tr>
                <Th className="w-28">{zhCN.common.departmentCode}</Th>
                <Th>{zhCN.common.department}</Th>
                <Th className="w-40">{zhCN.admin.group}</Th>
              </tr>
            </THead>
            <TBody>
              {departments.map((d) => (
                <Tr key={d.id}>
                  <Td className="tabular">{d.code}</Td>
                  <Td>{d.name}</Td>
                  <Td>{d.groupName ?? zhCN.common.none}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </Card>
      </div>
    </AppShell>
  );
}
