import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { getDb } from "@/db/client";
import { queueFacets, reviewQueue, stateCounts } from "@/db/queries/review-queue";
import { canUseReviewQueue } from "@/lib/auth/policy";
import { todayIso } from "@/lib/i18n/format";
import { zhCN } from "@/lib/i18n/zh-CN";
import { dueOf, dueSummary, queueOrder, waitingDays } from "@/lib/workflow/queue-view";
import { disclosureStates, isPublished, isSubmittedOrBeyond, isUnderReview } from "@/lib/workflow/states";
import { findingSummaries, type QueueFindings } from "@/app/_server/findings";
import { authorize, requireActor } from "@/app/_server/session";
import { AppShell, PageHeader } from "@/components/app-shell";
import { Deadline } from "@/components/deadline";
import { QueueFilters, type QueueQuery } from "@/components/review/queue-filters";
import { StateBadge } from "@/components/state-badge";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { listReportsForActor } from "@/db/queries/performance-reports";
import { performanceCycleMessages } from "@/lib/i18n/zh-CN/performance-cycle";
import { ReportList } from "@/components/performance/report-list";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: zhCN.workflow.queue.title };

const q = zhCN.workflow.queue;
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Filters from the URL; anything malformed is simply no filter. */
const queryShape = z.object({
  state: z.enum(disclosureStates).optional().catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  desk: z.uuid().optional().catch(undefined),
  q: z.string().trim().max(40).optional().catch(undefined),
});

/**
 * The approver's queue: the assigned departments' disclosures, what waits for them first, with
 * deadlines (due and late), days waiting, open comments and finding counts. Filters in the URL.
 */
