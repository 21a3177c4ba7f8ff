import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { listReturnReasonsWithUse } from "@/db/queries/return-reasons";
import { canAdminister } from "@/lib/auth/policy";
import { zhCN } from "@/lib/i18n/zh-CN";
import { authorize, requireActor } from "@/app/_server/session";
import { AdminNav } from "@/components/admin/admin-nav";
import { AppShell, PageHeader } from "@/components/app-shell";
import { Card } from "@/components/ui/card";
import { ReasonForm } from "./reason-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: zhCN.workflow.reasons.title };

/** 退回原因: the codes an approver chooses from when returning; retired ones stay on past returns. */
export default async function ReturnReasonsPage() {
  const actor = await requireActor("/admin/return-reasons");
  authorize(canAdminister(actor));
  const reasons = await listReturnReasonsWithUse(getDb());
  return (
    <AppShell user={actor}>
      <AdminNav current="/admin/return-reasons" />
      <PageHeader title={zhCN.workflow.reasons.title} description={zhCN.workflow.reasons.intro} />
      <Card>
        <div className="divide-y divide-slate-100">
          {reasons.map((r) => (
            <ReasonForm
              key={`${r.code}:${r.label}:${r.position}:${r.active}`}
              reason={{ code: r.code, label: r.label, position: r.position, active: r.active, uses: r.uses }}
            />
          ))}
          <ReasonForm />
        </div>
      </Card>
    </AppShell>
  );
}
