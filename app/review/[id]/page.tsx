import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { NotFoundError } from "@/lib/errors";
import { getDisclosureMeta, loadContent } from "@/db/queries/disclosures";
import { listReturnReasonsWithUse } from "@/db/queries/return-reasons";
import { listReturns, listThreads, listWarningExplanations } from "@/db/queries/review";
import { changesSinceLastSubmission, priorYearDisclosure } from "@/db/queries/review-changes";
import { canAnswerComment, canComment, canUseReviewQueue } from "@/lib/auth/policy";
import { toCanonical } from "@/lib/domain/editable";
import { formatDateTime } from "@/lib/i18n/format";
import { zhCN } from "@/lib/i18n/zh-CN";
import { documentOutline } from "@/lib/render/document";
import { checkDisclosure } from "@/lib/rules/engine";
import { projectGrades } from "@/lib/rules/grades";
import { TARGET_QUALITY_REASON, targetQualityQuote } from "@/lib/rules/target-quality";
import { outlierRows } from "@/lib/rules/target-spread";
import { gridMessages } from "@/lib/i18n/zh-CN/grid";
import { yearSpreadOnce } from "@/app/_server/target-spread";
import { explanationIndex } from "@/lib/rules/submit-gate";
import { guardsMessage } from "@/lib/workflow/messages";
import { placeFindings, printedRowPaths, rowPathOf } from "@/lib/workflow/review-view";
import { disclosureState, isSubmittedOrBeyond } from "@/lib/workflow/states";
import { availableSteps, unmetGuards } from "@/lib/workflow/transitions";
import { loadCheckOptions } from "@/db/queries/settings";
import { authorize, requireActor } from "@/app/_server/session";
import { AppShell } from "@/components/app-shell";
import { Deadline } from "@/components/deadline";
import { ChangesView } from "@/components/review/changes-view";
import { FindingsList } from "@/components/review/findings-list";
import { LastYearView } from "@/components/review/last-year-view";
import { ProjectRanking } from "@/components/review/project-ranking";
import { ReviewDocument } from "@/components/review/review-document";
import { ReviewTabs, type ReviewTab } from "@/components/review/review-tabs";
import { ApproveForm, ReturnForm, StartReviewForm } from "@/components/review/step-forms";
import { ThreadCard } from "@/components/review/thread-card";
import { StateBadge } from "@/components/state-badge";
import { Alert } from "@/components/ui/alert";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: zhCN.workflow.queue.review };

const m = zhCN.workflow.screen;
type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ tab?: string }> };

/**
 * The review screen: the disclosure read-only in its published layout with comment buttons, the
 * threads and the rule engine's findings beside it, the steps this approver may take now, what
 * changed since the last submission and last year side by side. Every step is checked again on
 * the server (app/review/operations.ts → db/queries/workflow.ts).
 */
