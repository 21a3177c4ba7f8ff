import Link from "next/link";
import { zhCN } from "@/lib/i18n/zh-CN";
import { cn } from "@/components/ui/cn";

export type ReviewTab = "document" | "changes" | "lastYear";
const m = zhCN.workflow.screen.tabs;

/** 全文 / 修改之处 / 对比上年 as links (the tab is in the URL, so it survives a reload and a share). */
export function ReviewTabs({ id, current, changes }: { id: string; current: ReviewTab; changes: number | null }) {
  const tabs: { tab: ReviewTab; label: string; href: string }[] = [
    { tab: "document", label: m.document, href: `/review/${id}` },
    { tab: "changes", label: changes === null ? m.changes : `${m.changes}（${changes}）`, href: `/review/${id}?tab=changes` },
    { tab: "lastYear", label: m.lastYear, href: `/review/${id}?tab=lastYear` },
  ];
  return (
    <nav aria-label={zhCN.workflow.queue.review} className="no-print mb-4 flex gap-1 border-b border-slate-200">
      {tabs.map((t) => (
        <Link
          key={t.tab}
          href={t.href}
          aria-current={t.tab === current ? "page" : undefined}
          className={cn(
            "-mb-px border-b-2 px-4 py-2 text-sm",
            t.tab === current ? "border-brand-600 font-medium text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900",
          )}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
