"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useId, useState } from "react";
import type { Outcome } from "@/app/_server/operation";
import { zhCN } from "@/lib/i18n/zh-CN";
import { Button } from "@/components/ui/button";
import { createReturnReasonAction, updateReturnReasonAction } from "./actions";

const m = zhCN.workflow.reasons;
type State = Outcome<unknown> | null;
type Reason = { code: string; label: string; position: number; active: boolean; uses: number };

const input = "h-9 rounded-md border border-slate-300 bg-white px-2 text-sm aria-[invalid=true]:border-red-600";

/**
 * One reason as an editable row (name, order, 启用), or the empty row that adds a reason. The code
 * is fixed once created: past returns point at it.
 */
export function ReasonForm({ reason }: { reason?: Reason }) {
  const [state, action, pending] = useActionState<State, FormData>(
    reason ? updateReturnReasonAction : createReturnReasonAction,
    null,
  );
  const router = useRouter();
  const id = useId();
  // Controlled, so a refusal (React resets a form after its action) never loses what was typed.
  const [code, setCode] = useState(reason?.code ?? "");
  const [label, setLabel] = useState(reason?.label ?? "");
  const [position, setPosition] = useState(String(reason?.position ?? 99));
  const [active, setActive] = useState(reason?.active ?? true);
  useEffect(() => {
    if (state?.ok) {
      if (!reason) {
        setCode("");
        setLabel("");
        setPosition("99");
        setActive(true);
      }
      router.refresh();
    }
  }, [state, reason, router]);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const message = state && !state.ok ? (Object.values(state.fieldErrors)[0]?.[0] ?? state.formError) : null;
  return (
    <form
      action={action}
      aria-label={reason ? reason.label : m.add}
      className="flex flex-wrap items-center gap-3 px-5 py-3"
      data-testid="reason-form"
    >
      {reason ? (
        <>
          <input type="hidden" name="code" value={reason.code} />
          <code className="w-48 text-sm text-slate-600">{reason.code}</code>
        </>
      ) : (
        <input
          name="code"
          aria-label={m.code}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          placeholder={m.codeHint}
          aria-invalid={!!errors.code || undefined}
          className={`${input} w-48`}
        />
      )}
      <input
        name="label"
        aria-label={m.label}
        value={label}
        onChange={(e) => setLabel(e.target.value)}
        placeholder={m.label}
        aria-invalid={!!errors.label || undefined}
        className={`${input} w-44`}
      />
      <label className="flex items-center gap-1 text-sm text-slate-700">
        {m.position}
        <input
          name="position"
          type="number"
          min={0}
          max={999}
          value={position}
          onChange={(e) => setPosition(e.target.value)}
          className={`${input} w-20`}
        />
      </label>
      <label htmlFor={`${id}-active`} className="flex items-center gap-1 text-sm text-slate-700">
        <input
          id={`${id}-active`}
          name="active"
          type="checkbox"
          value="true"
          checked={active}
          onChange={(e) => setActive(e.target.checked)}
        />
        {m.active}
      </label>
      {reason ? <span className="text-xs text-slate-500">{m.used(reason.uses)}</span> : null}
      <Button type="submit" size="sm" variant={reason ? "secondary" : "primary"} disabled={pending} className="ml-auto">
        {reason ? m.save : m.add}
      </Button>
      {message ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {message}
        </p>
      ) : state?.ok ? (
        <p role="status" className="w-full text-sm text-emerald-700">
          {reason ? m.saved : m.added}
        </p>
      ) : null}
    </form>
  );
}
