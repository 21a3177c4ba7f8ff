import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getActor } from "@/app/_server/session";
import { zhCN } from "@/lib/i18n/zh-CN";
import { Card } from "@/components/ui/card";
import { SignOutForm } from "./sign-out-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: zhCN.signOut.title };

export default async function SignOutPage() {
  const actor = await getActor();
  if (!actor) redirect("/signin");
  return (
    <div className="flex min-h-screen flex-col items-center justify-center bg-slate-100 px-4 py-10">
      <main id="main" className="w-full max-w-sm">
        <p className="mb-2 text-center text-sm tracking-wide text-slate-600">{zhCN.app.name}</p>
        <Card className="px-6 py-7">
          <h1 className="text-lg font-semibold text-slate-900">{zhCN.signOut.title}</h1>
          <p className="mt-2 mb-6 text-sm text-slate-700">
            {actor.displayName}（{zhCN.roles[actor.role]}），{zhCN.signOut.question}
          </p>
          <SignOutForm />
        </Card>
      </main>
    </div>
  );
}
