import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { NotFoundError } from "@/lib/errors";
import { listDesks } from "@/db/queries/departments";
import { listFiscalYears } from "@/db/queries/settings";
import { isLate } from "@/lib/admin/lateness";
import { dashboardTotals, parseDashboardQuery } from "@/lib/admin/year-dashboard";
import { canViewYearOverview } from "@/lib/auth/policy";
import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import { zhCN } from "@/lib/i18n/zh-CN";
import { disclosureState } from "@/lib/workflow/states";
import { authorize, requireActor } from "@/app/_server/session";
import { AppShell, PageHeader } from "@/components/app-shell";
import { AdminNav } from "@/components/admin/admin-nav";
import { DashboardCharts } from "@/components/admin/dashboard-charts";
import { DashboardFilters } from "@/components/admin/dashboard-filters";
import { DashboardTable } from "@/components/admin/dashboard-table";
import { Deadline } from "@/components/deadline";
import { Card } from "@/components/ui/card";
import { loadDashboard } from "./dashboard-data";
import { yearPerformanceProgress } from "@/db/queries/performance-rounds";
import { RoundPanel } from "@/components/performance/round-panel";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: zhCN.nav.yearOverview };

type Props = {
  params: Promise<{ year: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};
const m = adminMessages.dashboard;

/**
 * The year at a glance: every department's state, dates, lateness, findings and open comments;
 * totals and charts of what the shown departments disclose. Filter and sort live in the URL,
 * and the export downloads exactly the rows shown.
 */
export default async function YearDashboardPage({ params, searchParams }: Props) {
  const { year: yearParam } = await params;
  const actor = await requireActor(`/admin/years/${encodeURIComponent(yearParam)}`);
  authorize(canViewYearOverview(actor));
  if (!/^\d{4}$/.test(yearParam)) notFound();
  const year = Number(yearParam);
  const query = parseDashboardQuery(await searchParams);
  const db = getDb();
  const data = await loadDashboard(db, actor, year, query).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const [years, desks] = await Promise.all([listFiscalYears(db), listDesks(db)]);
  // The performance cycle on the year's published targets (issue 17).
  const performance = await yearPerformanceProgress(db, actor, year);
  const { all, shown, fiscalYear } = data;
  const totals = dashboardTotals(shown);
  const basePath = `/admin/years/${year}`;

  return (
    <AppShell user={actor} wide>
      <AdminNav current="/admin/fiscal-years" />
      <PageHeader
        title={m.title(year)}
        description={
          <>
            {m.summary(
              all.length,
              all.filter((r) => r.state === disclosureState.published).length,
              all.filter((r) => isLate(r.lateness)).length,
            )}{" "}
            · {zhCN.common.deadline}：
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
              className={
                y.year === year
                  ? "rounded bg-brand-600 px-2.5 py-1 text-white"
                  : "rounded px-2.5 py-1 text-brand-700 hover:bg-brand-50"
              }
            >
              {zhCN.common.yearSuffix(y.year)}
            </Link>
          ))}
        </nav>
      ) : null}
      <div className="space-y-5">
        <DashboardCharts rows={shown} totals={totals} />
        <Card>
          <DashboardFilters
            query={query}
            desks={desks.map((d) => d.name)}
            basePath={basePath}
            exportPath={`${basePath}/export`}
          />
          <p className="px-4 pt-2 text-xs text-slate-500">
            {m.shown(shown.length, all.length)} · {m.unit} · {m.totalsNote(shown.length)}
          </p>
          <DashboardTable rows={shown} totals={totals} query={query} basePath={basePath} />
        </Card>
        <RoundPanel year={year} progress={performance} />
      </div>
    </AppShell>
  );
}
