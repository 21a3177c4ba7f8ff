import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { listDisclosuresForActor } from "@/db/queries/disclosures";
import { canUseReviewQueue, type DisclosureState } from "@/lib/auth/policy";
import { zhCN } from "@/lib/i18n/zh-CN";
import { findingSummaries } from "@/app/_server/findings";
import { authorize, requireActor } from "@/app/_server/session";
import { AppShell, PageHeader } from "@/components/app-shell";
import { Deadline } from "@/components/deadline";
import { StateBadge } from "@/components/state-badge";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: zhCN.review.title };

/** What needs the approver first: waiting submissions, then reviews under way, then the rest. */
const queueOrder: Record<DisclosureState, number> = { submitted: 0, in_review: 1, returned: 2, draft: 3, approved: 4, published: 5 };
const awaitingReview = (state: DisclosureState) => state === "submitted" || state === "in_review";

/** The approver's queue: the assigned departments' disclosures by state and deadline, with finding counts. */
export default async function ReviewPage() {
  const actor = await requireActor("/review");
  authorize(canUseReviewQueue(actor));
  const db = getDb();
  const rows = (await listDisclosuresForActor(db, actor)).sort(
    (a, b) =>
      queueOrder[a.state] - queueOrder[b.state] ||
      (a.submissionDeadline ?? "9999").localeCompare(b.submissionDeadline ?? "9999") ||
      b.fiscalYear - a.fiscalYear ||
      a.departmentCode.localeCompare(b.departmentCode),
  );
  const findings = await findingSummaries(
    db,
    actor,
    rows.filter((r) => awaitingReview(r.state)).map((r) => r.id),
  );

  return (
    <AppShell user={actor}>
      <PageHeader title={zhCN.review.title} description={zhCN.review.intro} />
      {actor.groupDepartmentIds.length === 0 ? (
        <Alert tone="warning">{zhCN.review.noGroups}</Alert>
      ) : rows.length === 0 ? (
        <Card className="px-5 py-10 text-center text-sm text-slate-600">{zhCN.review.empty}</Card>
      ) : (
        <Card>
          <Table caption={zhCN.review.title}>
            <THead>
              <tr>
                <Th>{zhCN.common.department}</Th>
                <Th className="w-24">{zhCN.common.fiscalYear}</Th>
                <Th className="w-28">{zhCN.common.state}</Th>
                <Th className="w-56">{zhCN.common.deadline}</Th>
                <Th className="w-48">{zhCN.review.findings}</Th>
                <Th className="w-20">
                  <span className="sr-only">{zhCN.common.actions}</span>
                </Th>
              </tr>
            </THead>
            <TBody>
              {rows.map((row) => {
                const summary = findings.get(row.id);
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
                      <Deadline date={row.submissionDeadline} done={row.state !== "draft" && row.state !== "returned"} />
                    </Td>
                    <Td>
                      {!summary ? (
                        <span className="text-slate-400">{zhCN.review.findingsUnavailable}</span>
                      ) : summary.error + summary.warning === 0 ? (
                        <Badge tone="success">{zhCN.review.noFindings}</Badge>
                      ) : (
                        <span className="flex gap-1.5">
                          {summary.error > 0 ? <Badge tone="danger">{zhCN.review.errorsN(summary.error)}</Badge> : null}
                          {summary.warning > 0 ? <Badge tone="warning">{zhCN.review.warningsN(summary.warning)}</Badge> : null}
                        </span>
                      )}
                    </Td>
                    <Td>
                      <Link href={`/review/${row.id}`} className="text-brand-700 underline-offset-2 hover:underline">
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
    </AppShell>
  );
}
