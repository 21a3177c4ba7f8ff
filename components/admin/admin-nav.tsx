import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import { Tabs } from "@/components/ui/tabs";

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
  return <Tabs items={items} current={current} label={n.label} className="mb-5" />;
}
