import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { catalogueStates } from "@/db/queries/classification";
import { listFiscalYears, listFrameworks } from "@/db/queries/settings";
import { departmentsWithoutDraft } from "@/db/queries/year-drafts";
import { canAdminister } from "@/lib/auth/policy";
import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import { zhCN } from "@/lib/i18n/zh-CN";
import { authorize, requireActor } from "@/app/_server/session";
import { AppShell, PageHeader } from "@/components/app-shell";
import { AdminNav } from "@/components/admin/admin-nav";
import { CatalogueOrigin } from "@/components/admin/catalogue-origin";
import { OpenYearForm, StartDraftsForm, YearRowForm } from "@/components/admin/year-forms";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: adminMessages.years.title };

/**
 * 预算年度: open a new year (with every department's draft), change a year, fill missing drafts;
 * each year's classification catalogue, how many codes and where from, links to its page.
 */
export default async function FiscalYearsPage() {
  const actor = await requireActor("/admin/fiscal-years");
  authorize(canAdminister(actor));
  const db = getDb();
  const [years, frameworks] = await Promise.all([listFiscalYears(db), listFrameworks(db)]);
  const missing = new Map(
    await Promise.all(years.map(async (y) => [y.year, (await departmentsWithoutDraft(db, y.year)).length] as const)),
  );
  const catalogues = await catalogueStates(
    db,
    years.map((x) => x.year),
  );
  const options = frameworks.map((f) => ({ id: f.id, name: f.name }));
  const y = adminMessages.years;
  const latest = years.reduce((max, x) => Math.max(max, x.year), new Date().getFullYear() - 1);
  return (
    <AppShell user={actor}>
      <AdminNav current="/admin/fiscal-years" />
      <PageHeader title={y.title} description={y.intro} />
      <div className="space-y-6">
        <Card aria-labelledby="open-year">
          <CardHeader id="open-year" title={y.create} />
          <CardBody>
            <OpenYearForm frameworks={options} suggestedYear={latest + 1} />
          </CardBody>
        </Card>
        <Card aria-labelledby="year-list">
          <CardHeader id="year-list" title={y.list} />
          <ul className="divide-y divide-slate-100">
            {years.map((x) => (
              <li key={x.year} className="space-y-3 px-5 py-4">
                <div className="flex flex-wrap items-center gap-3">
                  <h3 className="text-base font-semibold">{zhCN.common.yearSuffix(x.year)}</h3>
                  {x.status === "open" ? <Badge tone="info">{y.open}</Badge> : <Badge>{y.closed}</Badge>}
                  <Link
                    href={`/admin/years/${x.year}`}
                    className="text-sm text-brand-700 underline-offset-2 hover:underline"
                  >
                    {y.overview}
                  </Link>
                </div>
                <div className="flex flex-wrap items-center gap-3">
                  <CatalogueOrigin state={catalogues.get(x.year)!} />
                  <Link
                    href={`/admin/fiscal-years/${x.year}/classification`}
                    className="text-sm text-brand-700 underline-offset-2 hover:underline"
                  >
                    {adminMessages.classification.link}
                  </Link>
                </div>
                <YearRowForm
                  year={x.year}
                  frameworkId={x.frameworkId}
                  deadline={x.submissionDeadline}
                  status={x.status}
                  satisfactionFloor={x.satisfactionFloor}
                  frameworks={options}
                />
                {x.status === "open" ? <StartDraftsForm year={x.year} missing={missing.get(x.year) ?? 0} /> : null}
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </AppShell>
  );
}
