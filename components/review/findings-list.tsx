import { severityWords } from "@/lib/i18n/zh-CN/severity";
import { explanationOf } from "@/lib/rules/submit-gate";
import { zhCN } from "@/lib/i18n/zh-CN";
import { type PlacedFinding, shortLabel } from "@/lib/workflow/review-view";
import { Badge } from "@/components/ui/badge";
import { rowAnchor } from "@/lib/render/outline";

const m = zhCN.workflow.screen;

/** Where the document's row and the list's entry link to each other. */
export const findingAnchor = (index: number) => `finding-${index}`;

/**
 * The rule engine's findings beside the document, errors first, each warning with the department's
 * explanation; a finding about a printed row (an indicator, a budget-table row) links to it.
 */
export function FindingsList({
  placed,
  explanations,
  content,
}: {
  placed: ReadonlyArray<PlacedFinding>;
  explanations: ReadonlyMap<string, string>;
  content: unknown;
}) {
  if (placed.length === 0) return <p className="text-sm text-slate-600">{m.noFindings}</p>;
  return (
    <ul className="space-y-2" data-testid="review-findings">
      {placed.map(({ finding: f, row }, i) => {
        const explanation = explanationOf(explanations, f);
        return (
          <li
            key={i}
            id={findingAnchor(i)}
            data-path={f.path}
            className="rounded-md border border-slate-200 bg-white p-2 text-sm"
          >
            <div className="flex items-start gap-2">
              <Badge tone={f.severity === "error" ? "danger" : "warning"}>{severityWords[f.severity]}</Badge>
              <span className="text-slate-900">{f.message}</span>
            </div>
            <p className="mt-1 flex items-baseline justify-between gap-2 text-xs text-slate-600">
              <span>{shortLabel(f.path, content)}</span>
              {row ? (
                <a href={`#${rowAnchor(row)}`} className="no-print shrink-0 text-blue-700 underline">
                  {m.jumpTo}
                </a>
              ) : null}
            </p>
            {f.severity === "warning" ? (
              <p className="mt-1 text-xs text-slate-700">
                <span className="font-medium">{m.explained}：</span>
                {explanation ?? <span className="text-orange-700">{m.unexplained}</span>}
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
