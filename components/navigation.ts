import type { Role } from "@/lib/auth/actor";
import { zhCN } from "@/lib/i18n/zh-CN";

export type NavItem = { href: string; label: string /** Unread notices, shown on the 通知 link. */; unread?: number };

export const NOTICES_HREF = "/notices";

/**
 * What each role's header offers. Only a convenience: every page checks the policy again, so a
 * link missing here is never what keeps someone out.
 */
export function navigationFor(role: Role | null): NavItem[] {
  const portal = { href: "/public", label: zhCN.nav.portal };
  // Returns and resubmissions come back to people through their notices (app/notices).
  const notices = { href: NOTICES_HREF, label: zhCN.workflow.notices.title };
  switch (role) {
    case "clerk":
      return [{ href: "/workbench", label: zhCN.nav.workbench }, notices, portal];
    case "approver":
      return [{ href: "/review", label: zhCN.nav.review }, notices, portal];
    case "admin":
      return [
        { href: "/admin", label: zhCN.nav.admin },
        { href: "/admin/years", label: zhCN.nav.yearOverview },
        { href: "/admin/publish", label: zhCN.portal.publish.title },
        portal,
      ];
    case null:
      return [portal];
  }
}
