import Link from "next/link";
import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import { cn } from "@/components/ui/cn";

const n = adminMessages.nav;
const items = [
  { href: "/admin", label: n.overview },
  { href: "/admin/users", label: n.users },
  { href: "/admin/departments", label: n.departments },
  { href: "/admin/desks", label: n.desks },
  { href: "/admin/fiscal-years", label: n.years },
  { href: "/admin/frameworks", label: n.frameworks },
  { href: "/admin/library", label: n.library },
  { href: "/admin/return-reasons", label: n.returnReasons },
  { href: "/admin/audit", label: n.audit },
] as const;

/** The administration's own tabs, above every admin page; `current` is the section's href. */
export function AdminNav({ current }: { current: (typeof items)[number]["href"] }) {
  return (
    <nav aria-label={n.label} className="mb-5 flex flex-wrap gap-1 border-b border-slate-200 text-sm">
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={item.href === current ? "page" : undefined}
          className={cn(
            "-mb-px border-b-2 px-3 py-2",
            item.href === current ? "border-brand-600 font-medium text-brand-800" : "border-transparent text-slate-600 hover:text-slate-900",
          )}
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
