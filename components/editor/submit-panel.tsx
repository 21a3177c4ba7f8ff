"use client";

import type { SubmitBlockers } from "@/lib/rules/submit-gate";
import { zhCN } from "@/lib/i18n/zh-CN";
import { Button } from "@/components/ui/button";
import { useEditor } from "./editor-context";

const m = zhCN.editor.submit;

export type SubmitReadiness = SubmitBlockers & { unsaved: boolean; invalidInputs: number; conflict: boolean };

/** Unsaved edits do not stop the button: submitting saves them first. */
export function isReady(r: SubmitReadiness): boolean {
  return r.errors.length === 0 && r.unexplained.length === 0 && r.invalidInputs === 0 && !r.conflict;
}

/**
 * 提交审核, with what still stands in the way listed under the button; each item jumps to the
 * first finding it counts. The server checks the same again (the workflow's guards).
 */
export function SubmitPanel({
  readiness,
  canSubmit,
  busy,
  error,
  onSubmit,
}: {
  readiness: SubmitReadiness;
  canSubmit: boolean;
  busy: boolean;
  error: string | null;
  onSubmit: () => void;
}) {
  const { jumpTo } = useEditor();
  const ready = isReady(readiness);
  const items: Array<{ text: string; path?: string }> = [];
  if (readiness.errors.length > 0)
    items.push({ text: m.errors(readiness.errors.length), path: readiness.errors[0].path });
  if (readiness.unexplained.length > 0)
    items.push({ text: m.unexplained(readiness.unexplained.length), path: readiness.unexplained[0].path });
  if (readiness.invalidInputs > 0) items.push({ text: m.invalidInputs(readiness.invalidInputs) });
  if (readiness.conflict) items.push({ text: zhCN.editor.submit.conflict });
  else if (readiness.unsaved) items.push({ text: m.unsaved });
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm" data-testid="submit-panel">
      <Button
        className="w-full"
        disabled={!canSubmit || busy || !ready}
        aria-describedby="submit-blockers"
        onClick={onSubmit}
      >
        {busy ? m.submitting : m.button}
      </Button>
      <div id="submit-blockers" className="mt-2 text-xs">
        {!canSubmit ? <p className="text-slate-600">{m.adminNote}</p> : null}
        {canSubmit && items.length > 0 ? (
          <>
            <p className="text-slate-600">{m.blockedTitle}</p>
            <ul className="mt-1 list-disc space-y-0.5 pl-4 text-slate-800">
              {items.map((item) => (
                <li key={item.text}>
                  {item.path ? (
                    <button
                      type="button"
                      className="text-left underline-offset-2 hover:underline"
                      onClick={() => jumpTo(item.path!)}
                    >
                      {item.text}
                    </button>
                  ) : (
                    item.text
                  )}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {canSubmit && items.length === 0 ? <p className="text-emerald-800">{m.ready}</p> : null}
        {error ? (
          <p role="alert" className="mt-1 text-red-700">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
