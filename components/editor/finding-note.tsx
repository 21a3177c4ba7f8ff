"use client";

import { useState } from "react";
import { useFormContext } from "react-hook-form";
import { formName } from "@/lib/editor/section-forms";
import { zhCN } from "@/lib/i18n/zh-CN";
import type { Finding } from "@/lib/rules/finding";
import { cn } from "@/components/ui/cn";
import { useEditor, useExplanation } from "./editor-context";
import { ExplanationForm } from "./explanation-form";

const m = zhCN.editor.findings;

const tone: Record<Finding["severity"], string> = {
  error: "text-red-700",
  warning: "text-orange-800",
  info: "text-slate-600",
};

/**
 * A finding under its field: what is wrong, what to do, its one-click fix where the rule knows the
 * right value ("填入表中数"), and for a warning whether it is explained.
 */
export function FindingNote({ finding }: { finding: Finding }) {
  const { readOnly, applyFix } = useEditor();
  const form = useFormContext();
  const explanation = useExplanation(finding);
  const [open, setOpen] = useState(false);
  const fix = finding.fix;
  const onFix = () => {
    if (!fix) return;
    const name = formName(finding.path);
    // A field of the open section's form takes the value as if typed; anything else (a grid's cell) through the editor.
    if (form && form.getValues(name) !== undefined)
      form.setValue(name, fix.value, { shouldDirty: true, shouldTouch: true, shouldValidate: true });
    else applyFix(finding.path, fix.value);
  };
  return (
    <li className={cn("text-sm", tone[finding.severity])} data-finding={finding.rule}>
      <span className="mr-1 font-medium">{m.severity[finding.severity]}：</span>
      {finding.message}
      {finding.hint ? <span className="text-slate-600">（{finding.hint}）</span> : null}
      {fix && !readOnly ? (
        <button
          type="button"
          className="ml-2 rounded border border-brand-300 bg-white px-1.5 py-0.5 text-xs font-medium text-brand-700 hover:bg-brand-50"
          onClick={onFix}
        >
          {fix.label}
        </button>
      ) : null}
      {finding.severity === "warning" ? (
        explanation && !open ? (
          <span className="ml-1 text-slate-600">
            · {m.explained}：{explanation}
            {!readOnly ? (
              <button
                type="button"
                className="ml-1 text-brand-700 underline-offset-2 hover:underline"
                onClick={() => setOpen(true)}
              >
                {m.explain}
              </button>
            ) : null}
          </span>
        ) : !readOnly && !open ? (
          <button
            type="button"
            className="ml-1 text-brand-700 underline underline-offset-2"
            onClick={() => setOpen(true)}
          >
            {m.explain}
          </button>
        ) : null
      ) : null}
      {open ? <ExplanationForm finding={finding} onDone={() => setOpen(false)} /> : null}
    </li>
  );
}