export default async function ReviewScreen({ params, searchParams }: Props) {
  const [{ id }, { tab: rawTab }] = await Promise.all([params, searchParams]);
  if (!z.uuid().safeParse(id).success) notFound();
  const actor = await requireActor(`/review/${id}`);
  authorize(canUseReviewQueue(actor));
  const db = getDb();
  const meta = await getDisclosureMeta(db, actor, id).catch((e) =>
    e instanceof NotFoundError ? notFound() : Promise.reject(e),
  );
  const tab: ReviewTab = rawTab === "changes" || rawTab === "lastYear" ? rawTab : "document";

  const content = await loadContent(db, meta);
  const canonical = toCanonical(content);
  const [threads, options, explanations, returns, reasons, diff, spread] = await Promise.all([
    listThreads(db, actor, id),
    loadCheckOptions(db, canonical.fiscalYear, canonical.department.code),
    listWarningExplanations(db, actor, id),
    listReturns(db, actor, id),
    listReturnReasonsWithUse(db),
    changesSinceLastSubmission(db, actor, id),
    yearSpreadOnce(canonical.fiscalYear, canonical.department.code),
  ]);
  const findings = checkDisclosure(canonical, options);
  const graded = projectGrades(findings, canonical);
  // A 指标值 far from what the other departments set this year: a hint on its row, as in the editor.
  const spreadHints = new Map(
    outlierRows(canonical, spread).map(({ path, outlier, line }) => {
      const v = (value: string) => `${value}${line.unit}`;
      return [
        path,
        {
          text: gridMessages.grid.outlier[outlier],
          detail: gridMessages.grid.spread(v(line.min), v(line.median), v(line.max), line.departments),
        },
      ];
    }),
  );
  // The year's catalogue names the tables' 类/款 subtotal rows, as in the published files.
  const outline = documentOutline(canonical, { nameOf: options.classification?.nameOf });
  const printedRows = printedRowPaths(outline);
  const placed = placeFindings(findings, printedRows);
  const prior = tab === "lastYear" ? await priorYearDisclosure(db, actor, meta) : null;

  const steps = availableSteps(actor, meta);
  const openThreads = threads.filter((t) => !t.resolvedAt).length;
  const errors = findings.filter((f) => f.severity === "error").length;
  const approveBlocked = guardsMessage(
    unmetGuards("approve", {
      errorFindings: errors,
      unexplainedWarnings: 0,
      openComments: openThreads,
      reasonValid: true,
    }),
  );
  const changedRows = new Set(
    diff.changes.flatMap((c) =>
      c.kind === "removed" ? [] : [rowPathOf(c.path)].filter((p): p is string => p !== null),
    ),
  );
  const commenting = canComment(actor, meta);

  return (
    <AppShell user={actor} wide>
      <p className="no-print mb-2 text-sm">
        <Link href="/review" className="text-brand-700 hover:underline">
          ← {m.back}
        </Link>
      </p>
      <div className="mb-4 flex flex-wrap items-center gap-x-4 gap-y-2">
        <h1 className="text-xl font-semibold text-slate-900">{meta.departmentName}</h1>
        <span className="text-sm text-slate-600">
          {zhCN.common.yearSuffix(meta.fiscalYear)} · {m.revision(meta.revision)} · {m.version(meta.version)}
        </span>
        <StateBadge state={meta.state} />
        <span className="text-sm text-slate-600">
          {m.deadline}：<Deadline date={meta.submissionDeadline} done={isSubmittedOrBeyond(meta.state)} />
        </span>
        {meta.submittedAt ? (
          <span className="text-sm text-slate-600">
            {m.submittedAt} {formatDateTime(meta.submittedAt)}
          </span>
        ) : null}
        <Link href={`/disclosures/${id}/audit`} className="text-sm text-brand-700 hover:underline">
          {m.audit}
        </Link>
      </div>

      <div className="no-print mb-4 flex flex-wrap items-start gap-3" role="group" aria-label={zhCN.common.actions}>
        {steps.includes("startReview") ? <StartReviewForm disclosureId={id} version={meta.version} /> : null}
        {steps.includes("approve") ? (
          <ApproveForm disclosureId={id} version={meta.version} blockedBy={approveBlocked || null} />
        ) : null}
        {steps.includes("return") ? (
          <ReturnForm
            disclosureId={id}
            version={meta.version}
            reasons={reasons.filter((r) => r.active)}
            openComments={openThreads}
            // The same quote the return writes (db/queries/target-quality.ts), from the same checks.
            prefills={{ [TARGET_QUALITY_REASON]: targetQualityQuote(canonical, findings) }}
          />
        ) : null}
        {meta.state === disclosureState.submitted ? (
          <p className="self-center text-sm text-slate-600">{m.startFirst}</p>
        ) : null}
      </div>

      <ReviewTabs id={id} current={tab} changes={diff.base ? diff.changes.length : null} />

      {tab === "changes" ? (
        <ChangesView changes={diff.changes} base={diff.base} content={content} />
      ) : tab === "lastYear" ? (
        <LastYearView current={canonical} prior={prior} />
      ) : (
        <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]">
          <div>
            <p className="no-print mb-3 text-sm text-slate-600">{m.readOnly}</p>
            <ReviewDocument
              disclosureId={id}
              outline={outline}
              content={content}
              threads={threads}
              canComment={commenting}
              changedRows={changedRows}
              printedRows={printedRows}
              placedFindings={placed}
              hints={spreadHints}
            />
          </div>
          <aside className="space-y-6 xl:sticky xl:top-4 xl:max-h-[calc(100vh-2rem)] xl:self-start xl:overflow-y-auto">
            <section id="review-threads" aria-labelledby="threads-title">
              <h2
                id="threads-title"
                className="mb-2 flex items-baseline justify-between text-base font-semibold text-slate-900"
              >
                {m.comments}
                <span className="text-xs font-normal text-slate-600">
                  {zhCN.workflow.comments.count(openThreads, threads.length)}
                </span>
              </h2>
              {threads.length === 0 ? <p className="text-sm text-slate-600">{m.noComments}</p> : null}
              <div className="space-y-2">
                {threads.map((t) => (
                  <ThreadCard key={t.id} thread={t} canAnswer={canAnswerComment(actor, meta)} />
                ))}
              </div>
            </section>
            <section aria-labelledby="ranking-title">
              <h2 id="ranking-title" className="mb-2 text-base font-semibold text-slate-900">
                {zhCN.workflow.grading.ranking}
              </h2>
              <ProjectRanking projects={canonical.performance.projects} graded={graded} />
            </section>
            <section aria-labelledby="findings-title">
              <h2 id="findings-title" className="mb-2 text-base font-semibold text-slate-900">
                {m.findings}
              </h2>
              <FindingsList placed={placed} explanations={explanationIndex(explanations)} content={content} />
            </section>
            {returns.length > 0 ? (
              <section aria-labelledby="returns-title">
                <h2 id="returns-title" className="mb-2 text-base font-semibold text-slate-900">
                  {m.returns}
                </h2>
                <ul className="space-y-2 text-sm">
                  {returns.map((r) => (
                    <li key={r.id} className="rounded-md border border-slate-200 bg-white p-2">
                      <p className="text-xs text-slate-500">
                        {r.returnedByName} · {formatDateTime(r.returnedAt)}
                      </p>
                      <p className="font-medium text-slate-800">{zhCN.workflow.notices.reason(r.reasonLabel)}</p>
                      {r.note ? <p className="text-slate-700">{r.note}</p> : null}
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
          </aside>
        </div>
      )}
      {steps.length === 0 && meta.state === disclosureState.in_review ? (
        <Alert tone="info">{zhCN.workflow.refused(zhCN.workflow.stepVerbs.approve)}</Alert>
      ) : null}
    </AppShell>
  );
}
