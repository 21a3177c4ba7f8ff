import type { PriorYear } from "@/db/queries/review-changes";
import type { Disclosure } from "@/lib/domain/model";
import { zhCN } from "@/lib/i18n/zh-CN";
import { documentOutline } from "@/lib/render/document";
import { marksAgainst, textsByPlace } from "@/lib/workflow/year-compare";
import { DocumentView, type DocumentAnnotations } from "@/components/document-view";
import { MarkedText } from "./marked-text";

const m = zhCN.workflow.lastYear;

/** Marks, in one year's text, the words that differ from the other year's at the same place. */
function marking(other: ReadonlyMap<string, string>, side: "before" | "after"): DocumentAnnotations {
  return {
    text: (text, place) => {
      const parts = marksAgainst(text, other.get(place), side);
      return parts ? <MarkedText parts={parts} side={side} /> : text;
    },
  };
}

/**
 * This year beside the department's last year (what the public read, when it was published),
 * section by section: each section of both years in one row of the grid, so they line up. What
 * differs at the same place is marked: this year's new words highlighted, last year's struck.
 */
export function LastYearView({ current, prior }: { current: Disclosure; prior: PriorYear | null }) {
  if (!prior) return <p className="rounded-md border border-slate-200 bg-white p-5 text-sm text-slate-600">{m.none}</p>;
  const now = documentOutline(current);
  const before = documentOutline(prior.content);
  const thisYear = marking(textsByPlace(before), "after");
  const lastYear = marking(textsByPlace(now), "before");
  const ids = now.sections.map((s) => s.id);
  return (
    <section aria-label={m.title}>
      <p className="mb-2 text-sm text-slate-600">{m.legend}</p>
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
              <DocumentView
                outline={{ ...now, title: "", preamble: "", sections: a ? [a] : [], appendix: undefined }}
                annotate={thisYear}
              />
              <DocumentView
                outline={{ ...before, title: "", preamble: "", sections: b ? [b] : [], appendix: undefined }}
                annotate={lastYear}
              />
            </div>
          );
        })}
        {/* The budget tables once, after the text, as in print (each section's row leaves them out). */}
        {now.appendix || before.appendix ? (
          <div
            className="grid grid-cols-2 gap-4 [&_article]:py-5 [&_article>section]:mt-0"
            data-testid="compare-appendix"
          >
            <DocumentView
              outline={{ title: "", preamble: "", sections: [], appendix: now.appendix }}
              annotate={thisYear}
            />
            <DocumentView
              outline={{ title: "", preamble: "", sections: [], appendix: before.appendix }}
              annotate={lastYear}
            />
          </div>
        ) : null}
      </div>
    </section>
  );
}
