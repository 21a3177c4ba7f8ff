import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { listDisclosuresForActor } from "@/db/queries/disclosures";
import { canEditDisclosure, canUseWorkbench } from "@/lib/auth/policy";
import { formatDateTime } from "@/lib/i18n/format";
import { zhCN } from "@/lib/i18n/zh-CN";
import { isSubmittedOrBeyond } from "@/lib/workflow/states";
import { authorize, requireActor } from "@/app/_server/session";
import { AppShell, PageHeader } from "@/components/app-shell";
import { Deadline } from "@/components/deadline";
import { StateBadge } from "@/components/state-badge";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { listReportsForActor } from "@/db/queries/performance-reports";
import { performanceCycleMessages } from "@/lib/i18n/zh-CN/performance-cycle";
import { ReportList } from "@/components/performance/report-list";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: zhCN.workbench.title };

/** The clerk's home: their departments' disclosures, newest year first, with state and deadline. */
export default async function WorkbenchPage() {
  const actor = await requireActor("/workbench");
  authorize(canUseWorkbench(actor));
  const rows = await listDisclosuresForActor(getDb(), actor);
  // The department's 运行监控 and 自评 once the bureau opens them (issue 17).
  const reports = await listReportsForActor(getDb(), actor);

  return (
    <AppShell user={actor}>
      <PageHeader
        title={zhCN.workbench.title}
        description={zhCN.workbench.intro}
        actions={
          actor.departmentIds.length > 0 ? (
            <ButtonLink href="/workbench/new" variant="primary">
              {zhCN.imports.start.button}
            </ButtonLink>
          ) : null
        }
      />
      {actor.departmentIds.length === 0 ? (
        <Alert tone="warning">{zhCN.workbench.noDepartments}</Alert>
      ) : rows.length === 0 ? (
        <Card className="px-5 py-10 text-center text-sm text-slate-600">{zhCN.workbench.empty}</Card>
      ) : (
        <Card>
          <Table caption={zhCN.workbench.title}>
            <THead>
              <tr>
                <Th className="w-28">{zhCN.common.fiscalYear}</Th>
                <Th>{zhCN.common.department}</Th>
                <Th className="w-20">{zhCN.common.revision}</Th>
                <Th className="w-28">{zhCN.common.state}</Th>
                <Th className="w-56">{zhCN.common.deadline}</Th>
                <Th className="w-44">{zhCN.common.updatedAt}</Th>
                <Th className="w-32">
                  <span className="sr-only">{zhCN.common.actions}</span>
                </Th>
              </tr>
            </THead>
            <TBody>
              {rows.map((row) => (
                <Tr key={row.id}>
                  <Td className="tabular">{zhCN.common.yearSuffix(row.fiscalYear)}</Td>
                  <Td>{row.departmentName}</Td>
                  <Td>{zhCN.common.revisionN(row.revision)}</Td>
                  <Td>
                    <StateBadge state={row.state} />
                  </Td>
                  <Td>
                    <Deadline date={row.submissionDeadline} done={isSubmittedOrBeyond(row.state)} />
                  </Td>
                  <Td className="tabular text-slate-600">{formatDateTime(row.updatedAt)}</Td>
                  <Td className="whitespace-nowrap">
                    {canEditDisclosure(actor, row) ? (
                      <Link
                        href={`/disclosures/${row.id}/edit`}
                        className="mr-3 font-medium text-brand-700 underline-offset-2 hover:underline"
                      >
                        {zhCN.editor.continueEditing}
                      </Link>
                    ) : null}
                    <Link href={`/disclosures/${row.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                      {zhCN.common.open}
                    </Link>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </Card>
      )}
      <ReportList
        rows={reports}
        intro={performanceCycleMessages.list.workbenchIntro}
        action={performanceCycleMessages.list.fill}
      />
    </AppShell>
  );
}
