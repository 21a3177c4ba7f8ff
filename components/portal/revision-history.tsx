import Link from "next/link";
import type { RevisionEntry } from "@/db/queries/portal";
import { formatDate } from "@/lib/i18n/format";
import { zhCN } from "@/lib/i18n/zh-CN";

const t = zhCN.portal.page;

/** The errata: every published revision of the department's year, what each corrected, each readable. */
export function RevisionHistory({
  history,
  current,
  base,
}: {
  history: RevisionEntry[];
  current: number;
  base: string;
}) {
  return (
    <section
      aria-labelledby="history-title"
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm print:border-0 print:p-0 print:shadow-none"
    >
      <h2 id="history-title" className="text-sm font-semibold text-slate-900">
        {t.historyTitle}
      </h2>
      <p className="mt-1 text-xs text-slate-600">{t.historyIntro}</p>
      <ol className="mt-3 space-y-3" data-testid="revision-history">
        {[...history].reverse().map((h) => (
          <li key={h.revision} className="text-sm">
            <div className="flex flex-wrap items-baseline gap-x-2">
              {h.revision === current ? (
                <span className="font-semibold text-slate-900">
                  {t.revision(h.revision)}
                  {t.historyCurrent}
                </span>
              ) : (
                <Link
                  href={`${base}?revision=${h.revision}`}
                  className="font-medium text-brand-700 underline-offset-2 hover:underline"
                >
                  {t.revision(h.revision)}
                </Link>
              )}
              <span className="text-xs whitespace-nowrap text-slate-500 tabular">{formatDate(h.publishedAt)}</span>
            </div>
            <p className="mt-0.5 text-xs leading-5 break-words whitespace-pre-wrap text-slate-700 [overflow-wrap:anywhere]">
              {h.note || t.historyFirst}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
