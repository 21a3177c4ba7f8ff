import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { judgementView } from "@/db/queries/performance-judge";
import { loadReport } from "@/db/queries/performance-reports";
import { listReturnReasons } from "@/db/queries/settings";
import { mayDraftFor } from "@/lib/auth/standing";
import { NotFoundError } from "@/lib/errors";
import { formatDateTime } from "@/lib/i18n/format";
import { performanceCycleMessages as pm } from "@/lib/i18n/zh-CN/performance-cycle";
import { isEditable } from "@/lib/workflow/states";
import { transitionOf, type WorkflowStep } from "@/lib/workflow/transitions";
import { requireActor } from "@/app/_server/session";
import { AppShell, PageHeader } from "@/components/app-shell";
import { Deadline } from "@/components/deadline";
import { ReportEditor } from "@/components/performance/report-editor";
import { ReportSteps } from "@/components/performance/report-steps";
import { StateBadge } from "@/components/state-badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: pm.list.title };

type Props = { params: Promise<{ id: string }> };

/**
 * One department's 运行监控 or 自评: the clerk fills it (autosaved, checked and scored by the
 * server) and submits; the desk's approver starts the review, returns it with a comment or
 * approves; the admin publishes an approved 自评. Who sees it at all is the query's scope: a
 * report of another department is "not found", as a disclosure is.
 */
export default async function ReportPage({ params }: Props) {
  const { id } = await params;
  const actor = await requireActor(`/performance/${encodeURIComponent(id)}`);
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const db = getDb();
  const report = await loadReport(db, actor, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const { row, content, comments } = report;
  const may = (step: WorkflowStep) => transitionOf(step).from.includes(row.state) && transitionOf(step).who(actor, row);
  const editable = mayDraftFor(actor, row) && isEditable(row.state);
  const steps = (["startReview", "approve", "publish"] as const).filter(
    (step) => may(step) && (step !== "publish" || row.kind === "self_evaluation"),
  );
  const reasons = may("return") ? await listReturnReasons(db, { activeOnly: true }) : [];
  const anchors = [
    { path: "", label: pm.things.report },
    ...content.projects.flatMap((project, p) => [
      { path: `projects[${p}]`, label: project.name },
      ...project.indicators.map((ind, i) => ({
        path: `projects[${p}].indicators[${i}]`,
        label: `${project.name} · ${ind.name}`,
      })),
    ]),
  ];
  const anchorLabel = new Map(anchors.map((a) => [a.path, a.label]));

  return (
    <AppShell user={actor} wide>
      <PageHeader
        title={pm.report.title(row.fiscalYear, row.kind, row.departmentName)}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <StateBadge state={row.state} />
            <span>{pm.report.evaluates}</span>
            <span>
              · {pm.progress.due}：<Deadline date={row.dueDate} done={!isEditable(row.state)} />
            </span>
            {content.note ? <span>· {content.note}</span> : null}
          </span>
        }
      />
      <div className="space-y-4">
        {comments.length > 0 ? (
          <Card aria-labelledby="report-comments">
            <CardHeader id="report-comments" title={pm.report.comments} />
            <CardBody>
              <ul className="space-y-2 text-sm">
                {comments.map((c) => (
                  <li key={c.id} className={c.resolvedAt ? "text-slate-500" : "text-slate-900"}>
                    <span className="font-medium">{anchorLabel.get(c.anchorPath) ?? pm.things.report}</span>：{c.body}
                    <span className="ml-2 text-xs text-slate-500">
                      {c.authorName} · {formatDateTime(c.createdAt)}
                    </span>
                  </li>
                ))}
              </ul>
            </CardBody>
          </Card>
        ) : null}
        <ReportSteps
          reportId={row.id}
          version={row.version}
          steps={[...steps]}
          canReturn={may("return")}
          reasons={reasons.map((r) => ({ code: r.code, label: r.label }))}
          anchors={anchors}
        />
        <ReportEditor
          key={row.version}
          reportId={row.id}
          kind={row.kind}
          version={row.version}
          content={content}
          judgement={judgementView(report.judgement)}
          editable={editable}
          canSubmit={may("submit")}
        />
      </div>
    </AppShell>
  );
}
