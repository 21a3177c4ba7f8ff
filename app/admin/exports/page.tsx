import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { publishedYears } from "@/db/queries/portal";
import { canAdminister } from "@/lib/auth/policy";
import { formatDateTime } from "@/lib/i18n/format";
import { zhCN } from "@/lib/i18n/zh-CN";
import { authorize, requireActor } from "@/app/_server/session";
import { AppShell, PageHeader } from "@/components/app-shell";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { ExportForm } from "./export-form";
import { listExportJobs } from "./jobs";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: zhCN.portal.exports.title };

const t = zhCN.portal.exports;

/**
 * A year's published disclosures as one zip, every format chosen. The export runs on the server;
 * while one runs the page refreshes itself every two seconds (no script needed) to show progress.
 */
export default async function ExportsPage() {
  const actor = await requireActor("/admin/exports");
  authorize(canAdminister(actor));
  const years = await publishedYears(getDb());
  const jobs = await listExportJobs(getDb());
  const running = jobs.some((j) => j.state === "running" || j.state === "queued");

  return (
    <AppShell user={actor}>
      {running ? <meta httpEquiv="refresh" content="2" /> : null}
      <PageHeader
        title={t.title}
        description={t.intro}
        actions={<ButtonLink href="/admin/publish">{zhCN.portal.publish.title}</ButtonLink>}
      />
      <div className="space-y-6">
        <Card>
          <ExportForm years={years} defaultYear={years[0]} />
        </Card>
        <Card aria-labelledby="jobs-heading">
          <CardHeader id="jobs-heading" title={t.jobsHeading} description={running ? t.refreshNote : undefined} />
          {jobs.length === 0 ? (
            <p className="px-5 py-6 text-sm text-slate-600">{t.jobsEmpty}</p>
          ) : (
            <Table caption={t.jobsHeading}>
              <THead>
                <tr>
                  <Th>{zhCN.common.fiscalYear}</Th>
                  <Th className="w-44">{t.startedAt}</Th>
                  <Th className="w-72">{t.progress}</Th>
                  <Th className="w-40">{zhCN.common.actions}</Th>
                </tr>
              </THead>
              <TBody>
                {jobs.map((job) => {
                  const p = job.progress;
                  const percent = p.total === 0 ? 100 : Math.round((p.done / p.total) * 100);
                  return (
                    <Tr key={job.id} data-testid="export-job" data-state={job.state}>
                      <Td>
                        <span className="font-medium">{t.jobTitle(job.fiscalYear)}</span>
                        <span className="ml-2 text-xs text-slate-500">{job.formats.join(" · ")}</span>
                      </Td>
                      <Td className="tabular">{formatDateTime(job.startedAt)}</Td>
                      <Td>
                        <div className="flex items-center gap-2">
                          <progress max={p.total || 1} value={p.done} className="h-2 w-32" aria-label={t.progress} />
                          <span className="text-xs text-slate-600 tabular">
                            {t.progressText(p.done, p.total)} · {percent}%
                          </span>
                        </div>
                        {job.state === "running" && p.current ? (
                          <p className="mt-0.5 text-xs text-slate-500">{t.current(p.current)}</p>
                        ) : null}
                      </Td>
                      <Td>
                        {job.state === "done" ? (
                          <a
                            href={`/admin/exports/${job.id}/zip`}
                            className="text-sm font-medium text-brand-700 hover:underline"
                            download
                          >
                            {t.download}
                            <span className="ml-1 text-xs text-slate-500">
                              {t.size(((job.size ?? 0) / 1048576).toFixed(1))}
                            </span>
                          </a>
                        ) : job.state === "failed" ? (
                          <span className="text-sm text-red-700">{t.failed}</span>
                        ) : (
                          <Badge tone="info">{t.states[job.state]}</Badge>
                        )}
                      </Td>
                    </Tr>
                  );
                })}
              </TBody>
            </Table>
          )}
        </Card>
      </div>
    </AppShell>
  );
}
