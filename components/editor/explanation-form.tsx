"use client";

import { useId, useState } from "react";
import { zhCN } from "@/lib/i18n/zh-CN";
import type { Finding } from "@/lib/rules/finding";
import { Button } from "@/components/ui/button";
import { useEditor, useExplanation } from "./editor-context";

const m = zhCN.editor.findings;

/** Keeping a warning: the clerk's reason, which the reviewer reads beside it. */
export function ExplanationForm({ finding, onDone }: { finding: Finding; onDone?: () => void }) {
  const { explain } = useEditor();
  const current = useExplanation(finding) ?? "";
  const [text, setText] = useState(current);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const submit = async (value: string) => {
    setBusy(true);
    const failure = await explain(finding, value);
    setBusy(false);
    setError(failure);
    if (!failure) onDone?.();
  };
  return (
    <div className="mt-2 rounded-md border border-orange-200 bg-orange-50/60 p-2 text-slate-800">
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-700">
        {m.explanationLabel}
      </label>
      <textarea
        id={id}
        rows={2}
        value={text}
        placeholder={m.explanationPlaceholder}
        onChange={(e) => setText(e.target.value)}
        className="block w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
      />
      {error ? (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <div className="mt-2 flex gap-2">
        <Button size="sm" disabled={busy || text.trim() === ""} onClick={() => submit(text)}>
          {m.saveExplanation}
        </Button>
        {current ? (
          <Button size="sm" variant="ghost" disabled={busy} onClick={() => submit("")}>
            {m.withdrawExplanation}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
