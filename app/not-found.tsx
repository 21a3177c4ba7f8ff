import Link from "next/link";
import { connection } from "next/server";
import { zhCN } from "@/lib/i18n/zh-CN";
import { Card } from "@/components/ui/card";

/**
 * Rendered per request (connection()), not prerendered: an unknown address then gets the page with
 * this request's CSP nonce on its scripts like every other page, instead of a static copy whose
 * scripts the policy blocks.
 */
export default async function NotFound() {
  await connection();
  return (
    <div className="flex min-h-screen items-center justify-center bg-slate-100 px-4">
      <main id="main" className="w-full max-w-md">
        <Card className="px-6 py-7 text-center">
          <p className="text-3xl font-semibold text-slate-500 tabular">404</p>
          <h1 className="mt-2 text-lg font-semibold text-slate-900">{zhCN.notFound.title}</h1>
          <p className="mt-2 text-sm text-slate-600">{zhCN.notFound.body}</p>
          <p className="mt-6 text-sm">
            <Link href="/" className="text-brand-700 underline underline-offset-2">
              {zhCN.notFound.home}
            </Link>
          </p>
        </Card>
      </main>
    </div>
  );
}
