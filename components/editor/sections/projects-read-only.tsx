import type { EditableProjectFund } from "@/lib/domain/editable";
import { zhCN } from "@/lib/i18n/zh-CN";
import { Amount } from "@/components/amount";
import { useFindingsAt } from "../editor-context";
import { FindingNote } from "../finding-note";

const m = zhCN.editor.sections;

/** The project tables listed, with their findings, where the indicator grid is not mounted. */
export function ProjectsReadOnly({ projects, note }: { projects: EditableProjectFund[]; note?: string }) {
  return (
    <div>
      {note ? <p className="mb-2 text-xs text-slate-500">{note}</p> : null}
      <ol className="divide-y divide-slate-100 rounded-md border border-slate-200">
        {projects.map((p, i) => (
          <ProjectLine key={p.id ?? i} project={p} index={i} />
        ))}
      </ol>
    </div>
  );
}

function ProjectLine({ project, index }: { project: EditableProjectFund; index: number }) {
  const path = `performance.projects[${index}]`;
  const findings = useFindingsAt(path);
  return (
    <li data-field-path={path} className="px-3 py-2 text-sm">
      <div className="flex items-baseline gap-3">
        <span className="w-6 shrink-0 text-right text-xs text-slate-500 tabular-nums">{index + 1}</span>
        <span className="min-w-0 flex-1 font-medium text-slate-800">{project.name}</span>
        <Amount value={project.amount} />
        <span className="shrink-0 text-xs text-slate-500">{m.projectIndicators(project.indicators.length)}</span>
      </div>
      {findings.length > 0 ? (
        <ul className="mt-1 space-y-1 pl-9">
          {findings.map((f) => (
            <FindingNote key={`${f.rule}|${f.path}|${f.message}`} finding={f} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
