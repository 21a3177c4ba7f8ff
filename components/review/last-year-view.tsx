import type { PriorYear } from "@/db/queries/review-changes";
import type { Disclosure } from "@/lib/domain/model";
import { zhCN } from "@/lib/i18n/zh-CN";
import { documentOutline } from "@/lib/render/document";
import { DocumentView } from "@/components/document-view";

const m = zhCN.workflow.lastYear;

/**
 * This year beside the department's last year (what the public read, when it was published),
 * section by section: each section of both years in one row of the grid, so they line up.
 */
export function LastYearView({ current, prior }: { current: Disclosure; prior: PriorYear | null }) {
  if (!prior) return <p className="rounded-md border border-slate-200 bg-white p-5 text-sm text-slate-600">{m.none}</p>;
  const now = documentOutline(current);
  const before = documentOutline(prior.content);
  const ids = now.sections.map((s) => s.id);
  return (
    <section aria-label={m.title}>
      <div className="sticky top-0 z-10 grid grid-cols-2 gap-4 bg-slate-50 py-2 text-sm font-semibold text-slate-800">
        <h2>{m.thisYear(current.fiscalYear)}</h2>
        <h2>
          {m.priorYear(prior.fiscalYear)} · {zhCN.states[prior.state]}
        </h2>
      </div>
      <div className="space-y-4">
        {ids.map((sid) => {
          const a = now.sections.find((s) => s.id === sid);
          const b = before.sections.find((s) => s.id === sid);
          return (
            <div
              key={sid}
              className="grid grid-cols-2 gap-4 [&_article]:py-5 [&_article>section]:mt-0"
              data-testid="compare-section"
            >
              <DocumentView outline={{ ...now, title: "", preamble: "", sections: a ? [a] : [] }} />
              <DocumentView outline={{ ...before, title: "", preamble: "", sections: b ? [b] : [] }} />
            </div>
          );
        })}
      </div>
    </section>
  );
}
