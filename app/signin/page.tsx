import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getActor } from "@/app/_server/session";
import { homePath } from "@/lib/auth/policy";
import { sameOriginPath } from "@/lib/auth/return-path";
import { zhCN } from "@/lib/i18n/zh-CN";
import { Card } from "@/components/ui/card";
import { siteOrigin } from "@/lib/security/same-site";
import { signInErrorMessage } from "./schema";
import { SignInForm } from "./sign-in-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: zhCN.signIn.title };

type Props = { searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  // Only a place on this site (lib/auth/return-path.ts): anything else is ignored, not followed.
  const callbackPath = sameOriginPath(first(params.callbackUrl), siteOrigin(await headers()));
  const actor = await getActor();
  // Already signed in: straight to where they were going, or their home.
  if (actor) redirect(callbackPath ?? homePath[actor.role]);
  return (
    <div className="flex min-h-screen flex-col items-center justify-center bg-slate-100 px-4 py-10">
      <main id="main" className="w-full max-w-sm">
        <p className="mb-2 text-center text-sm tracking-wide text-slate-600">{zhCN.app.name}</p>
        <Card className="px-6 py-7">
          <h1 className="text-lg font-semibold text-slate-900">{zhCN.signIn.title}</h1>
          <p className="mt-1 mb-5 text-sm text-slate-600">{zhCN.signIn.subtitle}</p>
          <SignInForm callbackPath={callbackPath} initialError={signInErrorMessage(first(params.error))} />
        </Card>
        <p className="mt-5 text-center text-sm text-slate-600">
          {zhCN.signIn.publicHint}
          <Link href="/" className="text-brand-700 underline underline-offset-2 hover:text-brand-800">
            {zhCN.signIn.publicLink}
          </Link>
        </p>
      </main>
    </div>
  );
}
