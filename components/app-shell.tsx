import Link from "next/link";
import type { ReactNode } from "react";
import type { Actor } from "@/lib/auth/actor";
import { zhCN } from "@/lib/i18n/zh-CN";
import { securityMessages } from "@/lib/i18n/zh-CN/security";
import { HeaderNav } from "./header-nav";

export type ShellUser = Actor;

/**
 * The frame of every page: the header with the role's navigation (with the unread notices) and,
 * when signed in, who is signed in and 退出; the public reader gets the portal link and 登录 instead.
 */
export function AppShell({
  user,
  children,
  wide = false,
}: {
  user: ShellUser | null;
  children: ReactNode;
  wide?: boolean;
}) {
  const width = wide ? "max-w-screen-2xl" : "max-w-6xl";
  return (
    <div className="flex min-h-screen flex-col">
      <header className="no-print bg-brand-800 text-white shadow">
        <div className={`mx-auto flex h-14 ${width} items-center gap-6 px-4 sm:px-6`}>
          <Link
            href={user ? "/home" : "/"}
            className="shrink-0 text-base font-semibold tracking-wide whitespace-nowrap"
          >
            {zhCN.app.name}
          </Link>
          <HeaderNav user={user} />
          <div className="ml-auto flex shrink-0 items-center gap-3 text-sm">
            {user ? (
              <>
                <span className="whitespace-nowrap" data-testid="current-user">
                  <span className="font-medium">{user.displayName}</span>
                  <span className="ml-2 rounded bg-white/15 px-1.5 py-0.5 text-xs text-brand-50">
                    {zhCN.roles[user.role]}
                  </span>
                </span>
                <Link
                  href="/account/password"
                  className="rounded-md px-2 py-1 whitespace-nowrap text-brand-100 hover:bg-white/10 hover:text-white"
                >
                  {securityMessages.account.title}
                </Link>
                <Link
                  href="/signout"
                  className="rounded-md px-2 py-1 text-brand-100 hover:bg-white/10 hover:text-white"
                >
                  {zhCN.nav.signOut}
                </Link>
              </>
            ) : (
              <Link href="/signin" className="rounded-md px-2 py-1 text-brand-100 hover:bg-white/10 hover:text-white">
                {zhCN.nav.signIn}
              </Link>
            )}
          </div>
        </div>
      </header>
      <main id="main" className={`mx-auto w-full ${width} flex-1 px-4 py-6 sm:px-6`}>
        {children}
      </main>
      <footer className="no-print border-t border-slate-200 py-4 text-center text-xs text-slate-500">
        {zhCN.app.name}
      </footer>
    </div>
  );
}

/** The page's title line, with an optional description and actions on the right. */
export function PageHeader({
  title,
  description,
  actions,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
        {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
      </div>
      {actions ? <div className="flex gap-2">{actions}</div> : null}
    </div>
  );
}
