"use client";

import { sections, type SectionId } from "@/lib/domain/model";
import type { SectionState, SectionStatus } from "@/lib/editor/section-state";
import { zhCN } from "@/lib/i18n/zh-CN";
import { cn } from "@/components/ui/cn";

const m = zhCN.editor;

const dot: Record<SectionState, string> = {
  empty: "border-slate-300 bg-white",
  "in-progress": "border-amber-500 bg-amber-100",
  complete: "border-emerald-600 bg-emerald-500",
  errors: "border-red-600 bg-red-500",
};
const word: Record<SectionState, string> = {
  empty: "text-slate-500",
  "in-progress": "text-amber-800",
  complete: "text-emerald-800",
  errors: "text-red-700",
};

/** The nine sections in order, each with its state; a link each, so the URL keeps the section. */
export function SectionNav({
  current,
  statuses,
  onSelect,
}: {
  current: SectionId;
  statuses: SectionStatus[];
  onSelect: (id: SectionId) => void;
}) {
  return (
    <nav aria-label={m.sectionsLabel}>
      <ol className="space-y-0.5">
        {sections.map((s) => {
          const status = statuses.find((x) => x.id === s.id)!;
          const active = s.id === current;
          const counts = m.sectionCounts(status.errors, status.warnings);
          return (
            <li key={s.id}>
              <a
                href={`?section=${s.id}`}
                aria-current={active ? "step" : undefined}
                data-section={s.id}
                data-state={status.state}
                onClick={(e) => {
                  if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                  e.preventDefault();
                  onSelect(s.id);
                }}
                className={cn(
                  "flex items-start gap-2 rounded-md px-2 py-1.5 text-sm",
                  active
                    ? "bg-brand-50 font-medium text-brand-800 ring-1 ring-brand-100"
                    : "text-slate-700 hover:bg-slate-100",
                )}
              >
                <span
                  aria-hidden
                  className={cn("mt-1.5 h-2.5 w-2.5 shrink-0 rounded-full border-2", dot[status.state])}
                />
                <span className="min-w-0 flex-1">
                  <span className="block leading-snug">{m.sectionN(s.number, s.title)}</span>
                  <span className={cn("block text-xs font-normal", word[status.state])}>
                    {m.sectionStates[status.state]}
                    {counts ? <span className="text-slate-600"> · {counts}</span> : null}
                  </span>
                </span>
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
