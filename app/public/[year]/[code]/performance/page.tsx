import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { gradeLabel } from "@/db/queries/performance-judge";
import { publishedSelfEvaluation } from "@/db/queries/performance-reports";
import { EVALUATION_FILE } from "@/lib/export/performance-formats";
import { scoreProject } from "@/lib/domain/performance/scoring";
import { evaluationProjects, evaluationRows } from "@/lib/export/performance";
import { formatDate } from "@/lib/i18n/format";
import { performanceCycleMessages as pm } from "@/lib/i18n/zh-CN/performance-cycle";
import { zhCN } from "@/lib/i18n/zh-CN";
import { getActor } from "@/app/_server/session";
import { AppShell, PageHeader } from "@/components/app-shell";
import { Card, CardHeader } from "@/components/ui/card";
import { ScrollRegion } from "@/components/ui/scroll-region";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: pm.portal.link };

type Props = { params: Promise<{ year: string; code: string }> };
const addressOf = z.object({ year: z.coerce.number().int().min(1990).max(2200), code: z.string().min(1).max(40) });
const p = pm.portal;

/**
 * A department's published 自评 beside the targets it evaluates: per project its execution and
 * score, per indicator the target, the 实际完成值 and the score with its working; the grade. Public.
 */
export default async function PublicEvaluationPage({ params }: Props) {
  const address = addressOf.safeParse(await params);
  if (!address.success) notFound();
  const { year, code } = address.data;
  const [found, actor] = await Promise.all([publishedSelfEvaluation(getDb(), year, code), getActor()]);
  if (!found) notFound();
  const scores = found.content.projects.map(scoreProject);
  const rows = evaluationRows(found.content, scores);
  const projects = evaluationProjects(found.content, scores, gradeLabel);
  const base = `/public/${year}/${encodeURIComponent(code)}`;

  return (
    <AppShell user={actor} wide>
      <nav aria-label={zhCN.portal.page.breadcrumb} className="mb-3 text-sm text-slate-600">
        <Link href="/public" className="text-brand-700 hover:underline">
          {zhCN.portal.page.breadcrumb}
        </Link>
        <span aria-hidden> / </span>
        <Link href={base} className="text-brand-700 hover:underline">
          {found.departmentName}
        </Link>
      </nav>
      <PageHeader
        title={`${found.departmentName} ${p.title(year)}`}
        description={
          <>
            {p.beside} · {zhCN.portal.page.publishedAt(formatDate(found.publishedAt))}
            {found.content.note ? ` · ${found.content.note}` : ""}
          </>
        }
        actions={
          <span className="flex flex-wrap gap-x-3 gap-y-1 text-sm" data-testid="evaluation-files">
            {found.files.map((file) => (
              <a
                key={file.format}
                className="text-brand-700 underline"
                href={`${base}/performance/${EVALUATION_FILE[file.format].path}`}
                data-evaluation-format={file.format}
              >
                {p.download} {p.files[file.format]}
              </a>
            ))}
          </span>
        }
      />
      <p className="mb-4 text-lg font-semibold" data-testid="evaluation-grade">
        {p.total}：{found.score} · {p.grade}：{found.grade}
      </p>
      <div className="space-y-4">
        {projects.map((project) => (
          <Card key={project.project} aria-label={project.project}>
            <CardHeader
              title={project.project}
              description={`${pm.report.budget} ${project.budget ?? "—"} · ${pm.report.executed} ${project.executed ?? "—"} · ${pm.report.executionRate} ${project.executionRate ?? "—"}% · ${p.score} ${project.total} · ${p.grade} ${project.grade}`}
            />
            <ScrollRegion label={`${project.project} · ${p.indicator}`}>
              <table className="w-full min-w-[44rem] text-sm">
                <caption className="sr-only">{project.project}</caption>
                <thead className="bg-slate-50 text-left text-xs text-slate-600">
                  <tr>
                    <th scope="col" className="px-3 py-2">
                      {p.indicator}
                    </th>
                    <th scope="col" className="px-3 py-2">
                      {p.target}
                    </th>
                    <th scope="col" className="px-3 py-2">
                      {p.actual}
                    </th>
                    <th scope="col" className="px-3 py-2 text-right">
                      {p.weight}
                    </th>
                    <th scope="col" className="px-3 py-2 text-right">
                      {p.score}
                    </th>
                    <th scope="col" className="px-3 py-2">
                      {pm.report.arithmetic}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows
                    .filter((r) => r.project === project.project)
                    .map((r) => (
                      <tr
                        key={`${r.level2}/${r.indicator}/${r.target}`}
                        className="border-t border-slate-100 align-top"
                      >
                        <th scope="row" className="px-3 py-2 text-left font-normal">
                          {r.level2} · {r.indicator}
                        </th>
                        <td className="px-3 py-2">{r.target}</td>
                        <td className="px-3 py-2">{r.applicable ? r.actual : "—"}</td>
                        <td className="px-3 py-2 text-right tabular">{r.points ?? "—"}</td>
                        <td className="px-3 py-2 text-right tabular">{r.score ?? "—"}</td>
                        <td className="px-3 py-2 text-xs text-slate-600">
                          {r.arithmetic}
                          {r.deviationReason ? <span className="block">{r.deviationReason}</span> : null}
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </ScrollRegion>
          </Card>
        ))}
      </div>
    </AppShell>
  );
}
