import type { Disclosure } from "@/lib/domain/model";
import { describePath } from "@/lib/domain/paths";
import { zhCN } from "@/lib/i18n/zh-CN";
import { summariseFindings } from "@/lib/rules/engine";
import type { Finding, Severity } from "@/lib/rules/finding";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const m = zhCN.imports.preview;
const tone: Record<Severity, BadgeTone> = { error: "danger", warning: "warning", info: "neutral" };
/** Enough to judge the file by; the editor's findings panel has every one. */
const SHOWN = 40;

/** What the rule engine finds in what was read, errors first, each with where it is. */
export function FindingsList({ findings, disclosure }: { findings: ReadonlyArray<Finding>; disclosure: Disclosure }) {
  if (findings.length === 0) return <p className="px-5 py-4 text-sm text-emerald-800">{m.noFindings}</p>;
  const summary = summariseFindings(findings);
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  const ordered = [...findings].sort((a, b) => rank[a.severity] - rank[b.severity]);
  return (
    <div data-testid="findings">
      <p className="border-b border-slate-100 px-5 py-2 text-sm text-slate-600">
        {m.findingsSummary(summary.error, summary.warning, summary.info)}
      </p>
      <ul className="divide-y divide-slate-100">
        {ordered.slice(0, SHOWN).map((f, i) => (
          <li key={i} className="flex gap-3 px-5 py-2 text-sm">
            <Badge tone={tone[f.severity]} className="mt-0.5 shrink-0">
              {m.severity[f.severity]}
            </Badge>
            <div className="min-w-0">
              <p className="text-slate-900">{f.message}</p>
              <p className="mt-0.5 truncate text-xs text-slate-500">{describePath(f.path, disclosure)}</p>
            </div>
          </li>
        ))}
      </ul>
      {ordered.length > SHOWN ? (
        <p className="px-5 py-2 text-sm text-slate-600">{m.moreFindings(ordered.length - SHOWN)}</p>
      ) : null}
    </div>
  );
}
