import type { ReadProblem } from "@/lib/import/upload/read-upload";
import { zhCN } from "@/lib/i18n/zh-CN";

const m = zhCN.imports.preview;

/** What the importer could not read, each with the line, section or sheet to look at in the file. */
export function ProblemsList({ problems }: { problems: ReadonlyArray<ReadProblem> }) {
  if (problems.length === 0) return <p className="px-5 py-4 text-sm text-emerald-800">{m.noProblems}</p>;
  return (
    <ul className="divide-y divide-slate-100" data-testid="problems">
      {problems.map((p, i) => (
        <li key={i} className="flex gap-3 px-5 py-2 text-sm">
          {p.where ? <span className="w-36 shrink-0 text-slate-500 tabular">{p.where}</span> : null}
          <span className="min-w-0 text-slate-900">{p.message}</span>
        </li>
      ))}
    </ul>
  );
}
