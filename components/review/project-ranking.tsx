import type { Disclosure } from "@/lib/domain/model";
import { reviewMessages } from "@/lib/i18n/zh-CN/review";
import { needsRevision, type ProjectGrade, rankWorstFirst } from "@/lib/rules/grades";
import { DimensionScores, GradeBadge } from "@/components/grade-badge";

const m = reviewMessages.grading;

/** Where the document view prints project `index`'s 绩效目标表 (lib/render/tables.ts indicatorTable's id). */
export const projectTableAnchor = (index: number) => `table-indicators-${index + 1}`;

/**
 * 项目评级: the department's projects ranked by their target grade, 差 first, each with its four
 * dimensions' scores and a link to its 绩效目标表 in the document beside it.
 */
export function ProjectRanking({
  projects,
  graded,
}: {
  projects: Disclosure["performance"]["projects"];
  graded: ReadonlyArray<ProjectGrade>;
}) {
  if (projects.length === 0) return <p className="text-sm text-slate-600">{m.noProjects}</p>;
  const weak = graded.filter((g) => needsRevision(g.grade)).length;
  return (
    <div>
      <p className="mb-2 text-xs text-slate-600">
        {m.rankingIntro} <span className="font-medium text-slate-800">{m.rankingSummary(weak, projects.length)}</span>
      </p>
      <ol className="space-y-1.5" data-testid="project-ranking">
        {rankWorstFirst(graded).map((p) => {
          const g = graded[p];
          const findings = Object.values(g.findings).reduce((n, list) => n + list.length, 0);
          return (
            <li key={p} data-project={p} className="rounded-md border border-slate-200 bg-white px-2 py-1.5 text-sm">
              <div className="flex items-baseline gap-2">
                <GradeBadge graded={g} className="shrink-0" />
                <a
                  href={`#${projectTableAnchor(p)}`}
                  className="min-w-0 flex-1 truncate text-slate-900 hover:text-brand-700 hover:underline"
                  title={projects[p].name}
                >
                  {p + 1}、{projects[p].name || m.unnamed}
                </a>
                <span className="tabular shrink-0 text-xs text-slate-600">
                  {m.points(g.score)}
                  {findings > 0 ? ` · ${m.findingsN(findings)}` : ""}
                </span>
              </div>
              {g.score < 100 ? (
                <div className="mt-0.5 pl-8">
                  <DimensionScores graded={g} />
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
