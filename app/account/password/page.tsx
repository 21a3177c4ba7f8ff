import type { Metadata } from "next";
import { requireActor } from "@/app/_server/session";
import { securityMessages } from "@/lib/i18n/zh-CN/security";
import { AppShell, PageHeader } from "@/components/app-shell";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { ChangePasswordForm } from "./change-password-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: securityMessages.account.title };

const m = securityMessages;

/** Changing one's own password; the only page a user with an initial password may see until they do. */
export default async function ChangePasswordPage() {
  const actor = await requireActor("/account/password", { allowPasswordChange: true });
  return (
    <AppShell user={actor}>
      <div className="mx-auto max-w-lg">
        <PageHeader title={m.account.title} description={`${actor.displayName}（${actor.username}）`} />
        {actor.mustChangePassword ? (
          <Alert tone="warning" className="mb-4" title={m.account.forcedTitle}>
            {m.account.forcedIntro}
          </Alert>
        ) : null}
        <Card className="px-6 py-6">
          <p className="mb-5 text-sm text-slate-600">{m.account.intro}</p>
          <ChangePasswordForm />
        </Card>
      </div>
    </AppShell>
  );
}
