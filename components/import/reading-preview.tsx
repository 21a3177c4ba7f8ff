import type { Disclosure, ProjectFund } from "@/lib/domain/model";
import type { ReadProblem } from "@/lib/import/upload/read-upload";
import type { IndicatorSheets } from "@/lib/import/upload/indicator-sheet";
import { zhCN } from "@/lib/i18n/zh-CN";
import type { Finding } from "@/lib/rules/finding";
import { Alert } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import { FiguresTable } from "./figures-table";
import { FindingsList } from "./findings-list";
import { ProblemsList } from "./problems-list";
import { ProjectsTable } from "./projects-table";
import { SectionSummary } from "./section-summary";

const m = zhCN.imports.preview;

export type PreviewContent =
  | { kind: "disclosure"; disclosure: Disclosure }
  | { kind: "indicators"; sheets: IndicatorSheets; draft: Disclosure };

/**
 * What was read, before anything is saved: how the file becomes the draft, the nine sections with
 * their counts, the figures, what could not be read (with where), the checks that fail, and the
 * project tables. One layout for an upload and for last year's disclosure carried forward.
 */
export function ReadingPreview({
  content,
  notes,
  problems,
  findings,
}: {
  content: PreviewContent;
  notes: ReadonlyArray<string>;
  problems: ReadonlyArray<ReadProblem> | null;
  findings: ReadonlyArray<Finding>;
}) {
  const projects: ReadonlyArray<ProjectFund> =
    content.kind === "disclosure" ? content.disclosure.performance.projects : content.sheets.projects;
  const indicators = projects.reduce((n, p) => n + p.indicators.length, 0);
  const located = content.kind === "disclosure" ? content.disclosure : content.draft;
  return (
    <div className="space-y-5">
      {notes.length > 0 ? (
        <Alert tone="info">
          <ul className="space-y-1">
            {notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </Alert>
      ) : null}

      <Card aria-labelledby="preview-summary">
        <CardHeader
          id="preview-summary"
          title={m.summaryHeading}
          description={m.counts.projects(projects.length, indicators)}
        />
        <div className="p-4">
          {content.kind === "disclosure" ? (
            <SectionSummary disclosure={content.disclosure} findings={findings} />
          ) : (
            <SheetSummary sheets={content.sheets} />
          )}
        </div>
      </Card>

      <div className="grid gap-5 lg:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
        {content.kind === "disclosure" ? (
          <Card aria-labelledby="preview-figures" className="self-start">
            <CardHeader id="preview-figures" title={m.figuresHeading} />
            <FiguresTable disclosure={content.disclosure} />
          </Card>
        ) : null}
        <div className={`space-y-5 ${content.kind === "disclosure" ? "" : "lg:col-span-2"}`}>
          {problems ? (
            <Card aria-labelledby="preview-problems">
              <CardHeader
                id="preview-problems"
                title={m.problemsHeading}
                description={problems.length > 0 ? m.problemsCount(problems.length) : undefined}
              />
              <ProblemsList problems={problems} />
            </Card>
          ) : null}
          <Card aria-labelledby="preview-findings">
            <CardHeader id="preview-findings" title={m.findingsHeading} />
            <FindingsList findings={findings} disclosure={located} />
          </Card>
        </div>
      </div>

      <Card aria-labelledby="preview-projects">
        <CardHeader
          id="preview-projects"
          title={m.projectsHeading}
          description={m.counts.projects(projects.length, indicators)}
        />
        <ProjectsTable projects={projects} />
      </Card>
    </div>
  );
}

function SheetSummary({ sheets }: { sheets: IndicatorSheets }) {
  return (
    <ul className="space-y-1 text-sm text-slate-700" data-testid="sheet-summary">
      {sheets.sheets.map((s) => (
        <li key={s.name}>
          {m.sheet(s.name)}：{m.counts.projects(s.projects, s.indicators)}
        </li>
      ))}
      {sheets.skipped.map((name) => (
        <li key={`skipped-${name}`} className="text-slate-500">
          {m.sheetSkipped(name)}
        </li>
      ))}
    </ul>
  );
}
