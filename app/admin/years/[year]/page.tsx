import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { listFiscalYears } from "@/db/queries/settings";
import { canViewYearOverview } from "@/lib/auth/policy";
import { daysUntil, formatDate } from "@/lib/i18n/format";
import { zhCN } from "@/lib/i18n/zh-CN";
import { yearOverview } from "@/app/_server/directory";
import { authorize, requireActor } from "@/app/_server/session";
import { AppShell, PageHeader } from "@/components/app-shell";
import { Deadline } from "@/components/deadline";
import { StateBadge } from "@/components/state-badge";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: zhCN.nav.yearOverview };

type Props = { params: Promise<{ year: string }> };

/** Every department's state for one fiscal year, with the year's deadline and what is late. */
export default async function YearOverviewPage({ params }: Props) {
  const { year: yearParam } = await params;
  const actor = await requireActor(`/admin/years/${encodeURIComponent(yearParam)}`);
  authorize(canViewYearOverview(actor));
  if (!/^\d{4}$/.test(yearParam)) notFound();
  const year = Number(yearParam);
  const db = getDb();
  const years = await listFiscalYears(db);
  const fiscalYear = years.find((y) => y.year === year);
  if (!fiscalYear) notFound();
  const rows = await yearOverview(db, actor, year);
  const published = rows.filter((r) => r.state === "published").length;

  return (
    <AppShell user={actor}>
      <PageHeader
        title={zhCN.yearOverview.title(year)}
        description={
          <>
            {zhCN.yearOverview.summary(rows.length, published)} · {zhCN.common.deadline}：
            <Deadline date={fiscalYear.submissionDeadline} done />
          </>
        }
      />
      {years.length > 1 ? (
        <nav aria-label={zhCN.common.fiscalYear} className="mb-4 flex flex-wrap gap-2 text-sm">
          {years.map((y) => (
            <Link
              key={y.year}
              href={`/admin/years/${y.year}`}
              aria-current={y.year === year ? "page" : undefined}
              className={y.year === year ? "rounded bg-brand-600 px-2.5 py-1 text-white" : "rounded px-2.5 py-1 text-brand-700 hover:bg-brand-50"}
            >
              {zhCN.common.yearSuffix(y.year)}
            </Link>
          ))}
        </nav>
      ) : null}
      <Card>
        <Table caption={zhCN.yearOverview.title(year)}>
          <THead>
            <tr>
              <Th className="w-24">{zhCN.common.departmentCode}</Th>
              <Th>{zhCN.common.department}</Th>
              <Th className="w-24">{zhCN.admin.group}</Th>
              <Th className="w-44">{zhCN.common.state}</Th>
              <Th className="w-36">{zhCN.yearOverview.submittedAt}</Th>
              <Th className="w-36">{zhCN.yearOverview.approvedAt}</Th>
              <Th className="w-36">{zhCN.common.publishedAt}</Th>
              <Th className="w-16">
                <span className="sr-only">{zhCN.common.actions}</span>
              </Th>
            </tr>
          </THead>
          <TBody>
            {rows.map((r) => {
              const late =
                !!fiscalYear.submissionDeadline && (r.state === null || r.state === "draft" || r.state === "returned") && daysUntil(fiscalYear.submissionDeadline) < 0;
              return (
                <Tr key={r.departmentId}>
                  <Td className="tabular">{r.departmentCode}</Td>
                  <Td>{r.departmentName}</Td>
                  <Td>{r.groupName ?? zhCN.common.none}</Td>
                  <Td>
                    <span className="flex gap-1">
                      {r.state ? <StateBadge state={r.state} /> : <Badge>{zhCN.yearOverview.notStarted}</Badge>}
                      {late ? <Badge tone="danger">{zhCN.common.overdue}</Badge> : null}
                    </span>
                  </Td>
                  <Td className="tabular whitespace-nowrap">{formatDate(r.submittedAt) || "—"}</Td>
                  <Td className="tabular whitespace-nowrap">{formatDate(r.approvedAt) || "—"}</Td>
                  <Td className="tabular whitespace-nowrap">{formatDate(r.publishedAt) || "—"}</Td>
                  <Td>
                    {r.disclosureId ? (
                      <Link href={`/disclosures/${r.disclosureId}`} className="text-brand-700 underline-offset-2 hover:underline">
                        {zhCN.common.open}
                      </Link>
                    ) : null}
                  </Td>
                </Tr>
              );
            })}
          </TBody>
        </Table>
      </Card>
    </AppShell>
  );
}
