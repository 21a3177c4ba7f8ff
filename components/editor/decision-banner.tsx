import type { Decision } from "@/db/queries/review";
import { formatDateTime } from "@/lib/i18n/format";
import { zhCN } from "@/lib/i18n/zh-CN";
import { Alert } from "@/components/ui/alert";

const m = zhCN.editor.decision;

/**
 * The bureau's last word at the top of the clerk's editor: a return's reason and note (what to do
 * is in the threads below it), or the approval with the approver's opinion. The same words reach
 * the clerk under 通知; here they stay in sight while the clerk works.
 */
export function DecisionBanner({ decision }: { decision: Decision | null }) {
  if (!decision) return null;
  if (decision.kind === "returned")
    return (
      <Alert tone="warning" title={m.returnedTitle} className="mb-4">
        <div data-testid="decision-banner" className="space-y-1">
          <p className="font-medium">{m.reason(decision.reasonLabel)}</p>
          {decision.note ? (
            <p className="whitespace-pre-wrap">
              <span className="text-amber-900/80">{m.note}：</span>
              {decision.note}
            </p>
          ) : null}
          <p className="text-xs opacity-80">{m.returnedBy(decision.by, formatDateTime(decision.at))}</p>
        </div>
      </Alert>
    );
  return (
    <Alert tone="success" title={m.approvedTitle} className="mb-4">
      <div data-testid="decision-banner" className="space-y-1">
        {decision.opinion ? (
          <p className="whitespace-pre-wrap">
            <span className="font-medium">{m.opinion}：</span>
            {decision.opinion}
          </p>
        ) : (
          <p>{m.noOpinion}</p>
        )}
        <p className="text-xs opacity-80">{m.approvedBy(decision.by ?? "—", formatDateTime(decision.at))}</p>
      </div>
    </Alert>
  );
}