export default async function ReviewPage({ searchParams }: Props) {
  const actor = await requireActor("/review");
  authorize(canUseReviewQueue(actor));
  const raw = await searchParams;
  const query: QueueQuery = queryShape.parse({
    state: raw.state || undefined,
    year: raw.year || undefined,
    desk: raw.desk || undefined,
    q: raw.q || undefined,
  });
  const db = getDb();
  const [all, facets, counts] = await Promise.all([
    reviewQueue(db, actor, {
      states: query.state ? [query.state] : undefined,
      fiscalYear: query.year,
      deskId: query.desk,
      text: query.q,
    }),
    queueFacets(db, actor),
    stateCounts(db, actor, query.year),
  ]);
  const today = todayIso();
  const rows = all.sort(
    (a, b) =>
      queueOrder[a.state] - queueOrder[b.state] ||
      (a.submissionDeadline ?? "9999").localeCompare(b.submissionDeadline ?? "9999") ||
      b.fiscalYear - a.fiscalYear ||
      a.departmentCode.localeCompare(b.departmentCode),
  );
  const findings = await findingSummaries(
    db,
    actor,
    rows.filter((r) => isUnderReview(r.state)).map((r) => r.id),
  );
  const summary = dueSummary(rows, today);
  // The performance cycle's reports once handed in (issue 17): the desk reviews them like a disclosure.
  const reports = (await listReportsForActor(db, actor)).filter((r) => r.state !== "draft");

  return (
    <AppShell user={actor} wide>
      <PageHeader title={zhCN.workflow.queue.title} description={zhCN.workflow.queue.intro} />
      {actor.groupDepartmentIds.length === 0 ? (
        <Alert tone="warning">{zhCN.workflow.queue.noGroups}</Alert>
      ) : (
        <>
          <QueueFilters query={query} years={facets.years} desks={facets.desks} counts={counts} />
          <p className="mb-3 text-sm text-slate-700" data-testid="due-summary">
            <span className="font-medium">{q.due}：</span>
            {q.dueSummary(summary.waiting, summary.lateSubmission, summary.latePublication)}
            <span className="ml-3 text-slate-500">
              {q.count(
                rows.length,
                Object.values(counts).reduce((a, b) => a + (b ?? 0), 0),
              )}
            </span>
          </p>
          {rows.length === 0 ? (
            <Card className="px-5 py-10 text-center text-sm text-slate-600">{q.empty}</Card>
          ) : (
            <Card>
              <Table caption={zhCN.workflow.queue.title}>
                <THead>
                  <tr>
                    <Th>{zhCN.common.department}</Th>
                    <Th className="w-24">{zhCN.common.fiscalYear}</Th>
                    <Th className="w-24">{zhCN.common.state}</Th>
                    <Th className="w-52">{q.deadline}</Th>
                    <Th className="w-20">{q.waiting}</Th>
                    <Th className="w-24">{q.comments}</Th>
                    <Th className="w-40">{zhCN.workflow.queue.findings}</Th>
                    <Th className="w-28">{zhCN.workflow.grading.queueColumn}</Th>
                    <Th className="w-20">
                      <span className="sr-only">{zhCN.common.actions}</span>
                    </Th>
                  </tr>
                </THead>
                <TBody>
                  {rows.map((row) => {
                    const found = findings.get(row.id);
                    const due = dueOf(row, today);
                    const waited = waitingDays(row, today);
                    return (
                      <Tr key={row.id}>
                        <Td>
                          <span className="mr-2 text-slate-500 tabular">{row.departmentCode}</span>
                          {row.departmentName}
                        </Td>
                        <Td className="tabular">{zhCN.common.yearSuffix(row.fiscalYear)}</Td>
                        <Td>
                          <StateBadge state={row.state} />
                        </Td>
                        <Td>
                          {due.publication ? (
                            <span className="text-sm">
                              {q.publicationDue} <Deadline date={due.publication.by} done={isPublished(row.state)} />
                            </span>
                          ) : (
                            <Deadline date={row.submissionDeadline} done={isSubmittedOrBeyond(row.state)} />
                          )}
                        </Td>
                        <Td className="tabular">{waited === null ? "—" : q.waitingDays(waited)}</Td>
                        <Td>
                          {row.openComments > 0 ? (
                            <Badge tone="warning">{q.openComments(row.openComments)}</Badge>
                          ) : row.totalComments > 0 ? (
                            row.totalComments
                          ) : (
                            "—"
                          )}
                        </Td>
                        <Td>
                          <Findings summary={found} />
                        </Td>
                        <Td data-testid="queue-grades">
                          <WeakProjects summary={found} />
                        </Td>
                        <Td>
                          <Link
                            href={`/review/${row.id}`}
                            className="text-brand-700 underline-offset-2 hover:underline"
                          >
                            {zhCN.common.open}
                          </Link>
                        </Td>
                      </Tr>
                    );
                  })}
                </TBody>
              </Table>
            </Card>
          )}
        </>
      )}
      <ReportList
        rows={reports}
        intro={performanceCycleMessages.list.reviewIntro}
        action={performanceCycleMessages.list.open}
      />
    </AppShell>
  );
}

function WeakProjects({ summary }: { summary: QueueFindings | undefined }) {
  const g = zhCN.workflow.grading;
  if (!summary || summary.projects === 0)
    return <span className="text-slate-400">{zhCN.workflow.queue.findingsUnavailable}</span>;
  if (summary.weakProjects === 0) return <span className="text-sm text-slate-600">{g.queueAllGood}</span>;
  return (
    <span title={g.rankingSummary(summary.weakProjects, summary.projects)}>
      <Badge tone="warning">{g.queueWeak(summary.weakProjects)}</Badge>
    </span>
  );
}

function Findings({ summary }: { summary: { error: number; warning: number } | undefined }) {
  if (!summary) return <span className="text-slate-400">{zhCN.workflow.queue.findingsUnavailable}</span>;
  if (summary.error + summary.warning === 0) return <Badge tone="success">{zhCN.workflow.queue.noFindings}</Badge>;
  return (
    <span className="flex gap-1.5">
      {summary.error > 0 ? <Badge tone="danger">{zhCN.workflow.queue.errorsN(summary.error)}</Badge> : null}
      {summary.warning > 0 ? <Badge tone="warning">{zhCN.workflow.queue.warningsN(summary.warning)}</Badge> : null}
    </span>
  );
}
