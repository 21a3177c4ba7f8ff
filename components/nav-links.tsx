"use client";

import { usePathname } from "next/navigation";
import { reviewMessages } from "@/lib/i18n/zh-CN/review";
import { Tabs } from "./ui/tabs";
import type { NavItem } from "./navigation";

/** The header links, marking the current section with aria-current for screen readers and style. */
export function NavLinks({ items, label }: { items: NavItem[]; label: string }) {
  const pathname = usePathname();
  // The longest matching prefix wins, so /admin/years/2020 marks 年度总览 and not 管理.
  const current = items
    .filter((item) =>
      item.href === "/" ? pathname === "/" : pathname === item.href || pathname.startsWith(`${item.href}/`),
    )
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return <Tabs items={items.map(withUnread)} current={current} label={label} look="header" />;
}

/** A count badge after the label; screen readers hear "通知（3 条未读）" instead of a bare number. */
function withUnread(item: NavItem) {
  if (!item.unread) return item;
  const m = reviewMessages.notices;
  return {
    ...item,
    after: (
      <>
        <span
          aria-hidden
          data-testid="unread-notices"
          className="tabular min-w-5 rounded-full bg-amber-400 px-1.5 text-center text-xs leading-5 font-semibold text-brand-900"
        >
          {m.unreadBadge(item.unread)}
        </span>
        <span className="sr-only">{m.unreadSuffix(item.unread)}</span>
      </>
    ),
  };
}
