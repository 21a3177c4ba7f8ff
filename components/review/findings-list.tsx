import { severityWords } from "@/lib/i18n/zh-CN/severity";
import type { Finding } from "@/lib/rules/finding";
import { explanationOf } from "@/lib/rules/submit-gate";
import { zhCN } from "@/lib/i18n/zh-CN";
import { shortLabel } from "@/lib/workflow/review-view";
import { Badge } from "@/components/ui/badge";

const m = zhCN.workflow.screen;

/** The rule engine's findings beside the document, each warning with the department's explanation. */
export function FindingsList({
  findings,
  explanations,
  content,
}: {
  findings: Finding[];
  explanations: ReadonlyMap<string, string>;
  content: unknown;
}) {
  const shown = findings.filter((f) => f.severity !== "info");
  if (shown.length === 0) return <p className="text-sm text-slate-600">{m.noFindings}</p>;
  return (
    <ul className="space-y-2" data-testid="review-findings">
      {shown.map((f, i) => {
        const explanation = explanationOf(explanations, f);
        return (
          <li key={i} className="rounded-md border border-slate-200 bg-white p-2 text-sm">
            <div className="flex items-start gap-2">
              <Badge tone={f.severity === "error" ? "danger" : "warning"}>{severityWords[f.severity]}</Badge>
              <span className="text-slate-900">{f.message}</span>
            </div>
            <p className="mt-1 text-xs text-slate-500">{shortLabel(f.path, content)}</p>
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
