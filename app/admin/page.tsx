import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { adminWaiting } from "@/db/queries/admin-waiting";
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
import { AdminWaiting } from "@/components/admin/admin-waiting";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { UserStatusForm } from "./user-status-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: zhCN.nav.admin };

/** The admin's console: what waits for the admin first, then fiscal years, users and departments. */
export default async function AdminPage() {
  const actor = await requireActor("/admin");
  authorize(canAdminister(actor));
  const db = getDb();
  const [waiting, users, scopes, departments, years, frameworks] = await Promise.all([
    adminWaiting(db, actor),
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
        title={zhCN.nav.admin}
        actions={
          <ButtonLink href="/admin/library" size="sm" title={gridMessages.admin.consoleLinkHint}>
            {gridMessages.admin.consoleLink}
          </ButtonLink>
        }
      />
      <div className="space-y-6">
        <AdminWaiting toPublish={waiting.toPublish} late={waiting.late} />
        <Card aria-labelledby="admin-years">
          <CardHeader id="admin-years" title={zhCN.administration.years.title} />
          <Table caption={zhCN.administration.years.title}>
            <THead>
              <tr>
                <Th className="w-28">{zhCN.common.fiscalYear}</Th>
                <Th>{zhCN.administration.years.framework}</Th>
                <Th className="w-44">{zhCN.common.deadline}</Th>
                <Th className="w-28">{zhCN.administration.years.yearStatus}</Th>
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
                  <Td className="tabular">
                    {y.submissionDeadline ? formatDate(y.submissionDeadline) : zhCN.common.notSet}
                  </Td>
                  <Td>
                    {y.status === "open" ? (
                      <Badge tone="info">{zhCN.administration.years.open}</Badge>
                    ) : (
                      <Badge>{zhCN.administration.years.closed}</Badge>
                    )}
                  </Td>
                  <Td>
                    <Link href={`/admin/years/${y.year}`} className="text-brand-700 underline-offset-2 hover:underline">
                      {zhCN.administration.years.overview}
                    </Link>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </Card>

        <Card aria-labelledby="admin-users">
          <CardHeader id="admin-users" title={zhCN.administration.users.title} />
          <Table caption={zhCN.administration.users.title}>
            <THead>
              <tr>
                <Th className="w-32">{zhCN.administration.users.username}</Th>
                <Th className="w-60">{zhCN.administration.users.displayName}</Th>
                <Th className="w-32">{zhCN.administration.users.role}</Th>
                <Th>{zhCN.administration.users.scope}</Th>
                <Th className="w-44">{zhCN.administration.users.lastLogin}</Th>
                <Th className="w-24">{zhCN.administration.users.status}</Th>
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
                  <Td className="text-slate-700">
                    {(scopes.get(u.id) ?? []).join("、") ||
                      (u.role === "admin" ? zhCN.administration.users.allScope : zhCN.common.none)}
                  </Td>
                  <Td className="tabular whitespace-nowrap text-slate-600">{formatDateTime(u.lastLoginAt) || "—"}</Td>
                  <Td>
                    {u.disabled ? (
                      <Badge tone="danger">{zhCN.administration.users.disabled}</Badge>
                    ) : (
                      <Badge tone="success">{zhCN.administration.users.active}</Badge>
                    )}
                  </Td>
                  <Td>
                    {u.id === actor.id ? null : (
                      <UserStatusForm userId={u.id} disabled={u.disabled} username={u.username} />
                    )}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </Card>

        <Card aria-labelledby="admin-departments">
          <CardHeader id="admin-departments" title={zhCN.administration.departments.title} />
          <Table caption={zhCN.administration.departments.title}>
            <THead>
              <tr>
                <Th className="w-28">{zhCN.common.departmentCode}</Th>
                <Th>{zhCN.common.department}</Th>
                <Th className="w-40">{zhCN.administration.departments.desk}</Th>
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
