"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { withdrawAction } from "@/app/review/actions";
import { zhCN } from "@/lib/i18n/zh-CN";
import { Button } from "@/components/ui/button";

const m = zhCN.editor.withdraw;

/**
 * 撤回提交 while the bureau has not started the review: asks first, then takes the workflow's
 * withdraw step (the server checks state, version and that this is the department's clerk).
 */
export function WithdrawForm({ disclosureId, version }: { disclosureId: string; version: number }) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const withdraw = async () => {
    setBusy(true);
    setError(null);
    const outcome = await withdrawAction({ id: disclosureId, expectedVersion: version });
    setBusy(false);
    if (!outcome.ok) return setError(outcome.formError ?? zhCN.errors.generic);
    router.push(`/disclosures/${disclosureId}/edit`);
    router.refresh();
  };
  return (
    <div data-testid="withdraw" className="mb-4 rounded-md border border-slate-200 bg-white px-4 py-3 text-sm">
      <p className="text-slate-700">{m.hint}</p>
      {asking ? (
        <div role="group" aria-label={m.confirmTitle} className="mt-2 flex flex-wrap items-center gap-2">
          <span className="font-medium text-slate-900">{m.confirmTitle}</span>
          <Button size="sm" variant="danger" disabled={busy} onClick={withdraw}>
            {m.confirm}
          </Button>
          <Button size="sm" variant="ghost" disabled={busy} onClick={() => setAsking(false)}>
            {m.cancel}
          </Button>
        </div>
      ) : (
        <Button size="sm" variant="secondary" className="mt-2" onClick={() => setAsking(true)}>
          {m.button}
        </Button>
      )}
      {error ? (
        <p role="alert" className="mt-2 text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
