"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import { describePath } from "@/lib/domain/paths";
import { zhCN } from "@/lib/i18n/zh-CN";
import type { Finding } from "@/lib/rules/finding";
import { explanationOf } from "@/lib/rules/submit-gate";
import { Button } from "@/components/ui/button";
import { useEditor, useExplanation } from "./editor-context";

const m = zhCN.editor.findings;

/**
 * Keeping a warning: the clerk's reason, which the reviewer reads beside it. The box takes the
 * cursor as it opens. Other warnings of the same rule are listed to tick: one reason is saved
 * for the ticked ones together (twelve 指标值 kept qualitative for the same reason, say).
 */
export function ExplanationForm({
  finding,
  document,
  onDone,
}: {
  finding: Finding;
  /** The content, for naming the other warnings' places; without it they are named by path alone. */
  document?: unknown;
  onDone?: () => void;
}) {
  const { explain, findings, explanations } = useEditor();
  const current = useExplanation(finding) ?? "";
  const [text, setText] = useState(current);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const id = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => box.current?.focus(), []);

  const others = useMemo(() => {
    const seen = new Set([finding.path]);
    return findings.filter((f) => {
      if (f.severity !== "warning" || f.rule !== finding.rule || seen.has(f.path)) return false;
      seen.add(f.path);
      return true;
    });
  }, [findings, finding.rule, finding.path]);
  const chosen = [finding.path, ...others.filter((f) => ticked.has(f.path)).map((f) => f.path)];
  const allTicked = others.length > 0 && others.every((f) => ticked.has(f.path));

  const submit = async (value: string) => {
    setBusy(true);
    const failure = await explain(finding.rule, chosen, value);
    setBusy(false);
    setError(failure);
    if (!failure) onDone?.();
  };
  const toggle = (path: string) =>
    setTicked((prev) => {
      const next = new Set(prev);
      if (next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });

  return (
    <div className="mt-2 rounded-md border border-orange-200 bg-orange-50/60 p-2 text-slate-800">
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-700">
        {m.explanationLabel}
      </label>
      <textarea
        ref={box}
        id={id}
        rows={2}
        value={text}
        placeholder={m.explanationPlaceholder}
        onChange={(e) => setText(e.target.value)}
        className="block w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
      />
      {others.length > 0 ? (
        <fieldset className="mt-2" data-testid="same-rule">
          <legend className="text-xs text-slate-700">{m.sameRule(others.length)}</legend>
          <label className="mt-1 flex items-center gap-1.5 text-xs font-medium">
            <input
              type="checkbox"
              checked={allTicked}
              onChange={() => setTicked(allTicked ? new Set() : new Set(others.map((f) => f.path)))}
            />
            {m.tickAll}
          </label>
          <ul className="mt-1 max-h-32 space-y-0.5 overflow-y-auto">
            {others.map((f) => (
              <li key={f.path}>
                <label className="flex items-start gap-1.5 text-xs">
                  <input
                    type="checkbox"
                    className="mt-0.5"
                    checked={ticked.has(f.path)}
                    onChange={() => toggle(f.path)}
                  />
                  <span>
                    {describePath(f.path, document)}
                    {explanationOf(explanations, f) ? (
                      <span className="text-slate-500">（{m.alreadyExplained}）</span>
                    ) : null}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
      {error ? (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <div className="mt-2 flex gap-2">
        <Button size="sm" disabled={busy || text.trim() === ""} onClick={() => submit(text)}>
          {chosen.length > 1 ? m.saveExplanationN(chosen.length) : m.saveExplanation}
        </Button>
        {current ? (
          <Button size="sm" variant="ghost" disabled={busy} onClick={() => submit("")}>
            {chosen.length > 1 ? m.withdrawExplanationN(chosen.length) : m.withdrawExplanation}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
