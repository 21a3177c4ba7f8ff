import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "./cn";

export type TabItem = {
  href: string;
  label: string;
  /** Something short after the label, such as a count; it must carry its own text for screen readers. */
  after?: ReactNode;
};

const looks = {
  /** Underlined tabs above a page's content (admin sections, the review's views). */
  underline: {
    list: "flex flex-wrap gap-1 border-b border-slate-200",
    link: "-mb-px inline-flex items-center gap-1.5 border-b-2 px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-brand-600",
    current: "border-brand-600 font-medium text-brand-700",
    other: "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
  },
  /** Pills on the dark header (the role's main navigation). */
  header: {
    list: "flex items-center gap-1",
    link: "inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 text-sm whitespace-nowrap focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white",
    current: "bg-white/15 font-semibold text-white",
    other: "text-brand-100 hover:bg-white/10 hover:text-white",
  },
} as const;

/**
 * A row of tabs that are plain links: each is its own page (or URL), so they work before and
 * without JavaScript, Tab and Enter reach and follow them, and a reload or a shared link keeps the
 * tab. The current one carries aria-current="page", which screen readers announce; its look only
 * repeats that.
 */
export function Tabs({
  items,
  current,
  label,
  look = "underline",
  className,
}: {
  items: readonly TabItem[];
  /** The href of the current tab, or undefined when none is. */
  current: string | undefined;
  /** The navigation's name for screen readers (it tells this nav from the others on the page). */
  label: string;
  look?: keyof typeof looks;
  className?: string;
}) {
  const l = looks[look];
  return (
    <nav aria-label={label} className={className}>
      <ul className={l.list}>
        {items.map((item) => (
          <li key={item.href} className="flex">
            <Link
              href={item.href}
              aria-current={item.href === current ? "page" : undefined}
              className={cn(l.link, item.href === current ? l.current : l.other)}
            >
              {item.label}
              {item.after}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
