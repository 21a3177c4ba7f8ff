import Link from "next/link";
import { zhCN } from "@/lib/i18n/zh-CN";
import { Card } from "@/components/ui/card";

/** Rendered with HTTP 403 wherever a page calls forbidden(): signed in, but not allowed here. */
export default function Forbidden() {
  return (
    <div className="flex min-h-screen items-center justify-center bg-slate-100 px-4">
      <main id="main" className="w-full max-w-md">
        <Card className="px-6 py-7 text-center">
          <p className="text-3xl font-semibold text-slate-500 tabular">{zhCN.forbidden.code}</p>
          <h1 className="mt-2 text-lg font-semibold text-slate-900">{zhCN.forbidden.title}</h1>
          <p className="mt-2 text-sm text-slate-600">{zhCN.forbidden.body}</p>
          <p className="mt-6 flex justify-center gap-4 text-sm">
            <Link href="/home" className="text-brand-700 underline underline-offset-2">
              {zhCN.forbidden.home}
            </Link>
            <Link href="/" className="text-brand-700 underline underline-offset-2">
              {zhCN.nav.portal}
            </Link>
          </p>
        </Card>
      </main>
    </div>
  );
}
