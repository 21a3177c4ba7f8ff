import type { ProjectFund } from "@/lib/domain/model";
import { zhCN } from "@/lib/i18n/zh-CN";
import { Amount } from "@/components/amount";

const m = zhCN.imports.preview;
const g = zhCN.imports.preview.columns;

/**
 * The project funds as read, each with its indicator rows folded away: the counts are what the
 * clerk checks first, the rows are there to spot a misread 指标值.
 */
export function ProjectsTable({ projects }: { projects: ReadonlyArray<ProjectFund> }) {
  return (
    <div className="divide-y divide-slate-100" data-testid="projects">
      <div className="grid grid-cols-[3rem_minmax(0,1fr)_8rem_5rem] gap-3 bg-slate-50 px-3 py-2 text-sm font-medium text-slate-600">
        <span>{g.rowNumber}</span>
        <span>{m.projectName}</span>
        <span className="text-right">{m.projectAmount}</span>
        <span className="text-right">{m.indicatorCount}</span>
      </div>
      {projects.map((p, index) => (
        <details key={index} className="group">
          <summary className="grid cursor-pointer grid-cols-[3rem_minmax(0,1fr)_8rem_5rem] gap-3 px-3 py-2 text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600">
            <span className="tabular text-slate-500">{index + 1}</span>
            <span className="min-w-0 truncate text-slate-900" title={p.name}>
              <span aria-hidden className="mr-1 inline-block text-slate-400 transition-transform group-open:rotate-90">
                ›
              </span>
              {p.name || "—"}
            </span>
            <Amount value={p.amount} />
            <span className="amount">{p.indicators.length}</span>
          </summary>
          <table className="mb-3 ml-12 w-[calc(100%-3.75rem)] border-collapse text-xs">
            <caption className="sr-only">{m.indicatorsOf(p.name)}</caption>
            <thead className="text-left text-slate-500">
              <tr>
                <th className="py-1 pr-3 font-medium">{g.level1}</th>
                <th className="py-1 pr-3 font-medium">{g.level2}</th>
                <th className="py-1 pr-3 font-medium">{g.name}</th>
                <th className="py-1 font-medium">{g.target}</th>
              </tr>
            </thead>
            <tbody className="text-slate-700">
              {p.indicators.map((i, r) => (
                <tr key={r} className="border-t border-slate-100">
                  <td className="py-1 pr-3 whitespace-nowrap">{i.level1}</td>
                  <td className="py-1 pr-3 whitespace-nowrap">{i.level2}</td>
                  <td className="py-1 pr-3">{i.name}</td>
                  <td className={`py-1 ${i.target.kind === "unparsed" ? "text-amber-800" : ""}`}>{i.target.raw}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ))}
    </div>
  );
}
