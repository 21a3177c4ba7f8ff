"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useId, useState } from "react";
import type { Outcome } from "@/app/_server/operation";
import { addCommentAction } from "@/app/review/[id]/actions";
import { zhCN } from "@/lib/i18n/zh-CN";
import type { CommentTarget } from "@/lib/workflow/review-view";
import { Button } from "@/components/ui/button";

const m = zhCN.workflow;
type State = Outcome<{ id: string }> | null;

/**
 * "提意见" beside a section heading or on a row of the document: opens a small form pinned to the
 * row's path, or (for a section) to the field chosen from the section's list. The text typed stays
 * in the form when the server refuses it.
 */
export function CommentForm({
  disclosureId,
  anchorPath,
  targets,
  trigger,
  where,
}: {
  disclosureId: string;
  /** A fixed anchor: the row the button sits on. */
  anchorPath?: string;
  /** A choice: the section as a whole and each field in it. */
  targets?: CommentTarget[];
  trigger: string;
  /** What the comment is about, for the button's accessible name: "指标第 7 行「…」". */
  where: string;
}) {
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useActionState<State, FormData>(addCommentAction, null);
  const router = useRouter();
  const id = useId();
  // Controlled, so a refusal (React resets a form after its action) never loses what was typed.
  const [body, setBody] = useState("");
  const [target, setTarget] = useState(targets?.[0]?.path ?? "");

  useEffect(() => {
    if (state?.ok) {
      setBody("");
      setOpen(false);
      router.refresh();
    }
  }, [state, router]);

  return (
    <span className="no-print relative inline-block align-middle font-sans text-sm leading-5 indent-0">
      <button
        type="button"
        aria-expanded={open}
        aria-label={`${trigger}：${where}`}
        onClick={() => setOpen((v) => !v)}
        className="ml-1 rounded px-1.5 py-0.5 text-xs font-normal text-brand-700 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        {trigger}
      </button>
      {open ? (
        <form
          action={formAction}
          aria-label={`${m.comments.new}：${where}`}
          className="absolute top-7 right-0 z-30 w-80 rounded-md border border-slate-300 bg-white p-3 text-left shadow-lg"
        >
          <input type="hidden" name="id" value={disclosureId} />
          {anchorPath ? <input type="hidden" name="anchorPath" value={anchorPath} /> : null}
          <p className="mb-2 text-xs text-slate-600">
            {m.comments.at}：{where}
          </p>
          {targets ? (
            <label className="mb-2 block text-xs font-medium text-slate-700">
              {m.screen.chooseField}
              <select
                name="anchorPath"
                className="mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm"
                value={target}
                onChange={(e) => setTarget(e.target.value)}
              >
                {targets.map((t) => (
                  <option key={t.path} value={t.path}>
                    {t.label || m.screen.wholeSection}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <label htmlFor={`${id}-body`} className="block text-xs font-medium text-slate-700">
            {m.comments.body}
          </label>
          <textarea
            id={`${id}-body`}
            name="body"
            rows={3}
            required
            value={body}
            onChange={(e) => setBody(e.target.value)}
            placeholder={m.comments.placeholder}
            aria-invalid={state && !state.ok ? true : undefined}
            className="mt-1 block w-full rounded border border-slate-300 px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-brand-600"
          />
          {state && !state.ok ? (
            <p role="alert" className="mt-1 text-xs text-red-700">
              {state.fieldErrors.body?.[0] ?? state.formError}
            </p>
          ) : null}
          <div className="mt-2 flex justify-end gap-2">
            <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
              {m.comments.cancel}
            </Button>
            <Button size="sm" type="submit" disabled={pending}>
              {m.comments.add}
            </Button>
          </div>
        </form>
      ) : null}
    </span>
  );
}
