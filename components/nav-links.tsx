"use client";

import { usePathname } from "next/navigation";
import { Tabs } from "./ui/tabs";
import type { NavItem } from "./navigation";

/** The header links, marking the current section with aria-current for screen readers and style. */
export function NavLinks({ items, label }: { items: NavItem[]; label: string }) {
  const pathname = usePathname();
  // The longest matching prefix wins, so /admin/years/2020 marks 年度总览 and not 管理.
  const current = items
    .filter((item) => (item.href === "/" ? pathname === "/" : pathname === item.href || pathname.startsWith(`${item.href}/`)))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return <Tabs items={items} current={current} label={label} look="header" />;
}
