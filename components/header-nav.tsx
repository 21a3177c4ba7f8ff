import type { Actor } from "@/lib/auth/actor";
import { zhCN } from "@/lib/i18n/zh-CN";
import { unreadNoticeCount } from "@/app/_server/header";
import { NavLinks } from "./nav-links";
import { NOTICES_HREF, navigationFor } from "./navigation";

/**
 * The header's navigation for the signed-in user's role, with the number of unread notices on the
 * 通知 link (one count query, only for the roles whose header has that link). Rendered on the
 * server with the page, so the number is there without JavaScript.
 */
export async function HeaderNav({ user }: { user: Actor | null }) {
  const items = navigationFor(user?.role ?? null);
  const unread = user && items.some((i) => i.href === NOTICES_HREF) ? await unreadNoticeCount(user) : 0;
  return (
    <NavLinks
      items={items.map((i) => (i.href === NOTICES_HREF && unread > 0 ? { ...i, unread } : i))}
      label={zhCN.nav.label}
    />
  );
}
