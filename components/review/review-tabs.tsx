import { zhCN } from "@/lib/i18n/zh-CN";
import { Tabs } from "@/components/ui/tabs";

export type ReviewTab = "document" | "changes" | "lastYear";
const m = zhCN.workflow.screen.tabs;

/** 全文 / 修改之处 / 对比上年 as links (the tab is in the URL, so it survives a reload and a share). */
export function ReviewTabs({ id, current, changes }: { id: string; current: ReviewTab; changes: number | null }) {
  const hrefs: Record<ReviewTab, string> = {
    document: `/review/${id}`,
    changes: `/review/${id}?tab=changes`,
    lastYear: `/review/${id}?tab=lastYear`,
  };
  const items = [
    { href: hrefs.document, label: m.document },
    { href: hrefs.changes, label: changes === null ? m.changes : `${m.changes}（${changes}）` },
    { href: hrefs.lastYear, label: m.lastYear },
  ];
  return <Tabs items={items} current={hrefs[current]} label={zhCN.workflow.queue.review} className="no-print mb-4" />;
}
