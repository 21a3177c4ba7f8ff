"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import type { Outcome } from "@/app/_server/operation";
import { approveAction, returnAction, startReviewAction } from "@/app/review/actions";
import { zhCN } from "@/lib/i18n/zh-CN";
import { Button } from "@/components/ui/button";

const m = zhCN.workflow;
type State = Outcome<unknown> | null;

function useRefreshOnSuccess(state: State) {
  const router = useRouter();
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
}

function FormError({ state }: { state: State }) {
  if (!state || state.ok) return null;
  const first = Object.values(state.fieldErrors)[0]?.[0];
  return (
    <p role="alert" className="text-sm text-red-700">
      {first ?? state.formError}
    </p>
  );
}

/** 开始审核: the version the page was read at goes along, so a stale page is told. */
export function StartReviewForm({ disclosureId, version }: { disclosureId: string; version: number }) {
  const [state, action, pending] = useActionState<State, FormData>(startReviewAction, null);
  useRefreshOnSuccess(state);
  return (
    <form action={action} className="flex flex-col items-start gap-1">
      <input type="hidden" name="id" value={disclosureId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <Button type="submit" variant="primary" disabled={pending}>
        {m.steps.startReview}
      </Button>
      <FormError state={state} />
    </form>
  );
}

/**
 * 审核通过: while a guard holds it back the button is disabled and the reason is said once, beside
 * it. Otherwise it asks first — what approving means, and the approver's opinion (审核意见), which
 * the server keeps in the approval's audit row and passes to the department's clerks.
 */
export function ApproveForm({
  disclosureId,
  version,
  blockedBy,
}: {
  disclosureId: string;
  version: number;
  blockedBy: string | null;
}) {
  const [open, setOpen] = useState(false);
  const [opinion, setOpinion] = useState("");
  const [state, action, pending] = useActionState<State, FormData>(approveAction, null);
  useRefreshOnSuccess(state);
  if (!open || blockedBy)
    return (
      <div className="flex flex-col items-start gap-1">
        <Button
          variant="primary"
          onClick={() => setOpen(true)}
          disabled={Boolean(blockedBy)}
          aria-expanded={false}
          aria-describedby={blockedBy ? "approve-blocked" : undefined}
        >
          {m.steps.approve}
        </Button>
        {blockedBy ? (
          <p id="approve-blocked" className="max-w-sm text-xs text-slate-600">
            {blockedBy}
          </p>
        ) : null}
      </div>
    );
  return (
    <form
      action={action}
      aria-label={m.approveDialog.title}
      className="w-full max-w-xl rounded-md border border-slate-300 bg-white p-4 shadow-sm"
    >
      <h2 className="mb-1 text-base font-semibold text-slate-900">{m.approveDialog.title}</h2>
      <p className="mb-3 text-sm text-slate-700">{m.confirm.approve}</p>
      <input type="hidden" name="id" value={disclosureId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <label className="mb-1 block text-sm font-medium text-slate-700">
        {m.approveDialog.opinion}
        <textarea
          name="opinion"
          rows={3}
          value={opinion}
          onChange={(e) => setOpinion(e.target.value)}
          placeholder={m.approveDialog.opinionPlaceholder}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
      </label>
      <p className="mb-3 text-xs text-slate-600">{m.approveDialog.opinionHint}</p>
      <FormError state={state} />
      <div className="mt-2 flex justify-end gap-2">
        <Button variant="ghost" onClick={() => setOpen(false)}>
          {m.approveDialog.cancel}
        </Button>
        <Button type="submit" variant="primary" disabled={pending}>
          {m.approveDialog.confirm}
        </Button>
      </div>
    </form>
  );
}

/** 退回修改: a reason code from the admin's list and a note; the open comments go with it. */
export function ReturnForm({
  disclosureId,
  version,
  reasons,
  openComments,
  prefills = {},
}: {
  disclosureId: string;
  version: number;
  reasons: { code: string; label: string }[];
  openComments: number;
  /**
   * A note the server wrote for a reason (绩效目标质量's quoted findings), put in the note when the
   * reason is chosen; null: the reason cannot be used now, and is offered disabled. The server
   * writes the quote again on the return, so what is sent of it here is never trusted.
   */
  prefills?: Readonly<Record<string, string | null>>;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const choose = (code: string) => {
    // The note follows the reason while the approver has not written one of their own.
    if (note.trim() === "" || note === prefills[reason]) setNote(prefills[code] ?? "");
    setReason(code);
  };
  const [state, action, pending] = useActionState<State, FormData>(returnAction, null);
  useRefreshOnSuccess(state);
  if (!open)
    return (
      <Button variant="secondary" onClick={() => setOpen(true)} aria-expanded={false}>
        {m.steps.return}
      </Button>
    );
  return (
    <form
      action={action}
      aria-label={m.returnDialog.title}
      className="w-full max-w-xl rounded-md border border-slate-300 bg-white p-4 shadow-sm"
    >
      <h2 className="mb-3 text-base font-semibold text-slate-900">{m.returnDialog.title}</h2>
      <input type="hidden" name="id" value={disclosureId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <label className="mb-3 block text-sm font-medium text-slate-700">
        {m.returnDialog.reason}
        <select
          name="reasonCode"
          required
          value={reason}
          onChange={(e) => choose(e.target.value)}
          className="mt-1 block h-10 w-full rounded-md border border-slate-300 bg-white px-2 text-sm"
        >
          <option value="" disabled>
            {m.returnDialog.choose}
          </option>
          {reasons.map((r) => (
            <option key={r.code} value={r.code} disabled={prefills[r.code] === null}>
              {prefills[r.code] === null ? m.grading.reasonUnavailable(r.label) : r.label}
            </option>
          ))}
        </select>
      </label>
      <label className="mb-2 block text-sm font-medium text-slate-700">
        {m.returnDialog.note}
        <textarea
          name="note"
          rows={prefills[reason] ? 8 : 3}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={m.returnDialog.notePlaceholder}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
      </label>
      <p className="mb-3 text-xs text-slate-600">
        {openComments > 0 ? m.returnDialog.openComments(openComments) : m.returnDialog.noComments}
      </p>
      <FormError state={state} />
      <div className="mt-2 flex justify-end gap-2">
        <Button variant="ghost" onClick={() => setOpen(false)}>
          {m.returnDialog.cancel}
        </Button>
        <Button type="submit" variant="danger" disabled={pending}>
          {m.returnDialog.confirm}
        </Button>
      </div>
    </form>
  );
}
